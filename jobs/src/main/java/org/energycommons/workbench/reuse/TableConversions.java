package org.energycommons.workbench.reuse;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.provenance.Json;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conversions between Spark rows and Tablesaw tables for the reuse API, written by hand because neither library
 * converts to the other: flat Spark types map to Tablesaw columns of the same kind, timestamps to instants, and
 * nested values (arrays, maps, structs) to their JSON text, which {@link #toSpark} parses back.
 */
final class TableConversions {

    private TableConversions() {
    }

    /** The rows as a Tablesaw table (collected on the driver). */
    static Table toTablesaw(Dataset<Row> rows, String name) {
        StructField[] fields = rows.schema().fields();
        List<Row> data = rows.collectAsList();
        Table table = Table.create(name);
        for (int c = 0; c < fields.length; c++) {
            table.addColumns(column(fields[c], data, c));
        }
        return table;
    }

    private static Column<?> column(StructField field, List<Row> data, int c) {
        DataType type = field.dataType();
        String name = field.name();
        if (type.equals(DataTypes.StringType)) {
            StringColumn col = StringColumn.create(name);
            data.forEach(r -> col.append(r.isNullAt(c) ? null : r.getString(c)));
            return col;
        }
        if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
            IntColumn col = IntColumn.create(name);
            data.forEach(r -> col.append(r.isNullAt(c) ? null : ((Number) r.get(c)).intValue()));
            return col;
        }
        if (type.equals(DataTypes.LongType)) {
            LongColumn col = LongColumn.create(name);
            data.forEach(r -> {
                if (r.isNullAt(c)) {
                    col.appendMissing();
                } else {
                    col.append(r.getLong(c));
                }
            });
            return col;
        }
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)
                || type instanceof org.apache.spark.sql.types.DecimalType) {
            DoubleColumn col = DoubleColumn.create(name);
            data.forEach(r -> col.append(r.isNullAt(c) ? null : ((Number) r.get(c)).doubleValue()));
            return col;
        }
        if (type.equals(DataTypes.BooleanType)) {
            BooleanColumn col = BooleanColumn.create(name);
            data.forEach(r -> {
                if (r.isNullAt(c)) {
                    col.appendMissing();
                } else {
                    col.append(r.getBoolean(c));
                }
            });
            return col;
        }
        if (type.equals(DataTypes.DateType)) {
            DateColumn col = DateColumn.create(name);
            data.forEach(r -> col.append(r.isNullAt(c) ? null : r.getDate(c).toLocalDate()));
            return col;
        }
        if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType)) {
            InstantColumn col = InstantColumn.create(name);
            data.forEach(r -> col.append(r.isNullAt(c) ? null : instant(r.get(c))));
            return col;
        }
        // Nested values travel as JSON text.
        StringColumn col = StringColumn.create(name);
        data.forEach(r -> col.append(r.isNullAt(c) ? null : Json.write(plain(r.get(c))).replaceAll("\\s+", "")));
        return col;
    }

    private static Instant instant(Object v) {
        return v instanceof Timestamp t ? t.toInstant() : v instanceof java.time.LocalDateTime l
                ? l.toInstant(java.time.ZoneOffset.UTC) : (Instant) v;
    }

    private static Object plain(Object v) {
        if (v instanceof scala.collection.Seq<?> seq) {
            List<Object> out = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava(map).forEach((k, x) -> out.put(k, plain(x)));
            return out;
        }
        if (v instanceof Row row) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                out.put(row.schema().fields()[i].name(), plain(row.get(i)));
            }
            return out;
        }
        return v;
    }

    /**
     * A Tablesaw table as Spark rows of {@code schema}: each field is read from the column of the same name (a
     * missing column gives nulls), numbers are cast to the field's type, arrays of numbers parsed from their JSON text.
     */
    static Dataset<Row> toSpark(SparkSession spark, Table table, StructType schema) {
        List<Row> rows = new ArrayList<>(table.rowCount());
        StructField[] fields = schema.fields();
        for (int i = 0; i < table.rowCount(); i++) {
            Object[] values = new Object[fields.length];
            for (int f = 0; f < fields.length; f++) {
                String name = fields[f].name();
                if (table.containsColumn(name) && !table.column(name).isMissing(i)) {
                    values[f] = value(table.column(name), i, fields[f].dataType());
                }
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Object value(Column<?> column, int i, DataType type) {
        Object v = column.get(i);
        if (type.equals(DataTypes.StringType)) {
            return v.toString();
        }
        if (type.equals(DataTypes.IntegerType)) {
            return ((Number) v).intValue();
        }
        if (type.equals(DataTypes.LongType)) {
            return ((Number) v).longValue();
        }
        if (type.equals(DataTypes.DoubleType)) {
            return ((Number) v).doubleValue();
        }
        if (type.equals(DataTypes.FloatType)) {
            return ((Number) v).floatValue();
        }
        if (type.equals(DataTypes.BooleanType)) {
            return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
        }
        if (type.equals(DataTypes.DateType)) {
            return Date.valueOf(v instanceof LocalDate d ? d : LocalDate.parse(v.toString()));
        }
        if (type.equals(DataTypes.TimestampType)) {
            return Timestamp.from(v instanceof Instant t ? t : Instant.parse(v.toString()));
        }
        if (type instanceof ArrayType a && (a.elementType().equals(DataTypes.DoubleType))) {
            List<?> list = Json.read(v.toString(), List.class);
            return list.stream().map(x -> x == null ? null : ((Number) x).doubleValue()).toList()
                    .toArray(new Double[0]);
        }
        throw new IllegalArgumentException("column " + column.name() + ": cannot convert a Tablesaw "
                + column.type().name() + " to Spark type " + type.simpleString());
    }

    /** Tablesaw column type of a Table Schema field type, for reading a published CSV. */
    static ColumnType columnType(String tableSchemaType) {
        return switch (tableSchemaType) {
            case "integer" -> ColumnType.LONG;
            case "number" -> ColumnType.DOUBLE;
            case "boolean" -> ColumnType.BOOLEAN;
            case "date" -> ColumnType.LOCAL_DATE;
            default -> ColumnType.STRING; // datetimes are parsed as instants after reading
        };
    }
}

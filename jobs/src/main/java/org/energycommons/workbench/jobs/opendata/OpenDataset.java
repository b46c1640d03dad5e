package org.energycommons.workbench.jobs.opendata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.energycommons.workbench.datasets.lake.TableId;

/**
 * A dataset the workbench publishes as open data: aggregates only (per commune, substation, gas area, segment,
 * works type), already through the secrecy guard, with the Table Schema that describes every column.
 *
 * <p>A use case declares its open datasets; {@link OpenDataExport} writes them to {@code DIR/publish/data} as CSV
 * and Parquet and describes them in the Data Package, the DCAT-AP catalogue and the SCDL catalogue.
 *
 * @param name        file and resource name, lower case with underscores, e.g. {@code uc5_passoires_by_commune}
 * @param useCase     the use case that publishes it, e.g. {@code uc5}
 * @param title       its title, French first then English
 * @param description what one row is and how the rows were made safe to publish, French first then English
 * @param fields      every column of {@code rows}, in order, with its meaning
 * @param primaryKey  the columns that identify a row
 * @param granularity the spatial unit of a row (SCDL {@code COUV_SPAT_MAILLE}), e.g. {@code commune}
 * @param lakeTables  the lake tables it was computed from, whose versions the package records
 * @param rows        the rows, in publication order
 */
public record OpenDataset(String name, String useCase, Text title, Text description, List<Field> fields,
                          List<String> primaryKey, String granularity, List<TableId> lakeTables, Dataset<Row> rows) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** A text in French and in English. */
    public record Text(String fr, String en) {

        public Text {
            Objects.requireNonNull(fr, "fr");
            Objects.requireNonNull(en, "en");
        }
    }

    /**
     * A column of an open dataset.
     *
     * @param name        the column name in {@code rows}
     * @param description what it holds, in English (the schema's language)
     * @param unit        its unit, empty when it has none
     * @param countOf     what the column counts when it is a count ({@code dwellings}, {@code meters},
     *                    {@code public buildings}...), else empty: the publication audit checks such cells against
     *                    the secrecy threshold
     */
    public record Field(String name, String description, String unit, String countOf) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            unit = unit == null ? "" : unit;
            countOf = countOf == null ? "" : countOf;
        }

        /** A column without unit that is not a count. */
        public static Field of(String name, String description) {
            return new Field(name, description, "", "");
        }

        /** A column with a unit. */
        public static Field measured(String name, String description, String unit) {
            return new Field(name, description, unit, "");
        }

        /** A count of a population. */
        public static Field count(String name, String description, String population) {
            return new Field(name, description, "", population);
        }
    }

    public OpenDataset {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("open dataset name must be lower case with underscores: " + name);
        }
        Objects.requireNonNull(useCase, "useCase");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(rows, "rows");
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        lakeTables = List.copyOf(lakeTables);
        // The schema must describe the rows exactly: a column nobody described is a column nobody checked.
        List<String> columns = List.of(rows.columns());
        List<String> described = fields.stream().map(Field::name).toList();
        if (!columns.equals(described)) {
            throw new IllegalArgumentException("open dataset " + name + ": columns " + columns
                    + " differ from the described fields " + described);
        }
        Set<String> unknownKey = new LinkedHashSet<>(primaryKey);
        unknownKey.removeAll(described);
        if (!unknownKey.isEmpty()) {
            throw new IllegalArgumentException("open dataset " + name + ": primary key " + unknownKey
                    + " is not a column");
        }
    }

    /** The rows' Spark fields, in order. */
    public List<StructField> sparkFields() {
        return new ArrayList<>(List.of(rows.schema().fields()));
    }

    /** Frictionless Table Schema type of a Spark type name ({@code simpleString}). */
    public static String tableSchemaType(String sparkType) {
        return switch (sparkType) {
            case "string" -> "string";
            case "int", "bigint", "smallint", "tinyint" -> "integer";
            case "double", "float" -> "number";
            case "boolean" -> "boolean";
            case "date" -> "date";
            case "timestamp", "timestamp_ntz" -> "datetime";
            default -> {
                if (sparkType.startsWith("decimal")) {
                    yield "number";
                }
                throw new IllegalArgumentException("no Table Schema type for Spark type " + sparkType
                        + " (open datasets hold flat columns only)");
            }
        };
    }

    /** The population each count column counts, by column. */
    public Map<String, String> counts() {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        fields.stream().filter(f -> !f.countOf().isEmpty()).forEach(f -> out.put(f.name(), f.countOf()));
        return out;
    }
}

package org.energycommons.workbench.models.uc6;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One uc6 feature row on the driver or in a partition: its keys, the area's capacity, the numeric features in
 * {@link Uc6Features#FEATURES} order and the actual demand ({@code NaN} when unknown).
 */
public record GasRow(String rowId, String areaId, LocalDate issueDate, int horizon, LocalDate targetDate,
                     double capacityKwh, double[] features, double actualKwh) implements Serializable {

    /** The value of a named feature. */
    public double feature(String name) {
        int i = Uc6Features.FEATURES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown uc6 feature " + name);
        }
        return features[i];
    }

    /** Reads a row of the feature table (any column order; the label may be absent). */
    public static GasRow of(Row r) {
        double[] x = new double[Uc6Features.FEATURES.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = ((Number) r.get(r.fieldIndex(Uc6Features.FEATURES.get(j)))).doubleValue();
        }
        boolean hasLabel = List.of(r.schema().fieldNames()).contains(Uc6Features.LABEL)
                && !r.isNullAt(r.fieldIndex(Uc6Features.LABEL));
        return new GasRow(r.getString(r.fieldIndex("row_id")), r.getString(r.fieldIndex("area_id")),
                r.getDate(r.fieldIndex("issue_date")).toLocalDate(), r.getInt(r.fieldIndex("horizon")),
                r.getDate(r.fieldIndex("target_date")).toLocalDate(),
                r.getDouble(r.fieldIndex(Uc6Features.CAPACITY)), x,
                hasLabel ? r.getDouble(r.fieldIndex(Uc6Features.LABEL)) : Double.NaN);
    }

    /** Reads rows of the feature table. */
    public static List<GasRow> of(List<Row> rows) {
        List<GasRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(of(r));
        }
        return out;
    }
}

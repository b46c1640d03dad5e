package org.energycommons.workbench.datasets.building;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** The electricity conversion factor of {@link DpeFactors} on each side of 1 January 2026 (arrêté of 13 August 2025). */
class DpeFactorsTest implements SharedSparkSession {

    @Test
    void electricityFactorIs23Before2026And19From2026() {
        assertEquals(2.3, DpeFactors.electricityPrimary(LocalDate.of(2021, 7, 1)), 0.0);
        assertEquals(2.3, DpeFactors.electricityPrimary(LocalDate.of(2025, 12, 31)), 0.0);
        assertEquals(1.9, DpeFactors.electricityPrimary(LocalDate.of(2026, 1, 1)), 0.0);
        assertEquals(1.9, DpeFactors.electricityPrimary(LocalDate.of(2026, 12, 6)), 0.0);
        assertThrows(NullPointerException.class, () -> DpeFactors.electricityPrimary((LocalDate) null));
    }

    @Test
    void theColumnAgreesWithTheJavaRuleAndKeepsNulls() {
        StructType schema = new StructType().add("issued_on", DataTypes.DateType, true);
        List<Row> rows = Arrays.asList(RowFactory.create(Date.valueOf("2025-12-31")),
                RowFactory.create(Date.valueOf("2026-01-01")), RowFactory.create((Object) null));
        List<Row> out = spark().createDataFrame(rows, schema)
                .select(DpeFactors.electricityPrimary(col("issued_on")).as("f")).collectAsList();
        assertEquals(2.3, out.get(0).getDouble(0), 0.0);
        assertEquals(1.9, out.get(1).getDouble(0), 0.0);
        assertNull(out.get(2).get(0));
    }

    @Test
    void anElectricDwellingCanLeaveThePassoiresOnlyThroughTheFactor() {
        // 80 m², 200 kWh/m² of electricity, GHG 0.079 kg/kWh: 460 kWh EP/m² (G) with 2.3, 380 (F) with 1.9;
        // 150 kWh/m²: 345 (F) with 2.3, 285 (E) with 1.9 — the same dwelling, certified on each side of the change.
        LocalDate before = LocalDate.of(2025, 12, 31);
        LocalDate after = LocalDate.of(2026, 1, 1);
        assertEquals("G", DpeThresholds.officialClass(200 * DpeFactors.electricityPrimary(before), 200 * 0.079, 80,
                before));
        assertEquals("F", DpeThresholds.officialClass(200 * DpeFactors.electricityPrimary(after), 200 * 0.079, 80,
                after));
        assertEquals("F", DpeThresholds.officialClass(150 * DpeFactors.electricityPrimary(before), 150 * 0.079, 80,
                before));
        assertEquals("E", DpeThresholds.officialClass(150 * DpeFactors.electricityPrimary(after), 150 * 0.079, 80,
                after));
    }
}

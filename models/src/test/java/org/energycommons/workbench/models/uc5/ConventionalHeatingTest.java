package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** {@link ConventionalHeating}: typical loss by envelope, efficiency and factors by heating energy and date. */
class ConventionalHeatingTest implements SharedSparkSession {

    @Test
    void estimatesFollowTheEnvelopeTheHeatingEnergyAndTheCertificateDate() {
        StructType schema = new StructType().add("envelope_index", DataTypes.DoubleType)
                .add("heating_energy", DataTypes.StringType).add("reference_date", DataTypes.DateType);
        List<Row> rows = SPARK.createDataFrame(List.of(
                        RowFactory.create(3.0, "fuel_oil", Date.valueOf("2025-06-01")),
                        RowFactory.create(1.5, "wood", Date.valueOf("2025-06-01")),
                        RowFactory.create(2.0, "heat_pump", Date.valueOf("2025-12-31")),
                        RowFactory.create(2.0, "electricity", Date.valueOf("2026-01-01"))), schema)
                .select(ConventionalHeating.needKwhM2(col("envelope_index"), lit(2000.0))
                        .as("need"), col("heating_energy"), col("reference_date"))
                .withColumn("final", ConventionalHeating.finalKwhM2(col("need"), col("heating_energy")))
                .withColumn("pe", ConventionalHeating.primaryKwhM2(col("final"), col("heating_energy"),
                        col("reference_date")))
                .withColumn("ghg", ConventionalHeating.ghgKgM2(col("final"), col("heating_energy")))
                .collectAsList();
        // Poor envelope, 2,000 degree days: 2.8 × 24 × 2000 / 1000 = 134.4 kWh/m²; fuel oil at 0.85, factor 1.
        assertEquals(134.4, rows.get(0).<Double>getAs("need"), 1e-9);
        assertEquals(134.4 / 0.85, rows.get(0).<Double>getAs("pe"), 1e-9);
        assertEquals(134.4 / 0.85 * 0.324, rows.get(0).<Double>getAs("ghg"), 1e-9);
        // Unknown envelope (index 1.5): halfway between good (1.4) and average (2.0); wood at 0.75, 0.030 kg/kWh.
        assertEquals(1.7 * 48, rows.get(1).<Double>getAs("need"), 1e-9);
        assertEquals(1.7 * 48 / 0.75 * 0.030, rows.get(1).<Double>getAs("ghg"), 1e-9);
        // Average envelope: 96 kWh/m²; heat pump (efficiency 3) in 2025 at 2.3, direct electric in 2026 at 1.9.
        assertEquals(96.0 / 3.0 * 2.3, rows.get(2).<Double>getAs("pe"), 1e-9);
        assertEquals(96.0 * 1.9, rows.get(3).<Double>getAs("pe"), 1e-9);
        assertEquals(96.0 * 0.079, rows.get(3).<Double>getAs("ghg"), 1e-9);
    }
}

package org.energycommons.workbench.models.uc5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** {@link Uc5Features} on a hand-made registry, load curve, gas, weather and certificates. */
class Uc5FeaturesTest implements SharedSparkSession {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 8);
    /** Daily mean temperatures of the four days: HDD (base 18) 10, 6, 2 and 0. */
    private static final double[] MEAN_C = {8, 12, 16, 20};

    @Test
    void featuresHaveTheExpectedValues() {
        StructType buildingSchema = new StructType()
                .add("building_id", DataTypes.StringType).add("commune_code", DataTypes.StringType)
                .add("building_use", DataTypes.StringType).add("construction_year", DataTypes.IntegerType)
                .add("surface_m2", DataTypes.DoubleType).add("envelope", DataTypes.StringType)
                .add("heating_energy", DataTypes.StringType);
        Dataset<Row> buildings = SPARK.createDataFrame(List.of(
                RowFactory.create("B1", "99001", "residential", 1970, 100.0, "poor", "electricity"),
                RowFactory.create("B2", "99001", "residential", 2015, 50.0, "very_good", "gas"),
                RowFactory.create("B3", "99001", "office", 1990, 900.0, "average", "gas")), buildingSchema);
        Dataset<Row> meters = SPARK.createDataFrame(List.of(
                RowFactory.create("M1", "B1", 9), RowFactory.create("M2", "B2", 6), RowFactory.create("M3", "B3", 36)),
                new StructType().add("meter_id", DataTypes.StringType).add("building_id", DataTypes.StringType)
                        .add("subscribed_kva", DataTypes.IntegerType));
        Dataset<Row> communes = SPARK.createDataFrame(List.of(RowFactory.create("99001", "ST01", "H1c")),
                new StructType().add("commune_code", DataTypes.StringType).add("station_id", DataTypes.StringType)
                        .add("climate_zone", DataTypes.StringType));

        List<Row> weather = new ArrayList<>();
        List<Row> load = new ArrayList<>();
        List<Row> gas = new ArrayList<>();
        for (int d = 0; d < MEAN_C.length; d++) {
            LocalDate day = FIRST.plusDays(d);
            double hdd = Math.max(0, 18 - MEAN_C[d]);
            Instant start = day.atStartOfDay(PARIS).toInstant();
            for (int h = 0; h < 24; h++) {
                weather.add(RowFactory.create("ST01", Timestamp.from(start.plusSeconds(3600L * h)), MEAN_C[d]));
            }
            for (int hh = 0; hh < 48; hh++) {
                Timestamp ts = Timestamp.from(start.plusSeconds(1800L * hh));
                // B1: 5 kWh/day base + 2 kWh per degree day; B2: 3 kWh/day of electricity.
                load.add(RowFactory.create("M1", ts, (5 + 2 * hdd) / 48, 30));
                load.add(RowFactory.create("M2", ts, 3.0 / 48, 30));
            }
            // B2 gas: 4 kWh/day + 1.5 kWh per degree day.
            gas.add(RowFactory.create("B2", Date.valueOf(day), 4 + 1.5 * hdd));
        }
        Dataset<Row> weatherRows = SPARK.createDataFrame(weather, new StructType()
                .add("station_id", DataTypes.StringType).add("ts_utc", DataTypes.TimestampType)
                .add("temperature_c", DataTypes.DoubleType));
        Dataset<Row> loadRows = SPARK.createDataFrame(load, new StructType()
                .add("meter_id", DataTypes.StringType).add("ts_utc", DataTypes.TimestampType)
                .add("kwh", DataTypes.DoubleType).add("step_minutes", DataTypes.IntegerType));
        Dataset<Row> gasRows = SPARK.createDataFrame(gas, new StructType()
                .add("building_id", DataTypes.StringType).add("local_date", DataTypes.DateType)
                .add("gas_kwh", DataTypes.DoubleType));
        StructType dpeSchema = new StructType()
                .add("building_id", DataTypes.StringType).add("dpe_id", DataTypes.StringType)
                .add("issued_on", DataTypes.DateType).add("energy_class", DataTypes.StringType)
                .add("primary_energy_kwh_m2", DataTypes.DoubleType).add("ghg_kg_m2", DataTypes.DoubleType);
        Dataset<Row> dpe = SPARK.createDataFrame(List.of(
                RowFactory.create("B1", "22OLD", Date.valueOf("2022-03-01"), "F", 400.0, 12.0),
                RowFactory.create("B1", "24NEW", Date.valueOf("2024-09-01"), "e", 300.0, 10.0)), dpeSchema);
        Dataset<Row> works = SPARK.createDataFrame(List.of(), new StructType()
                .add("building_id", DataTypes.StringType).add("works_date", DataTypes.DateType));

        Map<String, Row> rows = new HashMap<>();
        for (Row r : Uc5Features.build(buildings, meters, communes, loadRows, gasRows, weatherRows,
                dpe, works).collectAsList()) {
            rows.put(r.getAs("building_id"), r);
        }
        assertEquals(2, rows.size(), "only dwellings");
        Row b1 = rows.get("B1");
        Row b2 = rows.get("B2");
        // Reference HDD: (10 + 6 + 2 + 0) / 4 days × 365 = 1,642.5.
        assertEquals(1642.5, b1.<Double>getAs("hdd_reference"), 1e-9);
        // B1: a = 5, b = 2 → (365 × 5 + 2 × 1,642.5) / 100 m² = 51.1 kWh/m².
        assertEquals(51.1, b1.<Double>getAs("elec_kwh_m2"), 1e-9);
        assertEquals(18.25, b1.<Double>getAs("elec_base_kwh_m2"), 1e-9);
        assertEquals(20.0, b1.<Double>getAs("elec_slope_wh_m2_dd"), 1e-9);
        // Certified in 2024: electricity converts with 2.3 (1.9 only for certificates from 2026).
        assertEquals(2.3, b1.<Double>getAs("electricity_primary_factor"), 0.0);
        assertEquals(51.1 * 2.3, b1.<Double>getAs("metered_pe_kwh_m2"), 1e-9);
        assertEquals(51.1 * 0.079, b1.<Double>getAs("metered_ghg_kg_m2"), 1e-9);
        // Conventional estimate: a poor envelope loses 2.8 W/m²K → 2.8 × 24 h × 1,642.5 / 1000 = 110.376 kWh/m²,
        // direct electric (efficiency 1) at 2.3.
        assertEquals(110.376, b1.<Double>getAs("conventional_need_kwh_m2"), 1e-9);
        assertEquals(110.376 * 2.3, b1.<Double>getAs("conventional_pe_kwh_m2"), 1e-9);
        assertEquals(110.376 * 0.079, b1.<Double>getAs("conventional_ghg_kg_m2"), 1e-9);
        assertEquals(0.0, b1.<Double>getAs("gas_kwh_m2"), 1e-12);
        assertEquals(4.0, b1.<Double>getAs("metered_days"), 1e-12);
        assertEquals(3.0, b1.<Double>getAs("envelope_index"), 1e-12);
        assertEquals(1.0, b1.<Double>getAs("heating_electricity"), 1e-12);
        assertEquals(1.0, b1.<Double>getAs("zone_h1"), 1e-12);
        assertEquals(0.0, b1.<Double>getAs("zone_h3"), 1e-12);
        assertEquals(9.0, b1.<Double>getAs("subscribed_kva"), 1e-12);
        // The latest certificate is the label, upper-cased.
        assertTrue(b1.<Boolean>getAs("certified"));
        assertEquals("24NEW", b1.getAs("dpe_id"));
        assertEquals("E", b1.getAs("certificate_class"));
        assertEquals(300.0, b1.<Double>getAs("certificate_pe_kwh_m2"), 1e-12);

        // B2: electricity 3 × 365 / 50 = 21.9; gas (365 × 4 + 1.5 × 1,642.5) / 50 = 78.475 kWh/m².
        assertEquals(21.9, b2.<Double>getAs("elec_kwh_m2"), 1e-9);
        assertEquals(0.0, b2.<Double>getAs("elec_slope_wh_m2_dd"), 1e-9);
        assertEquals(78.475, b2.<Double>getAs("gas_kwh_m2"), 1e-9);
        assertEquals(30.0, b2.<Double>getAs("gas_slope_wh_m2_dd"), 1e-9);
        assertEquals(21.9 * 2.3 + 78.475, b2.<Double>getAs("metered_pe_kwh_m2"), 1e-9);
        assertEquals(21.9 * 0.079 + 78.475 * 0.227, b2.<Double>getAs("metered_ghg_kg_m2"), 1e-9);
        // Very good envelope (0.8 W/m²K), gas boiler at 0.9: 31.536 / 0.9 = 35.04 kWh/m² final = primary.
        assertEquals(31.536, b2.<Double>getAs("conventional_need_kwh_m2"), 1e-9);
        assertEquals(35.04, b2.<Double>getAs("conventional_pe_kwh_m2"), 1e-9);
        assertEquals(35.04 * 0.227, b2.<Double>getAs("conventional_ghg_kg_m2"), 1e-9);
        assertFalse(b2.<Boolean>getAs("certified"));
        assertNull(b2.getAs("certificate_class"));
        // Without certificate, the reference date is the latest issue date in the table (after July 2024), but
        // 50 m² is not a small surface.
        assertEquals(Date.valueOf("2024-09-01"), b2.getAs("reference_date"));
        assertEquals(0.0, b2.<Double>getAs("small_surface_rule"), 1e-12);
        assertEquals(1.0, b2.<Double>getAs("heating_gas"), 1e-12);
    }
}

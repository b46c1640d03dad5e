package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.building.DpeFactors;
import org.energycommons.workbench.datasets.ingest.connectors.AdemeDpe;
import org.junit.jupiter.api.Test;

class SyntheticDpeTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    @Test
    void annualFinalEnergyFollowsTheTrueParametersOverTheReferenceYear() {
        RegionConfig config = new RegionConfig(10, 365, LocalDate.of(2023, 1, 1), 42L, 10);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        // Direct electric heating only: 0.2 kW/°C, 11 °C below the balance point all year.
        SyntheticFixtures.Meter electric = new SyntheticFixtures.Meter(1).heating("electricity", 0.2, 16)
                .surface(80);
        // Base load only, warm station: 20 % of it is lighting and auxiliaries.
        SyntheticFixtures.Meter baseOnly = new SyntheticFixtures.Meter(2).heating("electricity", 0.2, 16)
                .base(0.5).station("ST03");
        // Gas dwelling above its balance point: hot water only, plus electric auxiliaries (none here).
        SyntheticFixtures.Meter gas = new SyntheticFixtures.Meter(3).archetype(Archetype.RESIDENTIAL_OTHER_HEATING)
                .heating("gas", 0.0, 16).station("ST03").surface(50);
        // Fuel oil in the cold: loss 0.1 / 0.04 = 2.5 kW/°C at efficiency 0.85, plus boiler hot water.
        SyntheticFixtures.Meter oil = new SyntheticFixtures.Meter(4).archetype(Archetype.RESIDENTIAL_OTHER_HEATING)
                .heating("fuel_oil", 0.1, 16);
        SyntheticFixtures.Meter office = new SyntheticFixtures.Meter(5).archetype(Archetype.OFFICE);
        Dataset<Row> meters = SyntheticFixtures.meters(spark, electric, baseOnly, gas, oil, office);
        Dataset<Row> weather = SyntheticFixtures.constantWeather(spark, config, Map.of("ST01", 5.0, "ST03", 20.0));
        Dataset<Row> calendar = region.calendar();

        Map<String, Row> energy = SyntheticDpe.annualFinalEnergy(spark, config, meters, weather, calendar)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        assertEquals(Set.of(electric.buildingId, baseOnly.buildingId, gas.buildingId, oil.buildingId),
                energy.keySet(), "dwellings only");
        // 2023 has one 46- and one 50-half-hour day: 365 full days of the (day-type independent) schedule.
        double heatingDay = Arrays.stream(Archetype.RESIDENTIAL_ELECTRIC_HEATING.heating(DayType.WORKDAY)).sum();
        assertEquals(365 * 0.5 * 0.2 * 11 * heatingDay, energy.get(electric.buildingId).getDouble(1), 1e-6);
        assertEquals(0.2 * 0.5 * 8760, energy.get(baseOnly.buildingId).getDouble(1), 1e-6);

        Row g = energy.get(gas.buildingId);
        assertEquals(0.0, g.getDouble(1), 0.0);
        double gasYear = SyntheticGas.expectedBuildingDaily(config, meters, weather)
                .filter(col("building_id").equalTo(gas.buildingId)).agg(sum("expected_gas_kwh")).first().getDouble(0);
        assertEquals(gasYear, g.getDouble(2), 1e-6, "the gas of SyntheticGas");
        assertTrue(g.getDouble(2) >= 4 * 365 && g.getDouble(2) < 12 * 365, "hot water only: " + g);

        Row o = energy.get(oil.buildingId);
        double hotWater = o.getDouble(3) - 365 * 24 * (0.1 / 0.04) * 11 / 0.85;
        assertTrue(hotWater >= 4 * 365 - 1e-6 && hotWater < 12 * 365, "fuel oil heating + hot water: " + o);
        assertEquals(0.0, o.getDouble(2), 0.0);
        assertEquals(0.0, o.getDouble(4), 0.0);

        // Conversion to primary energy and GHG per m², then the official class.
        Map<String, Row> truth = SyntheticDpe.trueClasses(spark, config, meters, weather, calendar)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        // Electricity converts with the factor of the dwelling's truth date (its certificate date, or today's rules
        // without a certificate): 2.3 before 2026, 1.9 from then.
        Map<String, Double> factor = meters.select(col("building_id"), SyntheticDpe.truthDate(config).as("issued_on"))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0),
                        r -> DpeFactors.electricityPrimary(r.getDate(1).toLocalDate())));
        Row e = energy.get(electric.buildingId);
        Row t = truth.get(electric.buildingId);
        assertEquals(Math.round(e.getDouble(1) * factor.get(electric.buildingId) / 80 * 10) / 10.0, t.getDouble(1),
                1e-9);
        assertEquals(Math.round(e.getDouble(1) * 0.079 / 80 * 10) / 10.0, t.getDouble(2), 1e-9);
        Row tg = truth.get(gas.buildingId);
        assertEquals(Math.round(g.getDouble(2) * 1.0 / 50 * 10) / 10.0, tg.getDouble(1), 1e-9);
        assertEquals(Math.round(g.getDouble(2) * 0.227 / 50 * 10) / 10.0, tg.getDouble(2), 1e-9);
        Row to = truth.get(oil.buildingId);
        assertTrue(o.getDouble(1) > 0, "electric auxiliaries of the boiler");
        assertEquals(Math.round((o.getDouble(1) * factor.get(oil.buildingId) + o.getDouble(3)) / 100 * 10) / 10.0,
                to.getDouble(1), 1e-9);
        assertEquals(Math.round((o.getDouble(1) * 0.079 + o.getDouble(3) * 0.324) / 100 * 10) / 10.0,
                to.getDouble(2), 1e-9);
    }

    @Test
    void certificatesCoverFortyPercentOfDwellingsWithOfficialClassesAndNoisyValues() {
        RegionConfig config = new RegionConfig(400, 60, LocalDate.of(2023, 10, 2), 42L, 20);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> meters = region.meters().cache();
        Dataset<Row> weather = region.weather();
        Dataset<Row> calendar = region.calendar();
        List<Row> certificates = SyntheticDpe.certificates(spark, config, meters, weather, calendar).collectAsList();
        Map<String, Row> truth = SyntheticDpe.trueClasses(spark, config, meters, weather, calendar)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        long dwellings = meters.filter(col("building_use").equalTo("residential")).count();
        assertEquals(dwellings, truth.size());
        assertEquals(0.40, (double) certificates.size() / dwellings, 0.08, certificates.size() + " / " + dwellings);

        Set<String> ids = new HashSet<>();
        Set<String> classes = new HashSet<>();
        int sameClass = 0;
        int issuedFrom2026 = 0;
        for (Row c : certificates) {
            String id = c.getAs("dpe_id");
            assertTrue(id.matches("[0-9A-Z]{13}"), id);
            ids.add(id);
            LocalDate issued = ((Date) c.getAs("issued_on")).toLocalDate();
            assertTrue(!issued.isBefore(LocalDate.of(2021, 7, 1)) && !issued.isAfter(LocalDate.of(2026, 12, 31)));
            if (!issued.isBefore(DpeFactors.ELECTRICITY_FACTOR_CHANGE)) {
                issuedFrom2026++;
            }
            double pe = c.getAs("primary_energy_kwh_m2");
            double ghg = c.getAs("ghg_kg_m2");
            double surface = c.getAs("surface_m2");
            assertEquals(AdemeDpe.officialClass(pe, ghg, surface, issued), c.getAs("energy_class"), c.toString());
            assertEquals(AdemeDpe.officialClass(0, ghg, surface, issued), c.getAs("ghg_class"), c.toString());
            classes.add(c.getAs("energy_class"));

            // The truth: same date, no noise, class consistent with the official rule.
            Row t = truth.get((String) c.getAs("building_id"));
            double truePe = t.getDouble(1);
            double trueGhg = t.getDouble(2);
            assertEquals(AdemeDpe.officialClass(truePe, trueGhg, surface, issued), t.getString(3), t.toString());
            double ratio = pe / truePe;
            assertTrue(ratio > Math.exp(-5 * 0.18) && ratio < Math.exp(5 * 0.18), "noise " + ratio);
            if (t.getString(3).equals(c.getAs("energy_class"))) {
                sameClass++;
            }
        }
        assertEquals(certificates.size(), ids.size(), "unique certificate numbers");
        // Issue days uniform over 2021-07-01..2026-12-31: about 365 / 2010 of them under the 2026 factor.
        assertEquals(365.0 / 2010, (double) issuedFrom2026 / certificates.size(), 0.06, issuedFrom2026 + " from 2026");
        assertTrue(classes.size() >= 3, "classes " + classes);
        assertTrue(sameClass < certificates.size(), "certificates disagree with the truth sometimes");
        assertTrue(sameClass > certificates.size() / 3, "but not always: " + sameClass);

        List<String> again = SyntheticFixtures.sortedRows(
                SyntheticDpe.certificates(spark, config, meters.repartition(3), weather, calendar));
        assertEquals(certificates.stream().map(Row::toString).sorted().toList(), again);
        RegionConfig other = new RegionConfig(400, 60, LocalDate.of(2023, 10, 2), 43L, 20);
        SyntheticRegion otherRegion = new SyntheticRegion(spark, other);
        assertNotEquals(again, SyntheticFixtures.sortedRows(SyntheticDpe.certificates(spark, other,
                otherRegion.meters(), otherRegion.weather(), otherRegion.calendar())));
        meters.unpersist();
    }
}

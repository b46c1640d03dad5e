package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class SyntheticGasTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    @Test
    void sameSeedGivesIdenticalRowsAndAnotherSeedDoesNot() {
        RegionConfig config = new RegionConfig(60, 40, LocalDate.of(2024, 1, 8), 5L, 20);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> weather = region.weather();
        List<String> first = SyntheticFixtures.sortedRows(SyntheticGas.buildingDaily(config, region.meters(), weather));
        // Another partitioning of the same work must not change a single value.
        List<String> second = SyntheticFixtures.sortedRows(
                SyntheticGas.buildingDaily(config, region.meters().repartition(3), weather.repartition(4)));
        assertTrue(first.size() >= 5 * 40, "gas buildings × days: " + first.size());
        assertEquals(first, second);
        List<String> areas = SyntheticFixtures.sortedRows(SyntheticGas.areaDaily(config, region.meters(), weather,
                SyntheticGas.buildingDaily(config, region.meters(), weather)));
        List<String> areasAgain = SyntheticFixtures.sortedRows(SyntheticGas.areaDaily(config,
                region.meters().repartition(2), weather.repartition(3),
                SyntheticGas.buildingDaily(config, region.meters(), weather).repartition(5)));
        assertTrue(areas.size() >= 40, "areas × days: " + areas.size());
        assertEquals(areas, areasAgain);

        RegionConfig other = new RegionConfig(60, 40, LocalDate.of(2024, 1, 8), 6L, 20);
        SyntheticRegion otherRegion = new SyntheticRegion(spark, other);
        List<String> third = SyntheticFixtures.sortedRows(
                SyntheticGas.buildingDaily(other, otherRegion.meters(), otherRegion.weather()));
        Set<String> common = new HashSet<>(first);
        common.retainAll(third);
        assertTrue(common.size() < first.size() / 10, "another seed, other rows: " + common.size());
    }

    @Test
    void heatingFollowsTheDegreesBelowTheBalancePointAndVanishesAbove() {
        RegionConfig config = new RegionConfig(10, 60, LocalDate.of(2024, 1, 1), 3L, 10);
        // loss = slope / 0.04 = 3 kW/°C; balance point 14 °C.
        SyntheticFixtures.Meter coldOffice = new SyntheticFixtures.Meter(1).archetype(Archetype.OFFICE)
                .heating("gas", 0.12, 14).station("ST01");
        SyntheticFixtures.Meter warmOffice = new SyntheticFixtures.Meter(2).archetype(Archetype.OFFICE)
                .heating("gas", 0.12, 14).station("ST03");
        SyntheticFixtures.Meter warmDwelling = new SyntheticFixtures.Meter(3)
                .archetype(Archetype.RESIDENTIAL_OTHER_HEATING).heating("gas", 0.004, 16).station("ST03");
        SyntheticFixtures.Meter electric = new SyntheticFixtures.Meter(4).heating("electricity", 0.3, 16);
        Dataset<Row> meters = SyntheticFixtures.meters(spark, coldOffice, warmOffice, warmDwelling, electric);
        Dataset<Row> weather = SyntheticFixtures.constantWeather(spark, config, Map.of("ST01", 5.0, "ST03", 20.0));

        Map<String, List<Double>> expected = byBuilding(SyntheticGas.expectedBuildingDaily(config, meters, weather));
        Map<String, List<Double>> metered = byBuilding(SyntheticGas.buildingDaily(config, meters, weather));
        assertEquals(3, expected.size(), "only gas-heated buildings");
        double heating = 24 * 3.0 * (14 - 5) / 0.9;
        for (double v : expected.get(coldOffice.buildingId)) {
            assertEquals(heating, v, 1e-9);
        }
        assertEquals(60, expected.get(coldOffice.buildingId).size());
        for (double v : metered.get(warmOffice.buildingId)) {
            assertEquals(0.0, v, 0.0, "no gas above the balance point without hot water");
        }
        double hotWater = expected.get(warmDwelling.buildingId).get(0);
        assertTrue(hotWater >= 4 && hotWater < 12, "hot water " + hotWater);
        for (double v : expected.get(warmDwelling.buildingId)) {
            assertEquals(hotWater, v, 1e-12);
        }
        // Unit-mean noise: the mean of the metered days is close to the expected value.
        double mean = metered.get(coldOffice.buildingId).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        assertEquals(1.0, mean / heating, 0.05);
        assertTrue(metered.get(coldOffice.buildingId).stream().distinct().count() > 50, "noise varies by day");
    }

    @Test
    void areaDemandIsTheMeteredBuildingsPlusTheirExpectedLookAlikesAndABaseUnderACommonAreaDayFactor() {
        RegionConfig config = new RegionConfig(10, 80, LocalDate.of(2024, 1, 1), 11L, 10);
        // loss = slope / 0.04: 3 kW/°C and 1.5 kW/°C; an electric dwelling that gas ignores.
        SyntheticFixtures.Meter office = new SyntheticFixtures.Meter(1).archetype(Archetype.OFFICE)
                .heating("gas", 0.12, 14).station("ST01");
        SyntheticFixtures.Meter dwelling = new SyntheticFixtures.Meter(2)
                .archetype(Archetype.RESIDENTIAL_OTHER_HEATING).heating("gas", 0.06, 16).station("ST01");
        SyntheticFixtures.Meter electric = new SyntheticFixtures.Meter(3).heating("electricity", 0.3, 16);
        SyntheticFixtures.Meter other = new SyntheticFixtures.Meter(4).archetype(Archetype.OFFICE)
                .heating("gas", 0.04, 14).station("ST01");
        other.communeCode = "99002";
        Dataset<Row> meters = SyntheticFixtures.meters(spark, office, dwelling, electric, other);
        Dataset<Row> weather = SyntheticFixtures.constantWeather(spark, config, Map.of("ST01", 4.0));

        Map<String, Row> base = new HashMap<>();
        for (Row r : SyntheticGas.areaBase(config, meters).collectAsList()) {
            base.put(r.getString(0), r);
        }
        assertEquals(Set.of("GA-99001", "GA-99002"), base.keySet());
        double reference = 24 * (3.0 + 1.5) * 12 / 0.9;
        double share = base.get("GA-99001").getDouble(1);
        assertTrue(share >= 0.15 && share < 0.25, "base share " + share);
        assertEquals(share * 250 * reference, base.get("GA-99001").getDouble(2), 1e-6);

        Dataset<Row> buildingDaily = SyntheticGas.buildingDaily(config, meters, weather);
        Map<String, List<Double>> expected = byBuilding(SyntheticGas.expectedBuildingDaily(config, meters, weather));
        Map<String, List<Double>> metered = byBuilding(buildingDaily);
        double expectedSum = expected.get(office.buildingId).get(0) + expected.get(dwelling.buildingId).get(0);
        double unmodelled = 249 * expectedSum + share * 250 * reference;
        List<Double> factors = new ArrayList<>();
        List<Row> days = SyntheticGas.areaDaily(config, meters, weather, buildingDaily)
                .filter(col("area_id").equalTo("GA-99001"))
                .orderBy("local_date")
                .collectAsList();
        assertEquals(80, days.size());
        for (int d = 0; d < days.size(); d++) {
            Row r = days.get(d);
            assertEquals(2L, r.getLong(r.fieldIndex("n_buildings")), "electric and other-commune buildings excluded");
            double meteredSum = metered.get(office.buildingId).get(d) + metered.get(dwelling.buildingId).get(d);
            factors.add((r.getDouble(r.fieldIndex("gas_kwh")) - meteredSum) / unmodelled);
        }
        double mean = factors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(factors.stream().mapToDouble(f -> (f - mean) * (f - mean)).sum() / (factors.size() - 1));
        // The area-day factor has unit mean and a σ of 0.02: the buildings' own 10 % noise does not reach the area.
        assertEquals(1.0, mean, 0.01);
        assertTrue(sd > 0.01 && sd < 0.03, "area-day factor sd " + sd);
    }

    @Test
    void lossRecoveredFromTheTrueParametersIsSurfaceTimesU() {
        RegionConfig config = new RegionConfig(300, 35, LocalDate.of(2024, 1, 8), 9L, 25);
        List<Row> rows = new SyntheticRegion(spark, config).meters()
                .select(col("surface_m2"), SyntheticGas.lossKwPerC().as("loss")).collectAsList();
        for (Row r : rows) {
            double u = r.getDouble(1) * 1000 / r.getDouble(0);
            // SyntheticMeter: U from 0.8 × 0.85 to 2.8 × 1.15 W/K/m² (surface rounded to 0.1 m²).
            assertTrue(u > 0.8 * 0.85 * 0.99 && u < 2.8 * 1.15 * 1.01, "U = " + u);
        }
    }

    @Test
    void areasAreOnePerCommuneWithACapacityTheColdestDaysReach() {
        // 22 substations: every commune has meters.
        RegionConfig config = new RegionConfig(220, 365, LocalDate.of(2023, 1, 1), 42L, 10);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> meters = region.meters().cache();
        Dataset<Row> buildingDaily = SyntheticGas.buildingDaily(config, meters, region.weather()).cache();
        Dataset<Row> areaDaily = SyntheticGas.areaDaily(config, meters, region.weather(), buildingDaily).cache();
        List<Row> areaRows = areaDaily.orderBy("area_id", "local_date").collectAsList();
        assertEquals(Geography.COMMUNES.size() * 365, areaRows.size());
        double buildingTotal = buildingDaily.agg(sum("gas_kwh")).first().getDouble(0);
        double areaTotal = areaRows.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("gas_kwh"))).sum();
        // The look-alike consumers scale the buildings' use, and the non-heating base comes on top.
        assertTrue(areaTotal > buildingTotal * SyntheticGas.AREA_SCALE, areaTotal + " vs " + buildingTotal);

        Map<String, List<Double>> demand = new HashMap<>();
        Map<String, double[]> january = new HashMap<>();
        Map<String, double[]> july = new HashMap<>();
        for (Row r : areaRows) {
            String area = r.getString(r.fieldIndex("area_id"));
            double kwh = r.getDouble(r.fieldIndex("gas_kwh"));
            demand.computeIfAbsent(area, k -> new ArrayList<>()).add(kwh);
            assertTrue(r.getLong(r.fieldIndex("n_buildings")) >= 1, "synthetic gas buildings per area: " + r);
            int month = r.getDate(r.fieldIndex("local_date")).toLocalDate().getMonthValue();
            if (month == 1 || month == 7) {
                double[] acc = (month == 1 ? january : july).computeIfAbsent(area, k -> new double[2]);
                acc[0] += kwh;
                acc[1]++;
            }
        }
        // Summer demand is a realistic fraction of winter demand: about 1/5 in zone H1, flatter on the coast.
        for (String area : demand.keySet()) {
            double ratio = (july.get(area)[0] / july.get(area)[1]) / (january.get(area)[0] / january.get(area)[1]);
            assertTrue(ratio > 1.0 / 8 && ratio < 1.0 / 2.5, area + " July / January demand " + ratio);
        }
        List<Row> areas = SyntheticGas.areas(config, areaDaily).orderBy("area_id").collectAsList();
        assertEquals(SyntheticGas.areaIds(), areas.stream().map(r -> r.getString(0)).toList());
        for (Row a : areas) {
            String commune = a.getString(a.fieldIndex("commune_code"));
            assertEquals(SyntheticGas.areaId(commune), a.getString(0));
            Geography.Commune c = Geography.COMMUNES.stream().filter(x -> x.code().equals(commune)).findFirst()
                    .orElseThrow();
            assertEquals(c.stationId(), a.getString(a.fieldIndex("station_id")));
            assertEquals(Geography.station(c.stationId()).climateZone(), a.getString(a.fieldIndex("climate_zone")));
            List<Double> days = demand.get(a.getString(0));
            double p99 = percentile(days, 0.99);
            double capacity = a.getDouble(a.fieldIndex("capacity_kwh_per_day"));
            assertTrue(capacity >= Math.floor(0.97 * p99) && capacity <= Math.ceil(1.10 * p99),
                    a + " p99 " + p99);
            double peak = days.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(peak >= 0.9 * capacity, "coldest day near capacity: " + peak + " vs " + capacity);
            assertTrue(peak > 1_000 && peak < 1e7, "area demand in MWh–GWh/day: " + peak);
        }
        areaDaily.unpersist();
        buildingDaily.unpersist();
        meters.unpersist();
    }

    @Test
    void theDefaultRegionHasSeveralAreasOfAtLeastTenGasBuildings() {
        // The default sizes and seed (300 meters, 25 per substation, seed 42) over a short period.
        RegionConfig defaults = RegionConfig.defaults();
        RegionConfig config = new RegionConfig(defaults.meters(), 35, defaults.start(), defaults.seed(),
                defaults.metersPerSubstation());
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> meters = region.meters();
        Map<String, Long> buildings = new HashMap<>();
        for (Row r : SyntheticGas.areaDaily(config, meters, region.weather(),
                        SyntheticGas.buildingDaily(config, meters, region.weather()))
                .groupBy("area_id").agg(org.apache.spark.sql.functions.min("n_buildings")).collectAsList()) {
            buildings.put(r.getString(0), r.getLong(1));
        }
        assertEquals(Set.of("GA-99001", "GA-99002", "GA-99003", "GA-99004"), buildings.keySet());
        // At least 10 buildings per area: an area's demand may then pass the statistical-secrecy guard.
        buildings.forEach((area, n) -> assertTrue(n >= 10, area + " has " + n + " gas buildings"));
    }

    private static Map<String, List<Double>> byBuilding(Dataset<Row> daily) {
        Map<String, List<Double>> out = new HashMap<>();
        for (Row r : daily.orderBy("building_id", "local_date").collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getDouble(2));
        }
        return out;
    }

    /** The percentile of Spark's {@code percentile}: linear interpolation at position p × (n − 1). */
    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}

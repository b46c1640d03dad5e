package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class SyntheticAddressesTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    @Test
    void dwellingsAreGroupedIntoAddressesOfOneToSixtyMostlySmall() {
        // 80 substations: every commune gets dwellings.
        RegionConfig config = new RegionConfig(2000, 35, LocalDate.of(2024, 1, 8), 42L, 25);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        List<Row> addresses = SyntheticAddresses.dwellingAddresses(config, meters).collectAsList();
        Map<String, String> communeOf = meters.filter(col("building_use").equalTo("residential"))
                .select("building_id", "commune_code").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
        assertEquals(communeOf.size(), addresses.size(), "every dwelling has exactly one address");
        assertEquals(communeOf.keySet(), addresses.stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
        Map<String, Integer> sizes = new HashMap<>();
        for (Row r : addresses) {
            assertEquals(communeOf.get(r.getString(0)), r.getString(2));
            assertTrue(r.getString(3).matches("\\d+ \\p{L}+ .+"), r.getString(3));
            sizes.merge(r.getString(2) + "|" + r.getString(3), 1, Integer::sum);
        }
        assertTrue(sizes.values().stream().allMatch(n -> n >= 1 && n <= 60), sizes.toString());
        long small = sizes.values().stream().filter(n -> n < 10).count();
        assertTrue(small > sizes.size() / 2, "most addresses under the secrecy threshold: " + small + " / "
                + sizes.size());
        assertTrue(sizes.values().stream().anyMatch(n -> n >= 30), "some large blocks");

        assertEquals(SyntheticFixtures.sortedRows(SyntheticAddresses.dwellingAddresses(config, meters)),
                SyntheticFixtures.sortedRows(SyntheticAddresses.dwellingAddresses(config, meters.repartition(3))));
        RegionConfig other = new RegionConfig(2000, 35, LocalDate.of(2024, 1, 8), 43L, 25);
        assertNotEquals(addresses.stream().map(Row::toString).sorted().toList(),
                SyntheticFixtures.sortedRows(SyntheticAddresses.dwellingAddresses(other, meters)));
        meters.unpersist();
    }

    @Test
    void annualUseByAddressSumsItsDwellings() {
        RegionConfig config = new RegionConfig(300, 35, LocalDate.of(2024, 1, 8), 42L, 10);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        // Every delivery point used 1000 + its index kWh in 2024, 1 kWh in 2025.
        Dataset<Row> annual = meters.select(col("prm"), lit(2024).as("year"),
                        col("meter_index").plus(1000).cast("double").as("kwh"))
                .union(meters.select(col("prm"), lit(2025).as("year"), lit(1.0).as("kwh")));
        List<Row> rows = SyntheticAddresses.annualByAddress(config, meters, annual).collectAsList();
        double dwellingTotal = meters.filter(col("building_use").equalTo("residential")).collectAsList().stream()
                .mapToDouble(r -> 1000 + (long) r.getAs("meter_index")).sum();
        long dwellings = meters.filter(col("building_use").equalTo("residential")).count();
        double total2024 = 0;
        long n2024 = 0;
        for (Row r : rows) {
            long n = r.getAs("n_dwellings");
            double total = r.getAs("total_kwh");
            assertEquals(total / n, (double) r.getAs("mean_kwh_per_dwelling"), 1e-9);
            assertTrue(n >= 1 && n <= 60);
            if ((int) r.getAs("year") == 2024) {
                total2024 += total;
                n2024 += n;
            } else {
                assertEquals((double) n, total, 1e-9);
            }
        }
        assertEquals(dwellings, n2024, "non-dwellings ignored");
        assertEquals(dwellingTotal, total2024, 1e-6);
        assertEquals(List.of("year", "commune_code", "address", "n_dwellings", "total_kwh", "mean_kwh_per_dwelling"),
                List.of(SyntheticAddresses.annualByAddress(config, meters, annual).columns()));
        meters.unpersist();
    }
}

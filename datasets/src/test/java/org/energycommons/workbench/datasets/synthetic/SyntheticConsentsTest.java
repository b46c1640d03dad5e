package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.privacy.ConsentRegister;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.junit.jupiter.api.Test;

/** The synthetic consent register: dwellings only, the documented shares and days, the same for a seed and any key. */
class SyntheticConsentsTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    private static Pseudonymizer key(int b) {
        byte[] k = new byte[Pseudonymizer.MIN_KEY_BYTES];
        Arrays.fill(k, (byte) b);
        return new Pseudonymizer(k);
    }

    @Test
    void aShareOfDwellingsConsentsWithinTheRegionsPeriodAndNobodyToPublication() {
        RegionConfig config = new RegionConfig(2000, 730, LocalDate.of(2023, 1, 1), 42L, 25);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        Set<String> dwellings = meters.filter(col("building_use").equalTo("residential")).select("prm")
                .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
        List<Row> rows = SyntheticConsents.consents(config, meters).collectAsList();
        Map<String, Long> perPurpose = rows.stream().collect(Collectors.groupingBy(r -> r.getString(1),
                Collectors.counting()));
        assertEquals(Set.of(ConsentRegister.HOUSEHOLD_REPORT, ConsentRegister.RESEARCH), perPurpose.keySet(),
                "nobody consents to publication");
        assertEquals(0.40, perPurpose.get(ConsentRegister.HOUSEHOLD_REPORT) / (double) dwellings.size(), 0.04);
        assertEquals(0.60, perPurpose.get(ConsentRegister.RESEARCH) / (double) dwellings.size(), 0.04);
        LocalDate earliest = config.start().minusDays(SyntheticConsents.DAYS_BEFORE_START);
        Set<String> keys = new HashSet<>();
        int before = 0;
        int ending = 0;
        int expired = 0;
        for (Row r : rows) {
            assertTrue(dwellings.contains(r.getString(0)), "only dwellings consent: " + r);
            assertTrue(keys.add(r.getString(0) + "|" + r.getString(1) + "|" + r.get(2)), "key repeated: " + r);
            LocalDate from = ((Date) r.get(2)).toLocalDate();
            assertTrue(!from.isBefore(earliest) && !from.isAfter(config.end()), r.toString());
            before += from.isBefore(config.start()) ? 1 : 0;
            if (!r.isNullAt(3)) {
                ending++;
                LocalDate to = ((Date) r.get(3)).toLocalDate();
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                assertTrue(days >= SyntheticConsents.MIN_DAYS_VALID && days <= SyntheticConsents.MAX_DAYS_VALID,
                        r.toString());
                expired += to.isBefore(config.end()) ? 1 : 0;
            }
            assertEquals("synthetic region (seed 42)", r.getString(4));
        }
        assertEquals(1.0 / 3, before / (double) rows.size(), 0.05, "a third start before the region");
        assertEquals(SyntheticConsents.EXPIRING_SHARE, ending / (double) rows.size(), 0.04);
        assertTrue(expired > 0, "expired consents exist");
        meters.unpersist();
    }

    @Test
    void theSameSeedGivesTheSameConsentsWhateverThePartitioningAndTheKey() {
        RegionConfig config = new RegionConfig(300, 35, LocalDate.of(2024, 1, 8), 42L, 25);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        List<String> once = SyntheticFixtures.sortedRows(SyntheticConsents.consents(config, meters));
        assertTrue(once.size() > 100, "a few hundred rows: " + once.size());
        assertEquals(once, SyntheticFixtures.sortedRows(SyntheticConsents.consents(config, meters.repartition(3))));
        RegionConfig other = new RegionConfig(300, 35, LocalDate.of(2024, 1, 8), 43L, 25);
        assertNotEquals(once, SyntheticFixtures.sortedRows(SyntheticConsents.consents(other,
                new SyntheticRegion(spark, other).meters())));

        // Silver under two keys: other pseudonyms, the same consents once mapped back to the delivery points.
        Dataset<Row> consents = SyntheticConsents.consents(config, meters);
        Dataset<Row> mapA = SyntheticRegion.prmToMeter(meters, key(1));
        Dataset<Row> mapB = SyntheticRegion.prmToMeter(meters, key(2));
        Dataset<Row> silverA = SyntheticConsents.silver(consents, mapA);
        Dataset<Row> silverB = SyntheticConsents.silver(consents, mapB);
        assertEquals(0, silverA.select("meter_id").intersect(silverB.select("meter_id")).count(), "keys differ");
        List<String> backA = SyntheticFixtures.sortedRows(silverA.join(mapA, "meter_id").drop("meter_id")
                .select("prm", "purpose", "valid_from", "valid_to", "source"));
        List<String> backB = SyntheticFixtures.sortedRows(silverB.join(mapB, "meter_id").drop("meter_id")
                .select("prm", "purpose", "valid_from", "valid_to", "source"));
        assertEquals(once, backA);
        assertEquals(backA, backB);

        List<String> silverColumns = Arrays.stream(silverA.schema().fields())
                .map(f -> f.name() + " " + f.dataType().simpleString()).toList();
        assertEquals(Arrays.stream(ConsentRegister.SCHEMA.fields()).map(StructField::name)
                        .map(n -> n + " " + ConsentRegister.SCHEMA.apply(n).dataType().simpleString()).toList(),
                silverColumns, "the silver table the ingest of real consents writes too");
        meters.unpersist();
    }
}

package org.energycommons.workbench.datasets.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who holds a valid consent for what on which day, bounds included, and the filter built on it. */
class ConsentRegisterTest implements SharedSparkSession {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    private static Dataset<Row> consents;

    private static Row consent(String meter, String purpose, String from, String to) {
        return RowFactory.create(meter, purpose, Date.valueOf(from), to == null ? null : Date.valueOf(to), "form");
    }

    @BeforeAll
    static void register() {
        consents = SPARK.createDataFrame(List.of(
                consent("m-open", ConsentRegister.HOUSEHOLD_REPORT, "2023-01-01", null),
                consent("m-expired", ConsentRegister.HOUSEHOLD_REPORT, "2023-01-01", "2024-03-14"),
                consent("m-future", ConsentRegister.HOUSEHOLD_REPORT, "2024-03-16", null),
                consent("m-research", ConsentRegister.RESEARCH, "2023-01-01", null),
                consent("m-starts", ConsentRegister.HOUSEHOLD_REPORT, "2024-03-15", "2024-06-30"),
                consent("m-ends", ConsentRegister.HOUSEHOLD_REPORT, "2023-06-01", "2024-03-15"),
                consent("m-twice", ConsentRegister.HOUSEHOLD_REPORT, "2023-01-01", null),
                consent("m-twice", ConsentRegister.HOUSEHOLD_REPORT, "2024-01-01", "2024-12-31"),
                // Withdrawn, then given again: the gap holds no consent.
                consent("m-gap", ConsentRegister.HOUSEHOLD_REPORT, "2023-01-01", "2024-01-31"),
                consent("m-gap", ConsentRegister.HOUSEHOLD_REPORT, "2024-04-01", null)),
                ConsentRegister.SCHEMA).cache();
    }

    @Test
    void aConsentHoldsForItsPurposeFromItsFirstToItsLastDayInclusive() {
        assertTrue(ConsentRegister.holds(consents, "m-open", ConsentRegister.HOUSEHOLD_REPORT, DAY), "open-ended");
        assertFalse(ConsentRegister.holds(consents, "m-unknown", ConsentRegister.HOUSEHOLD_REPORT, DAY), "none");
        assertFalse(ConsentRegister.holds(consents, "m-expired", ConsentRegister.HOUSEHOLD_REPORT, DAY), "expired");
        assertFalse(ConsentRegister.holds(consents, "m-future", ConsentRegister.HOUSEHOLD_REPORT, DAY),
                "not yet valid");
        assertFalse(ConsentRegister.holds(consents, "m-research", ConsentRegister.HOUSEHOLD_REPORT, DAY),
                "a consent to research is no consent to the household report");
        assertTrue(ConsentRegister.holds(consents, "m-research", ConsentRegister.RESEARCH, DAY));
        assertFalse(ConsentRegister.holds(consents, "m-open", ConsentRegister.RESEARCH, DAY), "other purpose");
        assertFalse(ConsentRegister.holds(consents, "m-open", ConsentRegister.PUBLICATION, DAY), "nobody");
        assertTrue(ConsentRegister.holds(consents, "m-starts", ConsentRegister.HOUSEHOLD_REPORT, DAY), "first day");
        assertFalse(ConsentRegister.holds(consents, "m-starts", ConsentRegister.HOUSEHOLD_REPORT, DAY.minusDays(1)));
        assertTrue(ConsentRegister.holds(consents, "m-ends", ConsentRegister.HOUSEHOLD_REPORT, DAY), "last day");
        assertFalse(ConsentRegister.holds(consents, "m-ends", ConsentRegister.HOUSEHOLD_REPORT, DAY.plusDays(1)));
        assertTrue(ConsentRegister.holds(consents, "m-expired", ConsentRegister.HOUSEHOLD_REPORT, DAY.minusDays(1)));
        assertTrue(ConsentRegister.holds(consents, "m-future", ConsentRegister.HOUSEHOLD_REPORT, DAY.plusDays(1)));
        assertFalse(ConsentRegister.holds(consents, "m-gap", ConsentRegister.HOUSEHOLD_REPORT, DAY), "in the gap");
        assertTrue(ConsentRegister.holds(consents, "m-gap", ConsentRegister.HOUSEHOLD_REPORT, DAY.plusDays(17)));
    }

    @Test
    void withConsentKeepsTheRowsOfConsentingMetersOnly() {
        StructType schema = StructType.fromDDL("meter STRING, kwh DOUBLE");
        Dataset<Row> rows = SPARK.createDataFrame(List.of(
                RowFactory.create("m-open", 1.0), RowFactory.create("m-open", 2.0),
                RowFactory.create("m-expired", 3.0), RowFactory.create("m-future", 4.0),
                RowFactory.create("m-research", 5.0), RowFactory.create("m-starts", 6.0),
                RowFactory.create("m-ends", 7.0), RowFactory.create("m-twice", 8.0),
                RowFactory.create("m-gap", 9.0), RowFactory.create("m-none", 10.0),
                RowFactory.create(null, 11.0)), schema);
        Dataset<Row> kept = ConsentRegister.withConsent(consents, rows, "meter", ConsentRegister.HOUSEHOLD_REPORT,
                DAY);
        assertEquals(List.of("meter", "kwh"), List.of(kept.columns()), "the rows keep their columns");
        assertEquals(List.of("[m-ends,7.0]", "[m-open,1.0]", "[m-open,2.0]", "[m-starts,6.0]", "[m-twice,8.0]"),
                kept.collectAsList().stream().map(Row::toString).sorted().toList(),
                "one row per row kept, even for a meter with two valid consents");
        assertEquals(List.of("[m-research,5.0]"), ConsentRegister.withConsent(consents, rows, "meter",
                ConsentRegister.RESEARCH, DAY).collectAsList().stream().map(Row::toString).toList());
        assertEquals(0, ConsentRegister.withConsent(consents, rows, "meter", ConsentRegister.PUBLICATION, DAY)
                .count());
        // A frame that has a meter_id column of its own is filtered on the column named, without ambiguity.
        Dataset<Row> withMeterId = rows.withColumnRenamed("meter", "meter_id");
        assertEquals(5, ConsentRegister.withConsent(consents, withMeterId, "meter_id",
                ConsentRegister.HOUSEHOLD_REPORT, DAY).count());
    }

    @Test
    void anUnknownPurposeOrColumnIsAOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsentRegister.holds(consents, "m-open", "marketing", DAY));
        assertEquals("unknown consent purpose 'marketing' (expected household_report, research or publication)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsentRegister.withConsent(consents, consents,
                "meter_id", "Research", DAY));
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> ConsentRegister.withConsent(consents, consents, "prm", ConsentRegister.RESEARCH, DAY));
        assertFalse(column.getMessage().contains("\n"), column.getMessage());
        assertTrue(column.getMessage().startsWith("no column 'prm'"), column.getMessage());
        assertEquals(List.of("household_report", "research", "publication"), ConsentRegister.PURPOSES);
    }
}

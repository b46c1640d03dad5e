package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.lake.Tables;
import org.junit.jupiter.api.Test;

/** The consent register's CSV: every record accepted or rejected with its one-line reason, foreign files refused. */
class ConsentsCsvTest {

    private final ConsentsCsv consents = new ConsentsCsv();

    private static Date day(String iso) {
        return Date.valueOf(iso);
    }

    @Test
    void describesItselfAsPersonalDataFeedingSilverConsents() {
        assertEquals("consents", consents.name());
        assertTrue(Connectors.byName("consents") instanceof ConsentsCsv, "registered under its name");
        assertEquals(List.of("prm", "purpose", "valid_from", "valid_to", "source"),
                Arrays.asList(consents.schema().fieldNames()));
        assertEquals(List.of("prm", "purpose", "valid_from"), consents.key());
        for (String k : consents.key()) {
            assertTrue(!consents.schema().apply(k).nullable(), k);
        }
        assertTrue(consents.schema().apply("valid_to").nullable(), "open-ended consents");
        assertTrue(consents.description().personalData());
        assertEquals(Tables.CONSENTS, SilverMappings.of("consents").table());
        assertEquals(Tables.CONSENTS.relativePath(), consents.description().silverTable());
        assertEquals(List.of("meter_id", "purpose", "valid_from"), SilverMappings.of("consents").key());
        assertEquals(consents.schema(), ConnectorFixtures.serialisedCopy(consents).schema());
    }

    @Test
    void readsACommaSeparatedFileWithAByteOrderMark() throws IOException {
        CollectingSink sink = ConnectorFixtures.parseChecked(consents, "consents", "register-comma-bom.csv");
        assertEquals(List.of(), sink.rejected);
        assertEquals(List.of(
                List.of(2L, values("30000000000001", "household_report", day("2023-01-01"), null, "form-0001")),
                List.of(3L, values("30000000000001", "research", day("2022-06-15"), day("2024-06-14"), "form-0001")),
                List.of(5L, values("30000000000002", "research", day("2023-03-01"), null, "web form, March 2023")),
                List.of(6L, values("30000000000003", "research", day("2023-03-01"), day("2023-03-01"), "form-0003")),
                List.of(7L, values("30000000000004", "publication", day("2024-01-01"), null,
                        "letter signed 2023-12-20"))),
                sink.accepted.stream().map(a -> List.of(a.line(), a.values())).toList());
    }

    @Test
    void rejectsEveryBadRecordWithItsReasonAndDropsNone() throws IOException {
        CollectingSink sink = ConnectorFixtures.parseChecked(consents, "consents", "register-rejects.csv");
        assertEquals(15, sink.read());
        assertEquals(List.of(2L, 16L), ConnectorFixtures.acceptedLines(sink));
        assertEquals(values("30000000000015", "research", day("2024-01-01"), day("2024-01-01"), "form-0015"),
                ConnectorFixtures.row(sink, 16), "a consent of one day");
        assertEquals(List.of(
                "3: prm: not a 14-digit PRM: '3000000000001'",
                "4: purpose: unknown purpose (expected household_report, research or publication): 'marketing'",
                "5: valid_from: not a date YYYY-MM-DD: '2023-02-30'",
                "6: valid_from: not a date YYYY-MM-DD: '01/03/2023'",
                "7: valid_to: 2023-04-30 is before valid_from 2023-05-01",
                "8: prm: missing",
                "9: purpose: missing",
                "10: valid_from: missing",
                "11: source: missing",
                "12: duplicate of line 2",
                "13: expected 6 fields, got 5",
                "14: valid_from: outside plausible range [2000-01-01, 2099-12-31]: '1999-12-31'",
                "15: valid_to: not a date YYYY-MM-DD: '2024-13-01'"),
                sink.rejected.stream().map(r -> r.line() + ": " + r.reason()).toList());
        assertTrue(sink.rejected.stream().allMatch(r -> !r.reason().contains("\n") && !r.raw().isEmpty()),
                "one-line reasons, raw text kept");
    }

    @Test
    void refusesAFileWithoutTheRegisterColumns() {
        byte[] noEnd = "prm;purpose;valid_from;source\n30000000000001;research;2023-01-01;form\n"
                .getBytes(StandardCharsets.UTF_8);
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(consents, "consents.csv", noEnd));
        assertEquals("consents.csv: not a consents file: missing columns [valid_to]", e.getMessage());
        byte[] other = "Code INSEE région;Région;Date;Consommation (MW)\n84;ARA;2024-01-01;8000\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("eco2mix.csv: not a consents file: missing columns [prm, purpose, valid_from, valid_to, source]",
                assertThrows(SchemaMismatchException.class,
                        () -> CollectingSink.parse(consents, "eco2mix.csv", other)).getMessage());
        assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(consents, "empty.csv", "\n \n".getBytes(StandardCharsets.UTF_8)));
    }
}

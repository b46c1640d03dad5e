package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.acceptedLines;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.bytes;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.instant;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.parse;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.reasons;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.strictlyIncreasing;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.wellFormed;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.assertAllAccepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.junit.jupiter.api.Test;

class EnedisLoadCurveCsvTest {

    private static final String SOURCE = EnedisLoadCurveCsv.NAME;
    private static final String HEADER = "Identifiant PRM;Date de début;Date de fin;Grandeur physique;Grandeur métier;"
            + "Etape métier;Unité;Horodate;Valeur;Nature;Pas;Indice de vraisemblance;Etat complémentaire";
    private static final String META = "12345678901234;2023-01-01;2023-01-02;PA;CONS;BRUT;W;;;;;;";

    private final EnedisLoadCurveCsv connector = new EnedisLoadCurveCsv();

    @Test
    void catalogue() {
        assertEquals("enedis-load-curve-csv", connector.name());
        EnedisFixtures.describes(connector, "proprietary (customer data, shared with consent)", true);
        assertEquals("silver/load_curve", connector.description().silverTable());
        assertEquals(List.of("prm", "interval_end_utc"), connector.key());
        assertEquals(new EnedisLoadCurveJson().schema(), connector.schema());
        assertEquals(List.of("prm", "interval_start_utc", "interval_end_utc", "step_minutes", "value_w", "kwh",
                "measure_type"), List.of(connector.schema().fieldNames()));
    }

    @Test
    void cleanGzippedFileWithBomAndTwoMetadataRows() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "clean.csv.gz");
        assertAllAccepted(48, sink);
        wellFormed(connector, sink);
        // Header line 1, metadata line 2, readings 3..26, metadata line 27, readings 28..51.
        assertEquals(3L, sink.accepted.get(0).line());
        assertEquals(28L, sink.accepted.get(24).line());
        List<Object> first = sink.accepted.get(0).values();
        assertEquals("12345678901234", first.get(0));
        assertEquals(Instant.parse("2022-12-31T23:00:00Z"), instant(first.get(1)));
        assertEquals(Instant.parse("2022-12-31T23:30:00Z"), instant(first.get(2)));
        assertEquals(30, first.get(3));
        assertEquals(540.0, first.get(4));
        assertEquals(0.27, (Double) first.get(5), 1e-12);
        assertEquals("B", first.get(6));
        List<Object> second = sink.accepted.get(24).values();
        assertEquals("98765432109876", second.get(0));
        assertEquals(Instant.parse("2022-12-31T23:30:00Z"), instant(second.get(2)));
        assertEquals(1200.0, second.get(4));
        assertEquals(0.6, (Double) second.get(5), 1e-12);
        assertEquals("C", second.get(6));
        List<Object> last = sink.accepted.get(47).values();
        assertEquals(Instant.parse("2023-01-01T11:00:00Z"), instant(last.get(2)));
        assertEquals(1200.0 - 20 * 23, last.get(4));
    }

    @Test
    void dstDaysInLocalTimeLatin1() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "dst.csv");
        assertAllAccepted(96, sink);
        List<Instant> ends = strictlyIncreasing(sink, 2);
        // 2024-03-31: 46 half-hours, ends 00:30+01:00 .. 24:00+02:00
        assertEquals(Instant.parse("2024-03-30T23:30:00Z"), ends.get(0));
        assertEquals(Instant.parse("2024-03-31T01:00:00Z"), ends.get(3)); // local 03:00, after 01:30
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), ends.get(45));
        // 2024-10-27: 50 half-hours, local 02:00 and 02:30 twice
        assertEquals(Instant.parse("2024-10-26T22:30:00Z"), ends.get(46));
        assertEquals(Instant.parse("2024-10-27T00:00:00Z"), ends.get(46 + 3)); // 02:00 summer
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"), ends.get(46 + 4)); // 02:30 summer
        assertEquals(Instant.parse("2024-10-27T01:00:00Z"), ends.get(46 + 5)); // 02:00 winter
        assertEquals(Instant.parse("2024-10-27T01:30:00Z"), ends.get(46 + 6)); // 02:30 winter
        assertEquals(Instant.parse("2024-10-27T23:00:00Z"), ends.get(95));
        for (int i = 1; i < 96; i++) {
            if (i != 46) {
                assertEquals(ends.get(i - 1), instant(sink.accepted.get(i).values().get(1)), "contiguous at " + i);
            }
        }
    }

    @Test
    void mixedSteps() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "mixed-step.csv");
        assertAllAccepted(10, sink);
        strictlyIncreasing(sink, 2);
        for (int i = 0; i < 10; i++) {
            List<Object> v = sink.accepted.get(i).values();
            assertEquals(i < 4 ? 30 : 10, v.get(3));
            assertEquals(i < 4 ? 0.4 : 0.1, (Double) v.get(5), 1e-12);
            if (i > 0) {
                assertEquals(instant(sink.accepted.get(i - 1).values().get(2)), instant(v.get(1)));
            }
        }
        List<Object> firstTen = sink.accepted.get(4).values();
        assertEquals(Instant.parse("2023-06-01T00:00:00Z"), instant(firstTen.get(1)));
        assertEquals(Instant.parse("2023-06-01T00:10:00Z"), instant(firstTen.get(2)));
        assertEquals(600.0, firstTen.get(4));
    }

    @Test
    void unitsAreConvertedOrRejected() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "units.csv");
        assertEquals(List.of(3L, 4L, 6L, 7L), acceptedLines(sink));
        assertEquals(Map.of(9L, "Unité: unknown unit 'VA' (expected W, kW, Wh or kWh) (metadata line 8)"),
                reasons(sink));
        double[] watts = {1500, 250, 500, 600};
        double[] kwh = {0.75, 0.125, 0.25, 0.1};
        for (int i = 0; i < 4; i++) {
            assertEquals(watts[i], (Double) sink.accepted.get(i).values().get(4), 1e-9);
            assertEquals(kwh[i], (Double) sink.accepted.get(i).values().get(5), 1e-12);
        }
        assertEquals("98765432109876", sink.accepted.get(2).values().get(0));
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "malformed.csv");
        // 22 lines: header, 3 metadata rows (3, 18, 20) and one blank line (5) are not records: 17 records.
        assertEquals(17, sink.read());
        assertEquals(List.of(4L, 21L), acceptedLines(sink));
        assertEquals(Map.ofEntries(
                Map.entry(2L, "no Identifiant PRM before this reading"),
                Map.entry(6L, "expected 13 fields, got 9"),
                Map.entry(7L, "expected 13 fields, got 1"),
                Map.entry(8L, "Horodate: not a date-time: '2023-13-01T01:00:00+01:00'"),
                Map.entry(9L, "Horodate: local time 2024-03-31T02:30 does not exist in Europe/Paris "
                        + "(DST gap 2024-03-31T02:00 → 2024-03-31T03:00)"),
                Map.entry(10L, "Valeur: negative value -5 W"),
                Map.entry(11L, "Valeur: not a number: 'NaN'"),
                Map.entry(12L, "Valeur: absurd value 5000000000 W (max 40000000 W)"),
                Map.entry(13L, "Valeur: not a number: 'abc'"),
                Map.entry(14L, "duplicate of line 4"),
                Map.entry(15L, "duplicate of line 4"),
                Map.entry(16L, "Pas: unsupported step 'PT7M' (expected PT10M, PT15M, PT30M or PT60M)"),
                Map.entry(17L, "Horodate: empty"),
                Map.entry(19L, "Identifiant PRM: not a 14-digit PRM: '1234' (metadata line 18)"),
                Map.entry(22L, "Valeur: empty")), reasons(sink));
        assertEquals(1234.5, sink.accepted.get(1).values().get(4));
        assertEquals(";;;;;;;2023-01-01T01:00:00+01:00;200", sink.rejected.get(1).raw());
        wellFormed(connector, sink);
    }

    @Test
    void utf8FileWithALatin1LineKeepsItsHeader() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "mixed-encoding.csv");
        assertEquals(List.of(3L, 4L, 5L), acceptedLines(sink));
        assertEquals(0, sink.rejected.size());
    }

    @Test
    void veryLongLines() throws IOException {
        String noSeparator = "9".repeat(100_000);
        String longValue = ";;;;;;;2023-01-01T00:30:00+01:00;" + "x".repeat(100_000) + ";B;PT30M;;";
        String text = HEADER + "\n" + META + "\n" + noSeparator + "\n" + longValue + "\n"
                + ";;;;;;;2023-01-01T01:00:00+01:00;10;B;PT30M;;\n";
        CollectingSink sink = CollectingSink.parse(connector, "long.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(5L), acceptedLines(sink));
        Map<Long, String> reasons = reasons(sink);
        assertEquals("expected 13 fields, got 1", reasons.get(3L));
        assertEquals("Valeur: not a number: '" + "x".repeat(40) + "…'", reasons.get(4L));
        for (CollectingSink.Rejected r : sink.rejected) {
            assertEquals(FrenchText.MAX_RAW_CHARS + 1, r.raw().length());
        }
    }

    @Test
    void aFullRowCarriesItsOwnPrmAndUnit() throws IOException {
        String text = HEADER + "\n"
                + "12345678901234;;;PA;CONS;BRUT;kW;2023-01-01T00:30:00+01:00;2;R;PT30M;;\n"
                + "12345678901234;;;PA;CONS;BRUT;;2023-01-01T01:00:00+01:00;300;R;PT60M;;\n";
        CollectingSink sink = CollectingSink.parse(connector, "full.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, sink.accepted.size());
        assertEquals(2000.0, sink.accepted.get(0).values().get(4));
        assertEquals(300.0, sink.accepted.get(1).values().get(4));
        assertEquals(0.3, (Double) sink.accepted.get(1).values().get(5), 1e-12);
        assertEquals("R", sink.accepted.get(1).values().get(6));
        String noNature = HEADER.replace(";Nature", "") + "\n" + META.substring(0, META.length() - 1) + "\n"
                + ";;;;;;;2023-01-01T00:30:00+01:00;5;PT30M;;\n";
        CollectingSink s2 = CollectingSink.parse(connector, "n.csv", noNature.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, s2.accepted.size());
        assertNull(s2.accepted.get(0).values().get(6));
    }

    @Test
    void refusedFiles() throws IOException {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(connector, "empty.csv", new byte[0]));
        assertEquals("empty.csv: not a enedis-load-curve-csv file: empty file", e.getMessage());
        assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "blank.csv"));
        e = assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "missing-columns.csv"));
        assertEquals("missing-columns.csv: not a enedis-load-curve-csv file: missing columns [Valeur, Pas]",
                e.getMessage());
        e = assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "wrong-separator.csv"));
        assertTrue(e.getMessage().startsWith("wrong-separator.csv: not a enedis-load-curve-csv file: missing "
                + "columns [Identifiant PRM, Unité, Horodate, Valeur, Pas]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the header is separated by ',' not ';')"), e.getMessage());
        e = assertThrows(SchemaMismatchException.class,
                () -> parse(connector, EnedisConsoInf36.NAME, "clean.csv"));
        assertEquals("clean.csv: not a enedis-load-curve-csv file: missing columns [Identifiant PRM, Unité, "
                + "Valeur, Pas]", e.getMessage());
        assertThrows(SchemaMismatchException.class,
                () -> parse(connector, EnedisLoadCurveJson.NAME, "clean.json"));
        // A file with no header: its first record is taken as the header and lacks the columns.
        String noHeader = ";;;;;;;2023-01-01T00:30:00+01:00;100;B;PT30M;;\n";
        assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(connector, "h.csv", noHeader.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void truncatedGzipIsAnIoError() throws IOException {
        byte[] gz = bytes(SOURCE, "clean.csv.gz");
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        assertThrows(IOException.class, () -> CollectingSink.parse(connector, "cut.csv.gz", cut));
    }
}

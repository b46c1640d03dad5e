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

class EnedisLoadCurveJsonTest {

    private static final String SOURCE = EnedisLoadCurveJson.NAME;
    private static final String OK = "{\"value\":\"100\",\"date\":\"2019-05-06 00:30:00\",\"interval_length\":\"PT30M\"}";

    private final EnedisLoadCurveJson connector = new EnedisLoadCurveJson();

    private CollectingSink parseText(String json) throws IOException {
        return CollectingSink.parse(connector, "inline.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String doc(String meterReadingFields) {
        return "{\"meter_reading\":{" + meterReadingFields + "}}";
    }

    @Test
    void catalogue() {
        assertEquals("enedis-load-curve-json", connector.name());
        EnedisFixtures.describes(connector, "proprietary (customer data, shared with consent)", true);
        assertEquals("silver/load_curve", connector.description().silverTable());
        assertEquals(List.of("prm", "interval_end_utc"), connector.key());
    }

    @Test
    void cleanFileWithBom() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "clean.json");
        assertAllAccepted(48, sink);
        wellFormed(connector, sink);
        assertEquals(1L, sink.accepted.get(0).line());
        assertEquals(48L, sink.accepted.get(47).line());
        List<Object> first = sink.accepted.get(0).values();
        assertEquals("12345678901234", first.get(0));
        assertEquals(Instant.parse("2019-05-05T22:00:00Z"), instant(first.get(1)));
        assertEquals(Instant.parse("2019-05-05T22:30:00Z"), instant(first.get(2)));
        assertEquals(30, first.get(3));
        assertEquals(540.0, first.get(4));
        assertEquals(0.27, (Double) first.get(5), 1e-12);
        assertEquals("B", first.get(6));
        List<Object> last = sink.accepted.get(47).values();
        assertEquals(Instant.parse("2019-05-06T22:00:00Z"), instant(last.get(2)));
        assertEquals(775.0, last.get(4));
        strictlyIncreasing(sink, 2);
    }

    @Test
    void gzippedAndLatin1Files() throws IOException {
        CollectingSink gz = CollectingSink.parse(connector, "clean.json.gz",
                ConnectorFixtures.gzip(bytes(SOURCE, "clean.json")));
        assertEquals(48, gz.accepted.size());
        String latin = doc("\"usage_point_id\":\"12345678901234\",\"quality\":\"corrigée\","
                + "\"reading_type\":{\"unit\":\"W\"},\"interval_reading\":[" + OK + "]");
        CollectingSink sink = CollectingSink.parse(connector, "latin.json",
                latin.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, sink.accepted.size());
    }

    @Test
    void dstDays() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "dst.json");
        assertAllAccepted(96, sink);
        List<Instant> ends = strictlyIncreasing(sink, 2);
        assertEquals(Instant.parse("2024-03-30T23:30:00Z"), ends.get(0));
        assertEquals(Instant.parse("2024-03-31T00:30:00Z"), ends.get(2));  // local 01:30
        assertEquals(Instant.parse("2024-03-31T01:00:00Z"), ends.get(3));  // local 03:00
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), ends.get(45));
        assertEquals(Instant.parse("2024-10-26T22:30:00Z"), ends.get(46));
        assertEquals(Instant.parse("2024-10-27T00:00:00Z"), ends.get(49)); // 02:00 summer
        assertEquals(Instant.parse("2024-10-27T01:00:00Z"), ends.get(51)); // 02:00 winter
        assertEquals(Instant.parse("2024-10-27T23:00:00Z"), ends.get(95));
        assertEquals(96, ends.stream().distinct().count());
    }

    @Test
    void mixedSteps() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "mixed-step.json");
        assertAllAccepted(13, sink);
        strictlyIncreasing(sink, 2);
        int[] steps = {30, 30, 30, 30, 10, 10, 10, 10, 10, 10, 60, 15, 15};
        double[] kwh = {0.4, 0.4, 0.4, 0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 1.0, 0.1, 0.1};
        for (int i = 0; i < steps.length; i++) {
            List<Object> v = sink.accepted.get(i).values();
            assertEquals(steps[i], v.get(3));
            assertEquals(kwh[i], (Double) v.get(5), 1e-12);
            if (i > 0) {
                assertEquals(instant(sink.accepted.get(i - 1).values().get(2)), instant(v.get(1)), "at " + i);
            }
        }
        assertEquals(Instant.parse("2019-05-06T01:00:00Z"), instant(sink.accepted.get(10).values().get(1)));
        assertEquals(Instant.parse("2019-05-06T02:00:00Z"), instant(sink.accepted.get(10).values().get(2)));
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "malformed.json");
        assertEquals(15, sink.read());
        assertEquals(List.of(1L, 13L), acceptedLines(sink));
        assertEquals(Map.ofEntries(
                Map.entry(2L, "value: not a number: 'abc'"),
                Map.entry(3L, "value: negative value -10 W"),
                Map.entry(4L, "value: not a number: 'NaN'"),
                Map.entry(5L, "value: absurd value 1000000000000 W (max 40000000 W)"),
                Map.entry(6L, "date: not a date-time: '2019-02-30 00:00:00'"),
                Map.entry(7L, "date: local time 2019-03-31T02:30 does not exist in Europe/Paris "
                        + "(DST gap 2019-03-31T02:00 → 2019-03-31T03:00)"),
                Map.entry(8L, "duplicate of line 1"),
                Map.entry(9L, "interval_length: unsupported step 'PT7M' (expected PT10M, PT15M, PT30M or PT60M)"),
                Map.entry(10L, "value: missing"),
                Map.entry(11L, "value: missing"),
                Map.entry(12L, "interval_reading element is not a JSON object: '42'"),
                Map.entry(14L, "date: missing"),
                Map.entry(15L, "value: missing")), reasons(sink));
        assertEquals(250.0, sink.accepted.get(1).values().get(4));
        assertEquals("{\"value\":\"abc\",\"date\":\"2019-05-06 01:00:00\",\"interval_length\":\"PT30M\","
                + "\"measure_type\":\"B\"}", sink.rejected.get(0).raw());
        wellFormed(connector, sink);
    }

    @Test
    void truncatedFileKeepsReadingsBeforeTheBreak() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "truncated.json");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), acceptedLines(sink));
        assertEquals(1, sink.rejected.size());
        CollectingSink.Rejected r = sink.rejected.get(0);
        assertEquals(6L, r.line());
        assertTrue(r.reason().startsWith("truncated JSON: "), r.reason());
        assertTrue(r.raw().startsWith("{\"value\":\"305\""), r.raw());
    }

    @Test
    void everyCutOfTheArrayKeepsWhatWasComplete() throws IOException {
        StringBuilder readings = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            readings.append(i == 0 ? "\n  " : ",\n  ").append(OK.replace("00:30:00", "0" + i + ":30:00")
                    .replace("}", ",\"measure_type\":\"B\"}"));
        }
        String full = doc("\"usage_point_id\": \"12345678901234\", \"reading_type\": {\"unit\": \"W\"}, "
                + "\"interval_reading\": [" + readings + "\n]") + "\n";
        int open = full.indexOf('[');
        int close = full.lastIndexOf(']');
        for (int cut = 0; cut < full.length(); cut++) {
            String prefix = full.substring(0, cut);
            byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
            if (cut <= open) {
                assertThrows(SchemaMismatchException.class,
                        () -> CollectingSink.parse(connector, "cut.json", bytes), "cut at " + cut);
                continue;
            }
            CollectingSink sink = CollectingSink.parse(connector, "cut.json", bytes);
            int complete = (int) prefix.substring(open).chars().filter(c -> c == '}').count();
            if (cut <= close) {
                assertEquals(complete, sink.accepted.size(), "cut at " + cut);
                assertEquals(1, sink.rejected.size(), "cut at " + cut);
                assertEquals(complete + 1L, sink.rejected.get(0).line(), "cut at " + cut);
                assertTrue(sink.rejected.get(0).reason().startsWith("truncated JSON: "), "cut at " + cut);
            } else {
                assertEquals(4, sink.accepted.size(), "cut at " + cut);
                assertEquals(0, sink.rejected.size(), "cut at " + cut);
            }
        }
    }

    @Test
    void syntaxErrorInsideTheArray() throws IOException {
        CollectingSink sink = parseText(doc("\"usage_point_id\":\"12345678901234\",\"reading_type\":{\"unit\":\"W\"},"
                + "\"interval_reading\":[" + OK + ",{\"value\":oops}]"));
        assertEquals(List.of(1L), acceptedLines(sink));
        assertEquals(2L, sink.rejected.get(0).line());
        assertTrue(sink.rejected.get(0).reason().startsWith("malformed JSON: Unrecognized token 'oops'"),
                sink.rejected.get(0).reason());
    }

    @Test
    void contextAfterTheArrayIsWaitedFor() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "reordered.json");
        assertEquals(3, sink.accepted.size());
        double[] watts = {1500, 500, 2000};
        for (int i = 0; i < 3; i++) {
            assertEquals("98765432109876", sink.accepted.get(i).values().get(0));
            assertEquals(watts[i], (Double) sink.accepted.get(i).values().get(4), 1e-9);
            assertEquals(watts[i] / 2000, (Double) sink.accepted.get(i).values().get(5), 1e-12);
        }
    }

    @Test
    void badContextRejectsEveryReading() throws IOException {
        String two = "[" + OK + "," + OK.replace("00:30:00", "01:00:00") + "]";
        CollectingSink badPrm = parseText(doc("\"usage_point_id\":\"ABC\",\"interval_reading\":" + two));
        assertEquals(Map.of(1L, "usage_point_id: not a 14-digit PRM: 'ABC'",
                2L, "usage_point_id: not a 14-digit PRM: 'ABC'"), reasons(badPrm));
        CollectingSink noPrm = parseText(doc("\"reading_type\":{\"unit\":\"W\"},\"interval_reading\":" + two));
        assertEquals(Map.of(1L, "usage_point_id: missing", 2L, "usage_point_id: missing"), reasons(noPrm));
        CollectingSink va = parseText(doc("\"usage_point_id\":\"12345678901234\",\"reading_type\":{\"unit\":\"VA\"},"
                + "\"interval_reading\":" + two));
        assertEquals(2, va.rejected.size());
        assertEquals("reading_type.unit: unknown unit 'VA' (expected W, kW, Wh or kWh)", va.rejected.get(0).reason());
        CollectingSink max = parseText(doc("\"usage_point_id\":\"12345678901234\",\"reading_type\":{\"unit\":\"W\","
                + "\"aggregate\":\"maximum\"},\"interval_reading\":" + two));
        assertEquals("reading_type.aggregate: 'maximum' is not an average power", max.rejected.get(0).reason());
        CollectingSink wh = parseText(doc("\"usage_point_id\":\"12345678901234\",\"reading_type\":{\"unit\":\"Wh\","
                + "\"aggregate\":\"sum\"},\"interval_reading\":" + two));
        assertEquals(200.0, wh.accepted.get(0).values().get(4));
        assertEquals(0.1, (Double) wh.accepted.get(0).values().get(5), 1e-12);
    }

    @Test
    void veryLongValue() throws IOException {
        String longValue = OK.replace("\"100\"", "\"" + "7".repeat(50_000) + "x" + "7".repeat(50_000) + "\"");
        CollectingSink sink = parseText(doc("\"usage_point_id\":\"12345678901234\",\"reading_type\":{\"unit\":\"W\"},"
                + "\"interval_reading\":[" + longValue + "]"));
        assertEquals(1, sink.rejected.size());
        assertEquals("value: not a number: '" + "7".repeat(40) + "…'", sink.rejected.get(0).reason());
        assertEquals(FrenchText.MAX_RAW_CHARS + 1, sink.rejected.get(0).raw().length());
    }

    @Test
    void refusedFiles() throws IOException {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(connector, "empty.json", new byte[0]));
        assertEquals("empty.json: not a enedis-load-curve-json file: empty file", e.getMessage());
        assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "blank.json"));
        e = assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "no-interval-reading.json"));
        assertEquals("no-interval-reading.json: not a enedis-load-curve-json file: missing fields "
                + "[meter_reading.interval_reading]", e.getMessage());
        e = assertThrows(SchemaMismatchException.class, () -> parseText("{\"foo\":1}"));
        assertEquals("inline.json: not a enedis-load-curve-json file: missing fields [meter_reading]", e.getMessage());
        assertThrows(SchemaMismatchException.class, () -> parseText("[1, 2]"));
        assertThrows(SchemaMismatchException.class,
                () -> parseText(doc("\"usage_point_id\":\"12345678901234\",\"interval_reading\":{}")));
        e = assertThrows(SchemaMismatchException.class,
                () -> parse(connector, EnedisLoadCurveCsv.NAME, "mixed-step.csv"));
        assertTrue(e.getMessage().startsWith("mixed-step.csv: not a enedis-load-curve-json file: not JSON: "),
                e.getMessage());
        e = assertThrows(SchemaMismatchException.class,
                () -> parse(connector, EnedisLoadCurveCsv.NAME, "clean.csv.gz"));
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }
}

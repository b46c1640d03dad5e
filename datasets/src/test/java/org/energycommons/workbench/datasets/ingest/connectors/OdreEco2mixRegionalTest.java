package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.acceptedLines;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.bytes;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.instants;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.reasons;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.row;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.ts;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.values;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.assertAllAccepted;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.instantsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.junit.jupiter.api.Test;

class OdreEco2mixRegionalTest {

    private static final String SOURCE = OdreEco2mixRegional.NAME;
    private static final double EPS = 1e-9;
    private static final String HEADER = "Code INSEE région;Région;Nature;Date;Heure;Date - Heure;Consommation (MW);"
            + "Thermique (MW);Nucléaire (MW);Eolien (MW);Solaire (MW);Hydraulique (MW);Pompage (MW);"
            + "Bioénergies (MW);Ech. physiques (MW)";
    private static final String GOOD = "84;Auvergne-Rhône-Alpes;Données consolidées;2024-01-15;00:00;"
            + "2024-01-15T00:00:00+01:00;8000;300;11000;400;0;2500;-100;90;-4000";

    private final OdreEco2mixRegional connector = new OdreEco2mixRegional();

    private CollectingSink parse(String file) throws IOException {
        return ConnectorFixtures.parseChecked(connector, SOURCE, file);
    }

    @Test
    void contract() throws Exception {
        assertEquals("odre-eco2mix-regional", OdreEco2mixRegional.NAME);
        ConnectorFixtures.checkContract(connector, SOURCE);
        assertEquals(List.of("region_code", "region", "nature", "ts_utc", "consumption_mw", "thermal_mw",
                        "nuclear_mw", "wind_mw", "solar_mw", "hydro_mw", "pumping_mw", "bioenergy_mw",
                        "physical_exchanges_mw"),
                Arrays.asList(connector.schema().fieldNames()));
        assertEquals(List.of("region_code", "ts_utc"), connector.key());
        assertEquals("timestamp", connector.schema().apply("ts_utc").dataType().simpleString());
        assertTrue(connector.schema().apply("nuclear_mw").nullable());
        assertTrue(connector.description().producer().contains("RTE"));
    }

    @Test
    void cleanUtf8WithBomAndExtraColumns() throws IOException {
        CollectingSink sink = parse("eco2mix-regional-clean-utf8-bom.csv");
        assertAllAccepted(24, sink);
        assertEquals(values("84", "Auvergne-Rhône-Alpes", "Données définitives", ts("2022-12-31T23:00:00Z"),
                8000.0, 300.0, 11000.0, 400.0, 0.0, 2500.0, -100.0, 90.0, -4000.0), row(sink, 2));
        // Île-de-France has no nuclear plant: empty → null.
        assertEquals(values("11", "Île-de-France", "Données définitives", ts("2022-12-31T23:00:00Z"),
                9000.0, 300.0, null, 400.0, 0.0, 50.0, 0.0, 90.0, 7000.0), row(sink, 3));
        // Line 14 is blank: the next record is line 15.
        assertTrue(!acceptedLines(sink).contains(14L));
        assertEquals(ts("2023-01-01T02:00:00Z"), row(sink, 15).get(3));
        assertEquals(8060.0, (Double) row(sink, 15).get(4), EPS);
        assertEquals(ts("2023-01-01T04:30:00Z"), row(sink, 26).get(3));
        assertEquals(9110.0, (Double) row(sink, 26).get(4), EPS);
    }

    @Test
    void cleanWindows1252WithAccentedHeaders() throws IOException {
        CollectingSink sink = parse("eco2mix-regional-clean-latin1.csv");
        assertAllAccepted(16, sink);
        List<Object> first = row(sink, 2);
        assertEquals("93", first.get(0));
        assertEquals("Provence-Alpes-Côte d'Azur", first.get(1));
        assertEquals("Données consolidées", first.get(2));
        assertEquals(ts("2023-07-01T10:00:00Z"), first.get(3));
        assertEquals(5000.5, (Double) first.get(4), EPS); // decimal comma
        assertNull(first.get(6));
        assertEquals("Auvergne-Rhône-Alpes", row(sink, 3).get(1));
        // Line 8 has an empty Date - Heure: Date 2023-07-01 and Heure 13:30 are Paris summer time.
        assertEquals(ts("2023-07-01T11:30:00Z"), row(sink, 8).get(3));
    }

    @Test
    void snakeCaseExport() throws IOException {
        CollectingSink sink = parse("eco2mix-regional-clean-snake.csv");
        assertAllAccepted(6, sink);
        assertEquals(values("52", "Pays de la Loire", "Données temps réel", ts("2024-01-31T23:00:00Z"),
                3500.0, 300.0, null, 400.0, 0.0, 50.0, 0.0, 90.0, 7000.0), row(sink, 2));
        assertEquals(ts("2024-02-01T00:15:00Z"), row(sink, 7).get(3));
    }

    @Test
    void dstWithLocalDateAndHourOnly() throws IOException {
        CollectingSink sink = parse("eco2mix-regional-dst-local.csv");
        assertAllAccepted(40, sink);
        List<Instant> expected = new ArrayList<>();
        // 2024-03-31: 00:00..01:30 at +01:00, then 03:00..04:30 at +02:00 (02:00-02:59 does not exist).
        for (String t : List.of("2024-03-30T23:00:00Z", "2024-03-30T23:30:00Z", "2024-03-31T00:00:00Z",
                "2024-03-31T00:30:00Z", "2024-03-31T01:00:00Z", "2024-03-31T01:30:00Z", "2024-03-31T02:00:00Z",
                "2024-03-31T02:30:00Z",
                // 2024-10-27: 02:00 and 02:30 listed twice, first at +02:00 then at +01:00.
                "2024-10-26T22:00:00Z", "2024-10-26T22:30:00Z", "2024-10-26T23:00:00Z", "2024-10-26T23:30:00Z",
                "2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z",
                "2024-10-27T02:00:00Z", "2024-10-27T02:30:00Z", "2024-10-27T03:00:00Z", "2024-10-27T03:30:00Z")) {
            expected.add(Instant.parse(t));
        }
        for (String region : List.of("11", "84")) {
            List<Instant> got = instants(sink, 0, region, 3);
            assertEquals(expected, got, "region " + region);
            assertEquals(got.size(), new HashSet<>(got).size(), "no duplicate instant");
            for (int i = 1; i < got.size(); i++) {
                assertTrue(got.get(i).isAfter(got.get(i - 1)), "strictly increasing at " + got.get(i));
            }
        }
        // The repeated hour of region 11: lines 26/28 (summer offset), 30/32 (winter offset).
        assertEquals(ts("2024-10-27T00:00:00Z"), row(sink, 26).get(3));
        assertEquals(ts("2024-10-27T00:30:00Z"), row(sink, 28).get(3));
        assertEquals(ts("2024-10-27T01:00:00Z"), row(sink, 30).get(3));
        assertEquals(ts("2024-10-27T01:30:00Z"), row(sink, 32).get(3));
    }

    @Test
    void mixedSteps() throws IOException {
        CollectingSink sink = parse("eco2mix-regional-mixed-step.csv");
        assertAllAccepted(11, sink);
        List<Instant> got = instants(sink, 0, "52", 3);
        List<Instant> expected = instantsOf("2023-01-31T21:00:00Z", "2023-01-31T21:30:00Z", "2023-01-31T22:00:00Z",
                "2023-01-31T22:30:00Z", "2023-01-31T23:00:00Z", "2023-01-31T23:15:00Z", "2023-01-31T23:30:00Z",
                "2023-01-31T23:45:00Z", "2023-02-01T00:00:00Z", "2023-02-01T00:15:00Z", "2023-02-01T00:30:00Z");
        assertEquals(expected, got);
        Set<Duration> steps = new HashSet<>();
        for (int i = 1; i < got.size(); i++) {
            steps.add(Duration.between(got.get(i - 1), got.get(i)));
        }
        assertEquals(Set.of(Duration.ofMinutes(15), Duration.ofMinutes(30)), steps);
        // Quarter-hour rows of consolidated data carry no values: all null, still accepted.
        assertEquals(Arrays.asList(null, null, null, null, null, null, null, null, null),
                row(sink, 7).subList(4, 13));
        // Lines 11 and 12 have an empty Date - Heure: resolved from Date and Heure.
        assertEquals(3600.0, (Double) row(sink, 12).get(4), EPS);
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse("eco2mix-regional-malformed.csv");
        assertEquals(20, sink.read());
        assertEquals(4, sink.accepted.size());
        assertEquals(16, sink.rejected.size());
        assertEquals(List.of(2L, 3L, 19L, 21L), acceptedLines(sink));
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(4L, "expected 15 fields, got 8");
        expected.put(5L, "expected 15 fields, got 1");
        expected.put(6L, "Date - Heure: not an ISO date-time with offset: '2024-13-45T00:00:00+01:00'");
        expected.put(7L, "Date/Heure: local time 2024-03-31T02:30 does not exist in Europe/Paris"
                + " (DST gap 2024-03-31T02:00 → 2024-03-31T03:00)");
        expected.put(8L, "Consommation (MW): negative: '-5'");
        expected.put(9L, "Eolien (MW): not a number: 'NaN'");
        expected.put(10L, "Consommation (MW): above 100000: '250000'");
        expected.put(11L, "Pompage (MW): positive: '12'");
        expected.put(12L, "duplicate of line 2");
        expected.put(14L, "Consommation (MW): not a number: 'abc'");
        expected.put(15L, "Code INSEE région: not a region code: '8A'");
        expected.put(16L, "Date - Heure: not on a 15-minute step: '2024-01-15T01:10:00+01:00'");
        expected.put(17L, "Date - Heure: implausible year 1999 (expected 2000..2100): '1999-12-31T23:00:00+00:00'");
        expected.put(18L, "Date: not a date: '2024-02-30'");
        expected.put(20L, "Région: missing");
        expected.put(22L, "Solaire (MW): not a number: 'Infinity'");
        assertEquals(expected, reasons(sink));
        // Exports are negative physical exchanges: accepted.
        assertEquals(-3000.0, (Double) row(sink, 21).get(12), EPS);
        // The raw text of a rejected record is the line as read.
        assertEquals("84;Auvergne-Rhône-Alpes;Données consolidées;2024-01-15;01:00;2024-01-15T01:00:00+01:00;7900;12",
                sink.rejected.get(0).raw());
    }

    @Test
    void encodingConfusionIsRepairedWithoutBom() throws IOException {
        // UTF-8 without BOM with one Windows-1252 line: the file is read as Windows-1252 and the UTF-8 text repaired.
        CollectingSink sink = parse("eco2mix-regional-encoding-mixed.csv");
        assertAllAccepted(4, sink);
        for (CollectingSink.Accepted a : sink.accepted) {
            assertEquals("Auvergne-Rhône-Alpes", a.values().get(1));
            assertEquals("Données consolidées", a.values().get(2));
        }
    }

    @Test
    void undecodableTextIsRejected() throws IOException {
        // With a BOM the file is UTF-8: the Windows-1252 line holds undecodable bytes.
        CollectingSink sink = parse("eco2mix-regional-bom-latin1-line.csv");
        assertEquals(List.of(2L, 4L), acceptedLines(sink));
        assertEquals(Map.of(3L, "Région: undecodable characters: 'Auvergne-Rh\uFFFDne-Alpes'"), reasons(sink));
    }

    @Test
    void veryLongLines() throws IOException {
        String garbage = "x".repeat(100_000);
        String longNumber = GOOD.replace(";8000;", ";" + "9".repeat(100_000 - GOOD.length() + 4) + ";")
                .replace("00:00;2024-01-15T00:00", "00:30;2024-01-15T00:30");
        assertEquals(100_000, longNumber.length());
        byte[] content = (HEADER + "\n" + GOOD + "\n" + garbage + "\n" + longNumber + "\n")
                .getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = CollectingSink.parse(connector, "long.csv", content);
        assertEquals(1, sink.accepted.size());
        assertEquals(2, sink.rejected.size());
        CollectingSink.Rejected first = sink.rejected.get(0);
        assertEquals(3, first.line());
        assertEquals("expected 15 fields, got 1", first.reason());
        assertEquals(FrenchText.MAX_RAW_CHARS + 1, first.raw().length());
        assertTrue(first.raw().endsWith("…"));
        CollectingSink.Rejected second = sink.rejected.get(1);
        assertEquals(4, second.line());
        assertTrue(second.reason().matches("Consommation \\(MW\\): not a number: too long \\(\\d+ characters\\)"),
                second.reason());
        assertEquals(FrenchText.MAX_RAW_CHARS + 1, second.raw().length());
    }

    @Test
    void fileWithoutTheColumnsIsRefused() {
        SchemaMismatchException missing = assertThrows(SchemaMismatchException.class,
                () -> parse("eco2mix-regional-missing-columns.csv"));
        assertEquals("eco2mix-regional-missing-columns.csv: not a odre-eco2mix-regional file: missing columns"
                + " [Nature, Consommation (MW)]", missing.getMessage());
        SchemaMismatchException comma = assertThrows(SchemaMismatchException.class,
                () -> parse("eco2mix-regional-comma.csv"));
        assertTrue(comma.getMessage().startsWith("eco2mix-regional-comma.csv: not a odre-eco2mix-regional file:"
                + " missing columns [Code INSEE région, Région, Nature, Date - Heure (or Date and Heure),"
                + " Consommation (MW),"), comma.getMessage());
        SchemaMismatchException noHeader = assertThrows(SchemaMismatchException.class,
                () -> parse("eco2mix-regional-no-header.csv"));
        assertTrue(noHeader.getMessage().contains("not a odre-eco2mix-regional file: missing columns ["));
    }

    @Test
    void headerOnlyHasNoRecord() throws IOException {
        CollectingSink sink = CollectingSink.parse(connector, "header.csv",
                (HEADER + "\n\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, sink.read());
    }

    @Test
    void gzipIsReadFromTheMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write((HEADER + "\r\n" + GOOD + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink sink = CollectingSink.parse(connector, "eco2mix.csv.gz", bytes.toByteArray());
        assertEquals(1, sink.accepted.size());
        assertEquals(ts("2024-01-14T23:00:00Z"), sink.accepted.get(0).values().get(3));
    }
}

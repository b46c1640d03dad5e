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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

class OdreGasDailyTest {

    private static final String SOURCE = OdreGasDaily.NAME;
    private static final double EPS = 1e-9;
    private static final String HEADER = "Date - Heure;Date;Heure;Code INSEE région;Région;"
            + "Consommation brute gaz (MW PCS 0°C) - GRTgaz;Statut - GRTgaz;"
            + "Consommation brute gaz (MW PCS 0°C) - Teréga;Statut - Teréga;"
            + "Consommation brute gaz totale (MW PCS 0°C);Consommation brute électricité (MW) - RTE;Statut - RTE;"
            + "Consommation brute totale (MW)";
    private static final String GOOD = "2024-01-15T00:00:00+01:00;2024-01-15;00:00;11;Île-de-France;12000;Définitif;;;"
            + "12000;9000;Définitif;21000";

    private final OdreGasDaily connector = new OdreGasDaily();

    private CollectingSink parse(String file) throws IOException {
        return ConnectorFixtures.parseChecked(connector, SOURCE, file);
    }

    @Test
    void contract() throws Exception {
        assertEquals("odre-gas-daily", OdreGasDaily.NAME);
        ConnectorFixtures.checkContract(connector, SOURCE);
        assertEquals(List.of("ts_utc", "region_code", "region", "gas_grtgaz_mw", "gas_terega_mw", "gas_total_mw",
                        "electricity_mw", "total_mw", "status_grtgaz", "status_terega", "status_rte"),
                Arrays.asList(connector.schema().fieldNames()));
        assertEquals(List.of("region_code", "ts_utc"), connector.key());
        assertTrue(connector.description().producer().contains("GRTgaz"));
    }

    @Test
    void energyOfAMeanPowerOverAStep() {
        assertEquals(500.0, OdreGasDaily.energyMwh(1000, Duration.ofMinutes(30)), EPS);
        assertEquals(1000.0, OdreGasDaily.energyMwh(1000, Duration.ofHours(1)), EPS);
        assertEquals(250.0, OdreGasDaily.energyMwh(1000, Duration.ofMinutes(15)), EPS);
        assertEquals(24_000.0, OdreGasDaily.energyMwh(1000, Duration.ofDays(1)), EPS);
        assertEquals(0.0, OdreGasDaily.energyMwh(0, Duration.ofHours(1)), EPS);
        assertThrows(IllegalArgumentException.class, () -> OdreGasDaily.energyMwh(1000, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> OdreGasDaily.energyMwh(1000, Duration.ofMinutes(-30)));
        assertThrows(IllegalArgumentException.class, () -> OdreGasDaily.energyMwh(Double.NaN, Duration.ofHours(1)));
    }

    @Test
    void cleanUtf8WithBom() throws IOException {
        CollectingSink sink = parse("gas-daily-clean-utf8-bom.csv");
        assertAllAccepted(24, sink);
        assertEquals(values(ts("2023-01-09T23:00:00Z"), "11", "Île-de-France", 12000.0, null, 12000.0, 9000.0,
                21000.0, "Définitif", null, "Définitif"), row(sink, 2));
        assertEquals(values(ts("2023-01-09T23:00:00Z"), "76", "Occitanie", 5000.0, 800.0, 5800.0, 4000.0,
                9800.0, "Définitif", "Définitif", "Définitif"), row(sink, 3));
        // Half-hour rows: electricity only.
        assertEquals(values(ts("2023-01-09T23:30:00Z"), "11", "Île-de-France", null, null, null, 9000.0,
                null, null, null, "Définitif"), row(sink, 4));
        // Hourly gas of Île-de-France over the six hours, as daily sums will do it: 12000 + ... + 12500 MWh.
        double mwh = 0;
        for (CollectingSink.Accepted a : sink.accepted) {
            if ("11".equals(a.values().get(1)) && a.values().get(5) != null) {
                mwh += OdreGasDaily.energyMwh((Double) a.values().get(5), Duration.ofHours(1));
            }
        }
        assertEquals(73_500.0, mwh, EPS);
    }

    @Test
    void cleanWindows1252WithAccentedHeaders() throws IOException {
        CollectingSink sink = parse("gas-daily-clean-latin1.csv");
        assertAllAccepted(12, sink);
        assertEquals(values(ts("2023-01-31T23:00:00Z"), "75", "Nouvelle-Aquitaine", 5000.5, 800.0, 5800.5, 4000.0,
                9800.5, "Provisoire", "Provisoire", "Provisoire"), row(sink, 2));
        assertEquals(values(ts("2023-01-31T23:00:00Z"), "84", "Auvergne-Rhône-Alpes", 5000.0, null, 5000.0,
                4000.0, 9000.0, "Provisoire", null, "Provisoire"), row(sink, 3));
        assertEquals(ts("2023-02-01T04:00:00Z"), row(sink, 13).get(0));
    }

    @Test
    void snakeCaseExport() throws IOException {
        CollectingSink sink = parse("gas-daily-clean-snake.csv");
        assertAllAccepted(6, sink);
        assertEquals(values(ts("2022-11-30T23:00:00Z"), "76", "Occitanie", 5000.0, 800.0, 5800.0, 4000.0,
                9800.0, "Définitif", "Définitif", "Définitif"), row(sink, 2));
        assertEquals(ts("2022-12-01T04:00:00Z"), row(sink, 7).get(0));
    }

    @Test
    void mixedHourlyAndHalfHourlySteps() throws IOException {
        CollectingSink sink = parse("gas-daily-mixed-step.csv");
        assertAllAccepted(11, sink);
        List<Instant> got = instants(sink, 1, "44", 0);
        List<Instant> expected = instantsOf("2023-02-28T23:00:00Z", "2023-03-01T00:00:00Z", "2023-03-01T01:00:00Z",
                "2023-03-01T02:00:00Z", "2023-03-01T03:00:00Z", "2023-03-01T03:30:00Z", "2023-03-01T04:00:00Z",
                "2023-03-01T04:30:00Z", "2023-03-01T05:00:00Z", "2023-03-01T05:30:00Z", "2023-03-01T06:00:00Z");
        assertEquals(expected, got);
        Set<Duration> steps = new HashSet<>();
        double mwh = 0;
        for (int i = 0; i < got.size(); i++) {
            Duration step = i + 1 < got.size() ? Duration.between(got.get(i), got.get(i + 1)) : Duration.ofMinutes(30);
            steps.add(step);
            mwh += OdreGasDaily.energyMwh((Double) sink.accepted.get(i).values().get(5), step);
        }
        assertEquals(Set.of(Duration.ofHours(1), Duration.ofMinutes(30)), steps);
        // 5000 + 5050 + 5100 + 5150 MWh over four hours, then (5200 + ... + 5500) / 2 over seven half hours.
        assertEquals(39_025.0, mwh, EPS);
    }

    @Test
    void dstWithLocalDateAndHourOnly() throws IOException {
        CollectingSink sink = parse("gas-daily-dst-local.csv");
        assertAllAccepted(10, sink);
        List<Instant> expected = instantsOf("2024-03-30T23:00:00Z", "2024-03-31T00:00:00Z", "2024-03-31T01:00:00Z",
                "2024-03-31T02:00:00Z", "2024-10-26T22:00:00Z", "2024-10-26T23:00:00Z", "2024-10-27T00:00:00Z",
                "2024-10-27T01:00:00Z", "2024-10-27T02:00:00Z", "2024-10-27T03:00:00Z");
        List<Instant> got = instants(sink, 1, "11", 0);
        assertEquals(expected, got);
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i).isAfter(got.get(i - 1)));
        }
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse("gas-daily-malformed.csv");
        assertEquals(14, sink.read());
        assertEquals(3, sink.accepted.size());
        assertEquals(11, sink.rejected.size());
        assertEquals(List.of(2L, 3L, 15L), acceptedLines(sink));
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(4L, "expected 13 fields, got 5");
        expected.put(5L, "expected 13 fields, got 1");
        expected.put(6L, "Date - Heure: not an ISO date-time with offset: '15/01/2024 02:00'");
        expected.put(7L, "Date/Heure: local time 2024-03-31T02:00 does not exist in Europe/Paris"
                + " (DST gap 2024-03-31T02:00 → 2024-03-31T03:00)");
        expected.put(8L, "Consommation brute gaz (MW PCS 0°C) - GRTgaz: negative: '-120'");
        expected.put(9L, "Consommation brute électricité (MW) - RTE: not a number: 'NaN'");
        expected.put(10L, "Consommation brute totale (MW): above 200000: '250000'");
        expected.put(11L, "duplicate of line 2");
        expected.put(13L, "Date - Heure: not on a 30-minute step: '2024-01-15T02:15:00+01:00'");
        expected.put(14L, "Code INSEE région: not a region code: '1'");
        expected.put(16L, "Consommation brute gaz totale (MW PCS 0°C): above 100000: '150000'");
        assertEquals(expected, reasons(sink));
        // Empty statuses are null.
        assertEquals(values(ts("2024-01-14T23:00:00Z"), "76", "Occitanie", 5000.0, 800.0, 5800.0, 4000.0,
                9800.0, null, null, null), row(sink, 15));
    }

    @Test
    void encodingConfusionIsRepaired() throws IOException {
        CollectingSink sink = parse("gas-daily-encoding-mixed.csv");
        assertAllAccepted(3, sink);
        for (CollectingSink.Accepted a : sink.accepted) {
            assertEquals("Île-de-France", a.values().get(2));
            assertEquals("Définitif", a.values().get(10));
        }
    }

    @Test
    void veryLongLine() throws IOException {
        String longStatus = GOOD.replace(";Définitif;;;", ";" + "D".repeat(100_000 - GOOD.length() + 9) + ";;;")
                .replace("T00:00:00", "T01:00:00").replace(";00:00;", ";01:00;");
        assertEquals(100_000, longStatus.length());
        String garbage = ";".repeat(100_000);
        byte[] content = (HEADER + "\n" + GOOD + "\n" + longStatus + "\n" + garbage + "\n")
                .getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = CollectingSink.parse(connector, "long.csv", content);
        assertEquals(1, sink.accepted.size());
        assertEquals(2, sink.rejected.size());
        assertEquals("Statut - GRTgaz: too long: 99905 characters (at most 200)", sink.rejected.get(0).reason());
        assertEquals("expected 13 fields, got 100001", sink.rejected.get(1).reason());
        for (CollectingSink.Rejected r : sink.rejected) {
            assertEquals(FrenchText.MAX_RAW_CHARS + 1, r.raw().length());
            assertTrue(r.raw().endsWith("…"));
        }
    }

    @Test
    void quotedFieldWithALineBreakIsOneRecord() throws IOException {
        String text = new String(ConnectorFixtures.bytes(SOURCE, "gas-daily-clean-utf8-bom.csv"),
                StandardCharsets.UTF_8);
        CollectingSink sink = ConnectorFixtures.checkQuotedLineBreak(connector, text, StandardCharsets.UTF_8,
                ";Île-de-France;", ";\"Île-de-\nFrance\";");
        assertEquals("Île-de-\nFrance", sink.accepted.get(0).values().get(2));
        assertEquals(2, sink.accepted.get(0).line());
    }

    @Test
    void fileWithoutTheColumnsIsRefused() {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> parse("gas-daily-missing-columns.csv"));
        assertEquals("gas-daily-missing-columns.csv: not a odre-gas-daily file: missing columns"
                + " [Consommation brute gaz (MW PCS 0°C) - Teréga, Statut - Teréga]", e.getMessage());
    }
}

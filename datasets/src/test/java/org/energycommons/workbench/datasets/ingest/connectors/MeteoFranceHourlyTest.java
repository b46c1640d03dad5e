package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.acceptedLines;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.instants;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.reasons;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.row;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.ts;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.values;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.assertAllAccepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.junit.jupiter.api.Test;

class MeteoFranceHourlyTest {

    private static final String SOURCE = MeteoFranceHourly.NAME;
    private static final double EPS = 1e-9;
    /** Fields of the published hourly header used by the fixtures. */
    private static final int FIELDS = 200;

    private final MeteoFranceHourly connector = new MeteoFranceHourly();

    private CollectingSink parse(String file) throws IOException {
        return ConnectorFixtures.parseChecked(connector, SOURCE, file);
    }

    @Test
    void contract() throws Exception {
        assertEquals("meteofrance-hourly", MeteoFranceHourly.NAME);
        ConnectorFixtures.checkContract(connector, SOURCE);
        assertEquals(List.of("station_id", "station_name", "latitude", "longitude", "altitude_m", "ts_utc",
                "temperature_c", "irradiance_w_m2"), Arrays.asList(connector.schema().fieldNames()));
        assertEquals(List.of("station_id", "ts_utc"), connector.key());
        assertEquals("Météo-France", connector.description().producer());
        assertTrue(connector.schema().apply("temperature_c").nullable());
        assertTrue(connector.schema().apply("irradiance_w_m2").nullable());
    }

    @Test
    void globalRadiationToIrradiance() {
        assertEquals(800.0, MeteoFranceHourly.irradianceWm2(288), EPS);
        assertEquals(1000.0, MeteoFranceHourly.irradianceWm2(360), EPS);
        assertEquals(0.0, MeteoFranceHourly.irradianceWm2(0), EPS);
        assertEquals(100 / 0.36, MeteoFranceHourly.irradianceWm2(100), 1e-9);
    }

    @Test
    void gzipWithTheLongHeader() throws IOException {
        CollectingSink sink = parse("H_69_latest-2023-2024.csv.gz");
        assertAllAccepted(48, sink);
        assertEquals(values("69029001", "LYON-BRON", 45.7215, 4.9385, 197.0, ts("2023-06-21T00:00:00Z"), 14.0, 0.0),
                row(sink, 2));
        // Noon UTC: GLO 288 J/cm² over 11:00-12:00 → 800 W/m².
        assertEquals(values("69029001", "LYON-BRON", 45.7215, 4.9385, 197.0, ts("2023-06-21T12:00:00Z"), 22.6,
                800.0), row(sink, 14));
        assertEquals(750.0, (Double) row(sink, 16).get(7), EPS);
        assertEquals(4 / 0.36, (Double) row(sink, 22).get(7), 1e-9);
        // Neither T nor GLO: still accepted (the station reports other parameters).
        assertEquals(values("69299001", "LYON-ST EXUPERY", 45.7265, 5.077833, 235.0, ts("2023-06-21T03:00:00Z"),
                null, null), row(sink, 29));
        assertEquals(16.9, (Double) row(sink, 30).get(6), EPS);
        assertNull(row(sink, 30).get(7));
        List<Instant> hours = instants(sink, 0, "69299001", 5);
        assertEquals(24, hours.size());
        for (int i = 1; i < hours.size(); i++) {
            assertEquals(Duration.ofHours(1), Duration.between(hours.get(i - 1), hours.get(i)));
        }
    }

    @Test
    void utf8WithBomKeepsLeadingZeros() throws IOException {
        CollectingSink sink = parse("H_01_latest-2023-2024.csv");
        assertAllAccepted(16, sink);
        assertEquals(values("01014002", "ARBENT", 46.278167, 5.669, 534.0, ts("2023-12-31T20:00:00Z"), 2.5, 0.0),
                row(sink, 2));
        assertEquals(values("01014002", "ARBENT", 46.278167, 5.669, 534.0, ts("2024-01-01T03:00:00Z"), 0.4, 0.0),
                row(sink, 9));
        assertEquals("01089001", row(sink, 10).get(0));
        assertEquals("AMBERIEU", row(sink, 10).get(1));
    }

    @Test
    void windows1252WithDecimalCommasAcrossTheDstChange() throws IOException {
        CollectingSink sink = parse("H_26_latest-2023-2024.csv");
        assertAllAccepted(6, sink);
        assertEquals(values("26198001", "MONTÉLIMAR", 44.581167, 4.733, 73.0, ts("2024-03-31T00:00:00Z"), 8.0, 0.0),
                row(sink, 2));
        assertEquals(values("26198001", "MONTÉLIMAR", 44.581167, 4.733, 73.0, ts("2024-03-31T05:00:00Z"), 10.5,
                12.5), row(sink, 7));
        // UTC hours: the Paris DST change of 2024-03-31 01:00 UTC leaves no gap.
        List<Instant> hours = instants(sink, 0, "26198001", 5);
        for (int i = 1; i < hours.size(); i++) {
            assertEquals(Duration.ofHours(1), Duration.between(hours.get(i - 1), hours.get(i)));
        }
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse("H_99_malformed.csv");
        assertEquals(17, sink.read());
        assertEquals(3, sink.accepted.size());
        assertEquals(14, sink.rejected.size());
        assertEquals(List.of(2L, 3L, 16L), acceptedLines(sink));
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(4L, "expected " + FIELDS + " fields, got 10");
        expected.put(5L, "expected " + FIELDS + " fields, got 1");
        expected.put(6L, "AAAAMMJJHH: not a UTC hour: '2023023010'");
        expected.put(7L, "AAAAMMJJHH: not a UTC hour: '2023010124'");
        expected.put(8L, "T: below -60: '-75'");
        expected.put(9L, "T: not a number: 'NaN'");
        expected.put(10L, "GLO: negative: '-5'");
        expected.put(11L, "GLO: above 500: '9999'");
        expected.put(12L, "duplicate of line 2");
        expected.put(13L, "NUM_POSTE: not an 8-digit station number: '6902900'");
        expected.put(15L, "LAT: not a number: 'abc'");
        expected.put(17L, "AAAAMMJJHH: not a UTC hour: '20230101'");
        expected.put(18L, "ALTI: above 5000: '9000'");
        expected.put(19L, "AAAAMMJJHH: implausible year 1800 (expected 1850..2100): '1800010100'");
        assertEquals(expected, reasons(sink));
        assertEquals(values("69029001", "LYON-BRON", 45.7215, 4.9385, 197.0, ts("2023-01-01T02:00:00Z"), null, null),
                row(sink, 16));
    }

    @Test
    void encodingConfusionIsRepaired() throws IOException {
        CollectingSink sink = parse("H_26_encoding-mixed.csv");
        assertAllAccepted(3, sink);
        for (CollectingSink.Accepted a : sink.accepted) {
            assertEquals("MONTÉLIMAR", a.values().get(1));
        }
    }

    @Test
    void veryLongLine() throws IOException {
        String header = "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJHH;T;QT;GLO;QGLO";
        String good = "69029001;LYON-BRON;45.7215;4.9385;197;2023010100;3.2;1;0;1";
        String longT = good.replace(";3.2;", ";" + "1".repeat(100_000 - good.length() + 3) + ";")
                .replace("2023010100", "2023010101");
        assertEquals(100_000, longT.length());
        byte[] content = (header + "\n" + good + "\n" + longT + "\n" + "é".repeat(100_000) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = CollectingSink.parse(connector, "long.csv", content);
        assertEquals(1, sink.accepted.size());
        assertEquals(2, sink.rejected.size());
        assertEquals("T: not a number: too long (" + (100_000 - good.length() + 3) + " characters)",
                sink.rejected.get(0).reason());
        assertEquals("expected 10 fields, got 1", sink.rejected.get(1).reason());
        for (CollectingSink.Rejected r : sink.rejected) {
            assertEquals(FrenchText.MAX_RAW_CHARS + 1, r.raw().length());
        }
    }

    @Test
    void fileWithoutTheColumnsIsRefused() {
        // A daily file ("Q_"): AAAAMMJJ instead of AAAAMMJJHH, TM instead of T, no GLO.
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> parse("Q_69_previous-1950-2022_RR-T-Vent.csv"));
        assertEquals("Q_69_previous-1950-2022_RR-T-Vent.csv: not a meteofrance-hourly file: missing columns"
                + " [AAAAMMJJHH, T, GLO]", e.getMessage());
    }
}

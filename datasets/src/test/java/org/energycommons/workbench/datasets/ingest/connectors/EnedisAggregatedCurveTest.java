package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.acceptedLines;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.instant;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.parse;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.reasons;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.strictlyIncreasing;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.wellFormed;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.assertAllAccepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.junit.jupiter.api.Test;

/** Tests of {@link EnedisAggregatedCurve} through its two sources, {@link EnedisConsoInf36} and {@link EnedisConsoSup36}. */
class EnedisAggregatedCurveTest {

    private static final String INF = EnedisConsoInf36.NAME;
    private static final String SUP = EnedisConsoSup36.NAME;

    private final EnedisConsoInf36 inf36 = new EnedisConsoInf36();
    private final EnedisConsoSup36 sup36 = new EnedisConsoSup36();

    @Test
    void catalogue() {
        assertEquals("enedis-conso-inf36", inf36.name());
        assertEquals("enedis-conso-sup36", sup36.name());
        assertEquals(EnedisAggregatedCurve.NAME_INF36, EnedisConsoInf36.NAME);
        assertEquals(EnedisAggregatedCurve.NAME_SUP36, EnedisConsoSup36.NAME);
        EnedisFixtures.describes(inf36, "etalab-2.0", false);
        EnedisFixtures.describes(sup36, "etalab-2.0", false);
        assertEquals(List.of("ts_utc", "profile", "power_range", "sector"), inf36.key());
        assertEquals(List.of("ts_utc", "profile", "power_range", "sector", "n_points", "total_energy_kwh",
                "mean_curve_kwh"), List.of(inf36.schema().fieldNames()));
        assertEquals(inf36.schema(), sup36.schema());
    }

    @Test
    void cleanFrenchLabelsWithBom() throws IOException {
        CollectingSink sink = parse(inf36, INF, "clean.csv");
        assertAllAccepted(24, sink);
        wellFormed(inf36, sink);
        List<Object> first = sink.accepted.get(0).values();
        assertEquals(2L, sink.accepted.get(0).line());
        assertEquals(Instant.parse("2022-12-31T23:00:00Z"), instant(first.get(0)));
        assertEquals("RES1 (+ RES1WE)", first.get(1));
        assertEquals("P1: ]0-6] kVA", first.get(2));
        assertNull(first.get(3));
        assertEquals(1_000_000L, first.get(4));
        assertEquals(500_000.0, (Double) first.get(5), 1e-6);
        assertEquals(0.5, (Double) first.get(6), 1e-12);
        List<Object> last = sink.accepted.get(23).values();
        assertEquals(25L, sink.accepted.get(23).line());
        assertEquals(Instant.parse("2023-01-01T01:30:00Z"), instant(last.get(0)));
        assertEquals("PRO1 (+ PRO1WE)", last.get(1));
        assertEquals("P2: ]6-9] kVA", last.get(2));
        assertEquals(1_003_000L, last.get(4));
        assertEquals(551_650.0, (Double) last.get(5), 1e-6);
        assertNull(last.get(6));
    }

    @Test
    void snakeCaseHeaderExtraColumnAndLocalTimes() throws IOException {
        CollectingSink sink = parse(inf36, INF, "snake.csv");
        assertAllAccepted(6, sink);
        List<Object> first = sink.accepted.get(0).values();
        assertEquals(Instant.parse("2023-07-13T22:00:00Z"), instant(first.get(0)));
        assertEquals(20_000L, first.get(4));
        assertEquals(8_000.0, (Double) first.get(5), 1e-9);
        assertEquals(0.4, (Double) first.get(6), 1e-12);
        strictlyIncreasing(sink, 0);
    }

    @Test
    void dstDaysTimestampedAtTheStart() throws IOException {
        CollectingSink sink = parse(inf36, INF, "dst.csv");
        assertAllAccepted(96, sink);
        List<Instant> ts = strictlyIncreasing(sink, 0);
        assertEquals(96, ts.stream().distinct().count());
        assertEquals(Instant.parse("2024-03-30T23:00:00Z"), ts.get(0));
        assertEquals(Instant.parse("2024-03-31T00:30:00Z"), ts.get(3));  // local 01:30
        assertEquals(Instant.parse("2024-03-31T01:00:00Z"), ts.get(4));  // local 03:00
        assertEquals(Instant.parse("2024-03-31T21:30:00Z"), ts.get(45));
        assertEquals(Instant.parse("2024-10-26T22:00:00Z"), ts.get(46));
        assertEquals(Instant.parse("2024-10-27T00:00:00Z"), ts.get(46 + 4)); // 02:00 summer
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"), ts.get(46 + 5)); // 02:30 summer
        assertEquals(Instant.parse("2024-10-27T01:00:00Z"), ts.get(46 + 6)); // 02:00 winter
        assertEquals(Instant.parse("2024-10-27T01:30:00Z"), ts.get(46 + 7)); // 02:30 winter
        assertEquals(Instant.parse("2024-10-27T22:30:00Z"), ts.get(95));
        for (int i = 1; i < 96; i++) {
            if (i != 46) {
                assertEquals(ts.get(i - 1).plusSeconds(1800), ts.get(i), "half-hour steps at " + i);
            }
        }
    }

    @Test
    void stampsOffTheHalfHourGridAreRejected() throws IOException {
        CollectingSink sink = parse(inf36, INF, "off-grid.csv");
        assertEquals(7, sink.read());
        assertEquals(List.of(2L, 5L, 8L), acceptedLines(sink));
        assertEquals(Map.of(
                3L, "Horodate: 2022-12-31T23:10:00Z is not on a half-hour boundary",
                4L, "Horodate: 2022-12-31T23:20:00Z is not on a half-hour boundary",
                6L, "Horodate: 2022-12-31T23:40:00Z is not on a half-hour boundary",
                7L, "Horodate: 2022-12-31T23:50:00Z is not on a half-hour boundary"), reasons(sink));
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse(inf36, INF, "malformed.csv");
        assertEquals(14, sink.read());
        assertEquals(List.of(2L, 14L, 15L), acceptedLines(sink));
        assertEquals(Map.ofEntries(
                Map.entry(3L, "expected 13 fields, got 5"),
                Map.entry(4L, "expected 13 fields, got 1"),
                Map.entry(5L, "Horodate: not a date-time: '2023-01-32T00:00:00+01:00'"),
                Map.entry(6L, "Horodate: local time 2024-03-31T02:00 does not exist in Europe/Paris "
                        + "(DST gap 2024-03-31T02:00 → 2024-03-31T03:00)"),
                Map.entry(7L, "Total énergie soutirée (Wh): negative value -500000 Wh"),
                Map.entry(8L, "Nb points soutirage: not a number: 'NaN'"),
                Map.entry(9L, "Total énergie soutirée (Wh): absurd value 1000000000 Wh (max 180000 Wh for 10 points)"),
                Map.entry(10L, "Nb points soutirage: not a whole number: '12.5'"),
                Map.entry(11L, "duplicate of line 2"),
                Map.entry(12L, "Profil: empty"),
                Map.entry(13L, "Courbe Moyenne n°1 + n°2 (Wh): absurd value 20000 Wh (max 18000 Wh)")),
                reasons(sink));
        List<Object> commas = sink.accepted.get(2).values();
        assertEquals(1.2345, (Double) commas.get(5), 1e-12);
        assertEquals(0.0012345, (Double) commas.get(6), 1e-15);
        wellFormed(inf36, sink);
    }

    @Test
    void veryLongLine() throws IOException {
        String header = "Horodate;Profil;Plage de puissance souscrite;Nb points soutirage;Total énergie soutirée (Wh)";
        String text = header + "\n" + "2023-01-01T00:00:00+01:00;RES1;P1;10;" + "1".repeat(100_000) + "\n"
                + "x".repeat(100_000) + "\n" + "2023-01-01T00:00:00+01:00;RES1;P1;10;1000\n";
        CollectingSink sink = CollectingSink.parse(inf36, "long.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(4L), acceptedLines(sink));
        assertEquals(Map.of(2L, "Total énergie soutirée (Wh): not a number: '" + "1".repeat(40) + "…'",
                3L, "expected 5 fields, got 1"), reasons(sink));
        for (CollectingSink.Rejected r : sink.rejected) {
            assertEquals(FrenchText.MAX_RAW_CHARS + 1, r.raw().length());
        }
    }

    @Test
    void headerEndingWithSeparator() throws IOException {
        String text = "Horodate;Profil;Plage de puissance souscrite;Nb points soutirage;Total énergie soutirée (Wh);\n"
                + "2023-01-01T00:00:00+01:00;RES1;P1;10;1000;\n"
                + "2023-01-01T00:30:00+01:00;RES1;P1;10;1000\n"
                + "2023-01-01T01:00:00+01:00;RES1;P1;10;1000;;\n"
                + "2023-01-01T01:30:00+01:00;RES1;P1;10;1000;7\n";
        CollectingSink sink = CollectingSink.parse(inf36, "t.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(2L, 3L), acceptedLines(sink));
        assertEquals(Map.of(4L, "expected 5 fields, got 7", 5L, "expected 5 fields, got 6"), reasons(sink));
        assertEquals(1.0, (Double) sink.accepted.get(0).values().get(5), 1e-12);
        assertNull(sink.accepted.get(0).values().get(6));
    }

    @Test
    void sup36Latin1WithSector() throws IOException {
        CollectingSink sink = parse(sup36, SUP, "clean-latin1.csv");
        assertAllAccepted(8, sink);
        List<Object> first = sink.accepted.get(0).values();
        assertEquals(Instant.parse("2022-12-31T23:00:00Z"), instant(first.get(0)));
        assertEquals("ENT3 (+ ENT4 + ENT5)", first.get(1));
        assertEquals("P7: ]250-500] kVA", first.get(2));
        assertEquals("S1: Agriculture", first.get(3));
        assertEquals(2000L, first.get(4));
        assertEquals(80_000.0, (Double) first.get(5), 1e-9);
        assertEquals(40.0, (Double) first.get(6), 1e-12);
        assertEquals("S5: Non affecté", sink.accepted.get(7).values().get(3));
        // The same rows are absurd below 36 kVA (40 kWh per point in half an hour), but the file is refused anyway.
        assertThrows(SchemaMismatchException.class, () -> parse(inf36, SUP, "clean-latin1.csv"));
    }

    @Test
    void sup36SnakeCaseBoundsAndSector() throws IOException {
        CollectingSink sink = parse(sup36, SUP, "snake.csv");
        assertEquals(List.of(2L), acceptedLines(sink));
        assertEquals(Map.of(
                3L, "Total énergie soutirée (Wh): absurd value 50000000 Wh (max 40000000 Wh for 2 points)",
                4L, "Secteur activité: empty"), reasons(sink));
        assertEquals(Instant.parse("2022-12-31T23:00:00Z"), instant(sink.accepted.get(0).values().get(0)));
        assertEquals("S2: Industrie", sink.accepted.get(0).values().get(3));
    }

    @Test
    void refusedFiles() {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(inf36, "empty.csv", new byte[0]));
        assertEquals("empty.csv: not a enedis-conso-inf36 file: empty file", e.getMessage());
        assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(sup36, "empty.csv", new byte[0]));
        assertThrows(SchemaMismatchException.class, () -> parse(inf36, INF, "blank.csv"));
        e = assertThrows(SchemaMismatchException.class, () -> parse(inf36, INF, "missing-columns.csv"));
        assertEquals("missing-columns.csv: not a enedis-conso-inf36 file: missing columns "
                + "[Plage de puissance souscrite, Total énergie soutirée (Wh)]", e.getMessage());
        e = assertThrows(SchemaMismatchException.class, () -> parse(inf36, SUP, "clean-latin1.csv"));
        assertEquals("clean-latin1.csv: not a enedis-conso-inf36 file: has column [Secteur activité] of a "
                + "enedis-conso-sup36 file", e.getMessage());
        e = assertThrows(SchemaMismatchException.class, () -> parse(sup36, INF, "clean.csv"));
        assertEquals("clean.csv: not a enedis-conso-sup36 file: missing columns [Secteur activité]", e.getMessage());
        assertThrows(SchemaMismatchException.class,
                () -> parse(inf36, EnedisLoadCurveCsv.NAME, "mixed-step.csv"));
        assertThrows(SchemaMismatchException.class,
                () -> parse(sup36, EnedisAnnualAddress.NAME, "clean-latin1.csv"));
        assertThrows(SchemaMismatchException.class,
                () -> parse(inf36, EnedisLoadCurveJson.NAME, "clean.json"));
        byte[] noHeader = "2023-01-01T00:00:00+01:00;RES1;P1;10;1000;500;1;500;1;500;1;0;0\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(inf36, "h.csv", noHeader));
    }
}

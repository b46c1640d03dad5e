package org.energycommons.workbench.datasets.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every connector against the same seeded mutations of one of its clean fixtures: truncated and joined lines,
 * wrong separators, garbage and invalid bytes, NaN, negative and absurd numbers, duplicated and swapped lines,
 * very long lines. Whatever the input, a connector throws nothing but a schema refusal, and accounts for each
 * record exactly once (no line both accepted and rejected, no line twice).
 */
class ConnectorFuzzTest {

    private static final Map<String, String> CLEAN = Map.ofEntries(
            Map.entry("enedis-load-curve-json", "/fixtures/enedis-load-curve-json/clean.json"),
            Map.entry("enedis-load-curve-csv", "/fixtures/enedis-load-curve-csv/dst.csv"),
            Map.entry("enedis-conso-inf36", "/fixtures/enedis-conso-inf36/clean.csv"),
            Map.entry("enedis-conso-sup36", "/fixtures/enedis-conso-sup36/snake.csv"),
            Map.entry("enedis-annual-address", "/fixtures/enedis-annual-address/snake.csv"),
            Map.entry("odre-eco2mix-regional", "/fixtures/odre-eco2mix-regional/eco2mix-regional-clean-snake.csv"),
            Map.entry("odre-gas-daily", "/fixtures/odre-gas-daily/gas-daily-clean-snake.csv"),
            Map.entry("meteofrance-hourly", "/fixtures/meteofrance-hourly/H_01_latest-2023-2024.csv"),
            Map.entry("ademe-dpe", "/fixtures/ademe-dpe/dpe03existant_sample.csv"),
            Map.entry("bdnb", "/fixtures/bdnb/batiment_groupe_sample.csv"),
            Map.entry("communes", "/fixtures/communes/communes-france-sample.csv"),
            Map.entry("consents", "/fixtures/consents/register-comma-bom.csv"));

    private static final int MUTANTS = 60;

    @Test
    void everyConnectorSurvivesMutatedInputAndCountsEachRecordOnce() throws IOException {
        assertEquals(Connectors.all().size(), CLEAN.size(), "a connector has no fuzz fixture");
        for (SourceConnector connector : Connectors.all()) {
            String resource = CLEAN.get(connector.name());
            assertNotNull(resource, connector.name());
            byte[] clean;
            try (var in = getClass().getResourceAsStream(resource)) {
                clean = in.readAllBytes();
            }
            CollectingSink baseline = CollectingSink.parse(connector, "clean", clean);
            assertTrue(baseline.accepted.size() > 0, connector.name() + ": the clean fixture must parse");
            SplittableRandom rnd = new SplittableRandom(connector.name().hashCode());
            int rejected = 0;
            for (int m = 0; m < MUTANTS; m++) {
                byte[] mutant = mutate(clean, rnd);
                CollectingSink sink = new CollectingSink();
                try {
                    connector.parse("mutant-" + m + ".csv", new java.io.ByteArrayInputStream(mutant), sink);
                } catch (SchemaMismatchException refused) {
                    continue;
                } catch (Exception e) {
                    fail(connector.name() + " mutant " + m + " threw " + e);
                }
                Set<Long> lines = new HashSet<>();
                for (CollectingSink.Accepted a : sink.accepted) {
                    assertTrue(lines.add(a.line()), connector.name() + " mutant " + m + ": line " + a.line() + " twice");
                    assertEquals(connector.schema().fields().length, a.values().size(), connector.name());
                }
                rejected += sink.rejected.size();
                for (CollectingSink.Rejected r : sink.rejected) {
                    assertTrue(lines.add(r.line()), connector.name() + " mutant " + m + ": line " + r.line() + " twice");
                    assertTrue(r.reason() != null && !r.reason().isBlank(), connector.name() + ": rejected without reason");
                    assertTrue(r.raw() == null || r.raw().length() <= FrenchText.MAX_RAW_CHARS + 1,
                            connector.name() + ": raw text kept whole");
                }
            }
            assertTrue(rejected > MUTANTS / 4, connector.name() + ": the mutations must reach the record checks");
        }
    }

    private static byte[] mutate(byte[] clean, SplittableRandom rnd) {
        String text = new String(clean, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && lines.size() > 2; e++) {
            int i = 1 + rnd.nextInt(lines.size() - 1);
            String line = lines.get(i);
            switch (rnd.nextInt(9)) {
                case 0 -> lines.set(i, line.substring(0, rnd.nextInt(line.length() + 1)));
                case 1 -> lines.set(i, line.replace(';', ',').replace(',', ';'));
                case 2 -> lines.set(i, insert(line, rnd, "\u00ff\u0000\u00e9\u00c3\u00a9"));
                case 3 -> lines.add(i, line);
                case 4 -> {
                    int j = 1 + rnd.nextInt(lines.size() - 1);
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 5 -> lines.set(i, line.replaceFirst("\\d+([.,]\\d+)?", pick(rnd, "NaN", "-1e9", "abc", "1e308",
                        "99999999999", "-0,5", "")));
                case 6 -> lines.set(i, line + "x".repeat(100_000));
                case 7 -> lines.set(i, line.replaceFirst("\\d{4}-\\d{2}-\\d{2}", pick(rnd, "2024-02-30", "2024-03-31 02:30:00",
                        "31/12/2024", "not-a-date")));
                default -> lines.remove(i);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] joined = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        out.write(joined, 0, joined.length);
        return out.toByteArray();
    }

    private static String insert(String line, SplittableRandom rnd, String what) {
        int at = rnd.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }

    private static String pick(SplittableRandom rnd, String... values) {
        return values[rnd.nextInt(values.length)];
    }
}

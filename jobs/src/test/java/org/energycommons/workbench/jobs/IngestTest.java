package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench ingest} as a user runs it: counts, rejects with reasons, pseudonymised silver, idempotency. */
class IngestTest implements SharedSparkSession {

    private static final String HEADER = "Identifiant PRM;Date de début;Date de fin;Grandeur physique;Grandeur métier;"
            + "Etape métier;Unité;Horodate;Valeur;Nature;Pas;Indice de vraisemblance;Etat complémentaire";
    private static final TableId BRONZE = new TableId(org.energycommons.workbench.datasets.lake.Layer.BRONZE,
            "enedis_load_curve_csv");
    private static final TableId REJECTS = new TableId(org.energycommons.workbench.datasets.lake.Layer.REJECTS,
            "enedis_load_curve_csv");

    private static void write(Path file, String... lines) throws Exception {
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    private static Path files(Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("prm1.csv"), HEADER,
                "30000000000001;2024-01-01T00:00:00+01:00;2024-01-02T00:00:00+01:00;PA;CONS;BRUT;W;;;;;;",
                ";;;;;;;2024-01-01T00:30:00+01:00;500;B;PT30M;;",
                ";;;;;;;2024-01-01T01:00:00+01:00;600;B;PT30M;;",
                ";;;;;;;2024-01-01T01:30:00+01:00;abc;B;PT30M;;",
                ";;;;;;;2024-01-01T02:00:00+01:00;-5;B;PT30M;;",
                ";;;;;;;2024-01-01T01:00:00+01:00;600;B;PT30M;;");
        // Named after its delivery point, as exports often are: the published catalogue must not repeat it.
        write(in.resolve("30000000000002.csv"), HEADER,
                "30000000000002;2024-01-01T00:00:00+01:00;2024-01-02T00:00:00+01:00;PA;CONS;BRUT;W;;;;;;",
                ";;;;;;;2024-01-01 00:10:00;1200;B;PT10M;;",
                ";;;;;;;2024-01-01 00:20:00;1800;B;PT10M;;",
                ";;;;;;;2024-01-01 00:30:00;2400;B;PT10M;;");
        return in;
    }

    private static JsonNode report(Path file) throws Exception {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void everyRowIsAcceptedOrRejectedAndReIngestingChangesNothing(@TempDir Path dir) throws Exception {
        Path in = files(dir);
        String out = dir.resolve("ws").toString();
        CliRunner first = CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out", out,
                "--report", dir.resolve("r1.json").toString(), "--master", "local[2]");
        assertEquals(0, first.code(), first.err());
        JsonNode r1 = report(dir.resolve("r1.json"));
        assertEquals("enedis-load-curve-csv", r1.get("source").asText());
        assertEquals(2, r1.get("files").size());
        assertEquals(8, r1.get("read").asLong());
        assertEquals(5, r1.get("accepted").asLong());
        assertEquals(3, r1.get("rejected").asLong());
        assertEquals(1, r1.get("duplicates").asLong());
        assertTrue(first.out().contains("read 8, accepted 5, rejected 3, duplicates 1"), first.out());

        Lake lake = new Lake(SPARK, out + "/lake");
        List<Row> rejects = lake.read(REJECTS).orderBy("line").select("line", "reason").collectAsList();
        assertEquals(List.of(5L, 6L, 7L), rejects.stream().map(r -> r.getLong(0)).toList());
        assertTrue(rejects.get(0).getString(1).contains("abc"), rejects.toString());
        assertTrue(rejects.get(2).getString(1).startsWith("duplicate of line 4"), rejects.toString());

        // Silver: pseudonymised, UTC interval starts, kWh.
        String meter1 = Pseudonymizer.fromHex(System.getenv("WORKBENCH_PSEUDO_KEY")).pseudonym("30000000000001");
        assertFalse(Arrays.asList(lake.read(Tables.LOAD_CURVE).columns()).contains("prm"));
        Row first30 = lake.read(Tables.LOAD_CURVE).filter("meter_id = '" + meter1 + "'").orderBy("ts_utc").first();
        assertEquals(java.sql.Timestamp.from(java.time.Instant.parse("2023-12-31T23:00:00Z")), first30.getTimestamp(1));
        assertEquals(0.25, first30.getDouble(2), 1e-12);
        assertEquals(5, lake.read(Tables.LOAD_CURVE).count());
        assertEquals(0, lake.read(Tables.LOAD_CURVE).filter("meter_id like '3000000%'").count());

        long bronzeVersion = lake.version(BRONZE);
        CliRunner again = CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out", out,
                "--report", dir.resolve("r2.json").toString(), "--master", "local[2]");
        assertEquals(0, again.code(), again.err());
        JsonNode r2 = report(dir.resolve("r2.json"));
        assertEquals(8, r2.get("read").asLong());
        assertEquals(r2.get("read").asLong(), r2.get("accepted").asLong() + r2.get("rejected").asLong());
        assertEquals(1 + 5, r2.get("duplicates").asLong(), "accepted rows already in bronze are merged duplicates");
        assertEquals(5, lake.read(BRONZE).count());
        assertEquals(3, lake.read(REJECTS).count());
        assertEquals(5, lake.read(Tables.LOAD_CURVE).count());
        assertEquals(0, lake.read(BRONZE, bronzeVersion).drop("ingest_run")
                .exceptAll(lake.read(BRONZE).drop("ingest_run")).count());

        // Each run's accounting is kept, and verify checks the latest against bronze and rejects.
        assertEquals(2, lake.read(Tables.INGEST_RUNS).count());
        // The catalogue describes data, not runs: the time a run finished is no temporal coverage (two runs of
        // the same command would otherwise differ in their catalogue).
        assertEquals(null, lake.read(Tables.CATALOG).filter("name = 'table:registry/ingest_runs'")
                .select("temporal_coverage").first().get(0));
        CliRunner healthy = CliRunner.run("verify", "--out", out, "--master", "local[2]");
        assertEquals(0, healthy.code(), healthy.out() + healthy.err());
        assertTrue(healthy.out().contains("1 ingest runs"), healthy.out());
        lake.spark().sql("DELETE FROM delta.`" + lake.path(REJECTS) + "` WHERE line = 5");
        CliRunner lost = CliRunner.run("verify", "--out", out, "--master", "local[2]");
        assertEquals(Main.EXIT_AUDIT, lost.code(), lost.out() + lost.err());
        assertTrue(lost.out().contains("2 rows of the run in _rejects/enedis_load_curve_csv, 3 accounted as "
                + "rejected"), lost.out());
    }

    @Test
    void anIngestRunAgainAfterItDiedPastBronzeRecordsWhatAnUninterruptedRunWould(@TempDir Path dir)
            throws Exception {
        Path in = files(dir);
        String out = dir.resolve("ws").toString();
        CliRunner first = CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out", out,
                "--master", "local[2]");
        assertEquals(0, first.code(), first.err());
        // What a run killed after its bronze commit leaves: bronze rows of a run that never recorded itself.
        Lake lake = new Lake(SPARK, out + "/lake");
        for (TableId t : List.of(Tables.INGEST_RUNS, Tables.LOAD_CURVE, REJECTS)) {
            LocalFiles.deleteTree(Path.of(lake.path(t)));
        }
        org.apache.spark.sql.delta.DeltaLog.clearCache(); // as a new process would find them
        CliRunner again = CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out", out,
                "--report", dir.resolve("r.json").toString(), "--master", "local[2]");
        assertEquals(0, again.code(), again.err());
        JsonNode r = report(dir.resolve("r.json"));
        assertEquals(List.of(8L, 5L, 3L, 1L), List.of(r.get("read").asLong(), r.get("accepted").asLong(),
                r.get("rejected").asLong(), r.get("duplicates").asLong()), "the counts of an uninterrupted run");
        assertEquals(1, lake.read(Tables.INGEST_RUNS).count());
        assertEquals(5, lake.read(BRONZE).count());
        assertEquals(5, lake.read(Tables.LOAD_CURVE).count());
        assertEquals(3, lake.read(REJECTS).count());
    }

    @Test
    void aFileOfAnotherSourceIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path in = files(dir);
        write(in.resolve("zz-eco2mix.csv"), "Code INSEE région;Région;Nature;Date;Heure;Date - Heure;Consommation (MW)",
                "84;Auvergne-Rhône-Alpes;Données consolidées;2024-01-01;00:00;2024-01-01T00:00:00+01:00;8000");
        String out = dir.resolve("ws").toString();
        CliRunner r = CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out", out,
                "--master", "local[2]");
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).startsWith("workbench: error: zz-eco2mix.csv: not a enedis-load-curve-csv"),
                r.errorLines().get(0));
        assertFalse(new Lake(SPARK, out + "/lake").exists(BRONZE), "nothing may be written");
    }

    @Test
    void aTruncatedGzipIsOneClearLineAndTheLakeIsUnchanged(@TempDir Path dir) throws Exception {
        Path in = files(dir);
        String out = dir.resolve("ws").toString();
        assertEquals(0, CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out", out,
                "--master", "local[2]").code());
        Lake lake = new Lake(SPARK, out + "/lake");
        Map<TableId, Long> before = Map.of(BRONZE, lake.version(BRONZE), REJECTS, lake.version(REJECTS),
                Tables.LOAD_CURVE, lake.version(Tables.LOAD_CURVE),
                Tables.INGEST_RUNS, lake.version(Tables.INGEST_RUNS));
        // A gzip cut in the middle, as a download that stopped: 400 readings, then half of the compressed bytes.
        StringBuilder csv = new StringBuilder(HEADER + "\r\n"
                + "30000000000003;2024-01-01T00:00:00+01:00;2024-02-01T00:00:00+01:00;PA;CONS;BRUT;W;;;;;;\r\n");
        for (int i = 1; i <= 400; i++) {
            csv.append(";;;;;;;").append(java.time.OffsetDateTime.parse("2024-01-01T00:00:00+01:00")
                    .plusMinutes(30L * i)).append(';').append(100 + i * 7 % 900).append(";B;PT30M;;\r\n");
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve("prm3.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2));

        CliRunner r = CliRunner.run("ingest", "enedis-load-curve-csv", cut.toString(), "--out", out,
                "--master", "local[2]");
        assertEquals(Main.EXIT_FAILURE, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).startsWith("workbench: error: cannot read prm3.csv.gz: ")
                && r.errorLines().get(0).contains("the file ends early"), r.errorLines().get(0));
        before.forEach((table, version) -> assertEquals(version, lake.version(table), table + " is unchanged"));
    }

    @Test
    void aFileThatChangesWhileItIsReadIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path in = files(dir);
        Path growing = in.resolve("prm1.csv");
        // The file grows once it has been listed, while the ingest reads: a copy or a download still running.
        java.io.Writer watcher = new java.io.Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                if (new String(c, off, len).contains(": parsing ")) {
                    try {
                        Files.writeString(growing, ";;;;;;;2024-01-01T02:30:00+01:00;700;B;PT30M;;\r\n",
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Workspace workspace = Workspace.of(dir.resolve("ws"), null);
        JobContext ctx = JobContext.of(SPARK, workspace, WorkbenchConfig.load(null),
                new Progress(new java.io.PrintWriter(watcher), Progress.Mode.PLAIN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IngestJob.run(ctx,
                Connectors.byName("enedis-load-curve-csv"), SilverMappings.of("enedis-load-curve-csv"),
                List.of(in + "/*.csv"), Pseudonymizer.fromHex("ab".repeat(32))));
        assertTrue(e.getMessage().startsWith("prm1.csv changed while it was read ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written; ingest it again once it is complete"),
                e.getMessage());
        assertFalse(ctx.lake().exists(BRONZE), "nothing may be written");
        assertFalse(ctx.lake().exists(Tables.LOAD_CURVE), "nothing may be written");
    }

    @Test
    void namesThatAreNotUtf8AreOneClearLine(@TempDir Path dir) throws Exception {
        Path in = files(dir);
        // A file named in Latin-1 ("café.csv" with the byte E9), as an old export or a Windows share would: Java
        // cannot even open it, so it must not read as "no file".
        Process touch = new ProcessBuilder("bash", "-c", "cp \"$1/prm1.csv\" \"$(printf '%s/caf\\351.csv' \"$1\")\"",
                "touch", in.toString()).inheritIO().start();
        assertEquals(0, touch.waitFor());
        CliRunner r = CliRunner.run("ingest", "enedis-load-curve-csv", in + "/*.csv", "--out",
                dir.resolve("ws").toString(), "--master", "local[2]");
        if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            assertEquals(Main.EXIT_USAGE, r.code(), r.err());
            assertEquals(List.of("workbench: error: a file name in " + in + " is not valid UTF-8 (caf?.csv): rename "
                    + "it (the workbench reads names as UTF-8)"), r.errorLines());
            assertFalse(Files.exists(dir.resolve("ws/lake")), "nothing may be written");
        } else {
            // Under a single-byte locale (POSIX "C"), the JVM keeps name bytes as they are: the file is read (its
            // rows duplicate prm1.csv's, and are kept as duplicates).
            assertEquals(0, r.code(), r.err());
        }

        CliRunner out = CliRunner.run("generate", "--out", dir.resolve("caf\uFFFD").toString());
        assertEquals(Main.EXIT_USAGE, out.code(), out.err());
        assertTrue(out.err().contains("is not valid UTF-8: choose a folder whose name is"), out.err());
    }

    @Test
    void unknownSourceAndMissingKeyAreClearErrors(@TempDir Path dir) {
        CliRunner r = CliRunner.run("ingest", "enedis-linky", dir.toString());
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.errorLines().get(0).startsWith("workbench: error: unknown source 'enedis-linky'; known: "),
                r.err());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudoKeys.required("ingesting bdnb", null));
        assertTrue(e.getMessage().startsWith("ingesting bdnb needs a pseudonymisation key: set WORKBENCH_PSEUDO_KEY"),
                e.getMessage());
    }
}

package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.jobs.crash.LakeContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only workspace: the command stops with one line and a non-zero exit, and every table
 * stays at its last committed version. The workspace lives on a size-limited tmpfs mounted for the test (this
 * needs root, as in CI; elsewhere the tests are skipped and say why).
 */
class StorageFailureTest implements SharedSparkSession {

    private static final String HEADER = "Identifiant PRM;Date de début;Date de fin;Grandeur physique;"
            + "Grandeur métier;Etape métier;Unité;Horodate;Valeur;Nature;Pas;Indice de vraisemblance;"
            + "Etat complémentaire";

    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            new ProcessBuilder("umount", "-l", m.toString()).inheritIO().start().waitFor();
        }
    }

    /** A tmpfs of {@code kib} KiB at {@code dir}, or the test skipped when this machine cannot mount one. */
    private Path disk(Path dir, long kib) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a size-limited tmpfs here (needs root): " + output);
        mounts.add(dir);
        return dir;
    }

    private static void remountReadOnly(Path dir) throws Exception {
        Process p = new ProcessBuilder("mount", "-o", "remount,ro", dir.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "remount read-only");
    }

    /** One Enedis load-curve file, {@code name.csv}, of {@code readings} half-hours for one delivery point. */
    private static Path loadCurve(Path dir, String name, int readings) throws IOException {
        String prm = "3000000000000" + (name.charAt(name.length() - 1) - 'a' + 1); // curve-a: ...0001
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n").append(prm)
                .append(";2024-01-01T00:00:00+01:00;2025-01-01T00:00:00+01:00;PA;CONS;BRUT;W;;;;;;\r\n");
        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2024-01-01T00:30:00+01:00");
        for (int i = 0; i < readings; i++) {
            csv.append(";;;;;;;").append(t.plusMinutes(30L * i)).append(';').append(400 + (i * 37) % 900)
                    .append(";B;PT30M;;\r\n");
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** Each table of the lake with its Delta version (the number of its newest commit). */
    private static Map<String, Long> versions(Path lake) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (String table : LakeContent.of(SPARK, lake).tables().keySet()) {
            try (Stream<Path> log = Files.list(lake.resolve(table).resolve("_delta_log"))) {
                out.put(table, log.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.json"))
                        .mapToLong(n -> Long.parseLong(n.substring(0, 20))).max().orElse(-1));
            }
        }
        return out;
    }

    private static CliRunner ingest(Path file, Path workspace) {
        return CliRunner.run("ingest", "enedis-load-curve-csv", file.toString(), "--out", workspace.toString(),
                "--master", "local[2]");
    }

    @Test
    void aFullDiskStopsTheIngestWithOneLineAndLeavesEveryTableAtItsLastCommit(@TempDir Path dir) throws Exception {
        Path disk = disk(dir.resolve("disk"), 16 * 1024);
        Path workspace = disk.resolve("ws");
        CliRunner first = ingest(loadCurve(dir.resolve("in"), "curve-a", 48), workspace);
        assertEquals(0, first.code(), first.err());
        Map<String, Long> before = versions(workspace.resolve("lake"));
        LakeContent content = LakeContent.of(SPARK, workspace.resolve("lake"));

        // Fill the disk but for 8 KiB: three months of half-hours (4,368 readings) need more in bronze alone.
        long free = Files.getFileStore(disk).getUsableSpace();
        Files.write(disk.resolve("filler"), new byte[(int) Math.max(0, free - 8 * 1024)]);
        CliRunner full = ingest(loadCurve(dir.resolve("in2"), "curve-b", 4_368), workspace);

        assertEquals(Main.EXIT_FAILURE, full.code(), full.err());
        assertEquals(1, full.errorLines().size(), full.err());
        assertTrue(full.errorLines().get(0).startsWith("workbench: error: the disk is full (no space left on "
                + "device) while writing "), full.errorLines().get(0));
        assertEquals(before, versions(workspace.resolve("lake")));
        assertEquals(List.of(), LakeContent.of(SPARK, workspace.resolve("lake")).differences(content));
        try (Stream<Path> walk = Files.walk(workspace)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left behind");
        }

        // Space again: the same command goes through.
        Files.delete(disk.resolve("filler"));
        CliRunner again = ingest(dir.resolve("in2/curve-b.csv"), workspace);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("read 4368"), again.out());
    }

    @Test
    void aReadOnlyWorkspaceRefusesWritersWithOneLineAndStillServesReaders(@TempDir Path dir) throws Exception {
        Path disk = disk(dir.resolve("disk"), 16 * 1024);
        Path workspace = disk.resolve("ws");
        CliRunner first = ingest(loadCurve(dir.resolve("in"), "curve-a", 48), workspace);
        assertEquals(0, first.code(), first.err());
        Map<String, Long> before = versions(workspace.resolve("lake"));
        remountReadOnly(disk);

        CliRunner refused = ingest(loadCurve(dir.resolve("in2"), "curve-b", 48), workspace);
        assertEquals(Main.EXIT_FAILURE, refused.code(), refused.err());
        assertEquals(1, refused.errorLines().size(), refused.err());
        assertTrue(refused.errorLines().get(0).startsWith("workbench: error: cannot write " + workspace),
                refused.errorLines().get(0));
        assertTrue(refused.errorLines().get(0).contains("read-only file system"), refused.errorLines().get(0));
        assertEquals(before, versions(workspace.resolve("lake")));

        CliRunner verify = CliRunner.run("verify", "--out", workspace.toString(), "--master", "local[2]");
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }
}

package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.jobs.ChildWorkbench;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.WorkspaceLock;
import org.energycommons.workbench.jobs.crash.LakeContent;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark crash}: commands killed with SIGKILL at random moments, then the lake checked.
 *
 * <p>Three commands take turns: {@code demo} on a small region (from an empty workspace), {@code ingest} of
 * Enedis load-curve files (into an empty workspace) and {@code train uc4} (on a copy of a finished demo). Each is
 * first run once to the end, for its duration and its tables. Each trial copies the command's starting workspace,
 * starts the command in a child JVM, kills it after a seeded share (5 to 95 %) of that duration, then checks that
 * every Delta table of the lake is readable, that {@code workbench verify} passes, and that running the same
 * command again ends with the same tables (rows and content, {@link LakeContent}) as the uninterrupted run. A
 * command whose tables already equal the uninterrupted run's (it had committed everything, or ended before the
 * kill) is not run again: a second run is not a recovery, and {@code ingest} records each run.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Kill demo, ingest and train with SIGKILL at seeded random moments; check that every Delta "
                + "table stays readable, that 'workbench verify' passes and that running the command again gives "
                + "the tables of an uninterrupted run. Trial workspaces under DIR/bench/crash/ (failed ones kept).")
public final class BenchmarkCrashCommand extends BenchmarkRun {

    /** The commands of the trials, in turn. */
    static final List<String> COMMANDS = List.of("demo", "ingest", "train");

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20",
            description = "Trials, the commands taking turns (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--meters", paramLabel = "N", defaultValue = "24",
            description = "Meters of the demo's region (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--days", paramLabel = "D", defaultValue = "400",
            description = "Days of the demo's region (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "200000",
            description = "Readings in the ingested files (default: ${DEFAULT-VALUE}).")
    long rows;

    @Mixin
    SparkOptions spark;

    @Override
    void check() {
        if (trials < 1 || meters < 1 || days < 1 || rows < 1000) {
            throw new IllegalArgumentException("--trials, --meters and --days must be >= 1 and --rows >= 1000");
        }
    }

    @Override
    Outcome measure() throws Exception {
        Path root = emptyWorkFolder();
        // One key for every child: the same rows get the same pseudonyms, so lakes can be compared.
        String key = ModelProvenance.shortHash("crash trials", String.valueOf(seed)).repeat(6).substring(0, 64);
        Map<String, String> env = Map.of("WORKBENCH_PSEUDO_KEY", key, "WORKBENCH_PROGRESS", "plain");
        Path input = root.resolve("input");
        BenchmarkCommand.Ingest.writeFiles(input, rows, 4);
        var progress = spec.commandLine().getErr();

        Map<String, Reference> references = new LinkedHashMap<>();
        List<Map<String, Object>> trialRows = new ArrayList<>();
        try (Session session = open(spark, workspace())) {
            SparkSession sparkSession = session.context().spark();
            for (String command : COMMANDS) {
                Path dir = root.resolve("reference-" + command);
                prepare(command, dir, references);
                ChildWorkbench child = new ChildWorkbench(dir.resolve("command.log"), env);
                progress.printf("crash: reference %s (run to the end)%n", command);
                progress.flush();
                ChildWorkbench.Outcome run = child.run(args(command, dir, input));
                if (run.exitCode() != 0) {
                    throw new IllegalStateException("the uninterrupted " + command + " failed (exit "
                            + run.exitCode() + "); see " + child.log());
                }
                references.put(command, new Reference(dir, run.seconds(),
                        LakeContent.of(sparkSession, dir.resolve("lake"))));
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 1; i <= trials; i++) {
                String command = COMMANDS.get((i - 1) % COMMANDS.size());
                Reference reference = references.get(command);
                double killAfter = reference.seconds() * (0.05 + 0.9 * random.nextDouble());
                Path dir = root.resolve(String.format("trial-%02d-%s", i, command));
                prepare(command, dir, references);
                progress.printf("crash: trial %d/%d: %s, killed after %.1f s%n", i, trials, command, killAfter);
                progress.flush();
                trialRows.add(trial(i, command, dir, input, killAfter, env, reference, sparkSession));
                // The trials so far, in case the benchmark itself is stopped: each takes minutes.
                Map<String, Object> partial = document(trialRows, references);
                partial.put("complete", false);
                ReportFile.write(report(), Json.write(partial));
            }
        }
        Map<String, Object> doc = document(trialRows, references);
        Map<?, ?> summary = (Map<?, ?>) doc.get("summary");
        long failed = (Long) summary.get("failed");
        int exit = failed == 0 ? 0 : Main.EXIT_FAILURE;
        return Outcome.of(doc, exit, (out, report) -> out.printf(
                "crash benchmark: %d trials, %d killed, %s unreadable tables, %s verify failures, %s re-runs "
                        + "different, %d failed; report %s%n", trials, summary.get("killed"),
                summary.get("unreadable_tables"), summary.get("verify_failures"), summary.get("rerun_different"),
                failed, report));
    }

    /** The report: what was measured, the references, the summary and every trial so far. */
    private Map<String, Object> document(List<Map<String, Object>> trialRows, Map<String, Reference> references) {
        long failed = trialRows.stream().filter(t -> !"ok".equals(t.get("result"))).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("trials", trialRows.size());
        summary.put("killed", trialRows.stream().filter(t -> Boolean.TRUE.equals(t.get("killed"))).count());
        summary.put("unreadable_tables", trialRows.stream()
                .mapToLong(t -> ((List<?>) t.get("unreadable_tables")).size()).sum());
        summary.put("verify_failures", trialRows.stream()
                .filter(t -> t.get("verify_exit") != null && !Integer.valueOf(0).equals(t.get("verify_exit")))
                .count());
        summary.put("rerun_different", trialRows.stream()
                .filter(t -> !((List<?>) t.get("rerun_differences")).isEmpty()
                        || t.get("rerun_exit") != null && !Integer.valueOf(0).equals(t.get("rerun_exit"))).count());
        summary.put("failed", failed);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "crash");
        doc.put("what", "each trial kills a command (SIGKILL) after a seeded share of its uninterrupted duration, "
                + "then reads every Delta table, runs 'workbench verify', runs the command again and compares "
                + "every table (rows, content hash without run ids, times and paths) with the uninterrupted run");
        doc.put("seed", seed);
        doc.put("region", Map.of("meters", meters, "days", days));
        doc.put("ingest_rows", rows);
        Map<String, Object> refs = new LinkedHashMap<>();
        references.forEach((c, r) -> refs.put(c, Map.of("seconds", round(r.seconds()),
                "tables", r.content().tables().size())));
        doc.put("references", refs);
        doc.put("summary", summary);
        doc.put("trial_list", trialRows);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        return doc;
    }

    /** An uninterrupted run: its workspace, duration and tables. */
    private record Reference(Path dir, double seconds, LakeContent content) {
    }

    private Map<String, Object> trial(int i, String command, Path dir, Path input, double killAfter,
                                      Map<String, String> env, Reference reference, SparkSession sparkSession)
            throws IOException, InterruptedException {
        // What the command starts from: a kill that leaves it unchanged interrupted the command before it changed
        // anything, and it must be run again even when its output would equal what is there (train on a lake that
        // already holds the same seed's models).
        LakeContent start = LakeContent.of(sparkSession, dir.resolve("lake"));
        ChildWorkbench child = new ChildWorkbench(dir.resolve("command.log"), env);
        ChildWorkbench.Outcome killed = child.run(args(command, dir, input), killAfter);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trial", i);
        row.put("command", String.join(" ", args(command, Path.of("DIR"), Path.of("INPUT"))));
        row.put("kill_after_seconds", round(killAfter));
        row.put("killed", killed.killed());
        row.put("step_reached", child.lastStep());
        if (!killed.killed()) {
            row.put("exit_before_kill", killed.exitCode());
        }
        LakeContent after = LakeContent.of(sparkSession, dir.resolve("lake"));
        row.put("tables_checked", after.tables().size());
        row.put("unreadable_tables", after.unreadable());

        // A command killed before its first commit leaves no table (at most files no Delta log names): the
        // workspace holds what it started with, nothing to verify.
        Integer verifyExit = null;
        if (!after.tables().isEmpty()) {
            ChildWorkbench verify = new ChildWorkbench(dir.resolve("verify.log"), env);
            verifyExit = verify.run(List.of("verify", "--out", dir.toString())).exitCode();
            row.put("verify_findings", verify.lines().stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("WARNING") && !l.startsWith("»")
                            && !l.startsWith("  ["))
                    .limit(20).toList());
        } else {
            row.put("verify_findings",
                    List.of("not run: no committed table, the command died before its first commit"));
        }
        row.put("verify_exit", verifyExit);

        // A command that had committed everything before it died (or ended before the kill) already left the
        // uninterrupted run's tables: running it again would be a second run, which some commands record as such
        // (ingest adds a row to registry/ingest_runs), not a recovery. It must have changed the lake to get there.
        List<String> differences = after.differences(reference.content());
        boolean complete = after.unreadable().isEmpty() && differences.isEmpty()
                && !after.differences(start).isEmpty() && (killed.killed() || killed.exitCode() == 0);
        row.put("complete_before_rerun", complete);
        int rerunExit = 0;
        if (!complete) {
            ChildWorkbench rerun = new ChildWorkbench(dir.resolve("rerun.log"), env);
            rerunExit = rerun.run(args(command, dir, input)).exitCode();
            LakeContent end = LakeContent.of(sparkSession, dir.resolve("lake"));
            differences = rerunExit == 0 ? end.differences(reference.content()) : List.of();
        }
        row.put("rerun_exit", complete ? null : rerunExit);
        row.put("rerun_differences", differences);
        boolean ok = after.unreadable().isEmpty() && (verifyExit == null || verifyExit == 0) && rerunExit == 0
                && ((List<?>) row.get("rerun_differences")).isEmpty();
        row.put("result", ok ? "ok" : "failed");
        if (ok) {
            LocalFiles.deleteTree(dir); // failed trials stay, with their logs, for whoever looks into them
        }
        return row;
    }

    private List<String> args(String command, Path dir, Path input) {
        return switch (command) {
            case "demo" -> List.of("demo", "--out", dir.toString(), "--meters", String.valueOf(meters),
                    "--days", String.valueOf(days), "--master", "local[2]");
            case "ingest" -> List.of("ingest", "enedis-load-curve-csv", input + "/*.csv", "--out", dir.toString(),
                    "--master", "local[2]");
            case "train" -> List.of("train", "uc4", "--out", dir.toString(), "--master", "local[2]");
            default -> throw new IllegalArgumentException(command);
        };
    }

    /** The workspace a command starts from: empty, or for {@code train} a copy of the finished demo. */
    private static void prepare(String command, Path dir, Map<String, Reference> references) throws IOException {
        LocalFiles.deleteTree(dir);
        if (command.equals("train")) {
            LocalFiles.copyTree(references.get("demo").dir(), dir,
                    p -> !p.getFileName().toString().equals(WorkspaceLock.FILE));
            Files.deleteIfExists(dir.resolve("command.log"));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}

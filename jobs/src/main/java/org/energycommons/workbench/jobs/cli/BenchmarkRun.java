package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.jobs.WorkspaceLock;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.provenance.Json;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A benchmark subcommand: checks its arguments, measures, writes its figures as JSON to {@code --report} (default
 * {@code DIR/bench/<benchmark>.json}) through a temporary file, then prints its summary.
 *
 * <p>{@code --out} is the workspace folder here as everywhere. The former spelling of the report, {@code --out
 * FILE.json} (a value ending in {@code .json} that is not a folder), still works with a warning; the workspace is
 * then the default one.
 */
abstract class BenchmarkRun implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ReportFile report;

    @Spec
    CommandSpec spec;

    private Path workspace;
    private Path file;

    /** What a benchmark prints once its report is written. */
    @FunctionalInterface
    interface Summary {
        void print(PrintWriter out, Path report);
    }

    /** A measurement: the report's JSON, the exit code and the summary. */
    record Outcome(String json, int exitCode, Summary summary) {

        /** A successful measurement whose document is stamped with the commit and the date. */
        static Outcome of(Map<String, Object> document, Summary summary) {
            return of(document, 0, summary);
        }

        /** A measurement that ends with {@code exitCode}, its document stamped with the commit and the date. */
        static Outcome of(Map<String, Object> document, int exitCode, Summary summary) {
            document.put("git_commit", BuildInfo.gitCommit());
            document.put("date", Instant.now().toString());
            return new Outcome(Json.write(document), exitCode, summary);
        }
    }

    /** Checks made before anything runs (bad values throw {@link IllegalArgumentException}); none by default. */
    void check() {
    }

    /** Runs the benchmark. */
    abstract Outcome measure() throws Exception;

    @Override
    public final Integer call() throws Exception {
        check();
        Path file = reportFile();
        this.file = file;
        Outcome outcome;
        // A benchmark writes to its workspace (tables, reports): it takes the workspace's lock like any writer.
        try (WorkspaceLock lock = common.lock(workspace, spec)) {
            outcome = measure();
        }
        ReportFile.write(file, outcome.json());
        outcome.summary().print(spec.commandLine().getOut(), file);
        return outcome.exitCode();
    }

    /** The report's file (resolved by {@link #call()} before {@link #measure()}). */
    Path report() {
        return file;
    }

    /** The workspace folder (resolved by {@link #call()} before {@link #measure()}). */
    Path workspace() {
        return workspace;
    }

    /** {@code DIR/bench/<benchmark>/}, emptied and created: where a benchmark keeps the files it works on. */
    Path emptyWorkFolder() throws IOException {
        Path folder = workspace().toAbsolutePath().resolve("bench").resolve(spec.name());
        LocalFiles.deleteTree(folder);
        Files.createDirectories(folder);
        return folder;
    }

    /** Opens a Spark session on a workspace folder. */
    Session open(SparkOptions spark, Path folder) {
        return new Session(folder, spark, spec.commandLine().getErr());
    }

    /** Seconds since {@code t0} of {@link System#nanoTime()}. */
    static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private Path reportFile() {
        Path out = common.workspace.out;
        boolean formerSpelling = out.toString().toLowerCase(Locale.ROOT).endsWith(".json") && !Files.isDirectory(out);
        if (!formerSpelling) {
            workspace = out;
            return report.given().orElse(out.resolve("bench").resolve(spec.name() + ".json"));
        }
        if (report.given().isPresent()) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " and --report "
                    + report.given().get() + " both name the report; give it once, as --report FILE.json");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("workbench: --out FILE.json is deprecated, use --report FILE.json");
        err.flush();
        workspace = WorkspaceOptions.DEFAULT;
        return out;
    }
}

package org.energycommons.workbench.jobs;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.energycommons.workbench.datasets.lake.MissingTableException;
import org.energycommons.workbench.jobs.cli.AuditCommand;
import org.energycommons.workbench.jobs.cli.BenchmarkCommand;
import org.energycommons.workbench.jobs.cli.DemoCommand;
import org.energycommons.workbench.jobs.cli.EraseCommand;
import org.energycommons.workbench.jobs.cli.ExportCommand;
import org.energycommons.workbench.jobs.cli.FeaturesCommand;
import org.energycommons.workbench.jobs.cli.GenerateCommand;
import org.energycommons.workbench.jobs.cli.IngestCommand;
import org.energycommons.workbench.jobs.cli.ListCommand;
import org.energycommons.workbench.jobs.cli.PublishCommand;
import org.energycommons.workbench.jobs.cli.ReportCommand;
import org.energycommons.workbench.jobs.cli.TrainCommand;
import org.energycommons.workbench.jobs.cli.VerifyCommand;
import org.energycommons.workbench.jobs.hackathon.HackathonCommand;
import org.energycommons.workbench.models.provenance.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code workbench} command: one root with a subcommand per job, the same on a laptop ({@code ./workbench})
 * and on a cluster ({@code spark-submit ... workbench-jobs-*-spark.jar <command>}).
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Energy Commons Workbench: multi-source energy data to feature tables, models and "
                + "published results, on Spark and Delta Lake.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, FeaturesCommand.class,
                TrainCommand.class,
                PublishCommand.class, AuditCommand.class, VerifyCommand.class, ExportCommand.class,
                ReportCommand.class, EraseCommand.class, HackathonCommand.class, ListCommand.class,
                BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a bad argument or a bad input value. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a missing input (table, file). */
    public static final int EXIT_MISSING_INPUT = 3;
    /** Exit code of a failed publication audit: something under DIR/site or DIR/publish must not be published. */
    public static final int EXIT_AUDIT = 4;
    /** Exit code of any other failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command that writes, when another command holds the workspace. */
    public static final int EXIT_BUSY = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs the CLI as a user would, writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main()).setOut(out).setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + ex.getMessage() + " (see '" + command + " --help')");
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            Throwable cause = rootCause(ex);
            java.util.Optional<StorageFailure> storage = StorageFailure.of(ex);
            err.println("workbench: error: " + storage.map(StorageFailure::message).orElseGet(() -> oneLine(cause)));
            if (debug(parsed)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCode(cause);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (Error e) {
            // Errors (out of memory, a broken classpath) bypass picocli's handler: still one line, still non-zero.
            err.println("workbench: fatal: " + oneLine(e) + (e instanceof OutOfMemoryError
                    ? " (raise WORKBENCH_HEAP, e.g. WORKBENCH_HEAP=12g)" : ""));
            if (System.getenv("WORKBENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            code = EXIT_FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        String env = System.getenv("WORKBENCH_DEBUG");
        if (env != null && !env.isBlank() && !env.equals("0")) {
            return true;
        }
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }

    /** The most informative throwable: user-facing exceptions wrapped by Spark or picocli are unwrapped. */
    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && !(c instanceof IllegalArgumentException)
                && !(c instanceof MissingTableException) && !readFailure(c)) {
            c = c.getCause();
        }
        return c;
    }

    /** The workbench's own read failure ("cannot read FILE: why"), which names the file its cause does not. */
    private static boolean readFailure(Throwable t) {
        return (t instanceof java.io.IOException || t instanceof UncheckedIOException)
                && String.valueOf(t.getMessage()).startsWith("cannot read ");
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        } else if (!(t instanceof IllegalArgumentException || t instanceof MissingTableException
                || t instanceof UncheckedIOException || t instanceof IllegalStateException
                || t instanceof WorkspaceLock.BusyException || readFailure(t))) {
            m = t.getClass().getSimpleName() + ": " + m;
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl) + " …";
    }

    static int exitCode(Throwable t) {
        if (t instanceof WorkspaceLock.BusyException) {
            return EXIT_BUSY;
        }
        if (t instanceof MissingTableException) {
            return EXIT_MISSING_INPUT;
        }
        if (t instanceof IllegalArgumentException) {
            return EXIT_USAGE;
        }
        return EXIT_FAILURE;
    }

    /** Entry point of {@code ./workbench} and {@code spark-submit}. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Version line: workbench, git commit, Spark. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"workbench " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")",
                "libraries " + BuildInfo.libraries()};
        }
    }
}

package org.energycommons.workbench.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.energycommons.workbench.jobs.HeapBudget;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.WorkspaceLock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs Spark jobs in a workspace: checks its arguments, opens the session, runs, detaches the
 * progress display and only then prints its result, so that result lines never mix with progress lines.
 */
abstract class SparkCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    /** What a command prints once its work is done. */
    @FunctionalInterface
    interface Result {
        void print(PrintWriter out);
    }

    /** Checks made before Spark starts (bad values throw {@link IllegalArgumentException}); none by default. */
    void check() {
    }

    /** The command's work on the session's context; returns what to print. */
    abstract Result run(JobContext ctx) throws Exception;

    /** Whether the command writes to its workspace, and so takes its lock first ({@link WorkspaceLock}). */
    boolean writes() {
        return true;
    }

    /**
     * For a command that reads a workspace: before Spark starts, {@code --out} must hold a lake (or {@code --lake}
     * name one), else one line.
     *
     * @param what what the command does with it, e.g. {@code export}
     */
    void requireLake(String what) {
        java.nio.file.Path dir = common.workspace.out.toAbsolutePath().normalize();
        if (spark.lake == null && !java.nio.file.Files.isDirectory(dir.resolve("lake"))) {
            throw new IllegalArgumentException("no workspace to " + what + " at " + dir + ": it has no lake/ (run "
                    + "'workbench demo' first)");
        }
    }

    /** Opens the session on the workspace of {@code --out}. */
    Session open() {
        return new Session(common.workspace.out, spark, spec.commandLine().getErr());
    }

    @Override
    public Integer call() throws Exception {
        HeapBudget.checkSpark(Runtime.getRuntime().maxMemory());
        check();
        Result result;
        // The lock comes before Spark starts: a second writer stops at once, with one line.
        try (WorkspaceLock lock = writes() ? common.lock(common.workspace.out, spec) : null;
             Session session = open()) {
            result = run(session.context());
        }
        result.print(spec.commandLine().getOut());
        return 0;
    }
}

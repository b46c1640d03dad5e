package org.energycommons.workbench.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A workbench command run in a child JVM started like this one (same {@code java}, JVM options and classpath),
 * its output going to a log file, so that it can be killed like a user's terminal would kill it.
 *
 * @param log where the child's standard output and error go
 * @param environment variables added to the child's environment
 */
public record ChildWorkbench(Path log, Map<String, String> environment) {

    /** What became of a child. */
    public record Outcome(boolean killed, int exitCode, double seconds) {
    }

    /** Runs {@code args} and waits for the end. */
    public Outcome run(List<String> args) throws IOException, InterruptedException {
        return run(args, Double.POSITIVE_INFINITY);
    }

    /**
     * Runs {@code args}; kills the child with SIGKILL after {@code killAfterSeconds} unless it ended before.
     */
    public Outcome run(List<String> args, double killAfterSeconds) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = start(args);
        boolean ended = Double.isInfinite(killAfterSeconds)
                ? p.waitFor(6, TimeUnit.HOURS)
                : p.waitFor(Math.round(killAfterSeconds * 1000), TimeUnit.MILLISECONDS);
        if (!ended) {
            // Process.destroyForcibly is SIGKILL on Unix: no shutdown hook, no finally block runs.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return new Outcome(true, p.exitValue(), (System.nanoTime() - t0) / 1e9);
        }
        return new Outcome(false, p.exitValue(), (System.nanoTime() - t0) / 1e9);
    }

    /** The last progress line of the log ({@code » step}), or "" when there is none. */
    public String lastStep() throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        String step = "";
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("» ")) {
                step = line.substring(2).strip();
            }
        }
        return step;
    }

    /** The log's lines. */
    public List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                command.add(a);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.energycommons.workbench.jobs.Main");
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        return pb.start();
    }
}

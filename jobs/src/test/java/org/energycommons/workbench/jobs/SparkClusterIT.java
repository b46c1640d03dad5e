package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.energycommons.workbench.datasets.SparkSessions;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path, end to end: the shaded {@code -spark.jar}, on a classpath holding only what a Spark 4.1
 * installation has (no workbench module, no Delta, no Smile), run by Spark's own {@code SparkSubmit} on
 * {@code local[2]} and on a Spark standalone cluster (a master and two one-core workers on 127.0.0.1, started from
 * those same Spark jars, in client mode), which must write the same {@code metrics/uc6.json} figures.
 *
 * <p>The region (12 meters, 60 days from 2022-10-20, across the autumn clock change) is generated once, on
 * {@code local[2]}, and its lake copied, so that both runs build the uc6 features and train from the same tables:
 * {@code features uc6} then {@code train uc6} run on each master, the local ones beside the cluster's. The master,
 * the workers and the executors they launch are stopped however the test ends. Logs: {@code logs/} and
 * {@code cluster/} under the test's temporary folder, their tails in any failure message.
 */
class SparkClusterIT {

    private static final String MAIN = "org.energycommons.workbench.jobs.Main";
    private static final String USE_CASE = "uc6";
    private static final String LOCAL = "local[2]";
    private static final List<String> STEPS = List.of("features", "train");
    private static final String PSEUDO_KEY = "0".repeat(64);
    private static final int WORKERS = 2;
    private static final long SUBMIT_TIMEOUT_MINUTES = 8;
    private static final Duration CLUSTER_START_TIMEOUT = Duration.ofMinutes(3);
    private static final double RELATIVE_TOLERANCE = 1e-9;
    /**
     * For every JVM here (drivers, executors, master, workers), all short-lived on two cores: the C1 compiler only
     * and the serial collector take less CPU than the defaults ({@code features uc6}: 49 CPU-seconds instead of
     * 86); the figures do not depend on them.
     */
    private static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** What names the run, the commit or a path, not a figure: left out of the comparison. */
    private static final List<Pattern> RUN_SPECIFIC = Stream.of("/provenance/run_id", "/provenance/git_commit",
            "/models/\\d+/model_id", "/models/\\d+/notes/artifact").map(Pattern::compile).toList();

    @Test
    void aStandaloneClusterTrainsAsLocalSparkDoes(@TempDir Path root) throws Exception {
        Path jar = Path.of(System.getProperty("workbench.shadedJar"));
        assertTrue(Files.exists(jar), "missing " + jar + ": run mvn package");
        String sparkClasspath = Files.readString(Path.of(System.getProperty("workbench.clusterClasspath"))).strip();
        assertTrue(!sparkClasspath.contains("delta-spark") && !sparkClasspath.contains("smile-core"),
                "the cluster classpath must not bring what the shaded jar must carry");
        List<String> jvmArgs = Arrays.asList(System.getProperty("workbench.jvmArgs").trim().split("\\s+"));
        Submitter submitter = new Submitter(root, jar, sparkClasspath, jvmArgs);
        Path local = root.resolve("local");
        Path onCluster = root.resolve("on-cluster");

        try (StandaloneCluster cluster = StandaloneCluster.start(root.resolve("cluster"), sparkClasspath, jvmArgs)) {
            String generated = submitter.run(LOCAL, () -> "", "generate", "--out", local.toString(),
                    "--meters", "12", "--days", "60", "--start", "2022-10-20");
            // 12 meters × (59 days × 48 + 50 on the autumn clock change) half-hours.
            assertTrue(generated.contains("generated 34,584 readings"), tail(generated));
            assertTrue(Files.isDirectory(local.resolve("lake/silver/load_curve/_delta_log")), tail(generated));
            assertTrue(Files.isDirectory(local.resolve("lake/silver/substations/_delta_log")), tail(generated));
            LocalFiles.copyTree(local.resolve("lake"), onCluster.resolve("lake"));

            String master = cluster.awaitWorkers(WORKERS, CLUSTER_START_TIMEOUT);
            // The reference run goes beside the cluster's, not after it: a quarter less wall time on two cores.
            ExecutorService beside = Executors.newSingleThreadExecutor();
            try {
                Future<?> reference = beside.submit(() -> {
                    for (String step : STEPS) {
                        submitter.run(LOCAL, () -> "", step, USE_CASE, "--out", local.toString());
                    }
                    return null;
                });
                for (String step : STEPS) {
                    String log = submitter.run(master, cluster::diagnostics, step, USE_CASE,
                            "--out", onCluster.toString());
                    assertTrue(log.contains("starting Spark (" + master), "not on " + master + ":\n" + tail(log));
                }
                awaitOrRethrow(reference);
            } finally {
                beside.shutdownNow(); // a reference run still going when the cluster's failed is stopped
                if (!beside.awaitTermination(2, TimeUnit.MINUTES)) {
                    System.err.println("SparkClusterIT: the reference run did not stop");
                }
            }
            cluster.assertEveryWorkerRanTasks(STEPS.size());
        }

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(local.resolve("metrics/" + USE_CASE + ".json").toFile());
        JsonNode actual = json.readTree(onCluster.resolve("metrics/" + USE_CASE + ".json").toFile());
        assertFalse(expected.path("models").isEmpty(), "no model in the local " + USE_CASE + ".json: " + expected);
        for (JsonNode model : expected.path("models")) {
            assertFalse(model.path("metrics").isEmpty(), "a model without figures: " + model);
        }
        assertFalse(expected.path("criteria").isEmpty(), "no criterion in the local " + USE_CASE + ".json");
        List<String> differences = new ArrayList<>();
        int[] numbers = new int[2];
        compare("", expected, actual, differences, numbers);
        System.out.printf(Locale.ROOT, "SparkClusterIT: %d numbers compared, %d of them not identical%n",
                numbers[0], numbers[1]);
        assertEquals(List.of(), differences, USE_CASE + ".json on the cluster differs from local[2] at "
                + differences.size() + " places (path: local | cluster)");
    }

    /** Waits for {@code f}; what failed it (a failed assertion included) is thrown as it was. */
    private static void awaitOrRethrow(Future<?> f) throws Exception {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Adds where {@code cluster} differs from {@code local}: numbers beyond {@link #RELATIVE_TOLERANCE}, else any
     * difference. {@code numbers} counts the numbers compared and those not identical.
     */
    private static void compare(String path, JsonNode local, JsonNode cluster, List<String> differences,
            int[] numbers) {
        if (RUN_SPECIFIC.stream().anyMatch(p -> p.matcher(path).matches())) {
            return;
        }
        if (local.isNumber() && cluster.isNumber()) {
            double a = local.doubleValue();
            double b = cluster.doubleValue();
            numbers[0]++;
            if (a != b) {
                numbers[1]++;
            }
            if (a != b && !(Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)))) {
                differences.add(path + ": " + local + " | " + cluster);
            }
        } else if (local.isObject() && cluster.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            local.fieldNames().forEachRemaining(names::add);
            cluster.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!local.has(name) || !cluster.has(name)) {
                    differences.add(path + "/" + name + ": " + local.get(name) + " | " + cluster.get(name));
                } else {
                    compare(path + "/" + name, local.get(name), cluster.get(name), differences, numbers);
                }
            }
        } else if (local.isArray() && cluster.isArray() && local.size() == cluster.size()) {
            for (int i = 0; i < local.size(); i++) {
                compare(path + "/" + i, local.get(i), cluster.get(i), differences, numbers);
            }
        } else if (!local.equals(cluster)) {
            differences.add(path + ": " + local + " | " + cluster);
        }
    }

    /** Runs {@code Main} from the shaded jar through {@code SparkSubmit}, a JVM per command, logged in logs/. */
    private record Submitter(Path root, Path jar, String sparkClasspath, List<String> jvmArgs) {

        /** The command's output; fails, with the output's tail and {@code context}'s, unless it exits 0 in time. */
        String run(String master, Supplier<String> context, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx2g");
            command.addAll(SHORT_LIVED_JVM);
            command.addAll(jvmArgs);
            command.addAll(List.of("-cp", sparkClasspath, "org.apache.spark.deploy.SparkSubmit",
                    "--master", master, "--deploy-mode", "client", "--conf", "spark.ui.enabled=false",
                    "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", SHORT_LIVED_JVM),
                    // What ./workbench sets for a small region (SparkSessions): with Spark's and Delta's defaults
                    // (200 shuffle partitions, 50 per Delta snapshot) generate takes 2.5 times longer.
                    "--conf", "spark.sql.shuffle.partitions=" + SparkSessions.LOCAL_SHUFFLE_PARTITIONS,
                    "--conf", "spark.databricks.delta.snapshotPartitions=2",
                    "--class", MAIN, jar.toString()));
            command.addAll(List.of(args));
            String where = master.startsWith("spark://") ? "cluster" : "local";
            Path log = root.resolve("logs").resolve(String.join("-", where, args[0], args[1]) + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            pb.environment().put("WORKBENCH_PROGRESS", "plain");
            pb.environment().put("WORKBENCH_PSEUDO_KEY", PSEUDO_KEY);
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(SUBMIT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } finally {
                stop(p);
            }
            String output = Files.readString(log);
            String what = String.join(" ", args) + " on " + master;
            System.out.printf(Locale.ROOT, "SparkClusterIT: %s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
            if (!done) {
                fail(what + " ran past " + SUBMIT_TIMEOUT_MINUTES + " min:\n" + tail(output) + context.get());
            }
            assertEquals(0, p.exitValue(), what + " failed:\n" + tail(output) + context.get());
            return output;
        }
    }

    /**
     * A Spark standalone cluster on 127.0.0.1: a master and {@link #WORKERS} workers of one core and 1 GiB each,
     * child JVMs on Spark's own jars. The workers launch executors through Spark's launcher, which wants a
     * {@code SPARK_HOME} with a {@code jars/} folder: a temporary one whose {@code jars/} links to those same jars.
     */
    private static final class StandaloneCluster implements AutoCloseable {

        private static final Pattern STARTED = Pattern.compile("Starting Spark master at (spark://\\S+)");
        private static final Pattern REGISTERED = Pattern.compile("Registering worker 127\\.0\\.0\\.1:\\d+");
        private static final Pattern TASK = Pattern.compile("Running task ");

        private final Path dir;
        private final String masterUrl;
        private final List<Process> daemons = new ArrayList<>();
        /** Stops the cluster if the test's JVM is stopped first (Ctrl-C, a killed fork). */
        private final Thread onJvmExit = new Thread(this::stopDaemons, "SparkClusterIT-cluster-stop");

        private StandaloneCluster(Path dir, String masterUrl) {
            this.dir = dir;
            this.masterUrl = masterUrl;
        }

        /** Starts the master and the workers without waiting for them: see {@link #awaitWorkers}. */
        static StandaloneCluster start(Path dir, String sparkClasspath, List<String> jvmArgs) throws IOException {
            Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
            for (String entry : sparkClasspath.split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
            int port = freePort();
            StandaloneCluster cluster = new StandaloneCluster(dir, "spark://127.0.0.1:" + port);
            Runtime.getRuntime().addShutdownHook(cluster.onJvmExit);
            try {
                cluster.launch("master", sparkClasspath, jvmArgs, "org.apache.spark.deploy.master.Master",
                        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0");
                for (int i = 1; i <= WORKERS; i++) {
                    Path work = Files.createDirectories(dir.resolve("worker-" + i + "-work"));
                    cluster.launch("worker-" + i, sparkClasspath, jvmArgs, "org.apache.spark.deploy.worker.Worker",
                            "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "0",
                            "--work-dir", work.toString(), cluster.masterUrl);
                }
            } catch (IOException | RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }

        private synchronized void launch(String name, String classpath, List<String> jvmArgs, String mainClass,
                String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            command.addAll(SHORT_LIVED_JVM);
            command.addAll(jvmArgs);
            command.add("-Dspark.master.rest.enabled=false"); // the master's REST server would take port 6066
            command.addAll(List.of("-cp", classpath, mainClass));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log(name).toFile());
            Map<String, String> env = pb.environment();
            env.remove("SPARK_CONF_DIR");
            env.put("SPARK_HOME", dir.resolve("spark-home").toString());
            env.put("SPARK_SCALA_VERSION", "2.13");
            env.put("SPARK_LOCAL_IP", "127.0.0.1");
            env.put("JAVA_HOME", System.getProperty("java.home"));
            daemons.add(pb.start());
        }

        private Path log(String name) {
            return dir.resolve(name + ".log");
        }

        /** The master's URL once it has registered {@code workers} workers; fails at the deadline or if a JVM dies. */
        String awaitWorkers(int workers, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String masterLog = Files.readString(log("master"));
                Matcher started = STARTED.matcher(masterLog);
                if (started.find() && !started.group(1).equals(masterUrl)) {
                    fail("the master started at " + started.group(1) + ", not " + masterUrl + ":" + diagnostics());
                }
                Matcher m = REGISTERED.matcher(masterLog);
                int registered = 0;
                while (m.find()) {
                    registered++;
                }
                if (registered >= workers) {
                    return masterUrl;
                }
                if (daemons.stream().anyMatch(p -> !p.isAlive())) {
                    fail("a cluster JVM ended before " + workers + " workers registered:" + diagnostics());
                }
                if (System.nanoTime() > deadline) {
                    fail(registered + " of " + workers + " workers registered in " + timeout + ":" + diagnostics());
                }
                Thread.sleep(250);
            }
        }

        /** Every worker's executors ran tasks, for at least {@code apps} applications in all. */
        void assertEveryWorkerRanTasks(int apps) throws IOException {
            TreeSet<String> applications = new TreeSet<>();
            for (int i = 1; i <= WORKERS; i++) {
                int tasks = 0;
                for (Path stderr : executorLogs(i)) {
                    applications.add(stderr.getParent().getParent().getFileName().toString());
                    tasks += (int) TASK.matcher(Files.readString(stderr)).results().count();
                }
                assertTrue(tasks > 0, "worker " + i + "'s executors ran no task:" + diagnostics());
            }
            assertTrue(applications.size() >= apps, "applications on the workers: " + applications + diagnostics());
        }

        /** The executors' {@code stderr} files under worker {@code i}'s {@code app-*}/{@code <executor>} folders. */
        private List<Path> executorLogs(int i) throws IOException {
            Path work = dir.resolve("worker-" + i + "-work");
            if (!Files.isDirectory(work)) {
                return List.of();
            }
            try (Stream<Path> files = Files.find(work, 3, (p, a) -> p.getFileName().toString().equals("stderr")
                    && p.getParent().getParent().getFileName().toString().startsWith("app-"))) {
                return files.sorted().toList();
            }
        }

        private synchronized void stopDaemons() {
            for (int i = daemons.size() - 1; i >= 0; i--) {
                stop(daemons.get(i));
            }
        }

        /** The tails of the master's, the workers' and the executors' logs, for a failure message. */
        String diagnostics() {
            StringBuilder s = new StringBuilder();
            try {
                List<Path> logs = new ArrayList<>(List.of(log("master")));
                for (int i = 1; i <= WORKERS; i++) {
                    logs.add(log("worker-" + i));
                    logs.addAll(executorLogs(i));
                }
                for (Path log : logs) {
                    if (Files.exists(log)) {
                        s.append("\n--- ").append(dir.relativize(log)).append('\n').append(tail(Files.readString(log)));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                s.append("\n(cluster logs unreadable: ").append(e).append(')');
            }
            return s.toString();
        }

        /** Stops the workers' executors, the workers and the master, forcibly, and waits for them. */
        @Override
        public void close() {
            stopDaemons();
            try {
                Runtime.getRuntime().removeShutdownHook(onJvmExit);
            } catch (IllegalStateException e) {
                // the JVM is already stopping: the hook has run or runs now
            }
            // The links to Spark's jars go now: JUnit warns about each link it finds in its temporary folder.
            try (Stream<Path> links = Files.list(dir.resolve("spark-home/jars"))) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            } catch (IOException e) {
                System.err.println("SparkClusterIT: links to Spark's jars left in " + dir + ": " + e);
            }
        }
    }

    /** Kills {@code p} and every process it started (executors, for a worker), and waits for them to end. */
    private static void stop(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("SparkClusterIT: process " + h.pid() + " still running after a kill: " + e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(String s) {
        String[] lines = s.split("\r?\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}

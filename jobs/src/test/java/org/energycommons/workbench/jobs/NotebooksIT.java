package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import picocli.CommandLine;

/**
 * Every notebook of {@code notebooks-java/} executed headless, as a reader would run it, with
 * {@code jupyter nbconvert --to notebook --execute} on the {@code workbench-java} kernel (one JVM per notebook),
 * against the small demo workspace that {@code DemoPipelineTest} leaves in {@code target/demo-workspace} (or, when
 * it is absent, one this test builds the same way). A failing cell fails the notebook's test, naming the notebook,
 * the cell and its error; the executed notebooks and their logs are in {@code target/notebooks/}.
 *
 * <p>The notebooks find the workspace in {@code WORKBENCH_WORKSPACE} and the hackathon pack, which this test writes
 * with {@code workbench hackathon pack}, in {@code WORKBENCH_HACKATHON}. Without Jupyter or the kernel
 * ({@code notebooks-java/install} installs both) the test is skipped with a message; in CI ({@code CI} set) it
 * fails. {@code -Dnotebooks.parallel=N} runs N notebooks at a time (default: half the cores, at least 2, at most 4).
 */
class NotebooksIT {

    /** The kernel the notebooks run on, installed by {@code notebooks-java/install}. */
    static final String KERNEL = "workbench-java";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path OUT = Path.of("target", "notebooks").toAbsolutePath();
    /** Where {@code DemoPipelineTest} leaves its workspace (named here: loading that class starts Spark). */
    private static final Path DEMO_WORKSPACE = Path.of("target", "demo-workspace").toAbsolutePath();
    private static final int CELL_TIMEOUT_SECONDS = 300;
    private static final int NOTEBOOK_TIMEOUT_MINUTES = 15;
    private static final String CELL_ERROR = "An error occurred while executing the following cell:";
    private static final String RULE = "------------------";
    /** The task {@code 07-hackathon} loads. */
    private static final String HACKATHON_TASK = "uc4-substation-load";

    /** What running one notebook gave. */
    private record Run(Path notebook, String failure, String skipped, double seconds) {
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsToItsLastCell() throws Exception {
        List<Path> notebooks = NotebookFiles.notebooks(ROOT);
        requireJupyter();
        LocalFiles.deleteTree(OUT);
        Files.createDirectories(OUT);
        long start = System.nanoTime();
        Path workspace = workspace();
        double preparation = (System.nanoTime() - start) / 1e9;

        Map<String, String> env = new LinkedHashMap<>();
        env.put("WORKBENCH_HOME", ROOT.toString());
        env.put("WORKBENCH_WORKSPACE", workspace.toString());
        // Two at a time even on two cores: a notebook's JVM keeps about one core busy (class loading, compiling).
        int parallel = Integer.getInteger("notebooks.parallel",
                Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() / 2)));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        // The hackathon task is packed in this JVM beside the first notebooks; the hackathon notebook waits for it.
        boolean hackathon = new CommandLine(new Main()).getSubcommands().containsKey("hackathon");
        CompletableFuture<Pack> pack = hackathon ? CompletableFuture.supplyAsync(() -> hackathonPack(workspace))
                : null;
        if (!hackathon) {
            System.out.println("notebooks: no 'workbench hackathon' command in this build: hackathon notebook skipped");
        }
        List<Future<Run>> futures = new ArrayList<>();
        for (Path nb : notebooks) {
            if (!nb.getFileName().toString().contains("hackathon")) {
                futures.add(pool.submit(() -> execute(nb, env)));
            } else if (pack == null) {
                futures.add(pool.submit(() -> new Run(nb, null, "'workbench hackathon' is not in this build yet: "
                        + nb.getFileName() + " not executed", 0)));
            } else {
                futures.add(pool.submit(() -> {
                    Pack p = pack.join();
                    if (p.failure() != null) {
                        return new Run(nb, nb.getFileName() + ": " + p.failure(), null, 0);
                    }
                    Map<String, String> withPack = new LinkedHashMap<>(env);
                    withPack.put("WORKBENCH_HACKATHON", p.dir().toString());
                    return execute(nb, withPack);
                }));
            }
        }
        List<Run> runs = new ArrayList<>();
        for (Future<Run> f : futures) {
            runs.add(f.get());
        }
        pool.shutdown();
        double total = (System.nanoTime() - start) / 1e9;
        StringBuilder times = new StringBuilder(String.format(Locale.ROOT,
                "notebooks: %d in %.1f s (workspace %.1f s, hackathon pack %.1f s beside them, %d at a time)%n",
                runs.size(), total, preparation, pack == null ? 0 : pack.join().seconds(), parallel));
        for (Run r : runs) {
            times.append(String.format(Locale.ROOT, "  %-32s %6.1f s  %s%n", r.notebook().getFileName(), r.seconds(),
                    r.skipped() != null ? "skipped" : r.failure() != null ? "FAILED" : "ok"));
        }
        System.out.print(times);
        Files.writeString(OUT.resolve("times.txt"), times);

        return runs.stream().map(r -> DynamicTest.dynamicTest(r.notebook().getFileName().toString(), () -> {
            if (r.skipped() != null) {
                throw new TestAbortedException(r.skipped());
            }
            if (r.failure() != null) {
                fail(r.failure());
            }
        }));
    }

    /** Skips without Jupyter or the kernel, or fails in CI. */
    private static void requireJupyter() {
        String why = null;
        if (command(List.of("jupyter", "nbconvert", "--version")) == null) {
            why = "jupyter nbconvert is not on the PATH";
        } else {
            String specs = command(List.of("jupyter", "kernelspec", "list", "--json"));
            try {
                if (specs == null || !Json.mapper().readTree(specs).path("kernelspecs").has(KERNEL)) {
                    why = "Jupyter has no kernel " + KERNEL;
                }
            } catch (IOException e) {
                why = "jupyter kernelspec list --json printed no JSON";
            }
        }
        if (why != null) {
            why += " (run notebooks-java/install)";
            if (System.getenv("CI") != null) {
                fail(why + "; CI must execute the notebooks");
            }
            assumeTrue(false, why + "; notebooks not executed");
        }
    }

    /** The demo workspace {@code DemoPipelineTest} left, or a new one of the same small region. */
    private static Path workspace() {
        Path demo = DEMO_WORKSPACE;
        if (Files.exists(demo.resolve("metrics/run.json"))) {
            System.out.println("notebooks: workspace " + demo);
            return demo;
        }
        Path own = OUT.resolve("workspace");
        System.out.println("notebooks: no demo workspace in " + demo + ", running the demo into " + own);
        String conf = Path.of("src/test/resources/small-models.properties").toAbsolutePath().toString();
        CliRunner demoRun = CliRunner.run("demo", "--out", own.toString(), "--meters", "20", "--days", "60",
                "--start", "2024-04-01", "--seed", "3", "--conf", conf, "--master", "local[2]");
        assertEquals(0, demoRun.code(), demoRun.err());
        return own;
    }

    /** The hackathon pack's folder, or why it could not be written, and the time it took. */
    private record Pack(Path dir, String failure, double seconds) {
    }

    /**
     * The frozen hackathon task the hackathon notebook works on, packed from the workspace (the small region has too
     * few renovated buildings for every task).
     */
    private static Pack hackathonPack(Path workspace) {
        long start = System.nanoTime();
        Path dir = OUT.resolve("hackathon");
        CliRunner packRun = CliRunner.run("hackathon", "pack", "--out", workspace.toString(), "--to",
                dir.toString(), "--seed", "7", "--tasks", HACKATHON_TASK);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (packRun.code() != 0) {
            return new Pack(dir, "workbench hackathon pack failed (exit " + packRun.code() + "): "
                    + packRun.err().strip(), seconds);
        }
        if (!Files.isDirectory(dir.resolve("pack").resolve(HACKATHON_TASK))) {
            return new Pack(dir, "workbench hackathon pack wrote no " + HACKATHON_TASK + " in " + dir, seconds);
        }
        return new Pack(dir, null, seconds);
    }

    /** Runs one notebook with nbconvert; a failure names its cell and error. */
    private static Run execute(Path notebook, Map<String, String> env) throws IOException, InterruptedException {
        String name = notebook.getFileName().toString();
        String stem = name.substring(0, name.length() - ".ipynb".length());
        Path log = OUT.resolve(stem + ".log");
        List<String> cmd = List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
                "--ExecutePreprocessor.startup_timeout=" + CELL_TIMEOUT_SECONDS,
                "--output-dir", OUT.resolve("executed").toString(), "--output", stem, notebook.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(notebook.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(NOTEBOOK_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done) {
            return new Run(notebook, name + ": not done after " + NOTEBOOK_TIMEOUT_MINUTES + " minutes (log: " + log
                    + ")", null, seconds);
        }
        if (p.exitValue() != 0) {
            return new Run(notebook, failure(notebook, Files.readString(log, StandardCharsets.UTF_8), log), null,
                    seconds);
        }
        return new Run(notebook, null, null, seconds);
    }

    /** The failing cell (its number and first line) and its error, from nbconvert's output. */
    static String failure(Path notebook, String output, Path log) throws IOException {
        String text = output.replaceAll("\u001B\\[[0-9;]*m", "");
        String name = notebook.getFileName().toString();
        int at = text.lastIndexOf(CELL_ERROR);
        if (at < 0) {
            List<String> lines = Arrays.asList(text.strip().split("\n"));
            return name + ": nbconvert failed (log: " + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        }
        String rest = text.substring(at + CELL_ERROR.length());
        int open = rest.indexOf(RULE);
        int close = open < 0 ? -1 : rest.indexOf("\n" + RULE, open + RULE.length());
        String source = close < 0 ? "" : rest.substring(open + RULE.length(), close).strip();
        String error = close < 0 ? rest : rest.substring(close + RULE.length() + 1);
        List<String> errorLines = error.lines().filter(l -> !l.isBlank() && !l.startsWith("   at ")
                && !l.startsWith("\tat ")).limit(20).map(l -> l.length() > 300 ? l.substring(0, 300) + " …" : l)
                .toList();
        int cell = cellNumber(notebook, source);
        String first = source.lines().findFirst().orElse("");
        return name + ": cell " + (cell < 0 ? "?" : String.valueOf(cell)) + " failed (" + first + "):\n"
                + String.join("\n", errorLines) + "\n(log: " + log + ")";
    }

    /** The 1-based position of the cell with that source among all the notebook's cells, or -1. */
    private static int cellNumber(Path notebook, String source) throws IOException {
        JsonNode cells = Json.mapper().readTree(notebook.toFile()).path("cells");
        for (int i = 0; i < cells.size(); i++) {
            if (NotebookFiles.source(cells.get(i)).strip().equals(source)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String command(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

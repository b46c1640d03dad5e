package org.energycommons.workbench.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.jobs.ChildWorkbench;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.models.provenance.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark scale}: the whole pipeline on regions of growing size, each in its own JVM, with what
 * every stage took: seconds, rows read and written, rows per second and heap held ({@code run.json} of each run).
 *
 * <p>Each region is a {@code workbench demo} in a child JVM started like this one (same heap, same flags), so that
 * the heap a size holds is its own. A size that fails (a heap too small, say) is reported with its exit code, last
 * step and the end of its log, and the next size still runs; criteria not met are not a failure here.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline (workbench demo) on regions of growing size, each in its own JVM, and "
                + "report per stage the seconds, rows read and written, rows per second and heap held, with how "
                + "time and heap grow with the readings. Work folders under DIR/bench/scale/.")
public final class BenchmarkScaleCommand extends BenchmarkRun {

    @Option(names = "--meters", paramLabel = "N,N,...", split = ",", defaultValue = "300,1000,3000",
            description = "Region sizes in meters (default: ${DEFAULT-VALUE}).")
    List<Integer> meters;

    @Option(names = "--days", paramLabel = "D", defaultValue = "365",
            description = "Days of every region (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every region (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    SparkOptions spark;

    @Override
    void check() {
        if (meters.isEmpty() || meters.stream().anyMatch(m -> m < 10)) {
            throw new IllegalArgumentException("--meters must list sizes of at least 10 meters, got " + meters);
        }
        if (days < 35) {
            throw new IllegalArgumentException("--days must be at least 35, got " + days);
        }
    }

    @Override
    Outcome measure() throws Exception {
        Path root = emptyWorkFolder();
        var progress = spec.commandLine().getErr();
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (int n : meters) {
            Path dir = root.resolve("m" + n);
            progress.printf("scale: %d meters × %d days (own JVM, log %s)%n", n, days, dir.resolve("demo.log"));
            progress.flush();
            ChildWorkbench child = new ChildWorkbench(dir.resolve("demo.log"),
                    Map.of("WORKBENCH_PROGRESS", "plain"));
            List<String> args = new ArrayList<>(List.of("demo", "--out", dir.toString(), "--meters",
                    String.valueOf(n), "--days", String.valueOf(days), "--seed", String.valueOf(seed), "--master",
                    spark.master));
            if (spark.conf != null) {
                args.addAll(List.of("--conf", spark.conf.toString()));
            }
            ChildWorkbench.Outcome run = child.run(args);
            Path runJson = dir.resolve("metrics").resolve("run.json");
            // Exit 4 is the publication audit's finding: the run itself went through.
            boolean ran = (run.exitCode() == 0 || run.exitCode() == Main.EXIT_AUDIT) && Files.exists(runJson);
            Map<String, Object> size = ran ? size(n, days, Json.mapper().readTree(runJson.toFile()))
                    : failed(n, run, child);
            size.put("exit_code", run.exitCode());
            sizes.add(size);
            // The report so far, in case the benchmark is stopped: a large size takes hours.
            Map<String, Object> partial = document(sizes);
            partial.put("complete", false);
            ReportFile.write(report(), Json.write(partial));
        }
        Map<String, Object> doc = document(sizes);
        boolean allRan = sizes.stream().allMatch(s -> s.containsKey("total_seconds"));
        return Outcome.of(doc, allRan ? 0 : Main.EXIT_FAILURE, (out, report) -> {
            for (Map<String, Object> s : sizes) {
                out.println(s.containsKey("total_seconds")
                        ? String.format("%,6d meters: %,d readings, %.0f s, %.1f s per million readings, heap held "
                                + "%,d MB", s.get("meters"), s.get("readings"), s.get("total_seconds"),
                        s.get("seconds_per_million_readings"), s.get("heap_after_gc_max_mb"))
                        : String.format("%,6d meters: FAILED (exit %s at %s)", s.get("meters"), s.get("exit_code"),
                        s.get("last_step")));
            }
            out.println("report " + report);
        });
    }

    /** The report: the sizes so far and how time and heap grew from each size to the next. */
    private Map<String, Object> document(List<Map<String, Object>> sizes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "scale");
        doc.put("what", "workbench demo (generate, features and training of every use case, catalogue, publish) on "
                + "regions of growing size, each in its own JVM; per stage from its metrics/run.json");
        doc.put("days", days);
        doc.put("seed", seed);
        doc.put("spark_master", spark.master);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        doc.put("sizes", sizes);
        doc.put("growth", growth(sizes));
        return doc;
    }

    /**
     * One size's figures from its {@code run.json}. Its readings are the region's meter half-hours, {@code meters ×
     * days × 48}: what the generator writes, give or take the hours of the clock changes and the gaps it injects.
     */
    static Map<String, Object> size(int meters, int days, JsonNode run) {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("meters", meters);
        List<Map<String, Object>> stages = new ArrayList<>();
        long readings = (long) meters * days * 48;
        for (JsonNode s : run.get("stages")) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("name", s.get("name").asText());
            stage.put("seconds", s.get("seconds").asDouble());
            stage.put("rows_read", s.path("rows_read").asLong());
            stage.put("rows_written", s.path("rows_written").asLong());
            stage.put("rows_per_second", s.path("rows_per_second").asLong());
            stage.put("heap_after_gc_max_mb", s.path("heap_after_gc_max_mb").asLong());
            stages.add(stage);
        }
        double total = run.get("total_seconds").asDouble();
        size.put("readings", readings);
        size.put("total_seconds", total);
        size.put("seconds_per_million_readings", readings > 0 ? Math.round(total / (readings / 1e6) * 10) / 10.0 : 0);
        size.put("heap_after_gc_max_mb", run.path("memory").path("heap_after_gc_max_mb").asLong());
        size.put("peak_rss_mb", run.path("memory").path("peak_rss_mb").asLong());
        size.put("stages", stages);
        return size;
    }

    private static Map<String, Object> failed(int meters, ChildWorkbench.Outcome run, ChildWorkbench child)
            throws java.io.IOException {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("meters", meters);
        size.put("last_step", child.lastStep());
        List<String> lines = child.lines();
        size.put("log_tail", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        size.put("seconds", Math.round(run.seconds() * 10) / 10.0);
        return size;
    }

    /**
     * From each size that ran to the next: how many times the readings, the time and the heap held grew. Time at
     * most linear in readings means a time ratio no larger than the readings ratio; heap flat means a ratio near 1.
     */
    static List<Map<String, Object>> growth(List<Map<String, Object>> sizes) {
        List<Map<String, Object>> ran = sizes.stream().filter(s -> s.containsKey("total_seconds")).toList();
        List<Map<String, Object>> growth = new ArrayList<>();
        for (int i = 1; i < ran.size(); i++) {
            Map<String, Object> a = ran.get(i - 1);
            Map<String, Object> b = ran.get(i);
            double readings = ratio(b.get("readings"), a.get("readings"));
            double time = ratio(b.get("total_seconds"), a.get("total_seconds"));
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("from_meters", a.get("meters"));
            g.put("to_meters", b.get("meters"));
            g.put("readings_ratio", round(readings));
            g.put("time_ratio", round(time));
            g.put("time_at_most_linear", time <= readings);
            g.put("heap_ratio", round(ratio(b.get("heap_after_gc_max_mb"), a.get("heap_after_gc_max_mb"))));
            growth.add(g);
        }
        return growth;
    }

    private static double ratio(Object b, Object a) {
        double denominator = ((Number) a).doubleValue();
        return denominator == 0 ? Double.NaN : ((Number) b).doubleValue() / denominator;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package org.energycommons.workbench.jobs.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.engines.DuckDb;
import org.energycommons.workbench.jobs.engines.EngineWorkload;
import org.energycommons.workbench.jobs.engines.EngineWorkloads;
import org.energycommons.workbench.jobs.engines.RowComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark engines}: the workbench's Spark code and DuckDB on the same computations over the same
 * silver tables ({@link EngineWorkloads}), with the time of each, their ratio and a check that both give the
 * same rows.
 *
 * <p>Each engine writes its result as parquet under {@code DIR/bench/engines/}. The first run of each is cold (the
 * first in this JVM or on a fresh DuckDB database: plans, code generation, file metadata), the next ones warm; the
 * warm figure is their median. DuckDB reads the parquet files of the tables' current Delta versions directly, with
 * as many threads as Spark has cores.
 */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Time the workbench's Spark code and DuckDB (in process, same threads) on the same "
                + "computations over the workspace's silver tables (uc4 hourly substation load, uc1 load shapes), "
                + "cold and warm, and check that both give the same rows (to 1e-9). Needs a workspace made by "
                + "'workbench demo' or 'workbench generate'.")
public final class BenchmarkEnginesCommand extends BenchmarkRun {

    /** The goal: Spark at most this many times DuckDB's warm time. */
    static final double GOAL_RATIO = 2.0;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Warm runs of each engine after the cold one (default: ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    SparkOptions spark;

    @Override
    void check() {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1");
        }
    }

    @Override
    Outcome measure() throws Exception {
        Path root = emptyWorkFolder();
        try (Session session = open(spark, workspace())) {
            JobContext ctx = session.context();
            SparkSession sparkSession = ctx.spark();
            Lake lake = ctx.lake();
            int threads = sparkSession.sparkContext().defaultParallelism();
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean allSame = true;
            String duckDbVersion = "";
            for (EngineWorkload w : EngineWorkloads.ALL) {
                Map<String, List<String>> files = new LinkedHashMap<>();
                Map<String, Object> versions = new LinkedHashMap<>();
                w.inputs().forEach((name, table) -> {
                    files.put(name, Arrays.stream(lake.read(table).inputFiles())
                            .map(f -> Path.of(URI.create(f)).toString()).sorted().toList());
                    versions.put(table.toString(), lake.version(table));
                });
                long inputRows = lake.read(w.inputs().values().iterator().next()).count();

                ctx.progress().step("engines: " + w.name() + " in Spark (1 cold + " + runs + " warm runs)");
                Path sparkOut = root.resolve("spark").resolve(w.name());
                double[] sparkSeconds = new double[runs + 1];
                for (int i = 0; i <= runs; i++) {
                    long t0 = System.nanoTime();
                    w.spark().apply(lake).write().mode("overwrite").parquet(sparkOut.toString());
                    sparkSeconds[i] = secondsSince(t0);
                }

                ctx.progress().step("engines: " + w.name() + " in DuckDB (" + threads + " threads)");
                Path duckOut = root.resolve("duckdb").resolve(w.name() + ".parquet");
                Files.createDirectories(duckOut.getParent());
                double[] duckSeconds = new double[runs + 1];
                long duckRows;
                String query = w.duckDbQuery(files);
                try (DuckDb duck = DuckDb.open(threads)) {
                    duckDbVersion = duck.version();
                    for (int i = 0; i <= runs; i++) {
                        long t0 = System.nanoTime();
                        duck.copyToParquet(query, duckOut);
                        duckSeconds[i] = secondsSince(t0);
                    }
                    duckRows = duck.rows(duckOut); // once, outside the timed runs
                }

                ctx.progress().step("engines: " + w.name() + ": comparing the rows");
                RowComparison same = RowComparison.of(sparkSession.read().parquet(sparkOut.toString()),
                        sparkSession.read().parquet(duckOut.toString()), w.keys());
                allSame &= same.same();
                double sparkWarm = median(Arrays.copyOfRange(sparkSeconds, 1, runs + 1));
                double duckWarm = median(Arrays.copyOfRange(duckSeconds, 1, runs + 1));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("workload", w.name());
                row.put("what", w.what());
                row.put("input_tables", versions);
                row.put("input_rows", inputRows);
                row.put("output_rows", same.rowsLeft());
                row.put("spark", times(sparkSeconds, sparkWarm));
                row.put("duckdb", times(duckSeconds, duckWarm));
                row.put("duckdb_output_rows", duckRows);
                row.put("ratio_warm", round(sparkWarm / duckWarm, 2));
                row.put("ratio_cold", round(sparkSeconds[0] / duckSeconds[0], 2));
                row.put("goal_ratio_warm", GOAL_RATIO);
                row.put("goal_met", sparkWarm <= GOAL_RATIO * duckWarm);
                row.put("same_rows", same.same());
                row.put("values_compared", same.valuesCompared());
                row.put("mismatches", same.mismatches());
                row.put("max_relative_difference", same.maxRelativeDifference());
                row.put("tolerance", RowComparison.TOLERANCE);
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "engines");
            doc.put("what", "the workbench's Spark code (Delta read, plan, write parquet) and a DuckDB query over "
                    + "the same tables' parquet files (write parquet); cold = first run, warm = median of the next "
                    + runs);
            doc.put("workspace", workspace().toAbsolutePath().toString());
            doc.put("spark_master", sparkSession.sparkContext().master());
            doc.put("spark_shuffle_partitions", sparkSession.conf().get("spark.sql.shuffle.partitions"));
            doc.put("duckdb_threads", threads);
            doc.put("duckdb_version", duckDbVersion);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            doc.put("workloads", rows);
            int exit = allSame ? 0 : Main.EXIT_FAILURE;
            return Outcome.of(doc, exit, (out, report) -> {
                for (Map<String, Object> r : rows) {
                    Map<?, ?> s = (Map<?, ?>) r.get("spark");
                    Map<?, ?> d = (Map<?, ?>) r.get("duckdb");
                    out.printf("%-22s Spark %6.2f s warm (%6.2f cold), DuckDB %6.2f s warm (%6.2f cold): "
                                    + "%.2f× (goal ≤ %.0f×), %s%n", r.get("workload"), s.get("warm_seconds"),
                            s.get("cold_seconds"), d.get("warm_seconds"), d.get("cold_seconds"), r.get("ratio_warm"),
                            GOAL_RATIO, Boolean.TRUE.equals(r.get("same_rows")) ? "same rows"
                                    : "DIFFERENT ROWS (" + r.get("mismatches") + " values)");
                }
                out.println("report " + report);
            });
        }
    }

    private static Map<String, Object> times(double[] seconds, double warm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cold_seconds", round(seconds[0], 3));
        m.put("warm_seconds", round(warm, 3));
        m.put("runs_seconds", Arrays.stream(seconds).map(s -> round(s, 3)).boxed().toList());
        return m;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}

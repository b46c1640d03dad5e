package org.energycommons.workbench.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.SavingsFits;
import org.energycommons.workbench.models.uc3.Uc3Evaluation;
import org.energycommons.workbench.models.uc3.Uc3Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark caltrack}: baseline fits per second of the uc3 grouped Spark fit (CalTRACK daily and
 * billing, one job grouped by building) on N synthetic buildings of two years of days each, generated on Spark:
 * seasonal temperature with noise, usage = base + slope·HDD(balance point) + cooling + noise with per-building
 * parameters drawn from hashes of the building number, cut by a known fraction from day 365 on. Reports the fits per
 * second, and the median absolute error of the estimated savings against the constructed cut as a sanity check.
 */
@Command(name = "caltrack", mixinStandardHelpOptions = true,
        description = "Fits the uc3 CalTRACK daily and billing baselines of N synthetic buildings on Spark (grouped "
                + "by building) and writes the baseline fits per second to --report.")
public final class BenchmarkCaltrackCommand extends BenchmarkRun {

    static final LocalDate START = LocalDate.of(2023, 1, 2);
    static final int DAYS = 730;

    @Option(names = "--buildings", paramLabel = "N", defaultValue = "1000",
            description = "Synthetic buildings (default: ${DEFAULT-VALUE}).")
    int buildings;

    @Mixin
    SparkOptions spark;

    @Override
    void check() {
        if (buildings < 1) {
            throw new IllegalArgumentException("--buildings must be >= 1, got " + buildings);
        }
    }

    @Override
    Outcome measure() {
        try (Session session = open(spark, workspace())) {
            JobContext ctx = session.context();
            Uc3Options options = Uc3Options.of(ctx.config(), 42);
            Dataset<Row> daily = days(ctx, buildings).persist(StorageLevel.MEMORY_AND_DISK());
            long rows = daily.count();
            LocalDate works = START.plusDays(365);
            List<Assignment> runs = new ArrayList<>();
            for (int b = 0; b < buildings; b++) {
                runs.add(new Assignment(id(b), Assignment.TREATED, null, works, works.minusDays(365),
                        START.plusDays(DAYS)));
            }
            long t0 = System.nanoTime();
            List<BuildingFit> fits = SavingsFits.fitDaily(daily, runs, options);
            double seconds = secondsSince(t0);
            daily.unpersist();
            List<Double> errors = new ArrayList<>();
            for (BuildingFit f : fits) {
                if (f.fitted()) {
                    int b = Integer.parseInt(f.buildingId().substring(1));
                    errors.add(100 * Math.abs(f.savings().fraction() - cut(b)));
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "caltrack");
            doc.put("buildings", buildings);
            doc.put("day_rows", rows);
            doc.put("fits", fits.size());
            doc.put("fitted", fits.stream().filter(BuildingFit::fitted).count());
            doc.put("methods", List.of(SavingsFits.DAILY, SavingsFits.BILLING));
            doc.put("seconds", Math.round(seconds * 100) / 100.0);
            doc.put("fits_per_second", Math.round(fits.size() / seconds * 10) / 10.0);
            doc.put("buildings_per_second", Math.round(buildings / seconds * 10) / 10.0);
            doc.put("savings_abs_error_pct_points_median", Uc3Evaluation.median(errors));
            doc.put("what_is_timed", "one Spark job: the day rows (cached) joined with the runs, grouped by building, "
                    + "CalTRACK daily (balance-point grid) and billing fits with savings inside each group, results "
                    + "collected to the driver");
            doc.put("spark_master", ctx.spark().sparkContext().master());
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("options", options.toMap());
            return Outcome.of(doc, (out, report) -> out.printf(java.util.Locale.ROOT,
                    "caltrack benchmark: %d buildings, %d baseline fits in %.1f s = %.1f fits/s (median |savings "
                            + "error| %.2f points); report %s%n", buildings, fits.size(), seconds,
                    fits.size() / seconds, Uc3Evaluation.median(errors), report));
        }
    }

    static String id(int b) {
        return String.format("B%07d", b);
    }

    /** The constructed savings fraction of building b: 5 … 35 %. */
    static double cut(int b) {
        return 0.05 + 0.30 * unit(b, 4);
    }

    private static double unit(int b, int k) {
        long h = (b * 0x9E3779B97F4A7C15L) ^ (k * 0xBF58476D1CE4E5B9L);
        h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL;
        return ((h ^ (h >>> 29)) >>> 11) * 0x1.0p-53;
    }

    /** Two years of days of N buildings, computed on Spark. */
    static Dataset<Row> days(JobContext ctx, int n) {
        List<Row> params = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            params.add(org.apache.spark.sql.RowFactory.create(id(b), 10 + 40 * unit(b, 0), 0.5 + 3 * unit(b, 1),
                    13 + 5 * unit(b, 2), unit(b, 3) < 0.3 ? 0.8 * unit(b, 5) : 0.0, cut(b)));
        }
        Dataset<Row> buildings = ctx.spark().createDataFrame(params, new org.apache.spark.sql.types.StructType()
                .add("building_id", "string").add("base", "double").add("slope", "double").add("bp", "double")
                .add("cooling", "double").add("cut", "double"));
        Column day = col("id").cast("int");
        Column temperature = lit(12).minus(cos(day.minus(15).multiply(2 * Math.PI / 365)).multiply(11))
                .plus(randn(7).multiply(2.5));
        Column usage = col("base")
                .plus(col("slope").multiply(greatest(lit(0.0), col("bp").minus(col("temperature_mean_c")))))
                .plus(col("cooling").multiply(greatest(lit(0.0), col("temperature_mean_c").minus(22))));
        return ctx.spark().range(DAYS)
                .withColumn("temperature_mean_c", temperature)
                .crossJoin(buildings)
                .withColumn("noise", randn(11).multiply(col("base")).multiply(0.05))
                .withColumn("local_date", date_add(lit(java.sql.Date.valueOf(START)), day))
                .withColumn("kwh", usage.multiply(when(day.geq(365), lit(1.0).minus(col("cut"))).otherwise(1.0))
                        .plus(col("noise")))
                .select(col("building_id"), col("local_date"), col("kwh"), col("temperature_mean_c"));
    }
}

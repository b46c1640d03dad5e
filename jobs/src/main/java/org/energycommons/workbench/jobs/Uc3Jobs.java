package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.mv.SavingsEstimate;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.Assignments;
import org.energycommons.workbench.models.uc3.BaselineSet;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.SavingsFits;
import org.energycommons.workbench.models.uc3.Uc3Evaluation;
import org.energycommons.workbench.models.uc3.Uc3Features;
import org.energycommons.workbench.models.uc3.Uc3Options;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * The uc3 job steps (savings after renovation works, M&amp;V): hourly and daily features from silver, then the
 * three baseline methods fitted per building on Spark for the renovated buildings, the placebo runs and the
 * validation runs, savings with their 90 % intervals, metrics against the true savings, registry and results.
 */
public final class Uc3Jobs {

    /** Silver and feature tables the uc3 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Tables.UC3_FEATURES, Tables.UC3_HOURLY_FEATURES,
            Tables.LOAD_CURVE, Tables.METERS, Tables.BUILDINGS, Tables.COMMUNES, Tables.WEATHER_HOURLY,
            Tables.RENOVATION_WORKS);
    /** Truth tables read by the evaluation only (when present). */
    public static final List<TableId> TRUTH = List.of(Tables.TRUTH_SAVINGS, Tables.TRUTH_COMPARISON_GROUP);
    /** Engine name of the per-building OLS fits. */
    public static final String ENGINE = "spark-grouped-ols";

    /** Schema of the savings and placebo tables. */
    public static final StructType SAVINGS_SCHEMA = new StructType()
            .add("building_id", DataTypes.StringType, false)
            .add("role", DataTypes.StringType, false)
            .add("method", DataTypes.StringType, false)
            .add("model_id", DataTypes.StringType, true)
            .add("works_type", DataTypes.StringType, true)
            .add("intervention_date", DataTypes.DateType, false)
            .add("baseline_start", DataTypes.DateType, false)
            .add("reporting_end", DataTypes.DateType, false)
            .add("status", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true)
            .add("model_type", DataTypes.StringType, true)
            .add("cvrmse", DataTypes.DoubleType, true)
            .add("nmbe", DataTypes.DoubleType, true)
            .add("n", DataTypes.IntegerType, false)
            .add("p", DataTypes.IntegerType, false)
            .add("residual_autocorrelation", DataTypes.DoubleType, true)
            .add("reporting_points", DataTypes.IntegerType, true)
            .add("counterfactual_kwh", DataTypes.DoubleType, true)
            .add("metered_kwh", DataTypes.DoubleType, true)
            .add("savings_kwh", DataTypes.DoubleType, true)
            .add("savings_fraction", DataTypes.DoubleType, true)
            .add("half_width_90_kwh", DataTypes.DoubleType, true)
            .add("lower_90_kwh", DataTypes.DoubleType, true)
            .add("upper_90_kwh", DataTypes.DoubleType, true)
            .add("fsu_90", DataTypes.DoubleType, true);

    /** Schema of the daily predictions table. */
    public static final StructType PREDICTIONS_SCHEMA = new StructType()
            .add("building_id", DataTypes.StringType, false)
            .add("role", DataTypes.StringType, false)
            .add("method", DataTypes.StringType, false)
            .add("local_date", DataTypes.DateType, false)
            .add("period", DataTypes.StringType, false)
            .add("metered_kwh", DataTypes.DoubleType, true)
            .add("predicted_kwh", DataTypes.DoubleType, true);

    private Uc3Jobs() {
    }

    /** Builds the hourly and daily feature tables; returns the daily rows. */
    public static long features(JobContext ctx) {
        Lake lake = ctx.lake();
        ctx.progress().step("features uc3: hourly use and temperature per building");
        lake.replace(Tables.UC3_HOURLY_FEATURES, Uc3Features.hourly(lake.read(Tables.LOAD_CURVE),
                lake.read(Tables.METERS), lake.read(Tables.BUILDINGS), lake.read(Tables.COMMUNES),
                lake.read(Tables.WEATHER_HOURLY)), ctx.runId());
        ctx.progress().step("features uc3: daily use and mean temperature per building");
        lake.replace(Tables.UC3_FEATURES, Uc3Features.daily(lake.read(Tables.UC3_HOURLY_FEATURES)), ctx.runId());
        Row r = lake.read(Tables.UC3_FEATURES)
                .agg(org.apache.spark.sql.functions.count("*"), org.apache.spark.sql.functions.count("kwh"),
                        org.apache.spark.sql.functions.countDistinct("building_id"))
                .first();
        ctx.progress().info(String.format("%,d building-days (%,d with a complete day of use) for %,d buildings",
                r.getLong(0), r.getLong(1), r.getLong(2)));
        return r.getLong(0);
    }

    /** Fits, evaluates, registers and writes results; returns the result written to {@code uc3.json}. */
    public static UseCaseResult train(JobContext ctx) {
        Lake lake = ctx.lake();
        Map<String, Long> inputs = lake.versions(INPUTS);
        Map<String, Long> truthVersions = new LinkedHashMap<>();
        for (TableId t : TRUTH) {
            if (lake.exists(t)) {
                truthVersions.put(t.relativePath(), lake.version(t));
            }
        }
        RegionConfig region = GenerateJob.regionOf(ctx);
        long seed = region == null ? 42L : region.seed();
        Uc3Options options = Uc3Options.of(ctx.config(), seed);
        Dataset<Row> daily = lake.read(Tables.UC3_FEATURES);
        Dataset<Row> hourly = lake.read(Tables.UC3_HOURLY_FEATURES);

        ctx.progress().step("train uc3: runs (renovated buildings, placebo and validation buildings)");
        // One pass for the buildings and the span of the data.
        List<Row> spans = daily.groupBy("building_id").agg(min("local_date"), max("local_date")).collectAsList();
        List<Assignment> runs = new ArrayList<>();
        if (!spans.isEmpty()) {
            Set<String> buildings = new HashSet<>();
            LocalDate dataStart = null;
            LocalDate dataEnd = null;
            for (Row b : spans) {
                buildings.add(b.getString(0));
                LocalDate first = b.getDate(1).toLocalDate();
                LocalDate last = b.getDate(2).toLocalDate();
                dataStart = dataStart == null || first.isBefore(dataStart) ? first : dataStart;
                dataEnd = dataEnd == null || last.isAfter(dataEnd) ? last : dataEnd;
            }
            Map<String, Assignments.Works> works = new HashMap<>();
            for (Row w : lake.read(Tables.RENOVATION_WORKS).select("building_id", "works_date", "works_type")
                    .collectAsList()) {
                works.put(w.getString(0), new Assignments.Works(w.getDate(1).toLocalDate(), w.getString(2)));
            }
            Set<String> comparison = new HashSet<>();
            if (lake.exists(Tables.TRUTH_COMPARISON_GROUP)) { // evaluation only: which buildings get a placebo run
                for (Row c : lake.read(Tables.TRUTH_COMPARISON_GROUP).select("building_id").collectAsList()) {
                    comparison.add(c.getString(0));
                }
            }
            runs = Assignments.of(works, comparison, buildings, dataStart, dataEnd, options);
        }
        ctx.progress().info(String.format("%d runs: %d renovated, %d placebo, %d validation buildings", runs.size(),
                runs.stream().filter(a -> a.role().equals(Assignment.TREATED)).count(),
                runs.stream().filter(a -> a.role().equals(Assignment.PLACEBO)).count(),
                runs.stream().filter(a -> a.role().equals(Assignment.VALIDATION)).count()));

        ctx.progress().step("train uc3: baselines per building on Spark (daily, billing, hourly TOWT)");
        long t0 = System.nanoTime();
        List<BuildingFit> fits = SavingsFits.fit(daily, hourly, runs, options);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        ctx.progress().info(String.format("%d fits (%d with savings) in %.1f s", fits.size(),
                fits.stream().filter(BuildingFit::fitted).count(), fitSeconds));

        ctx.progress().step("train uc3: evaluation, models, results and registry");
        Map<String, Uc3Evaluation.TrueSavings> truth = new HashMap<>();
        if (lake.exists(Tables.TRUTH_SAVINGS)) {
            for (Row t : lake.read(Tables.TRUTH_SAVINGS)
                    .select("building_id", "true_savings_fraction", "counterfactual_kwh").collectAsList()) {
                truth.put(t.getString(0), new Uc3Evaluation.TrueSavings(t.getDouble(1), t.getDouble(2)));
            }
        }
        Map<String, Uc3Evaluation.MethodMetrics> metrics = new LinkedHashMap<>();
        for (String method : SavingsFits.METHODS) {
            metrics.put(method, Uc3Evaluation.evaluate(method, fits, truth));
        }
        String best = Uc3Evaluation.selectBest(SavingsFits.METHODS, metrics);

        List<Row> registry = new ArrayList<>();
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        Map<String, String> modelIds = new LinkedHashMap<>();
        for (String method : SavingsFits.METHODS) {
            BaselineSet set = BaselineSet.of(method, fits);
            long rows = fits.stream().filter(f -> f.method().equals(method) && f.fitted()).mapToLong(BuildingFit::n)
                    .sum();
            ModelProvenance provenance = ModelProvenance.create("uc3", method, ENGINE, algorithm(method),
                    params(method, options), options.seed(), inputs, features(method), label(method), split(options),
                    rows, SavingsFits.fingerprint(fits, method));
            String dir = ctx.workspace().models("uc3") + "/" + provenance.modelId();
            ctx.files().delete(dir);
            set.save(dir, ctx.files(), provenance, options.toMap());
            Uc3Evaluation.MethodMetrics m = metrics.get(method);
            registry.add(ModelRegistry.row(provenance, m.bySplit(), dir));
            modelIds.put(method, provenance.modelId());
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("artifact", dir);
            notes.put("baselines", String.valueOf(set.baselines().size()));
            notes.put("uncertainty", "ASHRAE Guideline 14 FSU at 90 %, lag-1 autocorrelation correction n' = "
                    + "n(1-rho)/(1+rho), m = " + (method.equals(SavingsFits.HOURLY) ? "reporting hours"
                    : method.equals(SavingsFits.BILLING) ? "reporting billing periods" : "reporting days"));
            entries.add(new UseCaseResult.ModelEntry(method, ENGINE, provenance.modelId(), m.test(), m.validation(),
                    m.train(), notes));
        }
        lake.replace(Tables.UC3_SAVINGS, savingsRows(ctx, fits, modelIds, true), ctx.runId());
        lake.replace(Tables.UC3_PLACEBO, savingsRows(ctx, fits, modelIds, false), ctx.runId());
        lake.replace(Tables.UC3_PREDICTIONS, predictionRows(ctx, fits), ctx.runId());
        lake.merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY, ctx.runId());

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run_id", ctx.runId());
        provenance.put("git_commit", BuildInfo.gitCommit());
        provenance.put("libraries", BuildInfo.libraries());
        provenance.put("input_tables", inputs);
        provenance.put("evaluation_tables", truthVersions);
        provenance.put("output_tables", lake.versions(List.of(Tables.UC3_SAVINGS, Tables.UC3_PLACEBO,
                Tables.UC3_PREDICTIONS, Tables.MODEL_REGISTRY)));
        provenance.put("split", split(options));
        provenance.put("options", options.toMap());
        provenance.put("data", region == null ? "lake at " + ctx.workspace().lake()
                : "synthetic region " + region.toProperties());
        provenance.put("selection", "best model = lowest median absolute placebo savings error on the validation "
                + "buildings (buildings without works outside the comparison group, fake works dates); "
                + "caltrack-daily when no validation run has an estimate");
        provenance.put("fit_seconds", Math.round(fitSeconds * 10) / 10.0);
        UseCaseResult result = new UseCaseResult("uc3", UseCases.require("uc3").title(), best, entries,
                UseCaseResult.check(UseCases.require("uc3"), best, entries), provenance);
        Uc4Jobs.writeMetrics(ctx, "uc3", result.toJson());
        Map<String, Object> t = metrics.get(best).test();
        ctx.progress().info(String.format("best method %s: median |savings error| %s points, placebo coverage (90 %%) "
                        + "%s, CV(RMSE) %s, NMBE %s; criteria met: %d/%d", best,
                t.get("savings_abs_error_pct_points_median"), t.get("placebo_coverage_90"), t.get("cvrmse"),
                t.get("nmbe"), result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size()));
        return result;
    }

    static String algorithm(String method) {
        return switch (method) {
            case SavingsFits.DAILY -> "CalTRACK 2.0 daily: balance-point grid, intercept/HDD/CDD/HDD+CDD OLS, "
                    + "adjusted R2 with slope sign and p-value";
            case SavingsFits.BILLING -> "CalTRACK billing: the daily candidates by WLS on billing periods weighted "
                    + "by days";
            default -> "TOWT: 168 hour-of-week levels + piecewise-linear temperature, occupied/unoccupied (LBNL)";
        };
    }

    private static Map<String, String> params(String method, Uc3Options options) {
        Map<String, String> p = new LinkedHashMap<>(options.daily().toMap());
        if (method.equals(SavingsFits.BILLING)) {
            p.putAll(options.billing().toMap());
        }
        if (method.equals(SavingsFits.HOURLY)) {
            p.putAll(options.hourly().toMap());
        }
        p.put("reporting_days", String.valueOf(options.reportingDays()));
        p.put("min_reporting_days", String.valueOf(options.minReportingDays()));
        return p;
    }

    private static List<String> features(String method) {
        return method.equals(SavingsFits.HOURLY) ? List.of("hour_of_week", "temperature_c")
                : List.of("temperature_mean_c");
    }

    private static String label(String method) {
        return method.equals(SavingsFits.HOURLY) ? "kwh per hour" : "kwh per day";
    }

    private static Map<String, String> split(Uc3Options options) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("baseline", options.daily().baselineDays() + " days before each (real or fake) works date");
        s.put("reporting", "works date .. +" + options.reportingDays() + " days (or the end of the data), at least "
                + options.minReportingDays());
        s.put("test", "renovated buildings (vs truth/true_savings) and placebo runs of truth/comparison_group");
        s.put("validation", options.validationBuildings() + " other buildings without works, fake works dates");
        return s;
    }

    private static Dataset<Row> savingsRows(JobContext ctx, List<BuildingFit> fits, Map<String, String> modelIds,
                                            boolean treated) {
        List<Row> rows = new ArrayList<>();
        for (BuildingFit f : fits) {
            if (f.role().equals(Assignment.TREATED) != treated) {
                continue;
            }
            Assignment a = f.assignment();
            SavingsEstimate s = f.savings();
            rows.add(RowFactory.create(a.buildingId(), a.role(), f.method(), f.fitted() ? modelIds.get(f.method()) : null,
                    a.worksType(), Date.valueOf(a.interventionDate()), Date.valueOf(a.baselineStart()),
                    Date.valueOf(a.reportingEnd()), f.status(), f.message(), f.modelType(), finite(f.cvrmse()),
                    finite(f.nmbe()), f.n(), f.p(), finite(f.rho()), s == null ? null : s.reportingDays(),
                    s == null ? null : s.counterfactual(), s == null ? null : s.metered(),
                    s == null ? null : s.savings(), s == null ? null : finite(s.fraction()),
                    s == null ? null : finite(s.halfWidth90()), s == null ? null : finite(s.lower90()),
                    s == null ? null : finite(s.upper90()), s == null ? null : finite(s.fsu90())));
        }
        return ctx.spark().createDataFrame(rows, SAVINGS_SCHEMA).orderBy(col("building_id"), col("method"));
    }

    private static Dataset<Row> predictionRows(JobContext ctx, List<BuildingFit> fits) {
        List<Row> rows = new ArrayList<>();
        for (BuildingFit f : fits) {
            if (!f.role().equals(Assignment.TREATED)) { // the baseline-fit picture shows renovated buildings
                continue;
            }
            LocalDate works = f.assignment().interventionDate();
            for (int i = 0; i < f.epochDays().length; i++) {
                LocalDate d = LocalDate.ofEpochDay(f.epochDays()[i]);
                rows.add(RowFactory.create(f.buildingId(), f.role(), f.method(), Date.valueOf(d),
                        d.isBefore(works) ? "baseline" : "reporting", finite(f.metered()[i]),
                        finite(f.predicted()[i])));
            }
        }
        return ctx.spark().createDataFrame(rows, PREDICTIONS_SCHEMA);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

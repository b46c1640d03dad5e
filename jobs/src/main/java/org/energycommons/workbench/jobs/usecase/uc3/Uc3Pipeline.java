package org.energycommons.workbench.jobs.usecase.uc3;

import static org.apache.spark.sql.functions.col;

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
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.mv.SavingsEstimate;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.Assignments;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.SavingsFits;
import org.energycommons.workbench.models.uc3.Uc3Evaluation;
import org.energycommons.workbench.models.uc3.Uc3Features;
import org.energycommons.workbench.models.uc3.Uc3Metrics;
import org.energycommons.workbench.models.uc3.Uc3Options;
import org.energycommons.workbench.models.uc3.Uc3Run;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc3, savings after renovation works (M&amp;V): hourly and daily features from silver, then {@link Uc3Run} (three
 * baseline methods per building, placebo and validation runs, evaluation, selection), savings with their 90 %
 * intervals in gold; the page is built by {@link Uc3PageQueries}.
 */
public final class Uc3Pipeline extends UseCasePipeline {

    /** Silver and feature tables the uc3 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Uc3Tables.FEATURES, Uc3Tables.HOURLY_FEATURES,
            Tables.LOAD_CURVE, Tables.METERS, Tables.BUILDINGS, Tables.COMMUNES, Tables.WEATHER_HOURLY,
            Tables.RENOVATION_WORKS);
    /** Truth tables read by the evaluation only (when present). */
    public static final List<TableId> TRUTH = List.of(Tables.TRUTH_SAVINGS, Tables.TRUTH_COMPARISON_GROUP);

    /** Schema of the savings and placebo tables. */
    public static final StructType SAVINGS_SCHEMA = StructType.fromDDL("""
            building_id STRING NOT NULL, role STRING NOT NULL, method STRING NOT NULL, model_id STRING,
            works_type STRING, intervention_date DATE NOT NULL, baseline_start DATE NOT NULL,
            reporting_end DATE NOT NULL, status STRING NOT NULL, message STRING, model_type STRING, cvrmse DOUBLE,
            nmbe DOUBLE, n INT NOT NULL, p INT NOT NULL, residual_autocorrelation DOUBLE, reporting_points INT,
            counterfactual_kwh DOUBLE, metered_kwh DOUBLE, savings_kwh DOUBLE, savings_fraction DOUBLE,
            half_width_90_kwh DOUBLE, lower_90_kwh DOUBLE, upper_90_kwh DOUBLE, fsu_90 DOUBLE""");

    /** Schema of the daily predictions table. */
    public static final StructType PREDICTIONS_SCHEMA = StructType.fromDDL("""
            building_id STRING NOT NULL, role STRING NOT NULL, method STRING NOT NULL, local_date DATE NOT NULL,
            period STRING NOT NULL, metered_kwh DOUBLE, predicted_kwh DOUBLE""");

    /** How uc3 chooses its method. */
    static final String SELECTION = "best model = lowest median absolute placebo savings error on the validation "
            + "buildings (buildings without works outside the comparison group, fake works dates); caltrack-daily "
            + "when no validation run has an estimate";

    /** The uc3 pipeline. */
    public Uc3Pipeline() {
        super(UseCases.UC3, Uc3Tables.DESCRIPTIONS, Uc3Metrics::fromMap, Uc3PageQueries::page,
                Uc3OpenData::datasets,
                Uc3Entities::entities,
                Uc3PageQueries::headline);
    }

    @Override
    public Predictor predictor(String dir, LakeFiles files) {
        return Uc3Predictor.load(dir, files);
    }

    @Override
    public long features(JobContext ctx) {
        Lake lake = ctx.lake();
        ctx.progress().step("features uc3: hourly use and temperature per building");
        lake.replace(Uc3Tables.HOURLY_FEATURES, Uc3Features.hourly(lake.read(Tables.LOAD_CURVE),
                lake.read(Tables.METERS), lake.read(Tables.BUILDINGS), lake.read(Tables.COMMUNES),
                lake.read(Tables.WEATHER_HOURLY)), ctx.runId());
        ctx.progress().step("features uc3: daily use and mean temperature per building");
        lake.replace(Uc3Tables.FEATURES, Uc3Features.daily(lake.read(Uc3Tables.HOURLY_FEATURES)), ctx.runId());
        Row r = lake.read(Uc3Tables.FEATURES)
                .agg(org.apache.spark.sql.functions.count("*"), org.apache.spark.sql.functions.count("kwh"),
                        org.apache.spark.sql.functions.countDistinct("building_id"))
                .first();
        ctx.progress().info(String.format("%,d building-days (%,d with a complete day of use) for %,d buildings",
                r.getLong(0), r.getLong(1), r.getLong(2)));
        return r.getLong(0);
    }

    @Override
    protected UseCaseResult run(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc3Options options = Uc3Options.of(ctx.config(), seed(ctx));
        RunProvenance.Builder provenance = provenance(ctx, INPUTS, options, SELECTION);
        Map<String, Long> truthVersions = lake.versions(TRUTH.stream().filter(lake::exists).toList());

        ctx.progress().step("train uc3: runs and baselines per building on Spark (daily, billing, hourly TOWT)");
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
        Map<String, Uc3Evaluation.TrueSavings> truth = new HashMap<>();
        if (lake.exists(Tables.TRUTH_SAVINGS)) { // evaluation only
            for (Row t : lake.read(Tables.TRUTH_SAVINGS)
                    .select("building_id", "true_savings_fraction", "counterfactual_kwh").collectAsList()) {
                truth.put(t.getString(0), new Uc3Evaluation.TrueSavings(t.getDouble(1), t.getDouble(2)));
            }
        }
        Uc3Run.Outcome outcome = Uc3Run.run(lake.read(Uc3Tables.FEATURES), lake.read(Uc3Tables.HOURLY_FEATURES),
                works, comparison, truth, provenance.inputTables(), options, ctx.progress()::info);

        ctx.progress().step("train uc3: saving baselines, savings, placebo runs and registry");
        List<UseCaseResult.ModelEntry> entries = saveAndRegister(ctx, outcome.models(), outcome.metrics(), m -> {
            String method = m.provenance().name();
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("baselines", String.valueOf(outcome.fits().stream()
                    .filter(f -> f.method().equals(method) && f.fitted()).count()));
            notes.put("uncertainty", "ASHRAE Guideline 14 FSU at 90 %, lag-1 autocorrelation correction n' = "
                    + "n(1-rho)/(1+rho), m = " + (method.equals(SavingsFits.HOURLY) ? "reporting hours"
                    : method.equals(SavingsFits.BILLING) ? "reporting billing periods" : "reporting days"));
            return notes;
        });
        Map<String, String> modelIds = outcome.modelIds();
        lake.replace(Uc3Tables.SAVINGS, savingsRows(ctx, outcome.fits(), modelIds, true), ctx.runId());
        lake.replace(Uc3Tables.PLACEBO, savingsRows(ctx, outcome.fits(), modelIds, false), ctx.runId());
        lake.replace(Uc3Tables.PREDICTIONS, predictionRows(ctx, outcome.fits()), ctx.runId());

        provenance.outputs(outputs(ctx, List.of(Uc3Tables.SAVINGS, Uc3Tables.PLACEBO, Uc3Tables.PREDICTIONS,
                        Tables.MODEL_REGISTRY)))
                .split(Uc3Run.split(options))
                .detail("evaluation_tables", truthVersions)
                .detail("fit_seconds", Math.round(outcome.fitSeconds() * 10) / 10.0);
        UseCaseResult result = result(outcome.bestModel(), entries, provenance.build());
        UseCaseMetrics t = outcome.metrics().get(outcome.bestModel()).judgedMetrics();
        ctx.progress().info(String.format("best method %s: median |savings error| %.2f points, placebo coverage "
                        + "(90 %%) %.3f, CV(RMSE) %.3f, NMBE %.3f", outcome.bestModel(),
                t.value("savings_abs_error_pct_points_median"), t.value("placebo_coverage_90"), t.value("cvrmse"),
                t.value("nmbe")));
        return result;
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

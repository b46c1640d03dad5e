package org.energycommons.workbench.models.uc3;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.registry.TrainedModel;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * The uc3 run (savings after renovation works, M&amp;V): assigns the runs (renovated, placebo and validation
 * buildings), fits the three baseline methods per building on Spark, evaluates each method against the true
 * savings and selects the best one on the validation buildings; each method becomes one registered
 * {@link BaselineSet} with its provenance.
 */
public final class Uc3Run {

    /** Engine name of the per-building OLS fits. */
    public static final String ENGINE = "spark-grouped-ols";

    private Uc3Run() {
    }

    /**
     * The outcome of a run.
     *
     * @param runs the assignments fitted
     * @param fits every fit, per building, run and method
     * @param fitSeconds wall time of the grouped fits
     * @param models one baseline set per method, with its provenance, in {@link SavingsFits#METHODS} order
     * @param metrics each method's metrics, by method
     * @param bestModel the method chosen on the validation buildings
     */
    public record Outcome(List<Assignment> runs, List<BuildingFit> fits, double fitSeconds, List<TrainedModel> models,
                          Map<String, EvaluationSets> metrics, String bestModel) {

        /** The registry id of each method's baseline set. */
        public Map<String, String> modelIds() {
            Map<String, String> ids = new LinkedHashMap<>();
            models.forEach(m -> ids.put(m.provenance().name(), m.provenance().modelId()));
            return ids;
        }
    }

    /**
     * Runs uc3.
     *
     * @param daily daily use and temperature per building (the uc3 feature table)
     * @param hourly hourly use and temperature per building
     * @param works the renovation works of each building
     * @param comparisonGroup buildings that get a placebo run (evaluation only)
     * @param truth the true savings of renovated buildings (evaluation only; empty without truth)
     * @param inputs the input table versions, for provenance
     * @param options the uc3 options
     * @param progress where progress lines go
     */
    public static Outcome run(Dataset<Row> daily, Dataset<Row> hourly, Map<String, Assignments.Works> works,
                              Set<String> comparisonGroup, Map<String, Uc3Evaluation.TrueSavings> truth,
                              Map<String, Long> inputs, Uc3Options options, Consumer<String> progress) {
        List<Assignment> runs = assign(daily, works, comparisonGroup, options);
        progress.accept(String.format("%d runs: %d renovated, %d placebo, %d validation buildings", runs.size(),
                runs.stream().filter(a -> a.role().equals(Assignment.TREATED)).count(),
                runs.stream().filter(a -> a.role().equals(Assignment.PLACEBO)).count(),
                runs.stream().filter(a -> a.role().equals(Assignment.VALIDATION)).count()));

        long t0 = System.nanoTime();
        List<BuildingFit> fits = SavingsFits.fit(daily, hourly, runs, options);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        progress.accept(String.format("%d fits (%d with savings) in %.1f s", fits.size(),
                fits.stream().filter(BuildingFit::fitted).count(), fitSeconds));

        Map<String, EvaluationSets> metrics = new LinkedHashMap<>();
        for (String method : SavingsFits.METHODS) {
            metrics.put(method, Uc3Evaluation.evaluate(method, fits, truth, options.seed()));
        }
        String best = Uc3Evaluation.selectBest(SavingsFits.METHODS, metrics);

        List<TrainedModel> models = new ArrayList<>();
        for (String method : SavingsFits.METHODS) {
            BaselineSet set = BaselineSet.of(method, fits);
            long rows = fits.stream().filter(f -> f.method().equals(method) && f.fitted()).mapToLong(BuildingFit::n)
                    .sum();
            ModelProvenance provenance = ModelProvenance.create(UseCases.UC3.id(), method, ENGINE, algorithm(method),
                    params(method, options), options.seed(), inputs, features(method), label(method), split(options),
                    rows, SavingsFits.fingerprint(fits, method));
            models.add(TrainedModel.of(provenance, (dir, files) -> set.save(dir, files, provenance,
                    options.toMap())));
        }
        return new Outcome(runs, fits, fitSeconds, models, metrics, best);
    }

    /** The runs: renovated buildings, placebo runs of the comparison group, validation buildings. */
    static List<Assignment> assign(Dataset<Row> daily, Map<String, Assignments.Works> works,
                                   Set<String> comparisonGroup, Uc3Options options) {
        // One pass for the buildings and the span of the data.
        List<Row> spans = daily.groupBy("building_id").agg(min("local_date"), max("local_date")).collectAsList();
        if (spans.isEmpty()) {
            return List.of();
        }
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
        return Assignments.of(works, comparisonGroup, buildings, dataStart, dataEnd, options);
    }

    /** The algorithm of a method, in words. */
    public static String algorithm(String method) {
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

    /** How the baseline, reporting, test and validation sets are formed. */
    public static Map<String, String> split(Uc3Options options) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("baseline", options.daily().baselineDays() + " days before each (real or fake) works date");
        s.put("reporting", "works date .. +" + options.reportingDays() + " days (or the end of the data), at least "
                + options.minReportingDays());
        s.put("test", "renovated buildings (vs truth/true_savings) and placebo runs of truth/comparison_group");
        s.put("validation", options.validationBuildings() + " other buildings without works, fake works dates");
        return s;
    }
}

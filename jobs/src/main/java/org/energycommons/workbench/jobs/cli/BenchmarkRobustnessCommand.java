package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark robustness}: whether each use case's criteria hold beyond the default region. For every
 * region seed and split seed ({@link RegionSweep}), trains each selected use case and keeps every criterion's value,
 * interval and outcome; then, per use case and criterion, how many runs met it, and the mean, min and max of the
 * value. The goal the report checks: every criterion met in at least {@value #GOAL_NUMERATOR} of
 * {@value #GOAL_DENOMINATOR} runs (the same share for another number of runs, rounded up).
 *
 * <p>Each run's {@code ucN.json} is kept as {@code region-<seed>/metrics/split-<seed>/ucN.json}, so every figure of
 * the report traces to its full result and provenance.
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Generates a synthetic region per seed, trains every use case (or --use-cases) on each for each "
                + "split seed, and writes every criterion's value, interval and outcome per run, and per use case and "
                + "criterion the share of runs meeting it with mean, min and max, to --report.")
public final class BenchmarkRobustnessCommand extends BenchmarkRun {

    /** The goal: a criterion is met in at least this many runs out of {@link #GOAL_DENOMINATOR}. */
    static final int GOAL_NUMERATOR = 14;
    /** See {@link #GOAL_NUMERATOR}. */
    static final int GOAL_DENOMINATOR = 15;

    @Option(names = "--seeds", paramLabel = "S,S,...", split = ",", defaultValue = "42,7,13,21,99",
            description = "Region seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--split-seeds", paramLabel = "S,S,...", split = ",", defaultValue = "42,101,202",
            description = "Split seeds, one training of each use case per region each (default: ${DEFAULT-VALUE}).")
    List<Long> splitSeeds;

    @Option(names = "--use-cases", paramLabel = "ucN,...", split = ",",
            description = "Use cases to run (default: all six).")
    List<String> useCases;

    @Option(names = "--meters", paramLabel = "N", defaultValue = "300",
            description = "Electricity delivery points per region (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--days", paramLabel = "D", defaultValue = "730",
            description = "Days per region (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Where the region workspaces go, one folder per seed; a complete region found there is "
                    + "reused (default: DIR/bench/robustness, DIR the workspace of --out).")
    Path workdir;

    @Option(names = "--resume",
            description = "Read a run kept by an earlier sweep in --workdir (region-<seed>/metrics/split-<seed>/ucN.json) "
                    + "instead of training it again; each run's commit is in the report. Delete a kept file to "
                    + "retrain that run.")
    boolean resume;

    @Mixin
    SparkOptions spark;

    private List<UseCasePipeline> pipelines;

    @Override
    void check() {
        pipelines = useCases == null || useCases.isEmpty() ? UseCasePipelines.all()
                : useCases.stream().map(String::strip).map(UseCasePipelines::require).toList();
        RegionSweep.check(seeds, splitSeeds, meters, days, spark);
    }

    @Override
    Outcome measure() {
        Path folder = workdir != null ? workdir : workspace().resolve("bench").resolve("robustness");
        RegionSweep sweep = new RegionSweep(folder, seeds, splitSeeds, meters, days, resume);
        List<Map<String, Object>> runs = new ArrayList<>();
        try (Session session = open(spark, sweep.folder())) {
            sweep.run(session.context(), pipelines, run -> {
                Map<String, Object> record = record(run.regionSeed(), run.splitSeed(), run.result());
                record.put("seconds_generate", run.secondsGenerate());
                record.put("seconds_features", run.secondsFeatures());
                record.put("seconds_train", run.secondsTrain());
                record.put("metrics_file", keep(run).toString());
                record.put("reused", run.reused());
                record.put("git_commit", run.result().provenance().get("git_commit"));
                runs.add(record);
                session.context().progress().info(String.format(Locale.ROOT, "%s region %d split %d: criteria %s/%s",
                        run.result().useCase(), run.regionSeed(), run.splitSeed(), record.get("criteria_met"),
                        record.get("criteria")));
            });
        }
        Map<String, Object> summary = summary(runs);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "robustness");
        doc.put("use_cases", pipelines.stream().map(p -> p.useCase().id()).toList());
        doc.put("region_seeds", seeds);
        doc.put("split_seeds", splitSeeds);
        doc.put("meters", meters);
        doc.put("days", days);
        doc.put("goal", String.format("every criterion met in >= %d of %d runs", GOAL_NUMERATOR, GOAL_DENOMINATOR));
        doc.put("summary", summary);
        doc.put("runs", runs);
        doc.put("split_note", "the split seed is each use case's workbench.<uc>.seed: it draws uc1's held-out meters, "
                + "uc3's validation and placebo buildings and uc5's folds; uc2, uc4 and uc6 judge on a fixed calendar "
                + "period, where it re-draws the models' randomness (and uc6's forecast-temperature noise)");
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        return Outcome.of(doc, (out, report) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) summary.get("criteria");
            for (Map<String, Object> c : criteria) {
                out.printf(Locale.ROOT, "%-4s %-48s met %2d/%-2d  mean %s  min %s  max %s%s%n", c.get("use_case"),
                        c.get("criterion"), c.get("met"), c.get("runs"), figure(c.get("mean")),
                        figure(c.get("min")), figure(c.get("max")), Boolean.TRUE.equals(c.get("goal_met")) ? ""
                                : "  (below the goal)");
            }
            out.printf(Locale.ROOT, "robustness benchmark: %d runs; %d of %d criteria meet the goal; report %s%n",
                    runs.size(), summary.get("criteria_meeting_goal"), criteria.size(), report);
        });
    }

    /** Copies a run's {@code ucN.json} beside the others of its region, named by its split seed. */
    private static Path keep(RegionSweep.Run run) {
        Path target = RegionSweep.kept(run.workspace(), run.result().useCase(), run.splitSeed());
        if (run.reused()) {
            return target;
        }
        Path source = Path.of(run.workspace().metrics().toString()).resolve(run.result().useCase() + ".json");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + source + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static String figure(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "-";
    }

    /** One run: every criterion of the use case with its value, interval and outcome. */
    static Map<String, Object> record(long regionSeed, long splitSeed, UseCaseResult result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("use_case", result.useCase());
        run.put("region_seed", regionSeed);
        run.put("split_seed", splitSeed);
        run.put("best_model", result.bestModel());
        List<Map<String, Object>> criteria = new ArrayList<>();
        List<Criterion> declared = UseCases.require(result.useCase()).criteria();
        for (int i = 0; i < result.criteria().size(); i++) {
            Criterion.Result r = result.criteria().get(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("criterion", declared.get(i).toString());
            c.put("model", r.model());
            c.put("value", Json.finiteOrNull(r.value()));
            c.put("met", r.met());
            MetricInterval interval = result.interval(r.model(), r.metric());
            if (interval != null) {
                c.put("interval", interval.toMap());
            }
            criteria.add(c);
        }
        run.put("criteria", criteria.size());
        run.put("criteria_met", (int) result.criteria().stream().filter(Criterion.Result::met).count());
        run.put("results", criteria);
        if (result.bestModel() == null) {
            run.put("status", result.provenance().get("status"));
        }
        return run;
    }

    /**
     * Per use case and criterion: runs, runs meeting it, the share, and the mean, min and max of the measured
     * values (undefined values count as not met and are left out of the statistics), and whether it meets the goal.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(List<Map<String, Object>> runs) {
        Map<String, List<Map<String, Object>>> byCriterion = new LinkedHashMap<>();
        for (Map<String, Object> run : runs) {
            for (Map<String, Object> c : (List<Map<String, Object>>) run.get("results")) {
                byCriterion.computeIfAbsent(run.get("use_case") + "\u0000" + c.get("criterion"),
                        k -> new ArrayList<>()).add(c);
            }
        }
        List<Map<String, Object>> criteria = new ArrayList<>();
        int meetingGoal = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : byCriterion.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            List<Map<String, Object>> results = e.getValue();
            long met = results.stream().filter(c -> Boolean.TRUE.equals(c.get("met"))).count();
            DoubleSummaryStatistics values = results.stream().map(c -> c.get("value"))
                    .filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue())
                    .summaryStatistics();
            boolean goal = met * GOAL_DENOMINATOR >= (long) GOAL_NUMERATOR * results.size();
            meetingGoal += goal ? 1 : 0;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("use_case", key[0]);
            s.put("criterion", key[1]);
            s.put("runs", results.size());
            s.put("met", met);
            s.put("share_met", (double) met / results.size());
            s.put("mean", values.getCount() == 0 ? null : values.getAverage());
            s.put("min", values.getCount() == 0 ? null : values.getMin());
            s.put("max", values.getCount() == 0 ? null : values.getMax());
            s.put("undefined", results.size() - values.getCount());
            s.put("goal_met", goal);
            criteria.add(s);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runs", runs.size());
        summary.put("runs_all_met", runs.stream()
                .filter(r -> (int) r.get("criteria") > 0 && r.get("criteria_met").equals(r.get("criteria")))
                .count());
        summary.put("criteria_meeting_goal", meetingGoal);
        summary.put("criteria", criteria);
        return summary;
    }
}

package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark segmentation}: how uc1 holds up beyond the default region, with uc1's own figures.
 * Runs the {@link RegionSweep} of {@code benchmark robustness} for uc1 alone (the split seed draws the held-out
 * meters); writes, per region and split, the best model with
 * its held-out ARI, NRMSE and references and whether the declared criteria are met, then the spread over all runs.
 */
@Command(name = "segmentation", mixinStandardHelpOptions = true,
        description = "Generates a synthetic region per seed, trains uc1 on each for each split seed and writes the "
                + "held-out ARI, NRMSE reduction and criteria of every run, and their spread, to --report.")
public final class BenchmarkSegmentationCommand extends BenchmarkRun {

    @Option(names = "--seeds", paramLabel = "S,S,...", split = ",", defaultValue = "7,13,21,99",
            description = "Region seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--split-seeds", paramLabel = "S,S,...", split = ",", defaultValue = "42",
            description = "Seeds of the held-out split, one uc1 training each (default: ${DEFAULT-VALUE}).")
    List<Long> splitSeeds;

    @Option(names = "--meters", paramLabel = "N", defaultValue = "300",
            description = "Electricity delivery points per region (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--days", paramLabel = "D", defaultValue = "730",
            description = "Days per region (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Where the region workspaces go, one folder per seed (default: DIR/bench/segmentation, "
                    + "DIR the workspace of --out).")
    Path workdir;

    @Mixin
    SparkOptions spark;


    @Override
    void check() {
        RegionSweep.check(seeds, splitSeeds, meters, days, spark);
    }

    @Override
    Outcome measure() {
        Path folder = workdir != null ? workdir : workspace().resolve("bench").resolve("segmentation");
        RegionSweep sweep = new RegionSweep(folder, seeds, splitSeeds, meters, days, false);
        List<Map<String, Object>> runs = new ArrayList<>();
        try (Session session = open(spark, sweep.folder())) {
            sweep.run(session.context(), List.of(UseCasePipelines.require(UseCases.UC1.id())), r -> {
                Map<String, Object> run = run(r.regionSeed(), r.splitSeed(), r.result());
                run.put("seconds_generate", r.secondsGenerate());
                run.put("seconds_features", r.secondsFeatures());
                run.put("seconds_train", r.secondsTrain());
                run.put("metrics_file", r.workspace().metrics().resolve(UseCases.UC1.id() + ".json").toString());
                runs.add(run);
                session.context().progress().info(String.format(java.util.Locale.ROOT,
                        "region %d, split %d: %s, ARI %.3f, NRMSE reduction %.3f, criteria %s/%s", r.regionSeed(),
                        r.splitSeed(), run.get("best_model"), run.get("ari"), run.get("nrmse_reduction_vs_baseline"),
                        run.get("criteria_met"), run.get("criteria")));
            });
        }
        Map<String, Object> summary = summary(runs);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "segmentation");
        doc.put("use_case", UseCases.UC1.id());
        doc.put("region_seeds", seeds);
        doc.put("split_seeds", splitSeeds);
        doc.put("meters", meters);
        doc.put("days", days);
        doc.put("runs", runs);
        doc.put("summary", summary);
        doc.put("split_note", "held-out meters are drawn by a hash of the split seed and of the pseudonym; each "
                + "region workspace keeps its own pseudonymisation key (WORKBENCH_PSEUDO_KEY fixes it)");
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        return Outcome.of(doc, (out, report) -> out.printf(java.util.Locale.ROOT,
                "segmentation benchmark: %d runs on %d regions, all criteria met in %s; ARI %.3f..%.3f, NRMSE "
                        + "reduction %.3f..%.3f; report %s%n", runs.size(), seeds.size(), summary.get("runs_all_met"),
                summary.get("ari_min"), summary.get("ari_max"), summary.get("reduction_min"),
                summary.get("reduction_max"), report));
    }

    /** The figures of one training: the best model's held-out metrics and the criteria. */
    static Map<String, Object> run(long seed, long splitSeed, UseCaseResult result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("region_seed", seed);
        run.put("split_seed", splitSeed);
        run.put("best_model", result.bestModel());
        UseCaseResult.ModelEntry best = result.models().stream().filter(m -> m.name().equals(result.bestModel()))
                .findFirst().orElse(null);
        if (best != null) {
            run.put("k", best.notes().get("k"));
            for (String metric : List.of("ari", "silhouette", "nrmse", "nrmse_baseline",
                    "nrmse_reduction_vs_baseline", "nrmse_segment_only", "nrmse_tariff_offpeak", "meters")) {
                run.put(metric, best.metrics().get(metric));
            }
        } else {
            run.put("insufficient_data", result.provenance().get("insufficient_data"));
        }
        run.put("criteria", result.criteria().size());
        run.put("criteria_met", (int) result.criteria().stream().filter(Criterion.Result::met).count());
        return run;
    }

    /** Count of runs meeting every criterion and the range of the two criteria's metrics. */
    static Map<String, Object> summary(List<Map<String, Object>> runs) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runs", runs.size());
        s.put("runs_all_met", runs.stream()
                .filter(r -> (int) r.get("criteria") > 0 && r.get("criteria_met").equals(r.get("criteria")))
                .count());
        DoubleSummaryStatistics ari = stats(runs, "ari");
        DoubleSummaryStatistics reduction = stats(runs, "nrmse_reduction_vs_baseline");
        s.put("ari_min", ari.getCount() == 0 ? Double.NaN : ari.getMin());
        s.put("ari_max", ari.getCount() == 0 ? Double.NaN : ari.getMax());
        s.put("reduction_min", reduction.getCount() == 0 ? Double.NaN : reduction.getMin());
        s.put("reduction_max", reduction.getCount() == 0 ? Double.NaN : reduction.getMax());
        return s;
    }

    private static DoubleSummaryStatistics stats(List<Map<String, Object>> runs, String metric) {
        return runs.stream().map(r -> r.get(metric)).filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue()).summaryStatistics();
    }
}

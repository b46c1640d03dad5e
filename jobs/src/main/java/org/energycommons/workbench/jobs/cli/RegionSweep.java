package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.HeapBudget;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.jobs.WorkbenchConfig;
import org.energycommons.workbench.jobs.Workspace;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The region × split sweep behind the robustness benchmarks: one synthetic region per seed, generated in its own
 * workspace ({@code DIR/region-<seed>}), each use case's features built once per region, then one training per
 * split seed, set as the use case's {@code workbench.<uc>.seed} (held-out meters, buildings and folds are drawn from
 * it; for the time splits of uc4 and uc6 the calendar split is fixed and the seed re-draws the models' randomness).
 *
 * @param folder where the region workspaces go
 * @param seeds region seeds
 * @param splitSeeds split seeds
 * @param meters electricity delivery points per region
 * @param days days per region
 * @param resume read a run kept by an earlier sweep ({@link #kept}) instead of training it again
 */
record RegionSweep(Path folder, List<Long> seeds, List<Long> splitSeeds, int meters, int days, boolean resume) {

    RegionSweep {
        seeds = List.copyOf(seeds);
        splitSeeds = List.copyOf(splitSeeds);
        check(seeds, splitSeeds, meters, days);
    }

    /** Checks the sweep's sizes before anything runs; bad values throw {@link IllegalArgumentException}. */
    static void check(List<Long> seeds, List<Long> splitSeeds, int meters, int days) {
        if (seeds.isEmpty() || splitSeeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds and --split-seeds need at least one seed each");
        }
        if (meters < 1 || days < 1) {
            throw new IllegalArgumentException("--meters and --days must be >= 1, got " + meters + " and " + days);
        }
    }

    /**
     * Checks the sweep's sizes and, before Spark starts, the region's options (their first seed) and the heap
     * they need ({@link HeapBudget}).
     */
    static void check(List<Long> seeds, List<Long> splitSeeds, int meters, int days, SparkOptions spark) {
        check(seeds, splitSeeds, meters, days);
        RegionConfig template = RegionConfig.of(WorkbenchConfig.load(spark.conf()));
        HeapBudget.checkRegion(new RegionConfig(meters, days, template.start(), seeds.get(0),
                template.metersPerSubstation()), spark.master());
    }

    /** One training of one use case on one region and split, with its wall times; {@code reused} when read back. */
    record Run(long regionSeed, long splitSeed, UseCasePipeline pipeline, UseCaseResult result, Workspace workspace,
               double secondsGenerate, double secondsFeatures, double secondsTrain, boolean reused) {
    }

    /** Where a run's {@code ucN.json} is kept: {@code region-<seed>/metrics/split-<split seed>/ucN.json}. */
    static Path kept(Workspace workspace, String useCase, long splitSeed) {
        return Path.of(workspace.metrics().toString()).resolve("split-" + splitSeed).resolve(useCase + ".json");
    }

    /** What to do with each run as it ends. */
    @FunctionalInterface
    interface Visitor {
        void visit(Run run);
    }

    /** The config key a use case's split seed is read from. */
    static String splitSeedKey(UseCasePipeline pipeline) {
        return "workbench." + pipeline.useCase().id() + ".seed";
    }

    /** Generates every region and trains every pipeline on it once per split seed, in seed order. */
    void run(JobContext base, List<UseCasePipeline> pipelines, Visitor visitor) {
        int regionIndex = 0;
        for (long seed : seeds) {
            regionIndex++;
            Workspace workspace = Workspace.of(folder.resolve("region-" + seed), null);
            JobContext ctx = JobContext.of(base.spark(), workspace, base.config(), base.progress());
            RegionConfig template = RegionConfig.of(base.config());
            RegionConfig region = new RegionConfig(meters, days, template.start(), seed, template.metersPerSubstation());
            long t0 = System.nanoTime();
            if (region.equals(GenerateJob.regionOf(ctx))) {
                // A complete region from an earlier sweep (its file is written last): same seed and sizes give the
                // same rows, so a sweep that stopped resumes here rather than generating again.
                base.progress().info(String.format("region %d/%d (seed %d): reusing %s", regionIndex, seeds.size(),
                        seed, workspace.lake()));
            } else {
                base.progress().info(String.format("region %d/%d (seed %d): generating", regionIndex, seeds.size(),
                        seed));
                GenerateJob.run(ctx, region, PseudoKeys.forSynthetic(workspace, ctx.progress()));
            }
            double generate = seconds(t0);
            for (UseCasePipeline pipeline : pipelines) {
                String useCase = pipeline.useCase().id();
                boolean allKept = resume && splitSeeds.stream()
                        .allMatch(s -> Files.isRegularFile(kept(workspace, useCase, s)));
                t0 = System.nanoTime();
                if (!allKept) {
                    pipeline.features(ctx);
                }
                double features = seconds(t0);
                for (long splitSeed : splitSeeds) {
                    Path keptRun = kept(workspace, useCase, splitSeed);
                    if (resume && Files.isRegularFile(keptRun)) {
                        // Kept by an earlier sweep, maybe at another commit: the run's provenance says which.
                        base.progress().info(String.format("%s region %d split %d: reusing %s", useCase, seed,
                                splitSeed, keptRun));
                        visitor.visit(new Run(seed, splitSeed, pipeline, read(keptRun), workspace, generate, 0, 0,
                                true));
                        continue;
                    }
                    Properties config = new Properties();
                    config.putAll(base.config());
                    config.setProperty(splitSeedKey(pipeline), String.valueOf(splitSeed));
                    JobContext split = JobContext.of(base.spark(), workspace, config, base.progress());
                    t0 = System.nanoTime();
                    UseCaseResult result = pipeline.train(split);
                    visitor.visit(new Run(seed, splitSeed, pipeline, result, workspace, generate, features,
                            seconds(t0), false));
                }
            }
        }
    }

    private static UseCaseResult read(Path file) {
        try {
            return UseCaseResult.fromJson(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the kept run " + file + " (--resume): " + e.getMessage(), e);
        }
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
    }
}

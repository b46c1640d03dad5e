package org.energycommons.workbench.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.HeapBudget;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.jobs.PublishJob;
import org.energycommons.workbench.jobs.RunTimer;
import org.energycommons.workbench.jobs.WorkbenchConfig;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code workbench demo}: the whole pipeline on a synthetic region, with per-stage wall times. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on a synthetic region: generate, features, train, publish, then the "
                + "publication audit (exit 4 on a finding). Writes the lake (DIR/lake), the site "
                + "(DIR/site/index.html), results (DIR/metrics/<use-case>.json) and stage wall times "
                + "(DIR/metrics/run.json).")
public final class DemoCommand extends SparkCommand {

    @Mixin
    RegionOptions region;

    private RunTimer timer;
    private PublicationAudit.Report audit;

    /** The region's options and the heap it needs are checked before Spark starts. */
    @Override
    void check() {
        RegionConfig config = region.resolve(WorkbenchConfig.load(spark.conf()));
        HeapBudget.checkRegion(config, spark.master());
    }

    @Override
    Session open() {
        timer = new RunTimer();
        Session session = timer.stage("spark session", super::open);
        timer.attach(session.context().spark().sparkContext());
        return session;
    }

    @Override
    Result run(JobContext ctx) throws java.io.IOException {
        RegionConfig config = region.resolve(ctx.config());
        timer.stage("generate", () -> GenerateJob.run(ctx, config,
                PseudoKeys.forSynthetic(ctx.workspace(), ctx.progress())));
        Map<String, UseCaseResult> results = new LinkedHashMap<>();
        for (UseCasePipeline pipeline : UseCasePipelines.all()) {
            String id = pipeline.useCase().id();
            timer.stage("features " + id, () -> pipeline.features(ctx));
            results.put(id, timer.stage("train " + id, () -> pipeline.train(ctx)));
        }
        timer.stage("catalogue", () -> Catalog.refresh(ctx));
        Map<String, String> runInfo = new LinkedHashMap<>();
        runInfo.put("command", "workbench demo --meters " + config.meters() + " --days " + config.days()
                + " --seed " + config.seed() + " --start " + config.start());
        runInfo.put("git commit", BuildInfo.gitCommit());
        runInfo.put("lake", ctx.workspace().lake());
        runInfo.put("run id", ctx.runId());
        timer.stage("publish", () -> PublishJob.run(ctx, runInfo));

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("command", runInfo.get("command"));
        extra.put("run_id", ctx.runId());
        extra.put("git_commit", BuildInfo.gitCommit());
        extra.put("region", config.toProperties());
        extra.put("spark_master", ctx.spark().sparkContext().master());
        extra.put("spark_default_parallelism", ctx.spark().sparkContext().defaultParallelism());
        Map<String, Object> doc = timer.document(extra);
        ReportFile.write(ctx.workspace().metrics().resolve("run.json"), Json.write(doc));
        // Last, over everything written: the site and the open datasets (not a timed stage of run.json).
        audit = PublicationAudit.run(ctx);
        return out -> {
            out.printf("demo done in %.1f s%n", timer.totalSeconds());
            timer.stages().forEach(s -> out.printf("  %-14s %6.1f s %,13d rows read %,13d written%n", s.get("name"),
                    (Double) s.get("seconds"), (Long) s.get("rows_read"), (Long) s.get("rows_written")));
            results.forEach((id, r) -> out.printf("%s: best model %s, criteria %s%n", id, r.bestModel(),
                    r.allCriteriaMet() ? "all met" : "NOT all met: " + r.criteria().stream()
                            .filter(c -> !c.met()).map(c -> c.metric() + " " + c.value() + " " + c.operator() + " "
                                    + c.target()).collect(java.util.stream.Collectors.joining(", "))));
            out.println("site:    " + ctx.workspace().site().resolve("index.html"));
            out.println("metrics: " + ctx.workspace().metrics());
            AuditOutcome.print(audit, out);
        };
    }

    @Override
    public Integer call() throws Exception {
        try {
            return AuditOutcome.exitCode(super.call(), audit, spec);
        } finally {
            if (timer != null) {
                timer.close();
            }
        }
    }
}

package org.energycommons.workbench.jobs.cli;

import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.jobs.WorkbenchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code workbench generate}: writes a synthetic region into the lake. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic region (weather, buildings, meters, 30-minute load curves, substations, "
                + "ground truth) into the lake. Same seed and sizes give identical rows.")
public final class GenerateCommand extends SparkCommand {

    @Mixin
    RegionOptions region;

    /** The region's options are checked before Spark starts. */
    @Override
    void check() {
        region.resolve(WorkbenchConfig.load(spark.conf()));
    }

    @Override
    Result run(JobContext ctx) {
        RegionConfig config = region.resolve(ctx.config());
        long readings = GenerateJob.run(ctx, config, PseudoKeys.forSynthetic(ctx.workspace(), ctx.progress()));
        Catalog.refresh(ctx);
        return out -> out.printf("generated %,d readings into %s%n", readings, ctx.workspace().lake());
    }
}

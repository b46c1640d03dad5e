package org.energycommons.workbench.jobs.cli;

import java.util.concurrent.Callable;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code workbench generate}: writes a synthetic region into the lake. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic region (weather, buildings, meters, 30-minute load curves, substations, "
                + "ground truth) into the lake. Same seed and sizes give identical rows.")
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    RegionOptions region;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = new Session(common, spec.commandLine().getErr())) {
            JobContext ctx = session.context();
            RegionConfig config = region.resolve(ctx.config());
            long readings = GenerateJob.run(ctx, config, PseudoKeys.forSynthetic(ctx.workspace(), ctx.progress()));
            Catalog.refresh(ctx);
            session.close();
            spec.commandLine().getOut().printf("generated %,d readings into %s%n", readings, ctx.workspace().lake());
            return 0;
        }
    }
}

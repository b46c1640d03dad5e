package org.energycommons.workbench.jobs.cli;

import java.util.List;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.jobs.IngestJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.models.provenance.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code workbench ingest <source> <path|glob>...}: real files into bronze, rejects and silver. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files of a real source into the lake: accepted rows to bronze and silver, every other "
                + "row to the rejects table with its reason (accepted + rejected = read; an erased household's "
                + "rows are counted as erased and kept nowhere). Needs WORKBENCH_PSEUDO_KEY. "
                + "Sources: see 'workbench list sources'. With --report, the counts are written there as JSON.")
public final class IngestCommand extends SparkCommand {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Source name, e.g. enedis-load-curve-csv.")
    String source;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files or globs (local or URI).")
    List<String> paths;

    @Mixin
    ReportFile report;

    private SourceConnector connector;
    private Pseudonymizer pseudonymizer;

    @Override
    void check() {
        connector = Connectors.byName(source);
        pseudonymizer = PseudoKeys.required("ingesting " + source);
    }

    @Override
    Result run(JobContext ctx) throws java.io.IOException {
        IngestJob.Report r = IngestJob.run(ctx, connector, SilverMappings.of(source), paths, pseudonymizer);
        Catalog.refresh(ctx);
        if (report.given().isPresent()) {
            ReportFile.write(report.given().get(), Json.write(r));
        }
        return out -> out.printf("%s: %d file(s), read %d, accepted %d, rejected %d, duplicates %d%s%n",
                r.source(), r.files().size(), r.read(), r.accepted(), r.rejected(), r.duplicates(),
                r.erased() == 0 ? "" : ", erased households' records " + r.erased() + " (kept nowhere)");
    }
}

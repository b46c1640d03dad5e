package org.energycommons.workbench.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.jobs.IngestJob;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.models.provenance.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench ingest <source> <path|glob>...}: real files into bronze, rejects and silver. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files of a real source into the lake: accepted rows to bronze and silver, every other "
                + "row to the rejects table with its reason (accepted + rejected = read). Needs WORKBENCH_PSEUDO_KEY. "
                + "Sources: see 'workbench list sources'.")
public final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Source name, e.g. enedis-load-curve-csv.")
    String source;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files or globs (local or URI).")
    List<String> paths;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the counts as JSON to FILE.")
    Path report;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SourceConnector connector = Connectors.byName(source);
        var pseudonymizer = PseudoKeys.required("ingesting " + source);
        try (Session session = new Session(common, spec.commandLine().getErr())) {
            IngestJob.Report r = IngestJob.run(session.context(), connector, SilverMappings.of(source), paths,
                    pseudonymizer);
            Catalog.refresh(session.context());
            session.close();
            spec.commandLine().getOut().printf("%s: %d file(s), read %d, accepted %d, rejected %d, duplicates %d%n",
                    r.source(), r.files().size(), r.read(), r.accepted(), r.rejected(), r.duplicates());
            if (report != null) {
                Path parent = report.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(report, Json.write(r.toMap()));
            }
            return 0;
        }
    }
}

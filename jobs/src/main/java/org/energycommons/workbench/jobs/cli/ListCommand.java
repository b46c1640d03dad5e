package org.energycommons.workbench.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.privacy.ErasureRecord;
import org.energycommons.workbench.jobs.SourceDocs;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code workbench list}: use cases, lake tables with their versions, registered models. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List use cases (default), data sources with their licences, lake tables with their Delta "
                + "versions, or registered models.")
public final class ListCommand extends SparkCommand {

    /** What to list. */
    public enum What { usecases, sources, tables, models }

    @Parameters(index = "0", arity = "0..1", defaultValue = "usecases", paramLabel = "WHAT",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    What what;

    @picocli.CommandLine.Option(names = "--markdown",
            description = "With 'sources': the full reference (columns, units, keys, silver tables) as Markdown.")
    boolean markdown;

    /** Listing only reads: it takes no lock and never waits for a writer. */
    @Override
    boolean writes() {
        return false;
    }

    /** Use cases and sources are listed without Spark; tables and models are read from the lake. */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (what == What.usecases) {
            out.printf("%-4s %-12s %-28s %s%n", "id", "status", "kind", "title");
            for (UseCase uc : UseCases.ALL) {
                out.printf("%-4s %-12s %-28s %s%n", uc.id(), uc.implemented() ? "implemented" : "planned", uc.kind(),
                        uc.titleEn());
            }
            return 0;
        }
        if (what == What.sources && markdown) {
            out.print(org.energycommons.workbench.jobs.SourceDocs.markdown());
            return 0;
        }
        if (what == What.sources) {
            out.printf("%-24s %-14s %-12s %-36s %s%n", "source", "producer", "licence", "silver table", "title");
            for (SourceConnector c : Connectors.all()) {
                SourceDescription d = c.description();
                out.printf("%-24s %-14s %-12s %-36s %s%n", c.name(), d.producer(), d.licence(),
                        SilverMappings.of(c.name()).table(), d.title());
            }
            return 0;
        }
        return super.call();
    }

    @Override
    Result run(JobContext ctx) {
        Lake lake = ctx.lake();
        if (what == What.tables) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%-42s %8s  %s", "table", "version", "location"));
            for (TableId t : UseCasePipelines.tables().keySet()) {
                lines.add(String.format("%-42s %8s  %s", t, lake.exists(t) ? String.valueOf(lake.version(t)) : "-",
                        lake.path(t)));
            }
            return out -> lines.forEach(out::println);
        }
        List<Row> rows = lake.read(Tables.MODEL_REGISTRY)
                .select("model_id", "use_case", "engine", "algorithm", "git_commit", "created_at")
                .orderBy("use_case", "model_id").collectAsList();
        // A model trained on a household's rows before its erasure is to be retrained (registry/erasures).
        java.util.Set<String> toRetrain = new java.util.HashSet<>();
        ErasureRecord.all(lake).forEach(e -> toRetrain.addAll(e.modelsToRetrain()));
        return out -> {
            out.printf("%-40s %-5s %-12s %-34s %-27s %s%n", "model_id", "uc", "engine", "algorithm", "created_at",
                    "status");
            for (Row r : rows) {
                out.printf("%-40s %-5s %-12s %-34s %-27s %s%n", r.getString(0), r.getString(1), r.getString(2),
                        r.getString(3), r.getString(5), toRetrain.contains(r.getString(0))
                                ? "to retrain (erasure)" : "");
            }
        };
    }
}

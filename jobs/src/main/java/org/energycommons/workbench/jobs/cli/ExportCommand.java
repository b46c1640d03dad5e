package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.federation.NgsiLdBroker;
import org.energycommons.workbench.jobs.federation.NgsiLdExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench export}: the workspace's results in the formats of other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the workspace's publishable results in the formats of other tools.",
        subcommands = {ExportCommand.NgsiLd.class})
public final class ExportCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing export format");
    }

    /** {@code workbench export ngsi-ld}: FIWARE NGSI-LD entities, to files and optionally to a broker. */
    @Command(name = "ngsi-ld", mixinStandardHelpOptions = true,
            description = "Write the workspace's publishable results as NGSI-LD entities (normalized JSON-LD, FIWARE "
                    + "Smart Data Models where one fits): public buildings, weather days, uc2 alerts, uc4 and uc6 "
                    + "forecasts, uc1 load profiles, uc3 savings of public buildings, uc5 commune statistics; never "
                    + "a dwelling or a meter. One <Type>.jsonld file per type and a manifest.json in --to, written "
                    + "only once audited (exit 4 and nothing written on a finding). With --broker, the entities are "
                    + "then upserted in batches (POST /ngsi-ld/v1/entityOperations/upsert).")
    public static final class NgsiLd extends SparkCommand {

        @Option(names = "--to", paramLabel = "DIR", required = true,
                description = "Folder of the export: new, empty, or an earlier export, which is replaced.")
        Path to;

        @Option(names = "--broker", paramLabel = "URL",
                description = "NGSI-LD context broker to upsert the entities into, e.g. http://localhost:1026.")
        String broker;

        private NgsiLdExport.Written written;

        /** It reads the workspace and writes outside it: no lock, as for the other readers. */
        @Override
        boolean writes() {
            return false;
        }

        @Override
        void check() {
            requireLake("export");
            NgsiLdExport.checkDestination(to);
            if (broker != null) {
                NgsiLdBroker.of(broker);
            }
        }

        @Override
        Result run(JobContext ctx) {
            written = NgsiLdExport.run(ctx, to);
            if (!written.audit().passed()) {
                return out -> written.audit().print(out);
            }
            NgsiLdBroker.Upload upload = broker == null ? null
                    : NgsiLdBroker.of(broker).upsert(written.entities(), ctx.progress()::info);
            return out -> {
                out.printf("exported %,d NGSI-LD entities to %s%n", written.total(), written.folder());
                for (Map.Entry<String, Integer> e : written.counts().entrySet()) {
                    out.printf("  %-28s %,8d%n", e.getKey(), e.getValue());
                }
                if (upload != null) {
                    out.printf("upserted %,d entities into %s in %d batch(es)%n", upload.entities(), broker,
                            upload.batches());
                }
            };
        }

        @Override
        public Integer call() throws Exception {
            int code = super.call();
            if (code == 0 && written != null && !written.audit().passed()) {
                spec.commandLine().getErr().println("workbench: error: publication audit failed on the export, "
                        + written.audit().findings().size() + " finding(s) in "
                        + String.join(", ", written.audit().leakingFiles()) + ": nothing was written to " + to);
                spec.commandLine().getErr().flush();
                return org.energycommons.workbench.jobs.Main.EXIT_AUDIT;
            }
            return code;
        }
    }
}

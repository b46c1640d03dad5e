package org.energycommons.workbench.jobs.cli;

import java.util.Map;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.privacy.Erasure;
import org.energycommons.workbench.jobs.privacy.ErasureRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench erase}: the right to erasure of one household. */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Erase one household (right to erasure): delete every row of its meter and dwelling from "
                + "every table of the lake and its fitted runs from saved models, cut each table's Delta history "
                + "so that no earlier version holds it (VACUUM RETAIN 0 HOURS, logged), prove it by a scan of the "
                + "workspace, and record the erasure in registry/erasures with the hash of its pseudonym only. "
                + "Models trained on its data are listed to retrain. Needs the workspace's pseudonymisation key. "
                + "Exit 4 when a file the erasure cannot edit still holds it.")
public final class EraseCommand extends SparkCommand {

    @Option(names = "--meter", paramLabel = "PRM|PSEUDONYM", required = true,
            description = "The household's delivery point number (14 digits) or its meter's pseudonym.")
    String meter;

    @Option(names = "--dry-run", description = "Say what would be erased, change nothing.")
    boolean dryRun;

    private Erasure.Outcome outcome;

    @Override
    boolean writes() {
        return !dryRun;
    }

    @Override
    void check() {
        requireLake("erase from");
    }

    @Override
    Result run(JobContext ctx) {
        outcome = Erasure.run(ctx, meter, dryRun);
        ErasureRecord r = outcome.record();
        return out -> {
            out.println((outcome.dryRun() ? "would erase" : "erased") + " household " + r.pseudonymHash()
                    .substring(0, 16) + "… (SHA-256 of its pseudonym)");
            long total = 0;
            for (Map.Entry<String, Long> e : r.rowsDeleted().entrySet()) {
                if (e.getValue() > 0) {
                    out.printf("  %-44s %,10d rows%n", e.getKey(), e.getValue());
                    total += e.getValue();
                }
            }
            r.artefacts().forEach((dir, n) -> out.printf("  %-44s %,10d fitted runs%n", dir, n));
            out.printf("  %,d rows in %d tables%n", total,
                    r.rowsDeleted().values().stream().filter(n -> n > 0).count());
            out.println("  models to retrain: " + (r.modelsToRetrain().isEmpty() ? "none"
                    : String.join(", ", r.modelsToRetrain())));
            if (!outcome.dryRun()) {
                out.println("  history cut in " + r.history().size() + " tables: " + ErasureRecord.RETENTION_OVERRIDE);
                r.remaining().forEach(f -> out.println("  still holds the household: " + f));
                out.println(r.remaining().isEmpty() ? "erasure proven: no file of the workspace holds the household"
                        : "erasure incomplete: " + r.remaining().size() + " files above still hold the household");
            }
        };
    }

    @Override
    public Integer call() throws Exception {
        int code = super.call();
        return outcome != null && !outcome.record().remaining().isEmpty() ? Main.EXIT_AUDIT : code;
    }
}

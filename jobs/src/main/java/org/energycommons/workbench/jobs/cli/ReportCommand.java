package org.energycommons.workbench.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.territory.CommuneReport;
import org.energycommons.workbench.reports.territory.CommunePageData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench report}: reports for one territory, written outside the published site. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports for one territory, written where you say, outside the published site.",
        subcommands = {ReportCommand.Commune.class})
public final class ReportCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing report name");
    }

    /** {@code workbench report commune}: the local-authority report of a commune's public buildings. */
    @Command(name = "commune", mixinStandardHelpOptions = true,
            description = "The report of a commune for its local authority: its public buildings ranked by savings "
                    + "potential, with their consumption, uc2 alerts and evidence, savings after works (uc3) and "
                    + "certificates, then the commune's published aggregates. French page in FILE.html, English "
                    + "in FILE.en.html.")
    public static final class Commune extends SparkCommand {

        @Option(names = "--code", paramLabel = "INSEE", required = true,
                description = "INSEE code of the commune, e.g. 99001.")
        String code;

        @Option(names = "--to", paramLabel = "FILE.html", required = true,
                description = "Where to write the French page; the English one goes beside it (FILE.en.html).")
        Path to;

        /** It reads the workspace and writes outside it: no lock. */
        @Override
        boolean writes() {
            return false;
        }

        @Override
        void check() {
            if (code == null || !code.strip().matches("(\\d{5}|2[AB]\\d{3})")) {
                throw new IllegalArgumentException("--code must be an INSEE commune code (5 characters, e.g. 99001 "
                        + "or 2A004), got '" + code + "'");
            }
            Path dir = common.workspace.out;
            if (spark.lake == null && !Files.isDirectory(dir.resolve("lake"))) {
                throw new IllegalArgumentException("no workspace at " + dir.toAbsolutePath().normalize()
                        + ": it has no lake/ (run 'workbench demo' first)");
            }
            if (Files.isDirectory(to)) {
                throw new IllegalArgumentException("--to " + to + " is a folder: give the HTML file to write");
            }
        }

        @Override
        Result run(JobContext ctx) {
            ctx.progress().step("report commune " + code.strip() + ": public buildings, alerts, savings, aggregates");
            CommunePageData data = CommuneReport.query(ctx, code.strip());
            List<Path> written = CommuneReport.write(data, to);
            return out -> {
                out.printf("commune %s (%s): %d public buildings%n", data.name(), data.code(),
                        data.buildings().size());
                written.forEach(p -> out.println("  " + p.toAbsolutePath().normalize()));
            };
        }
    }
}

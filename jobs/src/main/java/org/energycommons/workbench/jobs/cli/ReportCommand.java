package org.energycommons.workbench.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.territory.CommuneReport;
import org.energycommons.workbench.jobs.territory.HouseholdReport;
import org.energycommons.workbench.reports.territory.CommunePageData;
import org.energycommons.workbench.reports.territory.HouseholdPageData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench report}: reports for one territory, written outside the published site. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports for one territory, written where you say, outside the published site.",
        subcommands = {ReportCommand.Commune.class, ReportCommand.Household.class})
public final class ReportCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing report name");
    }

    /** A report: it reads the workspace and writes one page (French, English beside it) outside it, so no lock. */
    abstract static class PageReport extends SparkCommand {

        @Override
        boolean writes() {
            return false;
        }

        /** A workspace to read, and a file (not a folder) to write. */
        void requirePage(Path to) {
            requireLake("report on");
            if (Files.isDirectory(to)) {
                throw new IllegalArgumentException("--to " + to + " is a folder: give the HTML file to write");
            }
        }
    }

    /** {@code workbench report commune}: the local-authority report of a commune's public buildings. */
    @Command(name = "commune", mixinStandardHelpOptions = true,
            description = "The report of a commune for its local authority: its public buildings ranked by savings "
                    + "potential, with their consumption, uc2 alerts and evidence, savings after works (uc3) and "
                    + "certificates, then the commune's published aggregates. French page in FILE.html, English "
                    + "in FILE.en.html.")
    public static final class Commune extends PageReport {

        @Option(names = "--code", paramLabel = "INSEE", required = true,
                description = "INSEE code of the commune, e.g. 99001.")
        String code;

        @Option(names = "--to", paramLabel = "FILE.html", required = true,
                description = "Where to write the French page; the English one goes beside it (FILE.en.html).")
        Path to;

        @Override
        void check() {
            if (code == null || !code.strip().matches("(\\d{5}|2[AB]\\d{3})")) {
                throw new IllegalArgumentException("--code must be an INSEE commune code (5 characters, e.g. 99001 "
                        + "or 2A004), got '" + code + "'");
            }
            requirePage(to);
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

    /** {@code workbench report household}: one household's private report, with its consent. */
    @Command(name = "household", mixinStandardHelpOptions = true,
            description = "One household's private report (personal data, with its consent for household_report on "
                    + "the day): its consumption before and after its works against the counterfactual with the "
                    + "savings and their 90 % interval (uc3), its load profile against its segment (uc1), its "
                    + "certificate against its metered performance (uc5). Needs the workspace's pseudonymisation "
                    + "key; written outside site/ and publish/ (French in FILE.html, English in FILE.en.html).")
    public static final class Household extends PageReport {

        @Option(names = "--meter", paramLabel = "PRM|PSEUDONYM", required = true,
                description = "The household's delivery point number (14 digits) or its meter's pseudonym.")
        String meter;

        @Option(names = "--to", paramLabel = "FILE.html", required = true,
                description = "Where to write the French page (not under DIR/site or DIR/publish).")
        Path to;

        @Override
        void check() {
            Path dir = common.workspace.out.toAbsolutePath().normalize();
            Path file = to.toAbsolutePath().normalize();
            if (file.startsWith(dir.resolve("site")) || file.startsWith(dir.resolve("publish"))) {
                throw new IllegalArgumentException("--to " + to + " is under the published site or open data: a "
                        + "household's report is personal data, write it elsewhere");
            }
            requirePage(to);
        }

        @Override
        Result run(JobContext ctx) {
            ctx.progress().step("report household: consent, works, profile, certificate");
            HouseholdPageData data = HouseholdReport.query(ctx, meter, java.time.LocalDate.now());
            List<Path> written = HouseholdReport.write(data, to);
            return out -> {
                out.println("household report (personal data: give it to this household only):");
                written.forEach(p -> out.println("  " + p.toAbsolutePath().normalize()));
            };
        }
    }
}

package org.energycommons.workbench.jobs.hackathon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SparkSessions;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Progress;
import org.energycommons.workbench.jobs.WorkbenchConfig;
import org.energycommons.workbench.jobs.Workspace;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.jobs.cli.SparkOptions;
import org.energycommons.workbench.jobs.cli.WorkspaceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench hackathon pack}: writes the frozen tasks of a workspace under {@code --to DIR}: per task
 * {@code DIR/pack/<task>/} (train.csv, test.csv, sample_submission.csv, task.json, README.md) and, apart,
 * {@code DIR/key/<task>/answer.csv}.
 *
 * <p>It only reads the workspace, so it takes no workspace lock and never waits for a writer: each table is read
 * at the Delta version it has when the pack starts, recorded in the card. Everything is written under a temporary
 * folder of {@code DIR}, then each task's folders are renamed into place. A workspace without a generated region
 * holds real data: tasks on per-meter data are refused unless {@code --allow-personal-data} says they may be
 * shared, and then hold only the rows of households with a research consent ({@link ResearchConsent}).
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Write the frozen hackathon tasks of a workspace: DIR/pack/<task>/ (train.csv, test.csv, "
                + "sample_submission.csv, task.json, README.md) and the answer keys DIR/key/<task>/answer.csv. The "
                + "same workspace and seed give byte-identical files.")
public final class PackCommand implements Callable<Integer> {

    /** The workspace it reads ({@code --out}); nothing is written to it. */
    @Mixin
    WorkspaceOptions workspaceOptions = new WorkspaceOptions();

    /** {@code --master}, {@code --lake}, {@code --conf}, shared with every Spark command. */
    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--to", required = true, paramLabel = "DIR",
            description = "Where to write DIR/pack and DIR/key (outside the workspace).")
    Path to;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the train/test split and of the pack's codes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tasks", paramLabel = "ID", split = ",",
            description = "Tasks to pack, comma-separated (default: all of them).")
    List<String> tasks;

    @Option(names = "--allow-personal-data",
            description = "The workspace holds real data and its per-meter tasks may be shared (pseudonymised): "
                    + "the rows of households with a research consent on the day, and only those.")
    boolean allowPersonalData;

    @Option(names = "--verbose", description = "Print stack traces of errors (also WORKBENCH_DEBUG=1).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = workspaceOptions.out();
        String lake = sparkOptions.lake();
        String master = sparkOptions.master();
        List<HackathonTask> chosen = chosen();
        Path workspace = out.toAbsolutePath().normalize();
        Path target = to.toAbsolutePath().normalize();
        if (target.startsWith(workspace) || workspace.startsWith(target)) {
            throw new IllegalArgumentException("--to " + to + " must be outside the workspace " + out
                    + " (a pack never writes the workspace, and a workspace is never inside a pack)");
        }
        if (seed < 0) {
            throw new IllegalArgumentException("--seed must be 0 or more, got " + seed);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (lake == null && !Files.isDirectory(workspace.resolve("lake"))) {
            err.println("workbench: error: no lake at " + workspace.resolve("lake")
                    + " (build a workspace first: 'workbench demo' or 'generate' then 'features')");
            err.flush();
            return org.energycommons.workbench.jobs.Main.EXIT_MISSING_INPUT;
        }
        Properties config = WorkbenchConfig.load(sparkOptions.conf());
        Progress progress = new Progress(err, Progress.detect());
        List<String> lines = new ArrayList<>();
        SparkSession spark = null;
        try {
            progress.step("starting Spark (" + master + ")");
            spark = SparkSessions.getOrCreate("energy-commons-workbench", master);
            spark.sparkContext().addSparkListener(progress);
            JobContext ctx = JobContext.of(spark, Workspace.of(out, lake), config, progress);
            RegionConfig region = GenerateJob.regionOf(ctx);
            refusePersonalData(region != null, chosen);
            lines.addAll(pack(ctx, region, chosen, progress));
        } finally {
            if (spark != null) {
                spark.sparkContext().removeSparkListener(progress);
            }
            progress.close();
        }
        PrintWriter o = spec.commandLine().getOut();
        lines.forEach(o::println);
        return 0;
    }

    /** The day the research consents must hold on: today in France. */
    private static LocalDate consentDay() {
        return LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    }

    private List<HackathonTask> chosen() {
        if (tasks == null || tasks.isEmpty()) {
            return Tasks.ALL;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String t : tasks) {
            ids.add(Tasks.of(t.strip()).id());
        }
        // In the fixed order of the tasks, whatever the order given.
        return Tasks.ALL.stream().filter(t -> ids.contains(t.id())).toList();
    }

    /** Real data: per-meter tasks only with the flag. */
    void refusePersonalData(boolean synthetic, List<HackathonTask> chosen) {
        if (synthetic || allowPersonalData) {
            return;
        }
        List<String> perMeter = chosen.stream().filter(HackathonTask::perMeter).map(HackathonTask::id).toList();
        if (perMeter.isEmpty()) {
            return;
        }
        List<String> others = chosen.stream().filter(t -> !t.perMeter()).map(HackathonTask::id).toList();
        throw new IllegalArgumentException("this workspace holds real data (no generated region in its lake) and "
                + String.join(", ", perMeter) + " would share per-meter data: add --allow-personal-data only if "
                + "it may be shared"
                + (others.isEmpty() ? "" : ", or pack the aggregate tasks alone with --tasks "
                + String.join(",", others)));
    }

    private List<String> pack(JobContext ctx, RegionConfig region, List<HackathonTask> chosen, Progress progress)
            throws IOException {
        boolean synthetic = region != null;
        Files.createDirectories(to);
        Path tmp = Files.createTempDirectory(to.toAbsolutePath(), ".pack-");
        List<String> lines = new ArrayList<>();
        try {
            // Real per-meter rows go into a pack only with their household's research consent on this day.
            ResearchConsent consent = !synthetic && allowPersonalData && chosen.stream()
                    .anyMatch(HackathonTask::perMeter) ? ResearchConsent.of(ctx.lake(), consentDay()) : null;
            LakeInputs reader = new LakeInputs(ctx.lake(), consent);
            SecrecyGuard guard = SecrecyGuard.of(ctx.config());
            for (HackathonTask task : chosen) {
                progress.step("hackathon pack: " + task.id());
                List<HackathonTask.Source> sources = task.sources(synthetic);
                TaskInputs inputs = new TaskInputs(reader.read(sources, task.perMeter()), synthetic, seed, guard);
                BuiltTask built = task.build(inputs);
                Map<String, Long> versions = reader.versionsOf(sources);
                boolean filtered = consent != null && task.perMeter();
                PackWriter.Provenance provenance = new PackWriter.Provenance(synthetic, regionOf(region),
                        versions, seed, BuildInfo.gitCommit(), BuildInfo.version(),
                        filtered ? consent.card(versions.keySet()) : null);
                if (filtered) {
                    lines.add(String.format("%-22s %,d rows left out: no research consent on %s", task.id(),
                            consent.leftOut(versions.keySet()), consent.day()));
                }
                Map<String, Object> card = PackWriter.write(tmp, task, built, provenance);
                @SuppressWarnings("unchecked")
                Map<String, Object> baseline = (Map<String, Object>) card.get("baseline");
                Object score = baseline.get("score");
                lines.add(String.format("%-22s train %,8d  test %,7d  baseline %s %s", task.id(), built.train().size(),
                        built.test().size(), task.metric().id(),
                        score instanceof Number n ? Csv.number(n.doubleValue(), 4) : "-"));
            }
            // Every task was built: now each one's folders replace the old ones.
            for (HackathonTask task : chosen) {
                for (String part : List.of("pack", "key")) {
                    PackWriter.replace(tmp.resolve(part).resolve(task.id()), to.resolve(part).resolve(task.id()),
                            tmp.resolve("old-" + part).resolve(task.id()));
                }
            }
            LocalFiles.writeWhole(to.resolve("pack").resolve("README.md"), index(to.resolve("pack")));
        } finally {
            LocalFiles.deleteTree(tmp);
        }
        lines.add("wrote " + chosen.size() + " task(s) to " + to.resolve("pack") + " and their keys to "
                + to.resolve("key") + " (seed " + seed + ", " + (synthetic ? "synthetic" : "pseudonymised")
                + " data)");
        return lines;
    }

    private static Map<String, Object> regionOf(RegionConfig r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r == null) {
            return m;
        }
        m.put("meters", r.meters());
        m.put("days", r.days());
        m.put("start", r.start().toString());
        m.put("seed", r.seed());
        m.put("meters_per_substation", r.metersPerSubstation());
        if (r.coldSpell() != null) {
            m.put("cold_spell", r.toProperties().getProperty(RegionConfig.PREFIX + "cold_spell"));
        }
        return m;
    }

    /** The pack's README.md: the tasks present with their question and baseline, French then English. */
    static byte[] index(Path pack) throws IOException {
        List<com.fasterxml.jackson.databind.JsonNode> cards = new ArrayList<>();
        for (HackathonTask t : Tasks.ALL) {
            Path card = pack.resolve(t.id()).resolve(PackWriter.CARD);
            if (Files.isRegularFile(card)) {
                cards.add(PackWriter.readCard(card));
            }
        }
        StringBuilder sb = new StringBuilder("# Tâches du hackathon / Hackathon tasks\n\n*Français d'abord, English "
                + "below.*\n");
        for (String lang : List.of("fr", "en")) {
            boolean fr = lang.equals("fr");
            sb.append(fr ? "\n## Français\n\n" : "\n## English\n\n");
            sb.append(fr ? "Chaque dossier est une tâche : `train.csv`, `test.csv`, `sample_submission.csv` (le "
                    + "format de soumission), `task.json` (la fiche, avec les sommes SHA-256 de chaque fichier) et "
                    + "`README.md`.\n\n| tâche | question | mesure | référence |\n|---|---|---|---|\n"
                    : "Each folder is a task: `train.csv`, `test.csv`, `sample_submission.csv` (the submission "
                    + "format), `task.json` (the card, with the SHA-256 of every file) and `README.md`.\n\n"
                    + "| task | question | metric | baseline |\n|---|---|---|---|\n");
            for (com.fasterxml.jackson.databind.JsonNode c : cards) {
                com.fasterxml.jackson.databind.JsonNode m = c.path("metric");
                String unit = m.path("unit").isTextual() ? " " + m.path("unit").asText() : "";
                sb.append("| [`").append(c.path("id").asText()).append("`](").append(c.path("id").asText())
                        .append("/README.md) | ").append(c.path("question").path(lang).asText()).append(" | `")
                        .append(m.path("name").asText()).append("` (")
                        .append("higher_is_better".equals(m.path("direction").asText())
                                ? (fr ? "plus haut = meilleur" : "higher is better")
                                : (fr ? "plus bas = meilleur" : "lower is better"))
                        .append(") | ").append(c.path("baseline").path("name").asText()).append(": ")
                        .append(TaskReadme.decimal(Csv.number(c.path("baseline").path("score")
                                .asDouble(Double.NaN), 4), fr)).append(unit)
                        .append(" |\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package org.energycommons.workbench.jobs.hackathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The leaderboard of a hackathon folder: per task (cards under {@code DIR/pack/}), the baseline and each team's
 * best recorded score ({@code DIR/scores.csv}), ranked by the task's metric, ties to the earlier submission; as
 * JSON and as one self-contained HTML page, French first then English.
 */
public final class Leaderboard {

    /** The HTML page under the hackathon folder. */
    public static final String HTML = "leaderboard.html";
    /** The JSON under the hackathon folder. */
    public static final String JSON = "leaderboard.json";
    /** The name the baseline is listed under. */
    public static final String BASELINE = "baseline";

    private Leaderboard() {
    }

    /**
     * One line of a task's ranking.
     *
     * @param rank 1 for the best
     * @param team the team, or {@link #BASELINE}
     * @param baseline whether it is the task's baseline
     * @param score its best score
     * @param gainPercent how much better than the baseline, in % of the baseline (null when it is 0)
     * @param submissions submissions recorded (0 for the baseline)
     * @param recordedAt when the best one was recorded (null for the baseline)
     */
    public record Entry(int rank, String team, boolean baseline, double score, Double gainPercent, int submissions,
                        String recordedAt) {
    }

    /**
     * A task's ranking.
     *
     * @param task the task id
     * @param title its title
     * @param metric the metric's name
     * @param unit the metric's unit, or null
     * @param higherIsBetter the metric's direction
     * @param baselineScore the baseline's score
     * @param baselineFrom {@code key} when recomputed from the key and sample_submission.csv, else {@code card}
     * @param entries ranked, best first
     */
    public record Board(String task, Text title, String metric, String unit, boolean higherIsBetter,
                        double baselineScore, String baselineFrom, List<Entry> entries) {
    }

    /**
     * Ranks the scores of a hackathon folder.
     *
     * @param warn told of each score left out and each card whose baseline the key contradicts
     * @throws MissingKeyException when the folder has no task card
     */
    public static List<Board> rank(Path dir, Consumer<String> warn) throws IOException {
        Map<String, JsonNode> cards = new TreeMap<>();
        Path pack = dir.resolve("pack");
        if (Files.isDirectory(pack)) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(pack)) {
                for (Path t : tasks) {
                    Path card = t.resolve(PackWriter.CARD);
                    if (Files.isRegularFile(card)) {
                        JsonNode node = PackWriter.readCard(card);
                        cards.put(node.path("id").asText(t.getFileName().toString()), node);
                    }
                }
            }
        }
        if (cards.isEmpty()) {
            throw new MissingKeyException("no task card under " + pack + " (run 'workbench hackathon pack --to "
                    + dir + "' first)");
        }
        List<Scores.Entry> scores = Scores.read(dir);
        List<Board> boards = new ArrayList<>();
        for (HackathonTask task : Tasks.ALL) {
            JsonNode card = cards.get(task.id());
            if (card == null) {
                continue;
            }
            Metric metric = task.metric();
            double baseline = card.path("baseline").path("score").asDouble(Double.NaN);
            String from = "card";
            Path sample = pack.resolve(task.id()).resolve(PackWriter.SAMPLE);
            if (Files.isRegularFile(dir.resolve("key").resolve(task.id()).resolve(Scorer.ANSWER))
                    && Files.isRegularFile(sample)) {
                double recomputed = Scorer.score(dir.resolve("key"), task.id(), sample).value();
                if (Double.compare(recomputed, baseline) != 0) {
                    warn.accept(task.id() + ": the card's baseline score " + baseline
                            + " differs from sample_submission.csv scored on the key, " + recomputed
                            + ": the leaderboard shows the latter");
                }
                baseline = recomputed;
                from = "key";
            }
            Map<String, List<Scores.Entry>> byTeam = new TreeMap<>();
            for (Scores.Entry s : scores) {
                if (!s.task().equals(task.id())) {
                    continue;
                }
                if (!s.metric().equals(metric.id())) {
                    warn.accept("scores.csv: a score of team " + s.team() + " for " + s.task() + " is a "
                            + s.metric() + ", not a " + metric.id() + ": left out");
                    continue;
                }
                byTeam.computeIfAbsent(s.team(), k -> new ArrayList<>()).add(s);
            }
            record Line(String team, boolean isBaseline, double score, int submissions, String at) {
            }
            List<Line> lines = new ArrayList<>();
            lines.add(new Line(BASELINE, true, baseline, 0, null));
            byTeam.forEach((team, list) -> {
                Scores.Entry best = list.get(0);
                for (Scores.Entry s : list) {
                    if (metric.better(s.score(), best.score())
                            || (s.score() == best.score() && s.recordedAt().compareTo(best.recordedAt()) < 0)) {
                        best = s;
                    }
                }
                lines.add(new Line(team, false, best.score(), list.size(), best.recordedAt()));
            });
            Comparator<Line> byScore = Comparator.comparingDouble(Line::score);
            lines.sort((metric.higherIsBetter() ? byScore.reversed() : byScore)
                    .thenComparing(l -> l.isBaseline() ? "" : l.at())
                    .thenComparing(Line::team));
            List<Entry> entries = new ArrayList<>();
            for (Line l : lines) {
                Double gain = baseline == 0 || Double.isNaN(baseline) ? null
                        : 100.0 * (metric.higherIsBetter() ? l.score() - baseline : baseline - l.score())
                        / Math.abs(baseline);
                entries.add(new Entry(entries.size() + 1, l.team(), l.isBaseline(), l.score(), gain,
                        l.submissions(), l.at()));
            }
            String unit = card.path("metric").path("unit").isTextual() ? card.path("metric").path("unit").asText()
                    : null;
            boards.add(new Board(task.id(), task.title(), metric.id(), unit, metric.higherIsBetter(), baseline, from,
                    entries));
        }
        return boards;
    }

    /** The leaderboard as JSON. */
    public static byte[] json(List<Board> boards) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Board b : boards) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", b.task());
            t.put("title", b.title().json());
            t.put("metric", b.metric());
            t.put("unit", b.unit());
            t.put("direction", b.higherIsBetter() ? "higher_is_better" : "lower_is_better");
            t.put("baseline_score", b.baselineScore());
            t.put("baseline_from", b.baselineFrom());
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Entry e : b.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rank", e.rank());
                m.put("team", e.team());
                m.put("baseline", e.baseline());
                m.put("score", e.score());
                m.put("gain_vs_baseline_percent", e.gainPercent());
                m.put("submissions", e.submissions());
                m.put("recorded_at", e.recordedAt());
                entries.add(m);
            }
            t.put("entries", entries);
            tasks.add(t);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tasks", tasks);
        return PackWriter.json(root);
    }

    /** The leaderboard as one self-contained HTML page: French, then English. */
    public static byte[] html(List<Board> boards) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Classement du hackathon — Hackathon leaderboard</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:0 auto;")
                .append("max-width:60rem;padding:1.5rem;color:#1d2430;line-height:1.45}\n")
                .append("h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;")
                .append("border-bottom:2px solid #1d4e89;padding-bottom:.25rem}h3{font-size:1.05rem;")
                .append("margin:1.25rem 0 .25rem}p.q{margin:.25rem 0 .5rem;color:#3d4654}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem;font-size:.95rem;")
                .append("table-layout:fixed}th:nth-child(1){width:2.5rem}th:nth-child(2){width:30%}")
                .append("th:nth-child(3){width:13%}th:nth-child(4){width:19%}th:nth-child(5){width:12%}")
                .append("th,td{padding:.35rem .6rem;border-bottom:1px solid #d5dae1;text-align:left}")
                .append("th{background:#eef2f7}td{overflow-wrap:anywhere}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("tr.baseline td{background:#fbf6e6;font-style:italic}nav a{margin-right:1rem}")
                .append("code{font-size:.9em}\n</style>\n</head>\n<body>\n");
        sb.append("<nav><a href=\"#fr\">Français</a><a href=\"#en\">English</a></nav>\n");
        for (String lang : List.of("fr", "en")) {
            boolean fr = lang.equals("fr");
            sb.append("<section id=\"").append(lang).append("\" lang=\"").append(lang).append("\">\n");
            sb.append("<h1>").append(fr ? "Classement du hackathon" : "Hackathon leaderboard").append("</h1>\n");
            sb.append("<p>").append(fr ? "Meilleur score de chaque équipe par tâche, avec la référence (baseline) "
                    + "de la fiche de la tâche ; à égalité, la soumission la plus ancienne passe devant."
                    : "Each team's best score per task, with the baseline of the task card; on a tie, the earlier "
                    + "submission ranks first.").append("</p>\n");
            for (Board b : boards) {
                sb.append("<h2>").append(esc(b.title().in(lang))).append("</h2>\n<p class=\"q\"><code>")
                        .append(esc(b.task())).append("</code> — ").append(fr ? "mesure " : "metric ")
                        .append("<code>").append(esc(b.metric())).append("</code>")
                        .append(b.unit() == null ? "" : " (" + esc(b.unit()) + ")").append(", ")
                        .append(fr ? (b.higherIsBetter() ? "plus haut = meilleur" : "plus bas = meilleur")
                                : (b.higherIsBetter() ? "higher is better" : "lower is better"))
                        .append(".</p>\n<table>\n<thead><tr><th>#</th><th>")
                        .append(fr ? "équipe" : "team").append("</th><th>score</th><th>")
                        .append(fr ? "gain sur la référence" : "gain over the baseline").append("</th><th>")
                        .append(fr ? "soumissions" : "submissions").append("</th><th>")
                        .append(fr ? "meilleure soumission (UTC)" : "best submission (UTC)")
                        .append("</th></tr></thead>\n<tbody>\n");
                for (Entry e : b.entries()) {
                    sb.append(e.baseline() ? "<tr class=\"baseline\">" : "<tr>")
                            .append("<td class=\"n\">").append(e.rank()).append("</td><td>")
                            .append(e.baseline() ? (fr ? "référence (baseline)" : "baseline") : esc(e.team()))
                            .append("</td><td class=\"n\">").append(num(e.score(), 4, fr))
                            .append("</td><td class=\"n\">").append(e.gainPercent() == null ? "—"
                                    : (e.gainPercent() > 0 ? "+" : "") + num(e.gainPercent(), 1, fr) + " %")
                            .append("</td><td class=\"n\">").append(e.baseline() ? "—" : e.submissions())
                            .append("</td><td>").append(e.recordedAt() == null ? "—" : esc(e.recordedAt()))
                            .append("</td></tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String num(double v, int decimals, boolean french) {
        String s = Csv.number(v, decimals);
        if (s.isEmpty()) {
            return "—";
        }
        return french ? s.replace('.', ',').replace("-", "−") : s.replace("-", "−");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

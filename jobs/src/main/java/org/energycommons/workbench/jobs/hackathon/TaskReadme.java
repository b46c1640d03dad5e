package org.energycommons.workbench.jobs.hackathon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README.md of a task: its card in words, French first then English: question, files with their rows and
 * checksums, columns, metric, baseline and its score, split, submission format, rules, licence, origin, and the
 * command that scores a submission.
 */
final class TaskReadme {

    private TaskReadme() {
    }

    /** Renders the card (its {@code files} entries so far: the data files). */
    static String render(Map<String, Object> card) {
        StringBuilder sb = new StringBuilder();
        String id = (String) card.get("id");
        sb.append("# ").append(id).append(" — ").append(text(card.get("title"), "fr")).append(" / ")
                .append(text(card.get("title"), "en")).append("\n\n");
        sb.append("*Français d'abord, English below.*\n");
        for (String lang : List.of("fr", "en")) {
            sb.append('\n').append(lang.equals("fr") ? "## Français" : "## English").append("\n\n");
            section(sb, card, lang);
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void section(StringBuilder sb, Map<String, Object> card, String lang) {
        boolean fr = lang.equals("fr");
        String id = (String) card.get("id");
        sb.append("**").append(fr ? "Question" : "Question").append(".** ")
                .append(text(card.get("question"), lang)).append("\n\n");

        List<Map<String, Object>> files = (List<Map<String, Object>>) card.get("files");
        sb.append("### ").append(fr ? "Fichiers" : "Files").append("\n\n");
        sb.append(fr ? "| fichier | lignes | contenu | sha256 |\n" : "| file | rows | content | sha256 |\n");
        sb.append("|---|---:|---|---|\n");
        for (Map<String, Object> f : files) {
            sb.append("| `").append(f.get("name")).append("` | ").append(f.get("rows")).append(" | ")
                    .append(text(f.get("description"), lang)).append(" | `").append(f.get("sha256")).append("` |\n");
        }
        sb.append(fr ? "\nLa clé (`answer.csv`) n'est pas dans le paquet : elle reste chez les organisateurs.\n\n"
                : "\nThe key (`answer.csv`) is not in the pack: the organisers keep it.\n\n");

        sb.append("### ").append(fr ? "Colonnes" : "Columns").append("\n\n");
        sb.append(fr ? "| colonne | type | unité | fichiers | description |\n"
                : "| column | type | unit | files | description |\n");
        sb.append("|---|---|---|---|---|\n");
        Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
        Map<String, StringBuilder> where = new LinkedHashMap<>();
        for (Map<String, Object> f : files) {
            String name = (String) f.get("name");
            if (name.equals(PackWriter.SAMPLE)) {
                continue;
            }
            for (Map<String, Object> c : (List<Map<String, Object>>) f.get("columns")) {
                String col = (String) c.get("name");
                columns.putIfAbsent(col, c);
                StringBuilder w = where.computeIfAbsent(col, k -> new StringBuilder());
                w.append(w.length() == 0 ? "" : ", ").append(name.replace(".csv", ""));
            }
        }
        columns.forEach((name, c) -> sb.append("| `").append(name).append("` | ").append(c.get("type"))
                .append(" | ").append(c.get("unit") == null ? "" : c.get("unit")).append(" | ")
                .append(where.get(name)).append(" | ").append(text(c.get("description"), lang)).append(" |\n"));
        sb.append('\n');

        Map<String, Object> metric = (Map<String, Object>) card.get("metric");
        Map<String, Object> baseline = (Map<String, Object>) card.get("baseline");
        String unit = metric.get("unit") == null ? "" : " " + metric.get("unit");
        boolean higher = "higher_is_better".equals(metric.get("direction"));
        sb.append("### ").append(fr ? "Mesure et référence" : "Metric and baseline").append("\n\n");
        sb.append(fr ? "- Mesure : `" : "- Metric: `").append(metric.get("name")).append("`, ")
                .append(text(metric.get("description"), lang)).append(" — ")
                .append(fr ? (higher ? "plus haut = meilleur" : "plus bas = meilleur")
                        : (higher ? "higher is better" : "lower is better")).append(".\n");
        sb.append(fr ? "- Référence `" : "- Baseline `").append(baseline.get("name")).append("` : ")
                .append(text(baseline.get("description"), lang)).append('\n');
        Object score = baseline.get("score");
        sb.append(fr ? "- Score de la référence (`sample_submission.csv`) : **" : "- Baseline score "
                + "(`sample_submission.csv`): **").append(score instanceof Number n
                ? decimal(Csv.number(n.doubleValue(), 6), fr) : "—").append(unit).append("**\n\n");

        Map<String, Object> split = (Map<String, Object>) card.get("split");
        sb.append("### ").append(fr ? "Découpage" : "Split").append("\n\n")
                .append(text(split.get("description"), lang)).append(fr ? " Graine : " : " Seed: ")
                .append(split.get("seed")).append(".\n\n");

        Map<String, Object> submission = (Map<String, Object>) card.get("submission");
        List<Map<String, Object>> subCols = (List<Map<String, Object>>) submission.get("columns");
        sb.append("### ").append(fr ? "Soumission" : "Submission").append("\n\n");
        sb.append(fr ? "Un fichier CSV (UTF-8, virgules, point décimal) aux colonnes `"
                : "A CSV file (UTF-8, commas, decimal point) with the columns `")
                .append(String.join(",", subCols.stream().map(c -> (String) c.get("name")).toList()))
                .append(fr ? "`, une ligne par `id` de `test.csv` (" : "`, one row per `id` of `test.csv` (")
                .append(submission.get("rows")).append(fr ? " lignes), comme `sample_submission.csv`. Noter :\n\n"
                        : " rows), like `sample_submission.csv`. To score it:\n\n");
        sb.append("```\nworkbench hackathon score --task ").append(id).append(" --submission ")
                .append(fr ? "ma-soumission.csv" : "my-submission.csv").append(" --key key/\n```\n\n");

        sb.append("### ").append(fr ? "Règles" : "Rules").append("\n\n");
        int i = 1;
        for (Object rule : (List<Object>) card.get("rules")) {
            sb.append(i++).append(". ").append(text(rule, lang)).append('\n');
        }
        sb.append('\n');

        Map<String, Object> licence = (Map<String, Object>) card.get("licence");
        Map<String, Object> origin = (Map<String, Object>) card.get("origin");
        sb.append("### ").append(fr ? "Licence et origine" : "Licence and origin").append("\n\n");
        sb.append(fr ? "- Licence : " : "- Licence: ").append(text(licence.get("title"), lang));
        if (licence.get("url") != null) {
            sb.append(" — <").append(licence.get("url")).append('>');
        }
        sb.append(" (`").append(licence.get("id")).append("`).\n");
        sb.append(fr ? "- Origine : " : "- Origin: ").append(text(origin.get("description"), lang));
        if (origin.get("region") instanceof Map<?, ?> region) {
            sb.append(fr ? " Région : " : " Region: ");
            StringBuilder r = new StringBuilder();
            region.forEach((k, v) -> r.append(r.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
            sb.append(r).append('.');
        }
        sb.append('\n');
        Map<String, Object> sources = (Map<String, Object>) card.get("sources");
        StringBuilder s = new StringBuilder();
        sources.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append('`').append(k).append("` v")
                .append(v));
        sb.append(fr ? "- Tables du lac lues (version Delta) : " : "- Lake tables read (Delta version): ").append(s)
                .append(".\n");
    }

    /** A number as prose writes it: a decimal comma in French. */
    static String decimal(String number, boolean french) {
        return french ? number.replace('.', ',') : number;
    }

    @SuppressWarnings("unchecked")
    private static String text(Object bilingual, String lang) {
        return bilingual instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get(lang))
                : String.valueOf(bilingual);
    }
}

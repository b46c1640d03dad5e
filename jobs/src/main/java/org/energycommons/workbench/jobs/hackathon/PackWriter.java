package org.energycommons.workbench.jobs.hackathon;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.models.provenance.Json;

/**
 * Writes a built task as files: {@code pack/<task>/} with train.csv, test.csv, any extra input,
 * sample_submission.csv (the baseline's predictions), README.md (the card in French then English) and task.json
 * (the card, with the SHA-256 of every other file), and {@code key/<task>/answer.csv} apart. Nothing in them
 * depends on the time or the machine: the same inputs give the same bytes.
 */
public final class PackWriter {

    /** The task card's file. */
    public static final String CARD = "task.json";
    /** The baseline's predictions, the submission format. */
    public static final String SAMPLE = "sample_submission.csv";

    private static final ObjectWriter JSON = Json.mapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private PackWriter() {
    }

    /**
     * Where a task's data comes from and under which licence it may be shared.
     *
     * @param synthetic whether the workspace is a generated region
     * @param region the generated region's parameters (empty for real data), in order
     * @param sources the lake tables read with their Delta versions, in order
     * @param seed the seed of the split
     * @param commit the workbench commit that wrote the pack
     * @param version the workbench version
     */
    public record Provenance(boolean synthetic, Map<String, Object> region, Map<String, Long> sources, long seed,
                             String commit, String version, Map<String, Object> consent) {

        /** Without a consent filter: synthetic data, or aggregates. */
        public Provenance(boolean synthetic, Map<String, Object> region, Map<String, Long> sources, long seed,
                          String commit, String version) {
            this(synthetic, region, sources, seed, commit, version, null);
        }
    }

    /**
     * Writes a task under {@code root/pack/<task>/} and its key under {@code root/key/<task>/}.
     *
     * @return the card written
     */
    public static Map<String, Object> write(Path root, HackathonTask task, BuiltTask built, Provenance provenance)
            throws IOException {
        requireUniqueIds(task, "test.csv", built.test());
        requireUniqueIds(task, "train.csv", built.train());
        if (built.test().size() == 0) {
            throw new IllegalArgumentException("task " + task.id() + ": no test row in this workspace");
        }
        Path pack = Files.createDirectories(root.resolve("pack").resolve(task.id()));
        Path key = Files.createDirectories(root.resolve("key").resolve(task.id()));
        Files.write(key.resolve(Scorer.ANSWER), Csv.write(built.answer()));

        Map<String, Frame> data = new LinkedHashMap<>();
        data.put("train.csv", built.train());
        data.put("test.csv", built.test());
        data.putAll(built.extra());
        data.put(SAMPLE, built.baseline());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map.Entry<String, Frame> e : data.entrySet()) {
            byte[] bytes = Csv.write(e.getValue());
            Files.write(pack.resolve(e.getKey()), bytes);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", e.getKey());
            file.put("rows", e.getValue().size());
            file.put("sha256", sha256(bytes));
            file.put("description", fileDescription(task, e.getKey()).json());
            file.put("columns", e.getValue().fields().stream().map(PackWriter::column).toList());
            files.add(file);
        }
        // The baseline score is the scorer's own on the files just written: scoring sample_submission.csv gives it.
        Score baseline = Scorer.score(root.resolve("key"), task.id(), pack.resolve(SAMPLE));

        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", task.id());
        card.put("use_case", task.useCase());
        card.put("title", task.title().json());
        card.put("question", task.question().json());
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("name", task.metric().id());
        metric.put("direction", task.metric().direction());
        metric.put("unit", baseline.unit());
        metric.put("description", task.metric().description().json());
        card.put("metric", metric);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("name", task.baselineName());
        base.put("description", built.baselineDescription().json());
        base.put("score", baseline.value());
        base.put("details", baseline.details());
        card.put("baseline", base);
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("file", SAMPLE);
        submission.put("rows", built.test().size());
        submission.put("columns", task.submission().stream().map(PackWriter::column).toList());
        card.put("submission", submission);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("seed", provenance.seed());
        split.put("kind", task.forecast() ? "time" : "entity");
        split.put("description", built.split().json());
        split.putAll(built.facts());
        card.put("split", split);
        card.put("rules", rules(task).stream().map(Text::json).toList());
        card.put("licence", licence(provenance.synthetic()));
        card.put("origin", origin(provenance));
        card.put("sources", provenance.sources());
        Map<String, Object> workbench = new LinkedHashMap<>();
        workbench.put("version", provenance.version());
        workbench.put("commit", provenance.commit());
        card.put("workbench", workbench);
        card.put("files", files);

        byte[] readme = TaskReadme.render(card).getBytes(StandardCharsets.UTF_8);
        Files.write(pack.resolve("README.md"), readme);
        Map<String, Object> readmeEntry = new LinkedHashMap<>();
        readmeEntry.put("name", "README.md");
        readmeEntry.put("sha256", sha256(readme));
        readmeEntry.put("description", new Text("la fiche de la tâche, en français puis en anglais",
                "the task card, in French then English").json());
        files.add(readmeEntry);
        Files.write(pack.resolve(CARD), json(card));
        return card;
    }

    private static void requireUniqueIds(HackathonTask task, String file, Frame frame) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        int id = frame.col("id");
        for (Object[] r : frame.rows()) {
            if (!seen.add(r[id])) {
                throw new IllegalStateException("task " + task.id() + ": id " + r[id] + " twice in " + file);
            }
        }
    }

    /** The rules of a task: the common ones, then its own. */
    static List<Text> rules(HackathonTask task) {
        List<Text> rules = new ArrayList<>();
        rules.add(new Text("N'utiliser que les fichiers de ce paquet et des connaissances publiques ; aucune autre "
                + "donnée du lac de la région (en particulier pas sa couche de vérité).", "Use only the files of this "
                + "pack and public knowledge; no other data from the region's lake (in particular not its truth "
                + "layer)."));
        rules.add(new Text("Soumettre un CSV UTF-8 aux colonnes de sample_submission.csv, une ligne par id de "
                + "test.csv : aucun id manquant, en trop ou en double, aucune valeur vide ou NaN.", "Submit a UTF-8 "
                + "CSV with the columns of sample_submission.csv, one row per id of test.csv: no missing, extra or "
                + "repeated id, no empty or NaN value."));
        rules.add(new Text("Ne pas chercher à réidentifier une personne, un logement, un bâtiment ou un compteur : "
                + "les codes sont propres au paquet.", "Do not try to re-identify a person, a dwelling, a building "
                + "or a meter: the codes belong to this pack only."));
        rules.add(new Text("Classement : la meilleure soumission de chaque équipe selon la mesure de la fiche ; à "
                + "égalité, la plus ancienne.", "Ranking: each team's best submission by the card's metric; on a "
                + "tie, the earliest."));
        rules.addAll(task.rules());
        return rules;
    }

    private static Map<String, Object> licence(boolean synthetic) {
        Map<String, Object> l = new LinkedHashMap<>();
        if (synthetic) {
            l.put("id", "etalab-2.0");
            l.put("title", new Text("Licence Ouverte / Open Licence 2.0", "Licence Ouverte / Open Licence 2.0")
                    .json());
            l.put("url", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        } else {
            l.put("id", "restricted");
            l.put("title", new Text("Usage réservé au hackathon, selon l'accord des producteurs des données ; pas "
                    + "des données ouvertes", "For the hackathon only, under the data providers' agreement; not "
                    + "open data").json());
            l.put("url", null);
        }
        return l;
    }

    private static Map<String, Object> origin(Provenance p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", p.synthetic() ? "synthetic" : "pseudonymised");
        o.put("description", p.synthetic()
                ? new Text("Région synthétique générée par le workbench : aucune personne, aucun bâtiment réel.",
                        "A synthetic region generated by the workbench: no real person or building.").json()
                : new Text("Données réelles pseudonymisées : identifiants remplacés par des codes propres au paquet, "
                        + "agrégats soumis au secret statistique.", "Real, pseudonymised data: identifiers replaced "
                        + "by codes of this pack only, aggregates under statistical secrecy.").json());
        o.put("region", p.synthetic() ? p.region() : null);
        if (p.consent() != null) {
            // Real per-meter rows: only those of households with a research consent on the pack's day.
            o.put("consent", p.consent());
        }
        return o;
    }

    private static Map<String, Object> column(Field f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", f.name());
        c.put("type", f.type().cardName());
        if (f.unit() != null) {
            c.put("unit", f.unit());
        }
        c.put("description", new Text(f.fr(), f.en()).json());
        return c;
    }

    private static Text fileDescription(HackathonTask task, String file) {
        return switch (file) {
            case "train.csv" -> new Text("lignes d'entraînement, avec la valeur à prédire (" + task.target().name()
                    + ")", "training rows, with the value to predict (" + task.target().name() + ")");
            case "test.csv" -> new Text("lignes de test, sans la valeur à prédire",
                    "test rows, without the value to predict");
            case SAMPLE -> new Text("prédictions de la référence : le format de soumission",
                    "the baseline's predictions: the submission format");
            case SavingsTask.DAILY -> new Text("consommation et température journalières de chaque bâtiment",
                    "daily consumption and temperature of every building");
            default -> new Text(file, file);
        };
    }

    /** A map or list as the pack's JSON: two-space indent, {@code \n} line ends, a final line end. */
    static byte[] json(Object value) {
        try {
            return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a task card. */
    static JsonNode readCard(Path card) throws IOException {
        return Json.mapper().readTree(card.toFile());
    }

    /** The hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a folder into place: the old one (if any) aside, the new one in, the old one deleted. */
    static void replace(Path fresh, Path target, Path trash) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.createDirectories(trash.getParent());
            Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    }
}

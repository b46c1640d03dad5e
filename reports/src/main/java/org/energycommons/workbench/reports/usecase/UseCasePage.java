/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The skeleton of every use-case page: the parts all six pages share, in one layout, around the sections a page
 * adds of its own.
 *
 * <p>A page is rendered once per {@link Lang language}, each version wholly in its language, and links to the other.
 * It is, in order: the header (title, the question, the generation time), the language switch, the navigation (the
 * site index and every use case's page), the summary, the success criteria read from the
 * {@link UseCaseResult}, the page's own sections (the models table among them, where the page places it), the
 * method, the data, the provenance (run id, commit, libraries, input table versions, model ids) and the footer. A
 * use-case page supplies only its summary, how its metrics read, its sections and its method:
 *
 * <pre>{@code
 * Lang lang = …;
 * return UseCasePage.of(data, lang)
 *         .summary(lang.t("En résumé : …", "In short: …"))
 *         .section("prevision", "Prévision contre réalisé", "Forecast vs actual", page -> page.figure(svg, caption))
 *         .models(List.of("MAPE (%)"), m -> List.of(Formats.percentNumber(Formats.metric(m.metrics(), "mape"))),
 *                 page -> page.paragraph("★ best model"))
 *         .methodOf(Uc4Page.class, Map.of())
 *         .render();
 * }</pre>
 */
public final class UseCasePage {

    /** The footer of every page of the site, in a language. */
    public static String footer(Lang lang) {
        return "Energy Commons Workbench — " + lang.t("rapport CC-BY-4.0 ; code GPL-3.0-or-later",
                "report CC-BY-4.0; code GPL-3.0-or-later");
    }

    /** The site index, relative to a use-case page. */
    public static final String INDEX = "index.html";

    /** The status of a criterion that is met, in a language. */
    public static String met(Lang lang) {
        return "\u2713 " + lang.t("atteint", "met");
    }

    /** The status of a criterion that is not met, in a language. */
    public static String notMet(Lang lang) {
        return "\u2717 " + lang.t("non atteint", "not met");
    }

    /** The mark of the best model in a models table. */
    public static final String BEST_MARK = "\u2605 ";

    private static final Pattern SECTION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Set<String> SKELETON_IDS = Set.of("resume", "criteres", "methode", "donnees", "provenance");
    private static final String RUN_ID = "run_id";
    private static final String GIT_COMMIT = "git_commit";
    private static final String LIBRARIES = "libraries";
    private static final String INPUT_TABLES = "input_tables";

    /** How a page writes a value of one of its metrics, in the criteria table (targets and measured values). */
    @FunctionalInterface
    public interface MetricFormat {

        /**
         * Formats a value.
         *
         * @param metric the metric name, as in {@code DIR/metrics/<uc>.json}
         * @param value  the value; {@code NaN} when missing
         * @return the text shown
         */
        String format(String metric, double value);
    }

    /**
     * One section a use-case page adds.
     *
     * @param id      the section's anchor: a letter then letters, digits, '-' or '_'; not one of the skeleton's
     * @param french  the heading, in French
     * @param english the heading, in English; null when it is the same word (e.g. "Provenance")
     * @param body    writes the section's content
     */
    public record Section(String id, String french, String english, Consumer<HtmlPage> body) {

        /** Checks the section. */
        public Section {
            if (id == null || !SECTION_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("section id must be a letter followed by letters, digits, '-' or "
                        + "'_', got " + (id == null ? "null" : "\"" + id + "\""));
            }
            if (SKELETON_IDS.contains(id)) {
                throw new IllegalArgumentException("section id \"" + id + "\" is the skeleton's own; pick another");
            }
            Objects.requireNonNull(french, "section heading");
            Objects.requireNonNull(body, "section body");
        }
    }

    private final UseCase useCase;
    private final Lang lang;
    private final UseCaseResult result;
    private final String generatedAt;
    private final List<Consumer<HtmlPage>> summary = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Set<String> provenanceLeftOut = new LinkedHashSet<>();
    private MetricFormat metricFormat = (metric, value) -> Formats.ratio(value);
    private List<String> method = List.of();
    private RegionDescription region;
    private Map<String, String> split = Map.of();
    private Map<String, Long> tables = Map.of();
    private Consumer<HtmlPage> dataDetails = page -> { };
    private Territory territory;

    private UseCasePage(UseCase useCase, Lang lang, UseCaseResult result, String generatedAt) {
        this.useCase = useCase;
        this.lang = lang;
        this.result = result;
        this.generatedAt = generatedAt;
    }

    /**
     * Starts the page of a use case in one language, its data section filled from the page data (region, split,
     * tables).
     *
     * @param data the page data; not null, nor its use case and result
     * @param lang the language of this version of the page
     * @return a page with the skeleton's parts and no section of its own yet
     * @throws NullPointerException if the data, its use case, its result or the language is null
     */
    public static UseCasePage of(UseCasePageData data, Lang lang) {
        Objects.requireNonNull(data, "data");
        UseCasePage page = new UseCasePage(Objects.requireNonNull(data.useCase(), "data.useCase"),
                Objects.requireNonNull(lang, "lang"), Objects.requireNonNull(data.result(), "data.result"),
                data.generatedAt());
        page.region = data.region();
        page.split = data.split() == null ? Map.of() : data.split();
        page.tables = data.tables() == null ? Map.of() : data.tables();
        return page;
    }

    /** Adds a paragraph to the summary. */
    public UseCasePage summary(String paragraph) {
        summary.add(page -> page.paragraph(paragraph));
        return this;
    }

    /** Adds a red badge to the summary, e.g. to say the data were insufficient. */
    public UseCasePage warning(String text) {
        summary.add(page -> page.status(false, text));
        return this;
    }

    /**
     * Adds what the figures mean for the region right after the criteria: the reading (and map) that the use
     * case's synthesis note gives too.
     */
    public UseCasePage territory(Territory reading) {
        territory = Objects.requireNonNull(reading, "territory");
        return this;
    }

    /** Sets how the criteria table writes targets and measured values (default: a ratio with three decimals). */
    public UseCasePage metricFormat(MetricFormat format) {
        metricFormat = Objects.requireNonNull(format, "metric format");
        return this;
    }

    /** Adds a section of the page's own, after the criteria and the sections added before it. */
    public UseCasePage section(String id, String french, String english, Consumer<HtmlPage> body) {
        sections.add(new Section(id, french, english, body));
        return this;
    }

    /**
     * Adds the models section, here among the page's sections: a table with one row per model (the best one
     * starred), its engine, then the page's own columns (headers in the page's language), the page's notes under it
     * and a link to the selected model's card.
     *
     * @param headers the page's column headers
     * @param cells   a model's cells under those headers
     * @param notes   writes what follows the table (what the columns mean, how the best model is chosen)
     * @return this page
     */
    public UseCasePage models(List<String> headers, Function<UseCaseResult.ModelEntry, List<String>> cells,
                              Consumer<HtmlPage> notes) {
        return models("Modèles", "Models", headers, cells, notes);
    }

    /**
     * Adds the models section under another heading (e.g. "Détecteurs", "Méthodes"); see
     * {@link #models(List, Function, Consumer)}.
     */
    public UseCasePage models(String french, String english, List<String> headers,
                              Function<UseCaseResult.ModelEntry, List<String>> cells, Consumer<HtmlPage> notes) {
        List<String> columns = new ArrayList<>(List.of(lang.t("Modèle", "Model"), lang.t("Moteur", "Engine")));
        columns.addAll(headers);
        return section("modeles", french, english, page -> {
            List<List<String>> rows = new ArrayList<>();
            for (UseCaseResult.ModelEntry m : models(result)) {
                List<String> row = new ArrayList<>();
                row.add((isBest(result, m) ? BEST_MARK : "") + m.name());
                row.add(Objects.toString(m.engine(), Formats.MISSING));
                row.addAll(cells.apply(m));
                rows.add(row);
            }
            page.table(columns, rows);
            if (notes != null) {
                notes.accept(page);
            }
            UseCaseResult.ModelEntry best = best(result);
            if (best != null && best.modelId() != null) {
                page.link(ModelCardPage.page(useCase.id()), lang.t("Fiche du modèle retenu (" + best.name()
                        + ") : usage, limites, données, licence", "Card of the selected model (" + best.name()
                        + "): use, limitations, data, licence"));
            }
        });
    }

    /** Sets the method section: how the figures were computed, one item per step. */
    public UseCasePage method(List<String> steps) {
        method = List.copyOf(steps);
        return this;
    }

    /**
     * Sets the method section from the text resource {@code method.<lang>.txt} beside a page's class
     * ({@code method.fr.txt}, {@code method.en.txt}): one step per paragraph (paragraphs apart by a blank line,
     * lines of a paragraph joined by a space), each {@code {name}} replaced by its value.
     *
     * @param page   the page's class, whose package holds {@code method.fr.txt} and {@code method.en.txt}
     * @param values placeholder name → value
     * @return this page
     * @throws IllegalStateException if the resource is missing or a placeholder has no value
     */
    public UseCasePage methodOf(Class<?> page, Map<String, String> values) {
        String text;
        String resource = "method." + lang.tag() + ".txt";
        try (InputStream in = page.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " beside " + page.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " beside " + page.getName(), e);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", Objects.toString(v.getValue(), Formats.MISSING));
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalStateException(resource + " beside " + page.getName() + " has no value for "
                    + left.group());
        }
        List<String> steps = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            steps.add(String.join(" ", paragraph.strip().split("\\s*\\R\\s*")));
        }
        return method(steps);
    }

    /** Adds what the data section shows after the region (e.g. meters kept out, why no model was trained). */
    public UseCasePage dataDetails(Consumer<HtmlPage> details) {
        dataDetails = Objects.requireNonNull(details, "data details");
        return this;
    }

    /** Leaves provenance entries out of the page (bulky ones that a section already shows). */
    public UseCasePage leaveOutOfProvenance(String... keys) {
        provenanceLeftOut.addAll(List.of(keys));
        return this;
    }

    /**
     * Renders the page.
     *
     * @return the HTML5 document
     */
    public String render() {
        HtmlPage page = HtmlPage.create(lang.t(useCase.title(), useCase.titleEn()), lang.tag())
                .subtitle(lang.t("Question : " + useCase.question(), "Question: " + useCase.questionEn()))
                .subtitle(useCase.id() + " · " + MetricLabels.kind(useCase.kind(), lang) + " · "
                        + lang.t("généré le ", "generated ") + Formats.timestamp(generatedAt))
                .alternate(alternate(page(useCase.id()), lang))
                .navigation(navigation(useCase.id(), lang));

        page.section("resume", lang.t("Synthèse", "Summary"));
        summary.forEach(part -> part.accept(page));
        criteria(page);
        if (territory != null) {
            page.section(Territory.SECTION, Territory.heading(lang));
            territory.render(page, lang);
        }
        for (Section s : sections) {
            page.section(s.id(), s.english() == null ? s.french() : lang.t(s.french(), s.english()));
            s.body().accept(page);
        }
        if (!method.isEmpty()) {
            page.section("methode", lang.t("Comment c'est calculé", "How it was computed"));
            page.list(method);
        }
        data(page);
        provenance(page);
        return page.footer(footer(lang)).render();
    }

    /** The language of this version of the page. */
    public Lang lang() {
        return lang;
    }

    // ------------------------------------------------------------------------------------------
    // The skeleton's blocks
    // ------------------------------------------------------------------------------------------

    private void criteria(HtmlPage page) {
        page.section("criteres", lang.t("Critères de succès", "Success criteria"));
        List<Criterion.Result> criteria = criteria(result);
        List<List<String>> rows = new ArrayList<>();
        for (Criterion.Result c : criteria) {
            rows.add(List.of(MetricLabels.label(c.metric(), lang), Objects.toString(c.model(), Formats.MISSING),
                    Formats.operator(c.operator()) + " " + metricFormat.format(c.metric(), c.target()),
                    metricFormat.format(c.metric(), c.value()), interval(c), c.met() ? met(lang) : notMet(lang)));
        }
        page.table(List.of(lang.t("Critère", "Criterion"), lang.t("Modèle", "Model"), lang.t("Cible", "Target"),
                lang.t("Mesuré", "Measured"), lang.t("IC 90 % (n)", "90 % CI (n)"), lang.t("Statut", "Status")), rows);
        long met = metCount(result);
        boolean all = !criteria.isEmpty() && met == criteria.size();
        page.status(all, all
                ? lang.t("Tous les critères sont atteints (" + met + "/" + criteria.size() + ")",
                        "All criteria met (" + met + "/" + criteria.size() + ")")
                : lang.t(met + "/" + criteria.size() + " critères atteints",
                        met + " of " + criteria.size() + " criteria met"));
    }

    /**
     * The 90 % interval of a criterion's measured value and the items it rests on, as {@code [low, high] n = 66};
     * {@code (< 30)} marks a small sample; {@link Formats#MISSING} without an interval.
     */
    private String interval(Criterion.Result c) {
        MetricInterval i = c.model() == null ? null : result.interval(c.model(), c.metric());
        if (i == null) {
            return Formats.MISSING;
        }
        return Formats.interval(metricFormat.format(c.metric(), i.low()), metricFormat.format(c.metric(), i.high()),
                lang) + " n = " + i.n() + (i.smallSample() ? " (< " + MetricInterval.MIN_ITEMS + ")" : "");
    }

    private void data(HtmlPage page) {
        page.section("donnees", lang.t("Données", "Data"));
        page.paragraph(lang.t("Région : ", "Region: ") + (region == null ? Formats.MISSING : region.describe(lang)));
        dataDetails.accept(page);
        if (!split.isEmpty()) {
            page.heading(3, lang.t("Découpage", "Split"));
            Map<String, String> ranges = new LinkedHashMap<>();
            split.forEach((name, range) -> ranges.put(name, Objects.toString(range, Formats.MISSING)));
            page.keyValues(ranges);
        }
        page.heading(3, lang.t("Tables Delta", "Delta tables"));
        page.table(List.of("Table", lang.t("Version Delta", "Delta version")), versionRows(tables));
    }

    private void provenance(HtmlPage page) {
        page.section("provenance", "Provenance");
        Map<String, Object> all = result.provenance() == null ? Map.of() : result.provenance();
        Map<String, String> run = new LinkedHashMap<>();
        run.put(lang.t("Exécution", "Run id"), Objects.toString(all.get(RUN_ID), Formats.MISSING));
        run.put("Commit", Objects.toString(all.get(GIT_COMMIT), Formats.MISSING));
        run.put(lang.t("Page générée", "Page generated"), Formats.timestamp(generatedAt));
        page.keyValues(run);
        if (all.get(LIBRARIES) instanceof Map<?, ?> libraries && !libraries.isEmpty()) {
            page.heading(3, lang.t("Bibliothèques", "Libraries"));
            Map<String, String> versions = new LinkedHashMap<>();
            libraries.forEach((name, version) -> versions.put(String.valueOf(name), String.valueOf(version)));
            page.keyValues(versions);
        }
        if (all.get(INPUT_TABLES) instanceof Map<?, ?> inputs && !inputs.isEmpty()) {
            page.heading(3, lang.t("Tables d'entrée", "Input tables"));
            Map<String, Object> versions = new LinkedHashMap<>();
            inputs.forEach((path, version) -> versions.put(String.valueOf(path), version));
            page.table(List.of("Table", lang.t("Version Delta", "Delta version")), versionRows(versions));
        }
        Map<String, Object> rest = new LinkedHashMap<>(all);
        List.of(RUN_ID, GIT_COMMIT, LIBRARIES, INPUT_TABLES).forEach(rest::remove);
        provenanceLeftOut.forEach(rest::remove);
        if (!rest.isEmpty()) {
            page.heading(3, lang.t("Autres informations (noms de code)", "Other details (code names)"));
            Map<String, String> flat = new LinkedHashMap<>();
            Formats.flatten(rest).forEach((key, value) ->
                    flat.put(key, Formats.isInstant(value) ? Formats.timestamp(value) : value));
            page.codeValues(flat);
        }
        List<UseCaseResult.ModelEntry> models = models(result);
        if (!models.isEmpty()) {
            page.heading(3, lang.t("Identifiants des modèles", "Model ids"));
            Map<String, String> ids = new LinkedHashMap<>();
            models.forEach(m -> ids.put(m.name(), Objects.toString(m.modelId(), Formats.MISSING)));
            page.codeValues(ids);
        }
    }

    private static List<List<String>> versionRows(Map<String, ?> versions) {
        List<List<String>> rows = new ArrayList<>();
        versions.forEach((path, version) -> rows.add(List.of(path, Objects.toString(version, Formats.MISSING))));
        return rows;
    }

    // ------------------------------------------------------------------------------------------
    // Shared with the site index and the pages
    // ------------------------------------------------------------------------------------------

    /**
     * The navigation bar of a page of the site: the index, then every use case's page, the current one shown
     * without a link.
     *
     * @param currentId the id of the page's use case, or null for the index
     * @param lang      the language of the page
     * @return the links, in order
     */
    public static List<HtmlPage.NavLink> navigation(String currentId, Lang lang) {
        List<HtmlPage.NavLink> links = new ArrayList<>();
        links.add(new HtmlPage.NavLink(INDEX, lang.t("\u2190 Accueil", "\u2190 Home"),
                lang.t("Tous les cas d'usage", "All use cases"), currentId == null));
        for (UseCase uc : UseCases.ALL) {
            links.add(new HtmlPage.NavLink(page(uc.id()), uc.id(), lang.t(uc.title(), uc.titleEn()),
                    uc.id().equals(currentId)));
        }
        return links;
    }

    /**
     * The link from a page to the same page in the other language: {@code ../en/uc4.html} from
     * {@code site/fr/uc4.html}.
     *
     * @param file the page's file name in its language's folder
     * @param lang the language of the page
     * @return the switch to the other version
     */
    public static HtmlPage.Alternate alternate(String file, Lang lang) {
        Lang other = lang.other();
        return new HtmlPage.Alternate("../" + other.tag() + "/" + file, other.tag(), other.displayName());
    }

    /** The page of a use case, relative to the site index: {@code uc4.html}. */
    public static String page(String useCaseId) {
        return useCaseId + ".html";
    }

    /** The result's models, or none. */
    public static List<UseCaseResult.ModelEntry> models(UseCaseResult result) {
        return Objects.requireNonNullElse(result.models(), List.of());
    }

    /** The result's criteria, or none. */
    public static List<Criterion.Result> criteria(UseCaseResult result) {
        return Objects.requireNonNullElse(result.criteria(), List.of());
    }

    /** How many of the result's criteria are met, as a summary's sentence ("3 critères sur 4 sont atteints."). */
    public static String criteriaSentence(UseCaseResult result, Lang lang) {
        long met = metCount(result);
        int criteria = criteria(result).size();
        if (met == 0) {
            return lang.t("Aucun des " + criteria + " critères n'est atteint.",
                    "None of the " + criteria + " criteria is met.");
        }
        return lang.t(met + (met > 1 ? " critères sur " + criteria + " sont atteints."
                        : " critère sur " + criteria + " est atteint."),
                met + " of " + criteria + (criteria > 1 ? " criteria " : " criterion ")
                        + (met > 1 ? "are met." : "is met."));
    }

    /** How many of the result's criteria are met. */
    public static long metCount(UseCaseResult result) {
        return criteria(result).stream().filter(Criterion.Result::met).count();
    }

    /** The best model's entry, or null when there is none. */
    public static UseCaseResult.ModelEntry best(UseCaseResult result) {
        return models(result).stream().filter(m -> isBest(result, m)).findFirst().orElse(null);
    }

    /** The best model's test metrics, or none. */
    public static Map<String, Object> bestMetrics(UseCaseResult result) {
        UseCaseResult.ModelEntry best = best(result);
        return best == null || best.metrics() == null ? Map.of() : best.metrics();
    }

    /** Whether a model is the result's best one. */
    public static boolean isBest(UseCaseResult result, UseCaseResult.ModelEntry model) {
        return model.name() != null && model.name().equals(result.bestModel());
    }

    /** The names of the models first, in their order, then any other key, in its map's order. */
    public static List<String> modelsFirst(UseCaseResult result, Set<String> keys) {
        Set<String> names = new LinkedHashSet<>();
        for (UseCaseResult.ModelEntry m : models(result)) {
            if (keys.contains(m.name())) {
                names.add(m.name());
            }
        }
        names.addAll(keys);
        return new ArrayList<>(names);
    }
}

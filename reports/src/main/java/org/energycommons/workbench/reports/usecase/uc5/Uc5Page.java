package org.energycommons.workbench.reports.usecase.uc5;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.fixed;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.percentNumber;
import static org.energycommons.workbench.reports.render.Formats.ratio;
import static org.energycommons.workbench.reports.render.Formats.whole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc5 report page (building energy performance, DPE): one self-contained HTML document per
 * language: criteria, models, confusion matrix as a heat table, per-class recall, predicted against true
 * intensity, "passoires thermiques" per commune and the performance gap.
 *
 * <p>The page shows what {@link Uc5PageData} holds and only formats it: shares as percentages with one decimal,
 * intensities in kWh/m²/yr with no decimal, and {@code "—"} for a missing value. Each headline share of the summary
 * says how many dwellings it rests on, and when they are fewer than {@value MetricInterval#MIN_ITEMS}.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc5Page {

    /** Most characters of a commune's name on the chart's axis; the table under the chart gives it in full. */
    static final int CHART_LABEL_CHARS = 16;

    /**
     * The width of the performance-gap chart: wider than the default, so that its eight bin labels
     * ({@code 0.50–0.67}) each get the room they need under their bar.
     */
    private static final int GAP_CHART_WIDTH = 1000;

    /** The split's sets as the run names them → French and English. */
    private static final Map<String, String[]> SPLIT_SETS = Map.of(
            "method", new String[] {"Méthode", "Method"},
            "validation", new String[] {"Validation", "Validation"},
            "test", new String[] {"Test", "Test"},
            "uncertified", new String[] {"Sans diagnostic", "Without certificate"},
            "folds", new String[] {"Plis", "Folds"});

    private static final Pattern TOO_FEW_CERTIFIED = Pattern.compile("insufficient data: (\\d+) certified dwellings "
            + "\\(validation (\\d+), cross-validated (\\d+) in (\\d+) folds, (\\d+) classes in the smallest fold's "
            + "training set\\); uc5 needs at least (\\d+) with validation non-empty, a dwelling in every fold and two "
            + "classes to learn");

    private static final Pattern DWELLINGS = Pattern.compile("(\\d+) dwellings");

    /** The population the commune table's counts count, as its cells name it for the publication audit. */
    public static final String DWELLINGS_COUNTED = "dwellings";

    private Uc5Page() {
    }

    /** The statistical-secrecy rule under the aggregated figures, in a language. */
    public static String secrecyRule(Lang lang) {
        return lang.t("Seuls sont publiés les agrégats d'au moins 10 logements dont aucun ne pèse plus de 85 % "
                        + "(secret statistique) : les communes de moins de 10 logements, les groupes et les classes "
                        + "d'écart trop petits ne sont pas montrés ou sont regroupés.",
                "Only aggregates of at least 10 dwellings, none weighing more than 85 %, are published "
                        + "(statistical secrecy): communes of fewer than 10 dwellings, and groups and gap classes "
                        + "that are too small, are left out or merged.");
    }

    /** Renders the uc5 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc5PageData data, Lang lang) {
        return page(data, lang).render();
    }

    /**
     * What the classes mean for the region, in a language: how many dwellings are probably F/G (certified plus
     * predicted) per commune that passes the secrecy guard, as sentences and a map; the synthesis note reports it
     * too.
     */
    public static Territory territory(Uc5PageData data, Lang lang) {
        List<Uc5PageData.CommuneRow> rows = Objects.requireNonNullElse(data.communes(), List.of());
        if (data.insufficient() != null || rows.isEmpty()) {
            return new Territory(List.of(lang.t("Aucune commune publiable : pas de lecture territoriale.",
                    "No publishable commune: no reading for the region.")), null, null);
        }
        // Totals only over communes whose estimated count is shown: a total over the others would give back a
        // count that secrecy left out.
        List<Uc5PageData.CommuneRow> shown = rows.stream().filter(c -> c.estimatedFg() != null).toList();
        long dwellings = shown.stream().mapToLong(Uc5PageData.CommuneRow::dwellings).sum();
        long estimated = shown.stream().mapToLong(Uc5PageData.CommuneRow::estimatedFg).sum();
        boolean split = shown.stream().allMatch(c -> c.certifiedFg() != null && c.predictedFg() != null);
        long predicted = split ? shown.stream().mapToLong(Uc5PageData.CommuneRow::predictedFg).sum() : 0;
        String few = HtmlPage.suppressedCount(data.minPoints(), lang);
        Map<String, String> names = Territory.names(data.region());
        List<Uc5PageData.CommuneRow> byShare = rows.stream().sorted((a, b) -> Double.compare(
                Objects.requireNonNullElse(b.estimatedShare(), -1.0),
                Objects.requireNonNullElse(a.estimatedShare(), -1.0))).toList();
        List<String> each = new ArrayList<>();
        List<CommuneMap.Mark> marks = new ArrayList<>();
        for (Uc5PageData.CommuneRow c : byShare) {
            // The commune's name as the results table gives it, else as the lake places it.
            String commune = c.name() == null || c.name().isBlank() ? Territory.commune(names, c.communeCode())
                    : Territory.commune(Map.of(c.communeCode(), c.name().strip()), c.communeCode());
            if (c.estimatedFg() == null) {
                each.add(commune + " " + few + lang.t(" sur ", " of ") + c.dwellings());
                marks.add(CommuneMap.Mark.withheld(c.communeCode(), few + " F/G"));
                continue;
            }
            each.add(commune + " " + c.estimatedFg() + lang.t(" sur ", " of ")
                    + c.dwellings() + " (" + percent(c.estimatedShare()) + ")");
            marks.add(new CommuneMap.Mark(c.communeCode(), new double[] {c.estimatedShare()}, c.dwellings(),
                    percent(c.estimatedShare()) + " F/G (" + c.estimatedFg() + "/" + c.dwellings() + ")"));
        }
        String share = percent(dwellings == 0 ? Double.NaN : (double) estimated / dwellings);
        String first = shown.isEmpty()
                ? lang.t("Dans chacune des " + rows.size() + " communes publiées, " + few + " logements sont "
                        + "probablement des passoires thermiques (F ou G) : leur nombre n'est pas publié (secret "
                        + "statistique).", "In each of the " + rows.size() + " published communes, " + few
                        + " dwellings are probably poorly insulated (F or G): their number is not published "
                        + "(statistical secrecy).")
                : lang.t((shown.size() == rows.size() ? "Dans les " + rows.size() + " communes publiées, "
                        : "Là où leur nombre atteint " + data.minPoints() + " (" + shown.size() + " des "
                        + rows.size() + " communes publiées), ") + estimated + " des " + dwellings
                        + " logements sont probablement des passoires thermiques (F ou G), soit " + share
                        + (split ? " : " + (estimated - predicted)
                        + " le sont d'après leur diagnostic, " + predicted + " d'après le modèle, faute de "
                        + "diagnostic." : "."),
                (shown.size() == rows.size() ? "In the " + rows.size() + " published communes, "
                        : "Where their number reaches " + data.minPoints() + " (" + shown.size() + " of the "
                        + rows.size() + " published communes), ") + estimated + " of the " + dwellings
                        + " dwellings are probably poorly insulated (F or G), that is " + share
                        + (split ? ": " + (estimated - predicted)
                        + " by their certificate, " + predicted + " by the model, for want of one." : "."));
        List<String> paragraphs = List.of(first,
                lang.t("Par commune, de la plus touchée à la moins touchée : ", "By commune, most affected first: ")
                        + String.join(lang.t(" ; ", "; "), each) + ". " + lang.t("Une agence du logement peut y "
                        + "cibler ses visites et ses aides ; un logement prédit F/G reste à confirmer par un "
                        + "diagnostic.", "A housing agency can aim its visits and grants there; a dwelling "
                        + "predicted F/G is still to be confirmed by a certificate."));
        String title = lang.t("Part estimée de passoires (F/G) par commune", "Estimated share of F/G dwellings by "
                + "commune");
        return Territory.withShareMap(paragraphs, data.region(), title, marks, lang.t("Part des logements de la "
                        + "commune probablement F ou G", "Share of the commune's dwellings probably F or G"),
                lang.t("Aire du disque : logements", "Disc area: dwellings"),
                lang.t("Diagnostics F/G plus logements sans diagnostic prédits F/G, rapportés aux logements de la "
                        + "commune ; communes de moins de 10 logements non publiées, nombre de passoires de moins de "
                        + data.minPoints() + " non publié.", "Certified F/G dwellings plus dwellings without a "
                        + "certificate predicted F/G, over the commune's dwellings; communes of fewer than 10 "
                        + "dwellings not published, nor a number of F/G dwellings below " + data.minPoints() + "."),
                lang);
    }

    /**
     * The data with its split worded in the page's language, for the skeleton's data section: the run records it
     * in English ({@code "66 dwellings"}, a sentence for the method); the page words the method from the run's
     * options and keeps each set's count.
     */
    static Uc5PageData withSplitIn(Uc5PageData data, Lang lang) {
        if (data.split() == null || data.split().isEmpty()) {
            return data;
        }
        Map<?, ?> options = data.result().provenance() != null
                && data.result().provenance().get("options") instanceof Map<?, ?> o ? o : Map.of();
        Object fraction = options.get("validation_fraction");
        Object folds = options.get("folds");
        Map<String, String> split = new LinkedHashMap<>();
        data.split().forEach((name, value) -> {
            String[] names = SPLIT_SETS.get(name);
            String key = names == null ? name : lang.t(names[0], names[1]);
            if (name.equals("method") && fraction != null && folds != null) {
                split.put(key, lang.t("logements certifiés répartis par classe de diagnostic (hachage de la graine "
                        + "et du bâtiment) : " + percent(Double.parseDouble(fraction.toString())) + " en validation "
                        + "(choix du modèle seulement), le reste en test, validé de façon croisée en " + folds
                        + " plis (chaque pli prédit par le modèle ajusté sur les autres) ; les modèles enregistrés "
                        + "sont ajustés sur tous les logements de test", "certified dwellings stratified by "
                        + "certificate class (hash of the seed and the building): " + percent(Double.parseDouble(
                        fraction.toString())) + " for validation (model choice only), the rest for test, "
                        + "cross-validated in " + folds + " folds (each fold predicted by the model fitted on the "
                        + "others); the saved models are fitted on every test dwelling"));
            } else {
                Matcher dwellings = DWELLINGS.matcher(Objects.toString(value, ""));
                split.put(key, dwellings.matches() ? dwellings.group(1) + lang.t(" logements", " dwellings")
                        : Objects.toString(value, MISSING));
            }
        });
        return new Uc5PageData(data.useCase(), data.result(), data.tables(), data.region(), split,
                data.insufficient(), data.confusionTest(), data.confusionHeldOut(), data.classRecall(),
                data.intensity(), data.communes(), data.gap(), data.generatedAt(), data.minPoints());
    }

    /** Why no model was trained, from the run's reason, in the page's language (the reason as is when unknown). */
    static String insufficient(String reason, Lang lang) {
        Matcher few = TOO_FEW_CERTIFIED.matcher(reason);
        if (few.matches()) {
            return lang.t("Il y a " + few.group(1) + " logements certifiés (validation " + few.group(2) + ", "
                    + few.group(3) + " validés de façon croisée en " + few.group(4) + " plis, " + few.group(5)
                    + " classes dans l'apprentissage du plus petit pli) ; il en faut au moins " + few.group(6)
                    + ", une validation non vide, un logement dans chaque pli et deux classes à apprendre.",
                    "There are " + few.group(1) + " certified dwellings (validation " + few.group(2) + ", "
                    + few.group(3) + " cross-validated in " + few.group(4) + " folds, " + few.group(5) + " classes in "
                    + "the smallest fold's training set); at least " + few.group(6) + " are needed, with a non-empty "
                    + "validation, a dwelling in every fold and two classes to learn.");
        }
        return lang.t("Message du calcul (en anglais) : ", "Message of the run: ") + reason;
    }

    private static UseCasePage page(Uc5PageData data, Lang lang) {
        UseCasePage page = UseCasePage.of(withSplitIn(data, lang), lang).metricFormat(Uc5Page::formatMetric)
                .leaveOutOfProvenance("performance_gap_median_ratio");
        UseCaseResult result = data.result();
        if (data.insufficient() != null) {
            page.territory(territory(data, lang));
            page.warning(lang.t("Données insuffisantes", "Insufficient data"))
                    .summary(lang.t("Aucun modèle n'a été entraîné : trop peu de logements certifiés pour apprendre "
                                    + "et évaluer un modèle.", "No model was trained: too few certified dwellings to "
                                    + "learn and evaluate a model."))
                    .summary(insufficient(data.insufficient(), lang));
        } else {
            summary(page, result, lang);
            page.territory(territory(data, lang));
            page.models(List.of(lang.t("Approche", "Approach"), lang.t("Classe exacte (%)", "Exact class (%)"),
                            lang.t("À une classe près (%)", "Within one class (%)"), "Macro-F1",
                            lang.t("Rappel F/G (%)", "F/G recall (%)")),
                            m -> modelCells(m, lang), p -> modelNotes(p, result, lang))
                    .section("confusion", "Matrice de confusion", "Confusion matrix", p -> confusion(p, data, lang))
                    .section("rappel", "Rappel par classe", "Per-class recall",
                            p -> recall(p, result, data.classRecall(), lang))
                    .section("intensite", "Intensité prédite contre vraie", "Predicted vs true intensity",
                            p -> intensity(p, data.intensity(), lang))
                    .section("communes", "Passoires thermiques par commune", "Poorly insulated (F/G) dwellings by "
                            + "commune", p -> communes(p, data.communes(), data.minPoints(), lang))
                    .section("ecart", "Écart de performance", "Performance gap", p -> gap(p, data.gap(),
                            data.minPoints(), lang));
        }
        return page.methodOf(Uc5Page.class, Map.of());
    }

    /** A uc5 metric as in the criteria table: shares as percentages, the intensity error in kWh/m²/yr. */
    static String formatMetric(String metric, double value) {
        if (metric.endsWith("mae_intensity")) {
            return Double.isFinite(value) ? whole(value) + " kWh/m²" : MISSING;
        }
        if (metric.endsWith("macro_f1")) {
            return ratio(value);
        }
        return percent(value);
    }

    private static void summary(UseCasePage page, UseCaseResult result, Lang lang) {
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        Share accuracy = share(result, m, "accuracy", "rows", lang);
        Share withinOne = share(result, m, "within_one_class_accuracy", "rows", lang);
        Share recall = share(result, m, "fg_recall", "fg_rows", lang);
        Share precision = share(result, m, "fg_precision", "fg_flagged_rows", lang);
        Share uncertifiedWithinOne = share(result, m, "uncertified_within_one_class_accuracy", "uncertified_rows",
                lang);
        Share uncertifiedRecall = share(result, m, "uncertified_fg_recall", "uncertified_fg_rows", lang);
        String best = Objects.toString(result.bestModel(), MISSING);
        page.summary(lang.t("En résumé : le modèle retenu sur la validation est " + best + ". Sur les logements "
                        + "certifiés de test, comparé à la classe vraie (sans le bruit des diagnostics), il donne la "
                        + "classe exacte pour " + accuracy.of("des logements") + " et la classe à une classe près "
                        + "pour " + withinOne + ". Il signale comme passoires probables "
                        + recall.of("des passoires thermiques F/G") + " ; " + precision.of("des logements qu'il "
                        + "signale sont de vraies passoires") + ".",
                "In short: the model selected on validation is " + best + ". On the certified test dwellings, "
                        + "compared with the true class (free of the certificates' noise), it gives the exact class "
                        + "for " + accuracy.of("of the dwellings") + " and the class within one class for " + withinOne
                        + ". It flags as probably poorly insulated " + recall.of("of the F/G dwellings") + "; "
                        + precision.of("of the dwellings it flags are truly F or G") + "."));
        page.summary(lang.t("Sur les logements sans diagnostic, il donne la classe à une classe près pour "
                        + uncertifiedWithinOne.of("des logements") + " et signale comme passoires probables "
                        + uncertifiedRecall.of("des passoires F/G") + ".",
                "On the dwellings without a certificate, it gives the class within one class for "
                        + uncertifiedWithinOne.of("of the dwellings") + " and flags as probably poorly insulated "
                        + uncertifiedRecall.of("of the F/G dwellings") + "."));
        if (List.of(accuracy, withinOne, recall, precision, uncertifiedWithinOne, uncertifiedRecall).stream()
                .anyMatch(Share::small)) {
            page.summary(lang.t("Les parts marquées « petit échantillon » reposent sur moins de "
                            + MetricInterval.MIN_ITEMS + " logements : quelques logements de plus ou de moins les "
                            + "déplacent de plusieurs points ; l'intervalle à 90 % du tableau des critères en donne "
                            + "la marge.",
                    "The shares marked “a small sample” rest on fewer than " + MetricInterval.MIN_ITEMS
                            + " dwellings: a few dwellings more or fewer move them by several points; the 90 % "
                            + "interval in the criteria table gives the margin."));
        }
        page.summary(UseCasePage.criteriaSentence(result, lang));
    }

    /**
     * A headline share and the items it rests on, as a summary writes it.
     *
     * @param value the share, e.g. {@code 87.5 %}, or {@link Formats#MISSING}
     * @param count the items in brackets, e.g. {@code " (7 sur 8, petit échantillon)"}, or empty
     * @param small whether it rests on fewer than {@value MetricInterval#MIN_ITEMS} items
     */
    private record Share(String value, String count, boolean small) {

        /** The share of something, then the count: {@code 87.5 % des passoires F/G (7 sur 8)}. */
        String of(String what) {
            return value + " " + what + count;
        }

        @Override
        public String toString() {
            return value + count;
        }
    }

    /**
     * A headline share of the best model and the items it rests on ({@code 7 sur 8}), marked "petit échantillon"
     * when they are fewer than {@value MetricInterval#MIN_ITEMS}: the count is the metric's interval's, else the
     * count the result publishes beside it; without either, the share alone.
     */
    private static Share share(UseCaseResult result, Map<String, Object> metrics, String name, String countName,
                               Lang lang) {
        double value = metric(metrics, name);
        if (!Double.isFinite(value)) {
            return new Share(MISSING, "", false);
        }
        MetricInterval interval = result.bestModel() == null ? null : result.interval(result.bestModel(), name);
        double count = interval != null ? interval.n() : metric(metrics, countName);
        if (!Double.isFinite(count) || count <= 0) {
            return new Share(percent(value), "", false);
        }
        long n = Math.round(count);
        long k = Math.round(value * n);
        boolean fewer = interval != null ? interval.smallSample() : n < MetricInterval.MIN_ITEMS;
        return new Share(percent(value), " (" + k + lang.t(" sur ", " of ") + n
                + (fewer ? lang.t(", petit échantillon", ", a small sample") : "") + ")", fewer);
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m, Lang lang) {
        Map<String, Object> t = m.metrics();
        return List.of(approach(m, lang), percentNumber(metric(t, "accuracy")),
                percentNumber(metric(t, "within_one_class_accuracy")), ratio(metric(t, "macro_f1")),
                percentNumber(metric(t, "fg_recall")));
    }

    private static String approach(UseCaseResult.ModelEntry m, Lang lang) {
        String approach = m.notes() == null ? null : m.notes().get("approach");
        if (approach == null) {
            return MISSING;
        }
        return switch (approach) {
            case "regression" -> lang.t("régression", "regression");
            case "classification" -> lang.t("classification", "classification");
            default -> approach;
        };
    }

    /**
     * What follows the models table: how the best model is chosen and what the columns mean, then two narrow tables
     * (the other measures, the dwellings without a certificate), so that no table needs more than a screen's width.
     */
    private static void modelNotes(HtmlPage page, UseCaseResult result, Lang lang) {
        page.paragraph(lang.t(UseCasePage.BEST_MARK + "modèle retenu : la régression ridge, sauf si le meilleur score "
                        + "de validation (moyenne de la part à une classe près et du rappel F/G, mesurés contre les "
                        + "diagnostics de la validation) la dépasse de plus d'une erreur type (règle de l'erreur "
                        + "type : sur une vingtaine de diagnostics, l'écart est surtout du hasard).",
                UseCasePage.BEST_MARK + "selected model: the ridge regression, unless the best validation score (the "
                        + "mean of the within-one-class share and the F/G recall, measured against the validation "
                        + "certificates) beats it by more than one standard error (one-standard-error rule: on some "
                        + "twenty certificates, the gap is mostly chance)."));
        page.paragraph(lang.t("Logements certifiés de test, comparés à leur classe vraie. « Approche » : classe "
                        + "prédite directement (classification), ou lue sur l'énergie primaire et les GES prédits "
                        + "(régression). « Rappel F/G » : part des passoires vraies signalées comme passoires "
                        + "probables (probabilité d'être F ou G d'au moins 1/3 selon l'erreur hors échantillon du "
                        + "modèle ; pour un classifieur, sa classe prédite).",
                "Certified test dwellings, compared with their true class. “Approach”: class predicted directly "
                        + "(classification), or read from the predicted primary energy and GHG emissions "
                        + "(regression). “F/G recall”: share of the true F/G dwellings flagged as probably poorly "
                        + "insulated (probability of F or G of at least 1/3 under the model's out-of-fold error; for a "
                        + "classifier, its predicted class)."));
        List<List<String>> other = new ArrayList<>();
        List<List<String>> uncertified = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            Map<String, Object> t = m.metrics();
            String name = (UseCasePage.isBest(result, m) ? UseCasePage.BEST_MARK : "") + m.name();
            other.add(List.of(name, whole(metric(t, "mae_intensity")),
                    percentNumber(metric(t, "certificate_accuracy")),
                    percentNumber(metric(m.validationMetrics(), "selection_score"))));
            uncertified.add(List.of(name, percentNumber(metric(t, "uncertified_within_one_class_accuracy")),
                    percentNumber(metric(t, "uncertified_fg_recall"))));
        }
        String model = lang.t("Modèle", "Model");
        page.heading(3, lang.t("Autres mesures par modèle", "Other measures by model"));
        page.table(List.of(model, lang.t("Erreur moyenne (kWh/m²/an)", "Mean error (kWh/m²/yr)"),
                lang.t("Accord avec les diagnostics (%)", "Agreement with certificates (%)"),
                lang.t("Score de validation (%)", "Validation score (%)")), other);
        page.paragraph(lang.t("« Erreur moyenne » : erreur absolue moyenne de l'énergie primaire des logements de test "
                        + "(modèles de régression seulement). « Accord avec les diagnostics » : classe exacte contre "
                        + "les diagnostics (bruités) des logements de test. « Score de validation » : le score de la "
                        + "sélection, sur les diagnostics de la validation.",
                "“Mean error”: mean absolute error of the primary energy of the test dwellings (regression models "
                        + "only). “Agreement with certificates”: exact class against the (noisy) certificates of the "
                        + "test dwellings. “Validation score”: the selection score, on the validation "
                        + "certificates."));
        page.heading(3, lang.t("Logements sans diagnostic", "Dwellings without a certificate"));
        page.table(List.of(model, lang.t("À une classe près (%)", "Within one class (%)"),
                lang.t("Rappel F/G (%)", "F/G recall (%)")), uncertified);
        page.paragraph(lang.t("Logements sans diagnostic, comparés à leur classe vraie selon les règles d'aujourd'hui.",
                "Dwellings without a certificate, compared with their true class under today's rules."));
    }

    private static void confusion(HtmlPage page, Uc5PageData data, Lang lang) {
        page.html(heatTable(data.confusionTest(), lang.t("Test (logements certifiés)", "Test (certified dwellings)"),
                lang));
        page.html(heatTable(data.confusionHeldOut(), lang.t("Test et logements sans diagnostic",
                "Test and dwellings without a certificate"), lang));
        page.paragraph(lang.t("Lignes : classe vraie ; colonnes : classe prédite par le modèle retenu ; la couleur "
                        + "suit la part de la ligne. Des effectifs de classes, sans consommation individuelle.",
                "Rows: true class; columns: class predicted by the selected model; the shade follows the share of "
                        + "the row. Counts of classes, without any individual consumption."));
    }

    /** A confusion matrix as an HTML table whose cells are shaded by their share of the row. */
    static String heatTable(long[][] confusion, String caption, Lang lang) {
        StringBuilder h = new StringBuilder("<div class=\"table-wrap\"><table><caption style=\"text-align:left;"
                + "color:#59636e\">").append(HtmlPage.escape(caption)).append("</caption><thead><tr><th>")
                .append(HtmlPage.escape(lang.t("vraie \\ prédite", "true \\ predicted"))).append("</th>");
        for (String c : DpeThresholds.CLASSES) {
            h.append("<th class=\"num\">").append(c).append("</th>");
        }
        h.append("<th class=\"num\">n</th></tr></thead><tbody>");
        if (confusion == null) {
            return h.append("</tbody></table></div>").toString();
        }
        for (int r = 0; r < confusion.length; r++) {
            long total = 0;
            for (long v : confusion[r]) {
                total += v;
            }
            h.append("<tr><th>").append(DpeThresholds.letter(r)).append("</th>");
            for (int c = 0; c < confusion[r].length; c++) {
                double share = total == 0 ? 0 : (double) confusion[r][c] / total;
                int light = (int) Math.round(255 - share * 170);
                String colour = String.format(Locale.ROOT, "rgb(%d,%d,255)", light, Math.min(255, light + 30));
                h.append("<td class=\"num\" style=\"background:").append(colour)
                        .append(r == c ? ";font-weight:700" : "").append("\">").append(confusion[r][c])
                        .append("</td>");
            }
            h.append("<td class=\"num\">").append(total).append("</td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    private static void recall(HtmlPage page, UseCaseResult result, Map<String, double[]> recall, Lang lang) {
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        if (recall != null) {
            for (String name : UseCasePage.modelsFirst(result, recall.keySet())) {
                series.add(new SvgCharts.BarSeries(name, Formats.percentages(recall.get(name))));
            }
        }
        if (series.isEmpty()) {
            page.paragraph(lang.t("Pas de rappel par classe disponible.", "No per-class recall available."));
            return;
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Rappel par classe vraie, logements hors "
                                + "apprentissage", "Recall by true class, held-out dwellings"),
                        lang.t("Classe DPE vraie", "True DPE class"), lang.t("Rappel (%)", "Recall (%)"),
                        DpeThresholds.CLASSES, series)),
                lang.t("Part des logements de chaque classe vraie que chaque modèle classe exactement, sur le test "
                                + "et les logements sans diagnostic.",
                        "Share of the dwellings of each true class that each model classifies exactly, on the test "
                                + "and the dwellings without a certificate."));
    }

    private static void intensity(HtmlPage page, Uc5PageData.IntensityGroups g, Lang lang) {
        if (g == null || g.meanTrue() == null || g.meanTrue().length == 0) {
            page.paragraph(lang.t("Aucun groupe publiable.", "No publishable group."));
            return;
        }
        String unit = lang.t("kWh EP/m²/an", "kWh PE/m²/yr");
        String svg = SvgCharts.scatter(new SvgCharts.ScatterChart(lang.t("Énergie primaire, ", "Primary energy, ")
                + g.model(), lang.t("Vraie (", "True (") + unit + ")", lang.t("Prédite (", "Predicted (") + unit + ")",
                List.of(new SvgCharts.XySeries(lang.t("groupes de " + g.groupSize() + " logements ou plus",
                        "groups of " + g.groupSize() + " dwellings or more"), g.meanTrue(), g.meanPredicted())),
                true));
        page.figure(svg, lang.t("Chaque point est la moyenne d'au moins " + g.groupSize() + " logements hors "
                        + "apprentissage consécutifs par intensité vraie (" + g.dwellings() + " logements) : aucun "
                        + "logement individuel n'est montré. La diagonale est la prédiction parfaite.",
                "Each point is the mean of at least " + g.groupSize() + " held-out dwellings consecutive in true "
                        + "intensity (" + g.dwellings() + " dwellings): no individual dwelling is shown. The "
                        + "diagonal is the perfect prediction."));
    }

    private static void communes(HtmlPage page, List<Uc5PageData.CommuneRow> communes, int minPoints, Lang lang) {
        List<Uc5PageData.CommuneRow> all = communes == null ? List.of() : communes;
        List<List<String>> rows = new ArrayList<>();
        double[] shares = new double[all.size()];
        String few = HtmlPage.suppressedCount(minPoints);
        for (int i = 0; i < all.size(); i++) {
            Uc5PageData.CommuneRow c = all.get(i);
            rows.add(List.of((c.communeCode() + " " + Objects.toString(c.name(), "")).strip(),
                    Long.toString(c.dwellings()), count(c.uncertified(), few), count(c.certifiedFg(), few),
                    count(c.predictedFg(), few), count(c.estimatedFg(), few),
                    c.estimatedShare() == null ? lang.t("secret", "withheld") : percentNumber(c.estimatedShare())));
            // A withheld share is no bar: the chart shows only what the table does.
            shares[i] = c.estimatedShare() == null ? Double.NaN : c.estimatedShare() * 100;
        }
        if (all.isEmpty()) {
            page.paragraph(lang.t("Aucune commune publiable.", "No publishable commune."));
        } else {
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Part estimée de passoires (F/G)",
                            "Estimated share of F/G dwellings"), "Commune", lang.t("Logements F/G (%)",
                            "F/G dwellings (%)"), chartLabels(all), List.of(new SvgCharts.BarSeries(
                            lang.t("F/G estimés", "estimated F/G"), shares)))),
                    lang.t("Diagnostics F/G plus logements sans diagnostic prédits F/G, rapportés aux logements de "
                                    + "la commune. Les noms longs sont abrégés sur le graphique ; le tableau les "
                                    + "donne en entier.",
                            "Certified F/G dwellings plus dwellings without a certificate predicted F/G, over the "
                                    + "commune's dwellings. Long names are shortened on the chart; the table gives "
                                    + "them in full."));
        }
        page.table(List.of("Commune", lang.t("Logements", "Dwellings"), lang.t("Sans diagnostic", "No certificate"),
                lang.t("F/G certifiés", "Certified F/G"), lang.t("F/G prédits", "Predicted F/G"),
                lang.t("F/G estimés", "Estimated F/G"), lang.t("Part F/G (%)", "F/G share (%)")), rows,
                Map.of(1, DWELLINGS_COUNTED, 2, DWELLINGS_COUNTED, 3, DWELLINGS_COUNTED, 4, DWELLINGS_COUNTED,
                        5, DWELLINGS_COUNTED));
        page.paragraph(lang.t("« F/G certifiés » : logements dont le diagnostic est F ou G ; « F/G prédits » : "
                        + "logements sans diagnostic que le modèle retenu prédit F ou G ; « F/G estimés » : leur "
                        + "somme.",
                "“Certified F/G”: dwellings whose certificate is F or G; “Predicted F/G”: dwellings without a "
                        + "certificate that the selected model predicts F or G; “Estimated F/G”: their sum."));
        page.paragraph(secrecyRule(lang));
        if (all.stream().anyMatch(c -> c.estimatedShare() == null || c.certifiedFg() == null
                || c.predictedFg() == null || c.uncertified() == null)) {
            page.paragraph(lang.t("« " + few + " » : nombre de logements de 1 à " + (minPoints - 1) + ", non publié "
                            + "(secret statistique), pas plus que l'autre partie de la somme ou la part (« secret ») "
                            + "qui le redonneraient.", "“" + few + "”: a number of dwellings from 1 to "
                            + (minPoints - 1) + ", not published (statistical secrecy), nor the other part of the sum "
                            + "or the share (“withheld”) that would give it back."));
        }
    }

    private static String count(Long value, String suppressed) {
        return value == null ? suppressed : Long.toString(value);
    }

    /**
     * The communes' labels on the chart's axis: each name (its code when it has none) shortened to
     * {@value #CHART_LABEL_CHARS} characters ("Saint-" as "St-", then cut with "…"); the code where two shortened
     * names would read the same.
     */
    static List<String> chartLabels(List<Uc5PageData.CommuneRow> communes) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Uc5PageData.CommuneRow c : communes) {
            String label = c.name() == null || c.name().isBlank() ? c.communeCode() : shorten(c.name().strip());
            labels.add(label);
            seen.merge(label, 1, Integer::sum);
        }
        for (int i = 0; i < labels.size(); i++) {
            if (seen.get(labels.get(i)) > 1) {
                labels.set(i, communes.get(i).communeCode());
            }
        }
        return labels;
    }

    private static String shorten(String name) {
        if (name.length() <= CHART_LABEL_CHARS) {
            return name;
        }
        String s = name.replaceAll("(^|[-\\s])Saint-", "$1St-").replaceAll("(^|[-\\s])Sainte-", "$1Ste-");
        return s.length() <= CHART_LABEL_CHARS ? s : s.substring(0, CHART_LABEL_CHARS - 1).strip() + "\u2026";
    }

    private static void gap(HtmlPage page, Uc5PageData.GapDistribution gap, int minPoints, Lang lang) {
        if (gap == null || gap.bins() == null || gap.bins().isEmpty()) {
            page.paragraph(lang.t("Pas assez de logements certifiés chauffés par une énergie mesurée pour publier la "
                            + "distribution.",
                    "Too few certified dwellings heated by a metered energy to publish the distribution."));
            return;
        }
        double[] counts = new double[gap.counts().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = gap.counts()[i];
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Consommation mesurée / DPE, rapportée à la médiane",
                                "Metered use / certificate, relative to the median"),
                        lang.t("Rapport à la médiane", "Ratio to the median"), lang.t("Logements", "Dwellings"),
                        gap.bins(), List.of(new SvgCharts.BarSeries(lang.t("logements", "dwellings"), counts)),
                        GAP_CHART_WIDTH, SvgCharts.DEFAULT_HEIGHT)),
                lang.t("Rapport de l'énergie primaire mesurée (normalisée du climat) à celle du diagnostic, divisé "
                                + "par sa médiane (" + fixed(gap.medianRatio(), 2) + " : la mesure inclut "
                                + "l'électroménager, que le DPE ne compte pas).",
                        "Ratio of the metered primary energy (weather-normalised) to the certificate's, divided by "
                                + "its median (" + fixed(gap.medianRatio(), 2) + ": metered use includes appliances, "
                                + "which the certificate leaves out)."));
        String factor = fixed(1 + gap.tolerance(), 2);
        // The flagged dwellings of the whole region are a count of dwellings like any other: not below the
        // threshold.
        String flagged = gap.flagged() > 0 && gap.flagged() < minPoints
                ? HtmlPage.suppressedCount(minPoints, lang) : Long.toString(gap.flagged());
        page.paragraph(lang.t(flagged + " logements sur " + gap.dwellings() + " s'écartent de la médiane de "
                        + "plus de " + percent(gap.tolerance()) + " (×" + factor + " ou ÷" + factor + ") : diagnostic "
                        + "et usage mesuré divergent.",
                flagged + " of " + gap.dwellings() + " dwellings depart from the median by more than "
                        + percent(gap.tolerance()) + " (×" + factor + " or ÷" + factor + "): certificate and "
                        + "metered use disagree."));
    }
}

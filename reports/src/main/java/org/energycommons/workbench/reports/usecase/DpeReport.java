package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.usecase.PageSections.generated;
import static org.energycommons.workbench.reports.usecase.PageSections.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.SvgCharts;

/**
 * The renderer of the uc5 report page (building energy performance, DPE): one self-contained HTML document, French
 * first with English subtitles: criteria, models, confusion matrix as a heat table, per-class recall, predicted
 * against true intensity, "passoires thermiques" per commune and the performance gap.
 *
 * <p>The page shows what {@link DpeReportData} holds and only formats it: shares as percentages with one decimal,
 * intensities in kWh/m²/yr with no decimal, and {@code "—"} for a missing value.
 */
public final class DpeReport {

    /** The page footer. */
    public static final String FOOTER = "Energy Commons Workbench — rapport CC-BY-4.0; code GPL-3.0-or-later";

    /** The statistical-secrecy rule under the aggregated figures. */
    public static final String SECRECY_RULE = "Seuls sont publiés les agrégats d'au moins 10 bâtiments dont aucun "
            + "ne pèse plus de 85 % (secret statistique) : communes de moins de 10 logements, groupes et classes "
            + "d'écart trop petits ne sont pas montrés ou sont regroupés. · Only aggregates of at least 10 "
            + "buildings, none above 85 %, are published (statistical secrecy).";

    static final String MISSING = "\u2014";

    private DpeReport() {
    }

    /**
     * Renders the uc5 page.
     *
     * @param data the figures to show, already computed and passed through the secrecy guard; not null, nor its
     *     use case and result
     * @return the HTML5 document
     */
    public static String render(DpeReportData data) {
        Objects.requireNonNull(data, "data");
        UseCase useCase = Objects.requireNonNull(data.useCase(), "data.useCase");
        UseCaseResult result = Objects.requireNonNull(data.result(), "data.result");
        List<UseCaseResult.ModelEntry> models = Objects.requireNonNullElse(result.models(), List.of());
        List<Criterion.Result> criteria = Objects.requireNonNullElse(result.criteria(), List.of());

        HtmlPage page = HtmlPage.create(useCase.title(), "fr")
                .subtitle(useCase.titleEn() + " — generated " + generated(data.generatedAt()));
        section(page, "resume", "Synthèse", "Summary");
        page.paragraph("Question : " + useCase.question());
        if (data.insufficient() != null) {
            page.status(false, "Données insuffisantes · Insufficient data");
            page.paragraph(data.insufficient());
        } else {
            page.paragraph(summary(result, models, criteria));
        }
        criteriaSection(page, criteria);
        if (data.insufficient() == null) {
            modelsSection(page, result, models);
            confusionSection(page, data);
            recallSection(page, models, data.classRecall());
            intensitySection(page, data.intensity());
            communesSection(page, data.communes());
            gapSection(page, data.gap());
        }
        methodSection(page);
        dataSection(page, data);
        section(page, "provenance", "Provenance", null);
        page.keyValues(ForecastReport.flatten(result.provenance()));
        return page.footer(FOOTER).render();
    }

    private static String summary(UseCaseResult result, List<UseCaseResult.ModelEntry> models,
                                  List<Criterion.Result> criteria) {
        Map<String, Object> m = models.stream().filter(e -> e.name().equals(result.bestModel())).findFirst()
                .map(UseCaseResult.ModelEntry::metrics).orElse(Map.of());
        long met = criteria.stream().filter(Criterion.Result::met).count();
        return "En résumé : le modèle retenu sur la validation est " + Objects.toString(result.bestModel(), MISSING)
                + ". Sur les logements certifiés de test, comparé à la classe vraie (sans le bruit des diagnostics), "
                + "il donne la classe exacte dans " + percent(metric(m, "accuracy")) + " des cas, à une classe près "
                + "dans " + percent(metric(m, "within_one_class_accuracy")) + ", et retrouve "
                + percent(metric(m, "fg_recall")) + " des passoires thermiques (F/G) ; sur les logements sans "
                + "diagnostic, " + percent(metric(m, "uncertified_within_one_class_accuracy")) + " à une classe près "
                + "et " + percent(metric(m, "uncertified_fg_recall")) + " des F/G. " + met + " critère"
                + (met > 1 ? "s" : "") + " sur " + criteria.size() + (met > 1 ? " sont atteints." : " est atteint.");
    }

    private static void criteriaSection(HtmlPage page, List<Criterion.Result> criteria) {
        section(page, "criteres", "Critères de succès", "Success criteria");
        List<List<String>> rows = new ArrayList<>();
        for (Criterion.Result c : criteria) {
            rows.add(List.of(c.metric(), Objects.toString(c.model(), MISSING),
                    ("<=".equals(c.operator()) ? "\u2264 " : "\u2265 ") + ratio(c.target()), ratio(c.value()),
                    c.met() ? "\u2713 atteint · met" : "\u2717 non atteint · not met"));
        }
        page.table(List.of("Métrique · Metric", "Modèle · Model", "Cible · Target", "Mesuré · Measured",
                "Statut · Status"), rows);
        boolean all = !criteria.isEmpty() && criteria.stream().allMatch(Criterion.Result::met);
        long met = criteria.stream().filter(Criterion.Result::met).count();
        page.status(all, met + "/" + criteria.size() + " critères atteints · criteria met");
    }

    private static void modelsSection(HtmlPage page, UseCaseResult result, List<UseCaseResult.ModelEntry> models) {
        section(page, "modeles", "Modèles", "Models");
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : models) {
            Map<String, Object> t = m.metrics() == null ? Map.of() : m.metrics();
            Map<String, Object> v = m.validationMetrics() == null ? Map.of() : m.validationMetrics();
            rows.add(List.of((m.name().equals(result.bestModel()) ? "\u2605 " : "") + m.name(),
                    Objects.toString(m.engine(), MISSING),
                    m.notes() == null ? MISSING : m.notes().getOrDefault("approach", MISSING),
                    ratio(metric(t, "accuracy")), ratio(metric(t, "within_one_class_accuracy")),
                    ratio(metric(t, "macro_f1")), kwh(metric(t, "mae_intensity")), ratio(metric(t, "fg_recall")),
                    ratio(metric(t, "certificate_accuracy")), ratio(metric(t, "uncertified_within_one_class_accuracy")),
                    ratio(metric(t, "uncertified_fg_recall")), ratio(metric(v, "selection_score"))));
        }
        page.table(List.of("Modèle", "Moteur", "Approche", "Exacte", "±1 classe", "Macro-F1", "EAM kWh/m²",
                "Rappel F/G", "Accord diag.", "±1 sans diag.", "F/G sans diag.", "Score valid."), rows);
        page.paragraph("\u2605 modèle retenu : meilleur score de validation (moyenne de la précision à une classe près "
                + "et du rappel F/G, mesurés contre les diagnostics de la validation). Colonnes « Exacte » à « Rappel "
                + "F/G » : test contre la classe vraie ; « Accord diag. » : test contre les diagnostics (bruités) ; "
                + "« sans diag. » : logements sans diagnostic contre la classe vraie. · Best model: highest validation "
                + "score against certificates. Test metrics against the true class; agreement with the noisy "
                + "certificates; dwellings without certificate against the truth.");
    }

    private static void confusionSection(HtmlPage page, DpeReportData data) {
        section(page, "confusion", "Matrice de confusion", "Confusion matrix");
        page.html(heatTable(data.confusionTest(), "Test (logements certifiés) · Test split"));
        page.html(heatTable(data.confusionHeldOut(), "Test et logements sans diagnostic · Test and uncertified"));
        page.paragraph("Lignes : classe vraie ; colonnes : classe prédite par le modèle retenu ; la couleur suit la "
                + "part de la ligne. Des effectifs de classes, sans consommation individuelle. · Rows: true class; "
                + "columns: predicted class (best model); shade = share of the row.");
    }

    /** A confusion matrix as an HTML table whose cells are shaded by their share of the row. */
    static String heatTable(long[][] confusion, String caption) {
        StringBuilder h = new StringBuilder("<div class=\"table-wrap\"><table><caption style=\"text-align:left;"
                + "color:#59636e\">").append(HtmlPage.escape(caption)).append("</caption><thead><tr><th>vraie \\ "
                + "prédite</th>");
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

    private static void recallSection(HtmlPage page, List<UseCaseResult.ModelEntry> models,
                                      Map<String, double[]> recall) {
        section(page, "rappel", "Rappel par classe", "Per-class recall");
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        if (recall != null) {
            for (UseCaseResult.ModelEntry m : models) {
                double[] r = recall.get(m.name());
                if (r != null) {
                    double[] pct = new double[r.length];
                    for (int i = 0; i < r.length; i++) {
                        pct[i] = r[i] * 100;
                    }
                    series.add(new SvgCharts.BarSeries(m.name(), pct));
                }
            }
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Rappel par classe vraie, logements hors apprentissage",
                "Classe DPE vraie", "Rappel (%)", DpeThresholds.CLASSES, series)),
                "Part des logements de chaque classe vraie que chaque modèle classe exactement, sur le test et les "
                        + "logements sans diagnostic. · Recall of each true class by model, held-out dwellings.");
    }

    private static void intensitySection(HtmlPage page, DpeReportData.IntensityGroups g) {
        section(page, "intensite", "Intensité prédite contre vraie", "Predicted vs true intensity");
        if (g == null || g.meanTrue() == null || g.meanTrue().length == 0) {
            page.paragraph("Aucun groupe publiable. · No publishable group.");
            return;
        }
        String svg = SvgCharts.scatter(new SvgCharts.ScatterChart("Énergie primaire, " + g.model(),
                "Vraie (kWh EP/m²/an)", "Prédite (kWh EP/m²/an)",
                List.of(new SvgCharts.XySeries("groupes de " + g.groupSize() + "+ logements", g.meanTrue(),
                        g.meanPredicted())), true));
        page.figure(svg, "Chaque point est la moyenne d'au moins " + g.groupSize() + " logements hors apprentissage "
                + "consécutifs par intensité vraie (" + g.dwellings() + " logements) : aucun logement individuel "
                + "n'est montré. · Each point averages at least " + g.groupSize() + " held-out dwellings.");
    }

    private static void communesSection(HtmlPage page, List<DpeReportData.CommuneRow> communes) {
        section(page, "communes", "Passoires thermiques par commune", "F/G dwellings by commune");
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (DpeReportData.CommuneRow c : communes == null ? List.<DpeReportData.CommuneRow>of() : communes) {
            String label = c.communeCode() + " " + Objects.toString(c.name(), "");
            rows.add(List.of(label.strip(), Long.toString(c.dwellings()), Long.toString(c.certified()),
                    Long.toString(c.certifiedFg()), Long.toString(c.uncertified()), Long.toString(c.predictedFg()),
                    Long.toString(c.estimatedFg()), percentNumber(c.estimatedShare())));
            names.add(label.strip());
            shares.add(c.estimatedShare() * 100);
        }
        if (!names.isEmpty()) {
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("Part estimée de passoires (F/G)", "Commune",
                    "Logements F/G (%)", names, List.of(new SvgCharts.BarSeries("F/G estimés",
                            shares.stream().mapToDouble(Double::doubleValue).toArray())))),
                    "Diagnostics F/G plus logements sans diagnostic prédits F/G, rapportés aux logements. · "
                            + "Certified F/G plus uncertified dwellings predicted F/G, per dwelling.");
        }
        page.table(List.of("Commune", "Logements", "Certifiés", "F/G certifiés", "Sans diag.", "F/G prédits",
                "F/G estimés", "Part F/G (%)"), rows);
        page.paragraph(SECRECY_RULE);
    }

    private static void gapSection(HtmlPage page, DpeReportData.GapDistribution gap) {
        section(page, "ecart", "Écart de performance", "Performance gap");
        if (gap == null || gap.bins() == null || gap.bins().isEmpty()) {
            page.paragraph("Pas assez de logements certifiés chauffés par une énergie mesurée pour publier la "
                    + "distribution. · Too few eligible dwellings to publish the distribution.");
            return;
        }
        double[] counts = new double[gap.counts().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = gap.counts()[i];
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Consommation mesurée / DPE, rapportée à la médiane",
                "Ratio à la médiane", "Logements", gap.bins(), List.of(new SvgCharts.BarSeries("logements",
                        counts)))),
                "Rapport de l'énergie primaire mesurée (normalisée du climat) à celle du diagnostic, divisé par sa "
                        + "médiane (" + fixed(gap.medianRatio(), 2) + " : la mesure inclut l'électroménager, hors "
                        + "DPE). · Metered to certificate primary energy, relative to the median ratio.");
        page.paragraph(gap.flagged() + " logements sur " + gap.dwellings() + " s'écartent de la médiane de plus de "
                + percent(gap.tolerance()) + " (×" + fixed(1 + gap.tolerance(), 2) + " ou ÷" + fixed(1
                + gap.tolerance(), 2) + ") : diagnostic et usage mesuré divergent. · " + gap.flagged() + " of "
                + gap.dwellings() + " dwellings depart from the median beyond the tolerance.");
    }

    private static void methodSection(HtmlPage page) {
        section(page, "methode", "Comment c'est calculé", "How it was computed");
        page.list(List.of(
                "Caractéristiques par logement : registre (année, surface, enveloppe, énergie de chauffage, zone "
                        + "climatique, puissance souscrite), consommation électrique et gaz mesurée régressée sur "
                        + "les degrés-jours (base 18 °C) et normalisée à l'année climatique moyenne, convertie en "
                        + "énergie primaire (×2,3 pour l'électricité) et en GES. · Registry features and "
                        + "weather-normalised metered use.",
                "Classification directe de la classe A–G, ou régression de l'énergie primaire et des GES lue avec "
                        + "les seuils officiels (double seuil : la pire des deux classes ; seuils des petites "
                        + "surfaces depuis le 1er juillet 2024). · Direct classification, or regression mapped "
                        + "with the official double threshold.",
                "Forêts aléatoires et arbres boostés, Spark MLlib et Smile ; déséquilibre des classes compensé par "
                        + "des poids de classe. · Random forests and boosted trees, class weights.",
                "Apprentissage sur les diagnostics (bruités) ; sélection sur la validation ; évaluation sur le "
                        + "test contre la classe vraie de la région synthétique (table de vérité, jamais une "
                        + "caractéristique). · Learned from certificates, selected on validation, evaluated "
                        + "against the truth.",
                "Écart de performance : énergie primaire mesurée / énergie primaire du diagnostic, pour les "
                        + "logements chauffés à l'électricité ou au gaz. · Performance gap: metered over "
                        + "certificate primary energy."));
    }

    private static void dataSection(HtmlPage page, DpeReportData data) {
        section(page, "donnees", "Données", "Data");
        page.paragraph("Région · Region : " + Objects.toString(data.region(), MISSING));
        page.heading(3, "Découpage · Split");
        Map<String, String> split = new LinkedHashMap<>();
        if (data.split() != null) {
            data.split().forEach((k, v) -> split.put(k, Objects.toString(v, MISSING)));
        }
        page.keyValues(split);
        page.heading(3, "Tables Delta · Delta tables");
        List<List<String>> rows = new ArrayList<>();
        if (data.tables() != null) {
            data.tables().forEach((path, version) -> rows.add(List.of(path,
                    version == null ? MISSING : Long.toString(version))));
        }
        page.table(List.of("Table", "Version Delta · Delta version"), rows);
    }

    static double metric(Map<String, Object> metrics, String name) {
        Object value = metrics == null ? null : metrics.get(name);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(fraction * 100.0, 1) + " %" : MISSING;
    }

    static String percentNumber(double fraction) {
        return Double.isFinite(fraction) ? fixed(fraction * 100.0, 1) : MISSING;
    }

    static String ratio(double v) {
        return fixed(v, 3);
    }

    static String kwh(double v) {
        return fixed(v, 0);
    }

    static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : MISSING;
    }
}

package org.energycommons.workbench.reports.usecase.uc5;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.fixed;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.percentNumber;
import static org.energycommons.workbench.reports.render.Formats.ratio;
import static org.energycommons.workbench.reports.render.Formats.whole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc5 report page (building energy performance, DPE): one self-contained HTML document, French
 * first with English subtitles: criteria, models, confusion matrix as a heat table, per-class recall, predicted
 * against true intensity, "passoires thermiques" per commune and the performance gap.
 *
 * <p>The page shows what {@link Uc5PageData} holds and only formats it: shares as percentages with one decimal,
 * intensities in kWh/m²/yr with no decimal, and {@code "—"} for a missing value.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc5Page {

    /** The statistical-secrecy rule under the aggregated figures. */
    public static final String SECRECY_RULE = "Seuls sont publiés les agrégats d'au moins 10 bâtiments dont aucun "
            + "ne pèse plus de 85 % (secret statistique) : communes de moins de 10 logements, groupes et classes "
            + "d'écart trop petits ne sont pas montrés ou sont regroupés. · Only aggregates of at least 10 "
            + "buildings, none above 85 %, are published (statistical secrecy).";

    private static final String MODEL_NOTES = UseCasePage.BEST_MARK + "modèle retenu : la régression ridge, sauf si "
            + "le meilleur score de validation (moyenne de la précision à une classe près et du rappel F/G, mesurés "
            + "contre les diagnostics de la validation) la dépasse de plus d'une erreur type (règle de l'erreur "
            + "type : sur une vingtaine de diagnostics, l'écart est surtout du hasard). Colonnes « Exacte » à « Rappel F/G » : test contre la classe vraie ; « Accord diag. » : "
            + "test contre les diagnostics (bruités) ; « sans diag. » : logements sans diagnostic contre la classe "
            + "vraie. « Rappel F/G » : part des passoires vraies signalées comme passoires probables (probabilité "
            + "d'être F ou G d'au moins 1/3 selon l'erreur hors échantillon du modèle ; pour un classifieur, sa "
            + "classe prédite). · Best model: the ridge regression unless the best validation score against the "
            + "certificates beats it by more than one standard error (one-standard-error rule: on some twenty "
            + "certificates the gap is mostly chance). Test metrics against "
            + "the true class; agreement with the noisy certificates; dwellings without certificate against the "
            + "truth. F/G recall: share of true F/G dwellings flagged as probable passoires (probability of F or G "
            + "at least 1/3 under the model's out-of-fold error; a classifier's predicted class).";

    private Uc5Page() {
    }

    /** Renders the uc5 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc5PageData data, Lang lang) {
        UseCasePage page = UseCasePage.of(data, lang);
        UseCaseResult result = data.result();
        if (data.insufficient() != null) {
            page.warning("Données insuffisantes · Insufficient data").summary(data.insufficient());
        } else {
            page.summary(summary(result))
                    .models(List.of("Approche", "Exacte", "±1 classe", "Macro-F1", "EAM kWh/m²", "Rappel F/G",
                            "Accord diag.", "±1 sans diag.", "F/G sans diag.", "Score valid."), Uc5Page::modelCells,
                            p -> p.paragraph(MODEL_NOTES))
                    .section("confusion", "Matrice de confusion", "Confusion matrix", p -> confusion(p, data))
                    .section("rappel", "Rappel par classe", "Per-class recall",
                            p -> recall(p, result, data.classRecall()))
                    .section("intensite", "Intensité prédite contre vraie", "Predicted vs true intensity",
                            p -> intensity(p, data.intensity()))
                    .section("communes", "Passoires thermiques par commune", "F/G dwellings by commune",
                            p -> communes(p, data.communes()))
                    .section("ecart", "Écart de performance", "Performance gap", p -> gap(p, data.gap()));
        }
        return page.methodOf(Uc5Page.class, Map.of())
                .render();
    }

    private static String summary(UseCaseResult result) {
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        long met = UseCasePage.metCount(result);
        int criteria = UseCasePage.criteria(result).size();
        return "En résumé : le modèle retenu sur la validation est " + Objects.toString(result.bestModel(), MISSING)
                + ". Sur les logements certifiés de test, comparé à la classe vraie (sans le bruit des diagnostics), "
                + "il donne la classe exacte dans " + percent(metric(m, "accuracy")) + " des cas, à une classe près "
                + "dans " + percent(metric(m, "within_one_class_accuracy")) + ", et signale comme passoires probables "
                + percent(metric(m, "fg_recall")) + " des passoires thermiques (F/G), avec "
                + percent(metric(m, "fg_precision")) + " de vraies passoires parmi les logements signalés ; sur les "
                + "logements sans "
                + "diagnostic, " + percent(metric(m, "uncertified_within_one_class_accuracy")) + " à une classe près "
                + "et " + percent(metric(m, "uncertified_fg_recall")) + " des F/G. " + met + " critère"
                + (met > 1 ? "s" : "") + " sur " + criteria + (met > 1 ? " sont atteints." : " est atteint.");
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> t = m.metrics();
        return List.of(m.notes() == null ? MISSING : m.notes().getOrDefault("approach", MISSING),
                ratio(metric(t, "accuracy")), ratio(metric(t, "within_one_class_accuracy")),
                ratio(metric(t, "macro_f1")), whole(metric(t, "mae_intensity")), ratio(metric(t, "fg_recall")),
                ratio(metric(t, "certificate_accuracy")), ratio(metric(t, "uncertified_within_one_class_accuracy")),
                ratio(metric(t, "uncertified_fg_recall")), ratio(metric(m.validationMetrics(), "selection_score")));
    }

    private static void confusion(HtmlPage page, Uc5PageData data) {
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

    private static void recall(HtmlPage page, UseCaseResult result, Map<String, double[]> recall) {
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        if (recall != null) {
            for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
                double[] r = recall.get(m.name());
                if (r != null) {
                    series.add(new SvgCharts.BarSeries(m.name(), Formats.percentages(r)));
                }
            }
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Rappel par classe vraie, logements hors apprentissage",
                "Classe DPE vraie", "Rappel (%)", DpeThresholds.CLASSES, series)),
                "Part des logements de chaque classe vraie que chaque modèle classe exactement, sur le test et les "
                        + "logements sans diagnostic. · Recall of each true class by model, held-out dwellings.");
    }

    private static void intensity(HtmlPage page, Uc5PageData.IntensityGroups g) {
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

    private static void communes(HtmlPage page, List<Uc5PageData.CommuneRow> communes) {
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (Uc5PageData.CommuneRow c : communes == null ? List.<Uc5PageData.CommuneRow>of() : communes) {
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

    private static void gap(HtmlPage page, Uc5PageData.GapDistribution gap) {
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

}

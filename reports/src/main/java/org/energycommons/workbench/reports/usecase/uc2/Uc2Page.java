/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc2;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.fixed;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc2 report page (anomaly alerts for public buildings): one self-contained HTML document,
 * French first with English subtitles. It only formats what {@link Uc2PageData} holds: ratios with three
 * decimals, days with one, {@code "—"} for a missing value.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc2Page {

    /** Why no single building's curve is shown. */
    public static final String NO_SINGLE_BUILDING = "La courbe d'un seul bâtiment est celle d'un seul point de "
            + "livraison : par prudence (règles de publication du projet), seule la somme de tous les bâtiments "
            + "publics suivis est publiée, et seulement les jours où elle réunit au moins 10 points sans qu'aucun "
            + "ne dépasse 85 % du total. · A single building's curve is one delivery point: only the total of all "
            + "watched public buildings is published, on days when it gathers at least 10 points, none above 85 %.";

    private Uc2Page() {
    }

    /** Renders the uc2 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc2PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(data, lang).summary(summary(data, result))
                .metricFormat(Uc2Page::formatMetric)
                .section("chronologie", "Consommation, attendu et alertes", "Consumption, expected and alerts",
                        p -> timeline(p, data.timeline()))
                .models("Détecteurs", "Detectors", List.of("Précision", "Rappel", "F1", "Délai médian (j)",
                        "Fausses alertes / bât.-an", "F1 réglage", "Seuil (quantile)"), Uc2Page::detectorCells,
                        p -> p.paragraph(UseCasePage.BEST_MARK + "détecteur retenu : meilleur F1 sur la période de "
                                + "réglage. Colonnes sur la période d'évaluation sauf « F1 réglage ». Le modèle de "
                                + "consommation attendue n'est pas un détecteur : il fournit les résidus des règles "
                                + "et de la forêt (sa MAPE journalière est indiquée). · Best detector = best "
                                + "tuning-period F1; other columns on the evaluation period."))
                .section("types", "Par type de défaut", "By fault type", p -> faultTypes(p, data.faultTypes()))
                .section("delais", "Délais de détection", "Detection delays", p -> delays(p, data.delayBins()))
                .section("regles", "Règles et alertes", "Rules and alerts",
                        p -> rules(p, data.rules(), data.alertsByRule()))
                .methodOf(Uc2Page.class, Map.of())
                .leaveOutOfProvenance("detections", "alerts_by_rule_and_fault_type")
                .render();
    }

    /** A uc2 metric as in the criteria table: days with one decimal, alerts per building-year with two. */
    static String formatMetric(String metric, double value) {
        return switch (metric) {
            case "median_detection_delay_days" -> fixed(value, 1);
            case "false_alerts_per_building_year" -> fixed(value, 2);
            default -> ratio(value);
        };
    }

    private static String summary(Uc2PageData data, UseCaseResult result) {
        if (!"ok".equals(data.outcome())) {
            return "Données insuffisantes : " + data.outcome() + ". Aucune métrique n'est calculée. · Insufficient "
                    + "data: no metric computed.";
        }
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        return "Le détecteur retenu sur la période de réglage est « " + result.bestModel() + " ». Sur la période "
                + "d'évaluation, il détecte " + percent(metric(m, "recall"))
                + " des défauts injectés (précision " + percent(metric(m, "precision"))
                + ", F1 " + ratio(metric(m, "f1")) + "), avec un délai médian de "
                + fixed(metric(m, "median_detection_delay_days"), 1) + " jour(s) et "
                + fixed(metric(m, "false_alerts_per_building_year"), 2)
                + " fausse(s) alerte(s) par bâtiment et par an. " + UseCasePage.metCount(result) + "/"
                + UseCasePage.criteria(result).size() + " critères atteints. · Best detector chosen on the tuning "
                + "period; evaluation-period recall, precision, F1, median delay and false alerts per building-year "
                + "as above.";
    }

    private static void timeline(HtmlPage page, Uc2PageData.Timeline t) {
        page.paragraph(NO_SINGLE_BUILDING);
        if (t == null || t.epochMillis().length == 0) {
            page.paragraph("Aucun jour ne passe le contrôle du secret statistique : rien n'est tracé. · No day passes "
                    + "the statistical-secrecy guard: nothing is drawn.");
            return;
        }
        String energy = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart("Bâtiments publics — consommation "
                + "journalière totale", "kWh / jour", List.of(
                        new SvgCharts.Series("Mesuré · metered", t.epochMillis(), t.actualKwh()),
                        new SvgCharts.Series("Attendu · expected", t.epochMillis(), t.expectedKwh())),
                null, null, SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(energy, "Somme des bâtiments publics suivis (au moins " + t.minBuildings() + " points de "
                + "livraison chaque jour) et somme des consommations attendues par le modèle. · Total of the watched "
                + "public buildings and of the expected consumption.");
        String alerts = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart("Bâtiments en alerte par jour",
                "bâtiments", List.of(new SvgCharts.Series("Détecteur retenu · best detector", t.epochMillis(),
                        t.buildingsWithAlert())), null, null, SvgCharts.DEFAULT_WIDTH, 240));
        page.figure(alerts, "Nombre de bâtiments avec au moins une alerte du détecteur retenu, par jour. · Buildings "
                + "with an alert of the best detector, per day.");
    }

    private static List<String> detectorCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> t = m.metrics() == null ? Map.of() : m.metrics();
        if (!t.containsKey("f1")) {
            return List.of(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
                    "MAPE " + percent(metric(t, "mape_daily_kwh")));
        }
        return List.of(ratio(metric(t, "precision")), ratio(metric(t, "recall")), ratio(metric(t, "f1")),
                fixed(metric(t, "median_detection_delay_days"), 1),
                fixed(metric(t, "false_alerts_per_building_year"), 2), ratio(metric(m.validationMetrics(), "f1")),
                Objects.toString(m.notes() == null ? null : m.notes().get("threshold_quantile"), MISSING));
    }

    private static void faultTypes(HtmlPage page, List<Uc2PageData.FaultTypeRow> types) {
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] recall = new double[types == null ? 0 : types.size()];
        double[] precision = new double[recall.length];
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                Uc2PageData.FaultTypeRow r = types.get(i);
                rows.add(List.of(r.faultType(), Long.toString(r.faults()), ratio(r.recall()), ratio(r.precision()),
                        ratio(r.f1()), fixed(r.medianDelayDays(), 1)));
                names.add(r.faultType());
                recall[i] = Double.isFinite(r.recall()) ? r.recall() : 0;
                precision[i] = Double.isFinite(r.precision()) ? r.precision() : 0;
            }
        }
        page.table(List.of("Type", "Défauts", "Rappel", "Précision", "F1", "Délai médian (j)"), rows);
        if (!names.isEmpty()) {
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("Rappel et précision par type de défaut", "type",
                    "ratio", names, List.of(new SvgCharts.BarSeries("rappel · recall", recall),
                            new SvgCharts.BarSeries("précision · precision", precision)))),
                    "Détecteur retenu, période d'évaluation. La précision d'un type compte les épisodes qui touchent "
                            + "un défaut de ce type contre toutes les fausses alertes. · Best detector, evaluation "
                            + "period.");
        }
    }

    private static void delays(HtmlPage page, Map<String, Long> bins) {
        if (bins == null || bins.isEmpty()) {
            page.paragraph("Aucun défaut évalué. · No fault evaluated.");
            return;
        }
        List<String> labels = new ArrayList<>(bins.keySet());
        double[] counts = bins.values().stream().mapToDouble(Long::doubleValue).toArray();
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Délai entre le début du défaut et la première alerte",
                "jours · days", "défauts · faults", labels, List.of(new SvgCharts.BarSeries("défauts", counts)))),
                "Détecteur retenu, défauts commençant dans la période d'évaluation ; la dernière barre compte les "
                        + "défauts manqués. · Best detector; the last bar counts missed faults.");
    }

    private static void rules(HtmlPage page, List<Uc2PageData.RuleRow> rules, Map<String, Map<String, Long>> byRule) {
        List<List<String>> rows = new ArrayList<>();
        if (rules != null) {
            for (Uc2PageData.RuleRow r : rules) {
                rows.add(List.of(r.id(), r.severity(), r.condition(), r.kept() ? "oui · yes" : "non · no"));
            }
        }
        page.table(List.of("Règle", "Gravité", "Condition", "Gardée au réglage"), rows);
        if (byRule == null || byRule.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(byRule.values().iterator().next().keySet());
        List<String> headers = new ArrayList<>();
        headers.add("Règle · Rule");
        columns.forEach(c -> headers.add(c.equals("none") ? "hors défaut · no fault" : c));
        List<List<String>> counts = new ArrayList<>();
        byRule.forEach((rule, row) -> {
            List<String> line = new ArrayList<>();
            line.add(rule);
            columns.forEach(c -> line.add(Long.toString(row.getOrDefault(c, 0L))));
            counts.add(line);
        });
        page.table(headers, counts);
        page.paragraph("Jours d'alerte de la période d'évaluation par règle (toutes règles, gardées ou non, et la "
                + "forêt d'isolement) selon le type du défaut dont la fenêtre les contient. · Evaluation-period alert "
                + "days per rule and fault type.");
    }

}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc6;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.fixed;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.percentNumber;
import static org.energycommons.workbench.reports.render.Formats.ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc6 report page (gas network demand D+1..D+7 and cold peaks): one self-contained HTML
 * document, French first with English subtitles. It shows what {@link Uc6PageData} holds and only formats
 * it: percentages with one decimal, demand in MWh/day with one decimal (kWh ÷ 1000), {@code "—"} for a missing value.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc6Page {

    /** The statistical-secrecy rule under the areas table. */
    public static final String SECRECY_RULE = "Seules sont publiées les zones d'au moins 10 points de livraison "
            + "de gaz dont aucun ne représente plus de 85 % de la demande journalière (secret statistique, Code de "
            + "l'énergie, art. D.111-52 et D.111-53). · Only areas of at least 10 gas delivery points, none above "
            + "85 % of the daily demand, are published (statistical secrecy).";
    /** Shown in place of the forecast-vs-actual chart when no area may be published. */
    public static final String NO_FOCUS = "Aucune zone ne passe le contrôle du secret statistique, ou aucun "
            + "modèle n'a été entraîné : pas de courbe prévision contre réalisé. · No area passes the secrecy guard, "
            + "or no model was trained: no forecast-vs-actual chart.";

    private static final Set<String> PERCENT_METRICS = Set.of("mape_d1", "mape_d2", "mape_d3", "mape_d4", "mape_d5",
            "mape_d6", "mape_d7", "mape", "skill_vs_degree_day", "coverage_p10_p90", "peak_recall", "peak_precision");

    private Uc6Page() {
    }

    /** Renders the uc6 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc6PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(data, lang).summary(summary(data, result))
                .metricFormat(Uc6Page::formatMetric)
                .section("prevision", "Prévision J+1 contre réalisé", "D+1 forecast vs actual",
                        p -> focus(p, data.focus()))
                .section("horizons", "Erreur par horizon", "Error by horizon",
                        p -> horizons(p, result, data.mapeByHorizon()))
                .section("alertes", "Alertes et pointes réelles", "Alerts vs actual peaks",
                        p -> alerts(p, data.areas(), data.alerts()))
                .models(List.of("MAPE J+1 val. (%)", "MAPE J+1 test (%)", "MAPE J+7 test (%)",
                        "Gain vs degrés-jours (%)", "P10–P90 (%)", "Rappel pointes", "Précision pointes"),
                        Uc6Page::modelCells, p -> modelNotes(p, data.methods()))
                .methodOf(Uc6Page.class, Map.of("noise_model", Objects.toString(data.noiseModel(), MISSING)))
                .dataDetails(p -> {
                    if (data.status() != null) {
                        p.status(false, data.status());
                    }
                })
                .render();
    }

    private static String summary(Uc6PageData data, UseCaseResult result) {
        long met = UseCasePage.metCount(result);
        int criteria = UseCasePage.criteria(result).size();
        if (data.status() != null) {
            return "Aucun modèle n'a été entraîné : " + data.status() + ". · No model was trained. " + met + "/"
                    + criteria + " critères atteints.";
        }
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        return "En résumé : le modèle retenu sur la période de validation est "
                + Objects.toString(result.bestModel(), MISSING) + ". Sur la période de test, son erreur absolue "
                + "moyenne en pourcentage (MAPE) est de " + percent(metric(m, "mape_d1"))
                + " à J+1 et de " + percent(metric(m, "mape_d7")) + " à J+7 ; il "
                + "annonce " + percent(metric(m, "peak_recall")) + " des jours de "
                + "pointe (rappel) avec une précision de "
                + percent(metric(m, "peak_precision")) + ". " + met + " critère(s) sur "
                + criteria + " atteint(s). · Best model on validation, test MAPE at D+1 and D+7, peak recall "
                + "and precision.";
    }

    /** A uc6 metric as in the criteria table: MAPE, skill, coverage, peak recall and precision as percentages. */
    static String formatMetric(String metric, double value) {
        return PERCENT_METRICS.contains(metric) ? percent(value) : ratio(value);
    }

    private static void focus(HtmlPage page, Uc6PageData.FocusSeries focus) {
        if (focus == null || focus.epochMillis() == null || focus.epochMillis().length == 0) {
            page.paragraph(NO_FOCUS);
            return;
        }
        long[] t = focus.epochMillis();
        List<SvgCharts.Series> series = List.of(
                new SvgCharts.Series("Réalisé · actual", t, mwh(focus.actualKwh())),
                new SvgCharts.Series("P50 " + focus.model(), t, mwh(focus.p50Kwh())));
        List<SvgCharts.Band> bands = List.of(new SvgCharts.Band("P10–P90", t, mwh(focus.p10Kwh()),
                mwh(focus.p90Kwh())));
        List<SvgCharts.HorizontalLine> lines = new ArrayList<>();
        if (Double.isFinite(focus.capacityKwh())) {
            lines.add(new SvgCharts.HorizontalLine("Capacité " + mwh(focus.capacityKwh()) + " MWh/j",
                    focus.capacityKwh() / 1000));
        }
        if (Double.isFinite(focus.peakThresholdKwh())) {
            lines.add(new SvgCharts.HorizontalLine("Seuil de pointe (P95) " + mwh(focus.peakThresholdKwh()) + " MWh/j",
                    focus.peakThresholdKwh() / 1000));
        }
        String svg = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart("Zone " + focus.areaId()
                + " — demande journalière, prévision émise la veille", "Demande (MWh PCS/j)", series, bands, lines,
                SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(svg, "Zone " + focus.areaId() + " (" + focus.buildings() + " points de livraison), période de "
                + "test, prévision J+1 du modèle " + focus.model() + " avec l'intervalle P10–P90, la capacité de la "
                + "zone et le seuil de pointe. · Area " + focus.areaId() + ", test period, D+1 forecast with P10–P90, "
                + "capacity and peak threshold.");
    }

    private static void horizons(HtmlPage page, UseCaseResult result, Map<String, double[]> mapeByHorizon) {
        if (mapeByHorizon == null || mapeByHorizon.isEmpty()) {
            page.paragraph("Pas d'erreur par horizon disponible. · No error by horizon available.");
            return;
        }
        List<String> horizons = new ArrayList<>();
        int n = mapeByHorizon.values().iterator().next().length;
        for (int h = 1; h <= n; h++) {
            horizons.add("J+" + h);
        }
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        for (String name : UseCasePage.modelsFirst(result, mapeByHorizon.keySet())) {
            series.add(new SvgCharts.BarSeries(name, Formats.percentages(mapeByHorizon.get(name))));
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("MAPE par horizon, période de test", "Horizon",
                "MAPE (%)", horizons, series)), "Erreur absolue moyenne en pourcentage de la P50 selon l'horizon, par "
                + "modèle : l'erreur croît avec celle des températures prévues. · MAPE of P50 by horizon and model on "
                + "the test period.");
    }

    private static void alerts(HtmlPage page, List<Uc6PageData.AreaRow> areas, List<Uc6PageData.AlertRow> alerts) {
        List<Uc6PageData.AreaRow> rows = areas == null ? List.of() : areas;
        if (!rows.isEmpty()) {
            List<String> categories = rows.stream().map(Uc6PageData.AreaRow::areaId).toList();
            double[] peakDays = rows.stream().mapToDouble(Uc6PageData.AreaRow::peakDays).toArray();
            double[] peakAlerts = rows.stream().mapToDouble(Uc6PageData.AreaRow::peakAlerts).toArray();
            double[] hits = rows.stream().mapToDouble(Uc6PageData.AreaRow::peakHits).toArray();
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("Jours de pointe et annonces J+1, période de test",
                    "Zone", "Jours", categories, List.of(
                    new SvgCharts.BarSeries("Jours de pointe réels · actual peak days", peakDays),
                    new SvgCharts.BarSeries("Pointes annoncées · announced (P90 > seuil)", peakAlerts),
                    new SvgCharts.BarSeries("Annoncées et réalisées · hits", hits)))),
                    "Par zone : jours dont la demande dépasse le seuil de pointe (P95 de la période d'entraînement), "
                            + "jours où la P90 prévue la veille le dépasse, et jours où les deux se produisent. · "
                            + "Actual peak days, announced peaks and hits per area.");
        }
        List<List<String>> table = new ArrayList<>();
        for (Uc6PageData.AreaRow a : rows) {
            table.add(List.of(a.areaId(), Long.toString(a.buildings()), mwh(a.capacityKwh()),
                    mwh(a.peakThresholdKwh()), percentNumber(a.mapeD1()), Long.toString(a.peakDays()),
                    Long.toString(a.peakAlerts()), Long.toString(a.peakHits()), Long.toString(a.capacityDays()),
                    Long.toString(a.coldPeakAlerts())));
        }
        page.table(List.of("Zone", "Points", "Capacité (MWh/j)", "Seuil P95 (MWh/j)", "MAPE J+1 (%)",
                "J. pointe", "Annonces", "Réussies", "J. > capacité", "Alertes froid"), table);
        page.paragraph(SECRECY_RULE);
        page.heading(3, "Alertes de pointe de froid (P90 J+1 au-delà du niveau de pointe de froid) · Cold-peak alerts");
        page.paragraph("Niveau de pointe de froid d'une zone : sa capacité si un jour d'entraînement l'a dépassée, "
                + "sinon le P95 de ses jours d'entraînement ; une alerte est juste quand la demande réelle le dépasse. · "
                + "An area's cold-peak level is its capacity when a training day exceeded it, else the P95 of its "
                + "training days; an alert is right when the actual demand exceeds it.");
        List<List<String>> alertRows = new ArrayList<>();
        if (alerts != null) {
            for (Uc6PageData.AlertRow a : alerts) {
                alertRows.add(List.of(a.areaId(), a.targetDate(), mwh(a.p90Kwh()), mwh(a.actualKwh()),
                        mwh(a.coldPeakLevelKwh()), a.alert() ? "oui" : "non", a.coldPeak() ? "oui" : "non"));
            }
        }
        if (alertRows.isEmpty()) {
            page.paragraph("Aucune alerte ni aucune pointe de froid sur la période de test. · No alert and no cold "
                    + "peak in the test period.");
        } else {
            page.table(List.of("Zone", "Jour", "P90 (MWh)", "Réalisé (MWh)", "Niveau (MWh)", "Alerte",
                    "Pointe réelle"), alertRows);
        }
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> test = m.metrics();
        return List.of(percentNumber(metric(m.validationMetrics(), "mape_d1")), percentNumber(metric(test, "mape_d1")),
                percentNumber(metric(test, "mape_d7")), percentNumber(metric(test, "skill_vs_degree_day")),
                percentNumber(metric(test, "coverage_p10_p90")), ratio(metric(test, "peak_recall")),
                ratio(metric(test, "peak_precision")));
    }

    private static void modelNotes(HtmlPage page, Map<String, String> methods) {
        page.paragraph(UseCasePage.BEST_MARK + ": modèle retenu (plus faible MAPE moyenne de J+1 à J+7 en validation ; "
                + "le test ne sert qu'à rendre compte). · " + UseCasePage.BEST_MARK + "best model, chosen on validation "
                + "only.");
        List<String> items = new ArrayList<>();
        if (methods != null) {
            methods.forEach((name, method) -> items.add(name + " : " + method));
        }
        page.list(items);
    }

    /** kWh to MWh with one decimal. */
    static String mwh(double kwh) {
        return fixed(kwh / 1000, 1);
    }

    private static double[] mwh(double[] kwh) {
        double[] out = new double[kwh.length];
        for (int i = 0; i < kwh.length; i++) {
            out[i] = kwh[i] / 1000;
        }
        return out;
    }
}

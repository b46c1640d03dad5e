/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc4;

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
import java.util.Set;

import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc4 report page (day-ahead substation load forecasting and congestion risk): one
 * self-contained HTML document, French first with English subtitles on the key headings.
 *
 * <p>The page fills the {@link UseCasePage} skeleton with its own sections. It shows what {@link Uc4PageData}
 * holds and only formats it: percentages with one decimal ({@code "4.3 %"}), kilowatts with one decimal, ratios
 * with three decimals, and {@code "—"} for a missing (null or {@code NaN}) value. It never computes a figure of
 * its own beyond unit conversions for display (fraction to percent, kVA to kW at the stated power factor).
 */
public final class Uc4Page {

    /**
     * The power factor used to draw a substation's apparent-power capacity (kVA) on the kW axis: the one the jobs
     * use to compare load with capacity ({@link SubstationCapacity#POWER_FACTOR}).
     */
    public static final double POWER_FACTOR = SubstationCapacity.POWER_FACTOR;

    /** The nominal coverage of the P10–P90 interval. */
    public static final double NOMINAL_COVERAGE = 0.80;

    /** The sentence shown in place of the forecast-vs-actual chart when no substation may be published. */
    public static final String NO_FOCUS = "Aucun poste ne passe le contrôle du secret statistique : la courbe "
            + "prévision contre réalisé d'un poste ne peut pas être publiée. · No substation passes the "
            + "statistical-secrecy guard, so no substation's forecast-vs-actual curve can be published.";

    /** The statistical-secrecy rule under the substations table. */
    public static final String SECRECY_RULE = "Seuls sont publiés les agrégats d'au moins 10 points de livraison "
            + "dont aucun ne représente plus de 85 % de l'énergie (secret statistique, Code de l'énergie, "
            + "art. D.111-52 et D.111-53). · Only aggregates of at least 10 delivery points, none above 85 % of "
            + "the energy, are published (statistical secrecy).";

    private static final Set<String> PERCENT_METRICS = Set.of("mape", "skill_vs_persistence", "coverage_p10_p90");
    private static final Set<String> KW_METRICS = Set.of("rmse", "mae", "crps", "pinball_p10", "pinball_p50",
            "pinball_p90");
    private static final Set<String> COUNT_METRICS = Set.of("congestion_hours", "alert_hours", "rows");

    private Uc4Page() {
    }

    /** Renders the uc4 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc4PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(data, lang).summary(summary(result))
                .metricFormat(Uc4Page::formatMetric)
                .section("prevision", "Prévision contre réalisé", "Forecast vs actual", p -> focus(p, data.focus()))
                .section("erreur-heure", "Erreur par heure", "Error by hour",
                        p -> errorByHour(p, result, data.mapeByHour()))
                .models(List.of("MAPE (%)", "RMSE (kW)", "Skill (%)", "P10–P90 (%)", "CRPS (kW)", "Rappel",
                        "Précision", "RMSE valid. (kW)"), Uc4Page::modelCells,
                        p -> modelNotes(p, result, data.intervalMethods()))
                .section("postes", "Postes", "Substations", p -> substations(p, data.substations()))
                .section("backtest", "Backtest à origines glissantes", "Rolling-origin backtest",
                        p -> backtest(p, data.backtest()))
                .render();
    }

    // ------------------------------------------------------------------------------------------
    // Sections
    // ------------------------------------------------------------------------------------------

    private static String summary(UseCaseResult result) {
        Map<String, Object> metrics = UseCasePage.bestMetrics(result);
        long met = UseCasePage.metCount(result);
        int criteria = UseCasePage.criteria(result).size();
        String bestName = result.bestModel() == null ? MISSING : result.bestModel();
        return "En résumé : le modèle retenu sur la période de validation est " + bestName
                + ". Sur la période de test, son erreur absolue moyenne en pourcentage (MAPE) est de "
                + percent(metric(metrics, "mape"))
                + " et " + skillPhrase(metric(metrics, "skill_vs_persistence"))
                + " par rapport à la persistance (la charge de la même heure une semaine plus tôt). "
                + met + " critère" + (met > 1 ? "s" : "") + " de succès sur " + criteria
                + (met > 1 ? " sont atteints." : " est atteint.");
    }

    /** The skill as an improvement (or a degradation) of the RMSE against persistence, in percent. */
    private static String skillPhrase(double skill) {
        if (!Double.isFinite(skill)) {
            return "son gain d'erreur quadratique (RMSE) est inconnu";
        }
        return skill >= 0
                ? "il réduit l'erreur quadratique (RMSE) de " + percent(skill)
                : "il augmente l'erreur quadratique (RMSE) de " + percent(-skill);
    }

    private static void focus(HtmlPage page, Uc4PageData.FocusSeries focus) {
        if (focus == null) {
            page.paragraph(NO_FOCUS);
            return;
        }
        long[] t = focus.epochMillis() == null ? new long[0] : focus.epochMillis();
        String model = Objects.toString(focus.model(), MISSING);
        List<SvgCharts.Series> series = new ArrayList<>();
        if (focus.actualKw() != null) {
            series.add(new SvgCharts.Series("Réalisé", t, focus.actualKw()));
        }
        if (focus.p50Kw() != null) {
            series.add(new SvgCharts.Series("Prévision P50 " + model, t, focus.p50Kw()));
        }
        List<SvgCharts.Band> bands = new ArrayList<>();
        if (focus.p10Kw() != null && focus.p90Kw() != null) {
            bands.add(new SvgCharts.Band("P10–P90", t, focus.p10Kw(), focus.p90Kw()));
        }
        List<SvgCharts.HorizontalLine> lines = new ArrayList<>();
        double capacityKw = focus.capacityKva() * POWER_FACTOR;
        if (Double.isFinite(capacityKw) && capacityKw > 0) {
            lines.add(new SvgCharts.HorizontalLine(
                    "Capacité ≈ " + kw(capacityKw) + " kW (cos φ " + POWER_FACTOR + ")", capacityKw));
        }
        String svg = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart(
                "Poste " + focus.substationId() + " — charge horaire", "Puissance (kW)", series, bands, lines,
                SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(svg, "Poste " + focus.substationId() + ", " + focus.meters() + " compteurs, "
                + period(t) + " (heure de Paris), modèle " + model + ". · Substation " + focus.substationId()
                + ", " + focus.meters() + " meters, test period, Paris time.");
    }

    private static void errorByHour(HtmlPage page, UseCaseResult result, Map<String, double[]> mapeByHour) {
        if (mapeByHour == null || mapeByHour.isEmpty()) {
            page.paragraph("Pas d'erreur par heure disponible. · No error by hour available.");
            return;
        }
        List<String> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(String.format(Locale.ROOT, "%02d", h));
        }
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        for (String name : UseCasePage.modelsFirst(result, mapeByHour.keySet())) {
            double[] fractions = mapeByHour.get(name);
            if (fractions == null) {
                continue;
            }
            if (fractions.length != 24) {
                throw new IllegalArgumentException("mapeByHour of model '" + name + "' has " + fractions.length
                        + " values, expected 24 (one per local hour)");
            }
            series.add(new SvgCharts.BarSeries(name, Formats.percentages(fractions)));
        }
        String svg = SvgCharts.bars(new SvgCharts.BarChart("MAPE par heure locale, période de test",
                "Heure (Paris)", "MAPE (%)", hours, series));
        page.figure(svg, "Erreur absolue moyenne en pourcentage selon l'heure locale, par modèle, sur la période "
                + "de test. · MAPE by local hour and model on the test period.");
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> test = m.metrics();
        return List.of(
                percentNumber(metric(test, "mape")),
                kw(metric(test, "rmse")),
                percentNumber(metric(test, "skill_vs_persistence")),
                percentNumber(metric(test, "coverage_p10_p90")),
                fixed(metric(test, "crps"), 2),
                ratio(metric(test, "congestion_recall")),
                ratio(metric(test, "congestion_precision")),
                kw(metric(m.validationMetrics(), "rmse")));
    }

    private static void modelNotes(HtmlPage page, UseCaseResult result, Map<String, String> intervalMethods) {
        page.paragraph(UseCasePage.BEST_MARK + "modèle retenu sur la période de validation (plus faible RMSE de "
                + "validation) · best model, selected on validation RMSE. Colonnes sur la période de test, sauf la "
                + "dernière : MAPE, RMSE, skill vs persistance (1 − RMSE / RMSE de la persistance), couverture de "
                + "l'intervalle P10–P90, rappel et précision de la détection des heures de congestion ; RMSE sur la "
                + "période de validation. · Test-period metrics except the last column: MAPE, RMSE, skill vs "
                + "persistence, P10–P90 coverage, congestion recall and precision; validation RMSE.");
        page.heading(3, "Intervalles de prévision · Prediction intervals");
        page.paragraph("La couverture nominale de l'intervalle P10–P90 est de " + percent(NOMINAL_COVERAGE)
                + " : huit valeurs réalisées sur dix devraient s'y trouver. · The nominal coverage of the P10–P90 "
                + "interval is 80 %.");
        Map<String, String> methods = intervalMethods == null ? Map.of() : intervalMethods;
        List<String> items = new ArrayList<>();
        for (String name : UseCasePage.modelsFirst(result, methods.keySet())) {
            String method = methods.get(name);
            items.add(name + " : " + (method == null ? MISSING : method));
        }
        page.list(items);
    }

    private static void substations(HtmlPage page, List<Uc4PageData.SubstationRow> substations) {
        List<List<String>> rows = new ArrayList<>();
        if (substations != null) {
            for (Uc4PageData.SubstationRow s : substations) {
                rows.add(List.of(s.substationId(), Integer.toString(s.meters()), whole(s.capacityKva()),
                        percentNumber(s.mape()), kw(s.rmse()), percentNumber(s.coverage()),
                        Long.toString(s.congestionHours()), Long.toString(s.alertHours())));
            }
        }
        page.table(List.of("Poste", "Compteurs", "Capacité (kVA)", "MAPE (%)", "RMSE (kW)", "P10–P90 (%)",
                "H. congestion", "H. alerte"), rows);
        page.paragraph("Métriques de test du modèle retenu, par poste : couverture de l'intervalle P10–P90, "
                + "heures de congestion (charge réalisée au-delà de la capacité) et heures d'alerte (P90 prévu "
                + "au-delà de la capacité). · Test metrics of the best model by substation (meters, capacity, "
                + "MAPE, RMSE, P10–P90 coverage, congestion hours, alert hours).");
        page.paragraph(SECRECY_RULE);
    }

    private static void backtest(HtmlPage page, Uc4PageData.Backtest bt) {
        if (bt == null) {
            page.paragraph("Le backtest n'a pas été exécuté (workbench.uc4.backtest.origins=0). · The backtest was "
                    + "not run.");
            return;
        }
        page.paragraph(Objects.toString(bt.method(), MISSING) + ". Perte pinball et CRPS : plus bas est meilleur ; "
                + "le CRPS est estimé à partir des trois quantiles (2 × moyenne des pertes pinball à 10, 50 et 90 %). · "
                + "Pinball loss and CRPS: lower is better; CRPS estimated from the three quantiles.");
        List<List<String>> rows = new ArrayList<>();
        for (Uc4PageData.OriginRow o : bt.origins()) {
            rows.add(List.of(o.origin(), o.forecastDays(), o.model(), Long.toString(o.rows()),
                    percentNumber(o.mape()), kw(o.rmse()), percentNumber(o.skill()), percentNumber(o.coverage()),
                    fixed(o.pinballP50(), 2), fixed(o.crps(), 2)));
        }
        page.table(List.of("Origine", "Jours prévus", "Modèle", "Heures", "MAPE (%)", "RMSE (kW)", "Skill (%)",
                "P10–P90 (%)", "Pinball P50 (kW)", "CRPS (kW)"), rows);
        if (bt.leadHours() != null && bt.leadHours().length > 0) {
            List<String> leads = new ArrayList<>();
            for (int h : bt.leadHours()) {
                leads.add(Integer.toString(h));
            }
            List<SvgCharts.BarSeries> mape = new ArrayList<>();
            bt.mapeByLead().forEach((model, v) -> mape.add(new SvgCharts.BarSeries(model, Formats.percentages(v))));
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("MAPE selon l'échéance, backtest",
                    "Échéance (heures après l'émission, J-1 10:00)", "MAPE (%)", leads, mape)),
                    "Erreur selon l'échéance de prévision, toutes origines confondues. · MAPE by lead time (hours "
                            + "after the forecast is issued), over every origin.");
            List<SvgCharts.BarSeries> crps = new ArrayList<>();
            bt.crpsByLead().forEach((model, v) -> crps.add(new SvgCharts.BarSeries(model, v)));
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("CRPS selon l'échéance, backtest",
                    "Échéance (heures)", "CRPS (kW)", leads, crps)),
                    "CRPS selon l'échéance. · CRPS by lead time.");
        }
        if (bt.substations() != null && !bt.substations().isEmpty()) {
            List<String> ids = new ArrayList<>();
            double[] mapes = new double[bt.substations().size()];
            List<List<String>> subRows = new ArrayList<>();
            for (int i = 0; i < bt.substations().size(); i++) {
                Uc4PageData.BacktestSubstation b = bt.substations().get(i);
                ids.add(b.substationId());
                mapes[i] = 100 * b.mape();
                subRows.add(List.of(b.substationId(), Integer.toString(b.meters()), percentNumber(b.mape()),
                        kw(b.rmse()), fixed(b.crps(), 2), percentNumber(b.coverage())));
            }
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("MAPE par poste, backtest de " + bt.model(), "Poste",
                    "MAPE (%)", ids, List.of(new SvgCharts.BarSeries(bt.model(), mapes)))),
                    "Erreur du modèle retenu par poste, toutes origines confondues. · Error of the selected model "
                            + "by substation over every origin.");
            page.table(List.of("Poste", "Compteurs", "MAPE (%)", "RMSE (kW)", "CRPS (kW)", "P10–P90 (%)"), subRows);
            page.paragraph(SECRECY_RULE);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Formatting
    // ------------------------------------------------------------------------------------------

    /** A uc4 metric value with the unit its name implies, as in the criteria table. */
    static String formatMetric(String metric, double value) {
        if (PERCENT_METRICS.contains(metric)) {
            return percent(value);
        }
        if (KW_METRICS.contains(metric)) {
            return Formats.withUnit(value, "kW");
        }
        if (COUNT_METRICS.contains(metric)) {
            return whole(value);
        }
        return ratio(value);
    }

    /** Kilowatts with one decimal. */
    static String kw(double kw) {
        return fixed(kw, 1);
    }

    private static String period(long[] epochMillis) {
        if (epochMillis.length == 0) {
            return "période vide";
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : epochMillis) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return "du " + Formats.parisMinute(min) + " au " + Formats.parisMinute(max);
    }
}

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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.models.forecast.MllibGbtForecaster;
import org.energycommons.workbench.models.forecast.PersistenceForecaster;
import org.energycommons.workbench.models.forecast.XgboostQuantileForecaster;
import org.energycommons.workbench.models.uc4.Uc4Features;
import org.energycommons.workbench.models.uc4.Uc4Run;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc4 report page (day-ahead substation load forecasting and congestion risk): one
 * self-contained HTML document per language, each wholly in its language.
 *
 * <p>The page fills the {@link UseCasePage} skeleton with its own sections. It shows what {@link Uc4PageData}
 * holds and only formats it: percentages with one decimal ({@code "4.3 %"}), kilowatts with one decimal, ratios
 * with three decimals, and {@code "—"} for a missing (null or {@code NaN}) value. It never computes a figure of
 * its own beyond unit conversions for display (fraction to percent, kVA to kW at the stated power factor). Every
 * figure and table says what it is measured on: the test period or the backtest's forecast days, which no fit saw,
 * or the validation period, which selects the model.
 */
public final class Uc4Page {

    /**
     * The power factor used to draw a substation's apparent-power capacity (kVA) on the kW axis: the one the jobs
     * use to compare load with capacity ({@link SubstationCapacity#POWER_FACTOR}).
     */
    public static final double POWER_FACTOR = SubstationCapacity.POWER_FACTOR;

    /** The nominal coverage of the P10–P90 interval. */
    public static final double NOMINAL_COVERAGE = 0.80;

    private static final Set<String> PERCENT_METRICS = Set.of("mape", "skill_vs_persistence", "coverage_p10_p90");
    private static final Set<String> KW_METRICS = Set.of("rmse", "mae", "crps", "pinball_p10", "pinball_p50",
            "pinball_p90");
    private static final Set<String> COUNT_METRICS = Set.of("congestion_hours", "alert_hours", "rows");

    /** How the models the page knows get their P10 and P90, in French and English, by model type. */
    private static final Map<String, List<String>> INTERVAL_METHODS = Map.of(
            PersistenceForecaster.TYPE, residualInterval(),
            MllibGbtForecaster.TYPE, residualInterval(),
            XgboostQuantileForecaster.TYPE, List.of("régression quantile, un ensemble d'arbres boostés ajusté "
                    + "avec la perte pinball à 10 %, 50 % et 90 % à la fois", "quantile regression, one boosted-tree "
                    + "ensemble fitted with the pinball loss at 10 %, 50 % and 90 % at once"));

    /** The population the substation tables count, as their cells name it for the publication audit. */
    public static final String METERS_COUNTED = "meters";

    private Uc4Page() {
    }

    /** The sentence shown in place of the forecast-vs-actual chart when no substation may be published. */
    public static String noFocus(Lang lang) {
        return lang.t("Aucun poste ne passe le contrôle du secret statistique : la courbe prévision contre réalisé "
                        + "d'un poste ne peut pas être publiée.",
                "No substation passes the statistical-secrecy guard, so no substation's forecast-vs-actual curve "
                        + "can be published.");
    }

    /** The statistical-secrecy rule under the substations tables, in a language. */
    public static String secrecyRule(Lang lang) {
        return lang.t("Seuls sont publiés les agrégats d'au moins 10 points de livraison dont aucun ne représente plus "
                        + "de 85 % de l'énergie (secret statistique, Code de l'énergie, art. D.111-52 et D.111-53).",
                "Only aggregates of at least 10 delivery points, none of which accounts for more than 85 % of the "
                        + "energy, are published (statistical secrecy, French Energy Code, art. D.111-52 and "
                        + "D.111-53).");
    }

    /** Renders the uc4 page in a language from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc4PageData data, Lang lang) {
        return page(data, lang).render();
    }

    /**
     * What the forecasts mean for the region, in a language: which substations risk congestion (forecast P90 above
     * their capacity) and when, as sentences and a map of the communes; the synthesis note reports it too.
     */
    public static Territory territory(Uc4PageData data, Lang lang) {
        List<Uc4PageData.SubstationRow> rows = Objects.requireNonNullElse(data.substations(), List.of());
        if (rows.isEmpty()) {
            return new Territory(List.of(lang.t("Aucun poste ne passe le contrôle du secret statistique : pas de "
                    + "lecture territoriale.", "No substation passes the statistical-secrecy guard: no reading "
                    + "for the region.")), null, null);
        }
        Map<String, String> names = Territory.names(data.region());
        String period = Objects.toString(data.split() == null ? null : data.split().get("test"), MISSING);
        List<Uc4PageData.SubstationRow> atRisk = rows.stream().filter(r -> r.alertHours() > 0).toList();
        List<String> paragraphs = new ArrayList<>();
        if (atRisk.isEmpty()) {
            paragraphs.add(lang.t("Sur la période de test (" + period + "), aucun des " + rows.size() + " postes "
                    + "publiés n'a eu d'heure d'alerte (charge prévue P90 au-delà de la capacité) : pas de risque de "
                    + "congestion annoncé.", "Over the test period (" + period + "), none of the " + rows.size()
                    + " published substations had an alert hour (forecast P90 load above capacity): no congestion "
                    + "risk announced."));
        } else {
            List<String> each = new ArrayList<>();
            for (Uc4PageData.SubstationRow r : atRisk) {
                Uc4PageData.AlertWindow w = r.alerts();
                String where = r.communeCode() == null ? "" : ", " + Territory.commune(names, r.communeCode());
                String when = w == null ? "" : ", " + Territory.days(w.first(), w.last(), lang) + lang.t(", surtout "
                        + "vers " + w.typicalHour() + " h", ", mostly around " + w.typicalHour() + ":00");
                each.add(r.substationId() + where + lang.t(" : ", ": ") + r.alertHours() + lang.t(" h d'alerte",
                        " alert hours") + when + lang.t(" ; " + r.congestionHours() + " h de dépassement réel",
                        "; " + r.congestionHours() + " hours actually above capacity"));
            }
            paragraphs.add(lang.t("Sur la période de test (" + period + "), " + atRisk.size() + " des " + rows.size()
                    + " postes publiés ont eu des heures d'alerte (charge prévue P90 au-delà de la capacité) : ce "
                    + "sont les postes à risque de congestion, à surveiller en priorité.", "Over the test period ("
                    + period + "), " + atRisk.size() + " of the " + rows.size() + " published substations had alert "
                    + "hours (forecast P90 load above capacity): these are the substations at risk of congestion, "
                    + "to watch first."));
            paragraphs.add(String.join(lang.t(" ; ", "; "), each) + ".");
        }
        List<Uc4PageData.SubstationRow> missed = rows.stream()
                .filter(r -> r.congestionHours() > 0 && r.alertHours() == 0).toList();
        if (!missed.isEmpty()) {
            paragraphs.add(lang.t(missed.size() + " poste(s) ont dépassé leur capacité sans alerte : ",
                    missed.size() + " substation(s) went above capacity without an alert: ")
                    + String.join(", ", missed.stream().map(Uc4PageData.SubstationRow::substationId).toList()) + ".");
        }
        Map<String, int[]> byCommune = new LinkedHashMap<>();
        for (Uc4PageData.SubstationRow r : rows) {
            if (r.communeCode() != null) {
                int[] counts = byCommune.computeIfAbsent(r.communeCode(), c -> new int[2]);
                counts[0]++;
                counts[1] += r.alertHours() > 0 ? 1 : 0;
            }
        }
        List<CommuneMap.Mark> marks = new ArrayList<>();
        byCommune.forEach((code, c) -> marks.add(new CommuneMap.Mark(code, new double[] {(double) c[1] / c[0]},
                c[0], c[1] + "/" + c[0] + lang.t(" postes à risque", " substations at risk"))));
        String title = lang.t("Postes à risque de congestion par commune", "Substations at risk of congestion by "
                + "commune");
        return Territory.withShareMap(paragraphs, data.region(), title, marks, lang.t("Part des postes de la commune "
                        + "ayant eu une alerte", "Share of the commune's substations that had an alert"),
                lang.t("Aire du disque : postes publiés", "Disc area: published substations"),
                lang.t("Période de test, modèle retenu ; seuls les postes qui passent le secret statistique.",
                        "Test period, selected model; only the substations that pass statistical secrecy."), lang);
    }

    private static UseCasePage page(Uc4PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(data, lang).summary(summary(result, lang))
                .territory(territory(data, lang))
                .metricFormat(Uc4Page::formatMetric)
                .section("prevision", "Prévision contre réalisé", "Forecast vs actual",
                        p -> focus(p, data.focus(), lang))
                .section("erreur-heure", "Erreur par heure", "Error by hour",
                        p -> errorByHour(p, result, data.mapeByHour(), lang))
                .models(List.of(lang.t("MAPE test (%)", "Test MAPE (%)"), lang.t("RMSE test (kW)", "Test RMSE (kW)"),
                        lang.t("Gain test (%)", "Test skill (%)"),
                        lang.t("RMSE validation (kW)", "Validation RMSE (kW)")), Uc4Page::modelCells,
                        p -> modelNotes(p, result, data.intervalMethods(), lang))
                .section("postes", "Postes", "Substations", p -> substations(p, data.substations(), lang))
                .section("backtest", "Évaluation à origines glissantes", "Rolling-origin backtest",
                        p -> backtest(p, data.backtest(), lang))
                .methodOf(Uc4Page.class, methodValues());
    }

    // ------------------------------------------------------------------------------------------
    // Sections
    // ------------------------------------------------------------------------------------------

    private static String summary(UseCaseResult result, Lang lang) {
        Map<String, Object> metrics = UseCasePage.bestMetrics(result);
        long met = UseCasePage.metCount(result);
        int criteria = UseCasePage.criteria(result).size();
        String bestName = result.bestModel() == null ? MISSING : result.bestModel();
        String mape = percent(metric(metrics, "mape"));
        return lang.t("En résumé : le modèle retenu sur la période de validation est " + bestName
                        + ". Sur la période de test, mise de côté (aucun ajustement ni choix de modèle ne l'a vue), "
                        + "son erreur absolue moyenne en pourcentage (MAPE) est de " + mape + " et "
                        + skillPhrase(metric(metrics, "skill_vs_persistence"), lang) + " par rapport à la "
                        + "persistance (la charge de la même heure une semaine plus tôt). " + met + " critère"
                        + (met > 1 ? "s" : "") + " de succès sur " + criteria
                        + (met > 1 ? " sont atteints." : " est atteint."),
                "In short: the model selected on the validation period is " + bestName + ". On the test period, "
                        + "held out (no fit or model choice saw it), its mean absolute percentage error (MAPE) is "
                        + mape + " and " + skillPhrase(metric(metrics, "skill_vs_persistence"), lang) + " against "
                        + "persistence (the load at the same hour one week earlier). " + met + " of " + criteria
                        + " success criteria " + (met == 1 ? "is" : "are") + " met.");
    }

    /** The skill as an improvement (or a degradation) of the RMSE against persistence, in percent. */
    private static String skillPhrase(double skill, Lang lang) {
        if (!Double.isFinite(skill)) {
            return lang.t("son gain d'erreur quadratique (RMSE) est inconnu",
                    "its gain in root-mean-square error (RMSE) is unknown");
        }
        return skill >= 0
                ? lang.t("il réduit l'erreur quadratique (RMSE) de ",
                        "it reduces the root-mean-square error (RMSE) by ") + percent(skill)
                : lang.t("il augmente l'erreur quadratique (RMSE) de ",
                        "it increases the root-mean-square error (RMSE) by ") + percent(-skill);
    }

    private static void focus(HtmlPage page, Uc4PageData.FocusSeries focus, Lang lang) {
        if (focus == null) {
            page.paragraph(noFocus(lang));
            return;
        }
        long[] t = focus.epochMillis() == null ? new long[0] : focus.epochMillis();
        String model = Objects.toString(focus.model(), MISSING);
        List<SvgCharts.Series> series = new ArrayList<>();
        if (focus.actualKw() != null) {
            series.add(new SvgCharts.Series(lang.t("Réalisé", "Actual"), t, focus.actualKw()));
        }
        if (focus.p50Kw() != null) {
            series.add(new SvgCharts.Series(lang.t("Prévision P50 ", "P50 forecast ") + model, t, focus.p50Kw()));
        }
        List<SvgCharts.Band> bands = new ArrayList<>();
        if (focus.p10Kw() != null && focus.p90Kw() != null) {
            bands.add(new SvgCharts.Band("P10–P90", t, focus.p10Kw(), focus.p90Kw()));
        }
        List<SvgCharts.HorizontalLine> lines = new ArrayList<>();
        double capacityKw = focus.capacityKva() * POWER_FACTOR;
        if (Double.isFinite(capacityKw) && capacityKw > 0) {
            lines.add(new SvgCharts.HorizontalLine(lang.t("Capacité", "Capacity") + " ≈ " + kw(capacityKw)
                    + " kW (cos φ " + POWER_FACTOR + ")", capacityKw));
        }
        String svg = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart(
                lang.t("Poste " + focus.substationId() + " — charge horaire",
                        "Substation " + focus.substationId() + " — hourly load"),
                lang.t("Puissance (kW)", "Power (kW)"), series, bands, lines,
                SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(svg, lang.t("Poste " + focus.substationId() + ", " + focus.meters() + " compteurs, "
                        + period(t, lang) + " (heure de Paris), modèle " + model + ", sur la période de test (données "
                        + "mises de côté, qu'aucun ajustement n'a vues).",
                "Substation " + focus.substationId() + ", " + focus.meters() + " meters, " + period(t, lang)
                        + " (Paris time), model " + model + ", on the test period (held-out data, which no fit saw)."));
    }

    private static void errorByHour(HtmlPage page, UseCaseResult result, Map<String, double[]> mapeByHour,
                                    Lang lang) {
        if (mapeByHour == null || mapeByHour.isEmpty()) {
            page.paragraph(lang.t("Pas d'erreur par heure disponible.", "No error by hour available."));
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
        String svg = SvgCharts.bars(new SvgCharts.BarChart(
                lang.t("MAPE par heure locale, période de test", "MAPE by local hour, test period"),
                lang.t("Heure (Paris)", "Hour (Paris time)"), "MAPE (%)", hours, series));
        page.figure(svg, lang.t("Erreur absolue moyenne en pourcentage (MAPE) selon l'heure locale, par modèle, sur la "
                        + "période de test (données mises de côté).",
                "Mean absolute percentage error (MAPE) by local hour and model, on the test period (held-out "
                        + "data)."));
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> test = m.metrics();
        return List.of(
                percentNumber(metric(test, "mape")),
                kw(metric(test, "rmse")),
                percentNumber(metric(test, "skill_vs_persistence")),
                kw(metric(m.validationMetrics(), "rmse")));
    }

    private static void modelNotes(HtmlPage page, UseCaseResult result, Map<String, String> intervalMethods,
                                   Lang lang) {
        page.paragraph(UseCasePage.BEST_MARK + lang.t("modèle retenu sur la période de validation : plus faible RMSE "
                        + "de validation parmi les modèles appris. Colonnes « test » : période de test, mise de côté, "
                        + "qu'aucun ajustement ni choix de modèle n'a vue. MAPE : erreur absolue moyenne en "
                        + "pourcentage de la charge réalisée ; RMSE : erreur quadratique moyenne ; gain : gain face à "
                        + "la persistance, 1 − RMSE / RMSE de la persistance. Dernière colonne : RMSE sur la période "
                        + "de validation, qui choisit le modèle.",
                "best model, selected on the validation period: lowest validation RMSE among the learned models. "
                        + "“Test” columns: the test period, held out, which no fit or model choice saw. MAPE: mean "
                        + "absolute percentage error of the actual load; RMSE: root-mean-square error; skill: "
                        + "against persistence, 1 − RMSE / persistence RMSE. Last column: RMSE on the validation "
                        + "period, which selects the model."));

        page.heading(3, lang.t("Intervalles de prévision", "Prediction intervals"));
        page.paragraph(lang.t("La couverture nominale de l'intervalle P10–P90 est de " + percent(NOMINAL_COVERAGE)
                        + " : huit valeurs réalisées sur dix devraient s'y trouver. Chaque modèle obtient ses bornes "
                        + "ainsi :",
                "The nominal coverage of the P10–P90 interval is " + percent(NOMINAL_COVERAGE) + ": eight actual "
                        + "values out of ten should fall inside it. Each model gets its bounds as follows:"));
        Map<String, String> methods = intervalMethods == null ? Map.of() : intervalMethods;
        List<String> items = new ArrayList<>();
        for (String name : UseCasePage.modelsFirst(result, methods.keySet())) {
            items.add(name + lang.t(" : ", ": ") + intervalMethod(name, methods.get(name), lang));
        }
        page.list(items);
        page.paragraph(lang.t("Chaque bande est ensuite élargie ou resserrée (conformalisation) d'après les erreurs du "
                        + "modèle sur les " + Uc4Run.CONFORMAL.windowDays() + " derniers jours connus à l'émission de "
                        + "la prévision, jours qu'aucun ajustement n'a vus.",
                "Each band is then widened or narrowed (conformalized) from the model's errors over the last "
                        + Uc4Run.CONFORMAL.windowDays() + " days known when the forecast is issued, days that no "
                        + "fit saw."));
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            Map<String, Object> test = m.metrics();
            rows.add(List.of((UseCasePage.isBest(result, m) ? UseCasePage.BEST_MARK : "") + m.name(),
                    percentNumber(metric(test, "coverage_p10_p90")), fixed(metric(test, "crps"), 2),
                    ratio(metric(test, "congestion_recall")), ratio(metric(test, "congestion_precision"))));
        }
        page.table(List.of(lang.t("Modèle", "Model"), lang.t("P10–P90 test (%)", "Test P10–P90 (%)"),
                lang.t("CRPS test (kW)", "Test CRPS (kW)"), lang.t("Rappel test", "Test recall"),
                lang.t("Précision test", "Test precision")), rows);
        page.paragraph(lang.t("Sur la période de test, mise de côté : part des heures réalisées dans l'intervalle "
                        + "P10–P90 ; CRPS (score de probabilité continu, plus bas est meilleur) ; rappel et précision "
                        + "de la détection des heures de congestion, où la charge réalisée dépasse la capacité du "
                        + "poste : part des heures de congestion signalées par une alerte (P90 prévu au-delà de la "
                        + "capacité), part des alertes suivies d'une congestion.",
                "On the held-out test period: share of actual hours inside the P10–P90 interval; CRPS (continuous "
                        + "ranked probability score, lower is better); recall and precision of congestion-hour "
                        + "detection, where the actual load exceeds the substation's capacity: share of congestion "
                        + "hours flagged by an alert (forecast P90 above capacity), share of alerts followed by "
                        + "congestion."));
    }

    /** How a model gets its P10 and P90, in the reader's language for the models the page knows. */
    private static String intervalMethod(String model, String described, Lang lang) {
        List<String> words = INTERVAL_METHODS.get(model);
        if (words != null) {
            return lang.t(words.get(0), words.get(1));
        }
        return described == null || described.isBlank() ? MISSING : described;
    }

    private static List<String> residualInterval() {
        return List.of("intervalle calibré sur les résidus, quantiles à 10 % et 90 % de log(réalisé / P50) sur la "
                        + "période de validation",
                "residual interval, the 10 % and 90 % quantiles of log(actual / P50) on the validation period");
    }

    private static void substations(HtmlPage page, List<Uc4PageData.SubstationRow> substations, Lang lang) {
        List<List<String>> rows = new ArrayList<>();
        if (substations != null) {
            for (Uc4PageData.SubstationRow s : substations) {
                rows.add(List.of(s.substationId(), Integer.toString(s.meters()), whole(s.capacityKva()),
                        percentNumber(s.mape()), kw(s.rmse()), percentNumber(s.coverage()),
                        Long.toString(s.congestionHours()), Long.toString(s.alertHours())));
            }
        }
        if (rows.isEmpty()) {
            page.paragraph(lang.t("Aucun poste ne passe le contrôle du secret statistique.",
                    "No substation passes the statistical-secrecy guard."));
        } else {
            page.table(List.of(lang.t("Poste", "Substation"), lang.t("Compteurs", "Meters"),
                    lang.t("Capacité (kVA)", "Capacity (kVA)"), "MAPE (%)", "RMSE (kW)", "P10–P90 (%)",
                    lang.t("Congestion (h)", "Congestion (h)"), lang.t("Alertes (h)", "Alerts (h)")),
                    rows, Map.of(1, METERS_COUNTED));
            page.paragraph(lang.t("Période de test, mise de côté, modèle retenu, par poste : couverture de "
                            + "l'intervalle P10–P90, heures de congestion (charge réalisée au-delà de la capacité) et "
                            + "heures d'alerte (P90 prévu au-delà de la capacité).",
                    "Held-out test period, best model, by substation: coverage of the P10–P90 interval, congestion "
                            + "hours (actual load above capacity) and alert hours (forecast P90 above capacity)."));
        }
        page.paragraph(secrecyRule(lang));
    }

    private static void backtest(HtmlPage page, Uc4PageData.Backtest bt, Lang lang) {
        if (bt == null) {
            page.paragraph(lang.t("L'évaluation à origines glissantes n'a pas été exécutée "
                    + "(workbench.uc4.backtest.origins=0).", "The backtest was not run "
                    + "(workbench.uc4.backtest.origins=0)."));
            return;
        }
        String held = Double.isFinite(bt.validationFraction())
                ? lang.t("les derniers " + percent(bt.validationFraction()) + " mis de côté",
                        "the last " + percent(bt.validationFraction()) + " held out")
                : lang.t("les derniers mis de côté", "the last ones held out");
        page.paragraph(lang.t("À chaque origine, chaque modèle est réajusté sur tous les jours qui la précèdent ("
                        + held + " pour calibrer les intervalles et arrêter le boosting), puis prévoit, la veille "
                        + "pour le lendemain, chaque jour jusqu'à l'origine suivante : tous les chiffres ci-dessous "
                        + "portent sur ces jours prévus, qu'aucun ajustement n'a vus. Perte pinball et CRPS : plus "
                        + "bas est meilleur ; le CRPS est estimé à partir des trois quantiles (2 × moyenne des pertes "
                        + "pinball à 10, 50 et 90 %).",
                "At each origin, every model is refitted on all the days before it (" + held + " to calibrate "
                        + "the intervals and stop boosting), then forecasts, one day ahead, each day up to the next "
                        + "origin: every figure below is measured on these forecast days, which no fit saw. Pinball "
                        + "loss and CRPS: lower is better; the CRPS is estimated from the three quantiles (2 × the "
                        + "mean of the pinball losses at 10, 50 and 90 %)."));
        List<Uc4PageData.OriginRow> origins = bt.origins() == null ? List.of() : bt.origins();
        page.table(List.of(lang.t("Origine", "Origin"), lang.t("Jours prévus", "Forecast days"),
                lang.t("Jours", "Days"), lang.t("Heures prévues", "Hours forecast")), originRows(origins, lang));
        page.paragraph(lang.t("Métriques de chaque modèle sur les jours prévus depuis chaque origine :",
                "Each model's metrics on the days forecast from each origin:"));
        List<List<String>> rows = new ArrayList<>();
        for (Uc4PageData.OriginRow o : origins) {
            rows.add(List.of(o.origin(), o.model(), percentNumber(o.mape()), kw(o.rmse()), percentNumber(o.skill()),
                    percentNumber(o.coverage()), fixed(o.pinballP50(), 2), fixed(o.crps(), 2)));
        }
        page.table(List.of(lang.t("Origine", "Origin"), lang.t("Modèle", "Model"), "MAPE (%)", "RMSE (kW)",
                lang.t("Gain (%)", "Skill (%)"), "P10–P90 (%)", "Pinball P50 (kW)", "CRPS (kW)"), rows);
        if (bt.leadHours() != null && bt.leadHours().length > 0) {
            List<String> leads = new ArrayList<>();
            for (int h : bt.leadHours()) {
                leads.add(Integer.toString(h));
            }
            List<SvgCharts.BarSeries> mape = new ArrayList<>();
            bt.mapeByLead().forEach((model, v) -> mape.add(new SvgCharts.BarSeries(model, Formats.percentages(v))));
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(
                    lang.t("MAPE selon l'échéance, origines glissantes", "MAPE by lead time, backtest"),
                    lang.t("Échéance (heures après l'émission, J-1 10:00)", "Lead time (hours after issue, D-1 10:00)"),
                    "MAPE (%)", leads, mape)),
                    lang.t("Erreur selon l'échéance de prévision, sur les jours prévus de toutes les origines "
                                    + "(données qu'aucun ajustement n'a vues).",
                            "Error by lead time (hours after the forecast is issued), on the forecast days of every "
                                    + "origin (data that no fit saw)."));
            List<SvgCharts.BarSeries> crps = new ArrayList<>();
            bt.crpsByLead().forEach((model, v) -> crps.add(new SvgCharts.BarSeries(model, v)));
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(
                    lang.t("CRPS selon l'échéance, origines glissantes", "CRPS by lead time, backtest"),
                    lang.t("Échéance (heures)", "Lead time (hours)"), "CRPS (kW)", leads, crps)),
                    lang.t("CRPS selon l'échéance, sur les mêmes jours prévus.",
                            "CRPS by lead time, on the same forecast days."));
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
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(
                    lang.t("MAPE par poste, origines glissantes, ", "MAPE by substation, backtest of ") + bt.model(),
                    lang.t("Poste", "Substation"), "MAPE (%)", ids, List.of(new SvgCharts.BarSeries(bt.model(),
                            mapes)))),
                    lang.t("Erreur du modèle retenu par poste, sur les jours prévus de toutes les origines (données "
                                    + "qu'aucun ajustement n'a vues).",
                            "Error of the selected model by substation, on the forecast days of every origin (data "
                                    + "that no fit saw)."));
            page.table(List.of(lang.t("Poste", "Substation"), lang.t("Compteurs", "Meters"), "MAPE (%)", "RMSE (kW)",
                    "CRPS (kW)", "P10–P90 (%)"), subRows, Map.of(1, METERS_COUNTED));
            page.paragraph(secrecyRule(lang));
        }
    }

    /** One row per origin: its forecast days, how many, and the hours forecast (a range if models differ). */
    private static List<List<String>> originRows(List<Uc4PageData.OriginRow> origins, Lang lang) {
        Map<String, List<Uc4PageData.OriginRow>> byOrigin = new LinkedHashMap<>();
        origins.forEach(o -> byOrigin.computeIfAbsent(o.origin(), k -> new ArrayList<>()).add(o));
        List<List<String>> rows = new ArrayList<>();
        byOrigin.forEach((origin, models) -> {
            long fewest = models.stream().mapToLong(Uc4PageData.OriginRow::rows).min().orElse(0);
            long most = models.stream().mapToLong(Uc4PageData.OriginRow::rows).max().orElse(0);
            String days = models.get(0).forecastDays();
            rows.add(List.of(origin, dayRange(days, lang), dayCount(days), fewest == most ? Long.toString(most)
                    : fewest + "–" + most));
        });
        return rows;
    }

    /** A {@code first..last} range of days as the page writes it: {@code 2024-07-01 → 2024-08-15}. */
    private static String dayRange(String days, Lang lang) {
        if (days == null) {
            return MISSING;
        }
        String[] ends = days.split("\\.\\.");
        return ends.length == 2 ? ends[0] + " → " + ends[1] : days;
    }

    /** The number of days of a {@code first..last} range, both included; {@link Formats#MISSING} if unreadable. */
    private static String dayCount(String days) {
        String[] ends = days == null ? new String[0] : days.split("\\.\\.");
        if (ends.length != 2) {
            return MISSING;
        }
        try {
            return Long.toString(ChronoUnit.DAYS.between(LocalDate.parse(ends[0].strip()),
                    LocalDate.parse(ends[1].strip())) + 1);
        } catch (DateTimeParseException e) {
            return MISSING;
        }
    }

    /** The values of the method's placeholders, from the constants the models use. */
    private static Map<String, String> methodValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issue_hour", Integer.toString(Uc4Features.ISSUE_HOUR_LOCAL));
        values.put("level_days", Integer.toString(Uc4Features.LEVEL_DAYS));
        values.put("train_pct", whole(100 * Uc4Run.TRAIN_FRACTION));
        values.put("validation_pct", whole(100 * Uc4Run.VALIDATION_FRACTION));
        values.put("conformal_days", Integer.toString(Uc4Run.CONFORMAL.windowDays()));
        values.put("power_factor", Double.toString(POWER_FACTOR));
        return values;
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

    private static String period(long[] epochMillis, Lang lang) {
        if (epochMillis.length == 0) {
            return lang.t("période vide", "empty period");
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : epochMillis) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return lang.t("du " + Formats.parisMinute(min) + " au " + Formats.parisMinute(max),
                "from " + Formats.parisMinute(min) + " to " + Formats.parisMinute(max));
    }
}

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
import static org.energycommons.workbench.reports.render.Formats.whole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energycommons.workbench.models.uc6.DegreeDayModel;
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
 * The renderer of the uc6 report page (gas network demand D+1..D+7 and cold peaks): one self-contained HTML
 * document per language. It shows what {@link Uc6PageData} holds and only formats it: percentages with one
 * decimal, demand and thresholds in MWh/day with one decimal (kWh ÷ 1000), {@code "—"} for a missing value.
 *
 * <p>Its summary says, from the figures, when the selected model does no better than the degree-day baseline on
 * RMSE, and when cold-peak alerts fired without a real exceedance in the test period.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc6Page {

    private static final Set<String> PERCENT_METRICS = Set.of("mape_d1", "mape_d2", "mape_d3", "mape_d4", "mape_d5",
            "mape_d6", "mape_d7", "mape", "skill_vs_degree_day", "coverage_p10_p90", "peak_recall", "peak_precision");

    /** The provenance entries the page shows in words or rounded (method, thresholds table), left out of it. */
    private static final String[] SHOWN_ELSEWHERE = {"forecast_temperature_noise", "peak_definition",
        "peak_thresholds_kwh", "cold_peak_levels_kwh"};

    private static final String COLD_PEAK_LEVELS = "cold_peak_levels_kwh";

    private static final String INSUFFICIENT = "insufficient data: ";
    private static final Pattern EMPTY_FEATURES = Pattern.compile("insufficient data: the uc6 feature table is empty "
            + "\\(no gas area with (\\d+) days of history and a later metered day\\)");
    private static final Pattern TOO_FEW_DAYS = Pattern.compile("insufficient data: uc6 needs at least (\\d+) target "
            + "days \\((\\d+) for training, then validation and test\\), the feature table has (\\d+) \\((\\S+)\\); "
            + "generate more days");

    /** The population the area table counts (households among them), as its cells name it for the publication audit. */
    public static final String DELIVERY_POINTS_COUNTED = "gas delivery points";

    private Uc6Page() {
    }

    /** The statistical-secrecy rule under the areas' tables, in a language. */
    public static String secrecyRule(Lang lang) {
        return lang.t("Seules sont publiées les zones d'au moins 10 points de livraison de gaz dont aucun ne "
                        + "représente plus de 85 % de la demande journalière (secret statistique, Code de l'énergie, "
                        + "art. D.111-52 et D.111-53).",
                "Only areas of at least 10 gas delivery points, none of them above 85 % of the daily demand, are "
                        + "published (statistical secrecy, French Energy Code, art. D.111-52 and D.111-53).");
    }

    /** What the page shows in place of the forecast-vs-actual chart when no area may be published, in a language. */
    public static String noFocus(Lang lang) {
        return lang.t("Aucune zone ne passe le contrôle du secret statistique, ou aucun modèle n'a été entraîné : "
                        + "pas de courbe prévision contre réalisé.",
                "No area passes the statistical-secrecy check, or no model was trained: no forecast-vs-actual "
                        + "chart.");
    }

    /** Renders the uc6 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc6PageData data, Lang lang) {
        return page(data, lang).render();
    }

    /**
     * What the forecasts mean for the region, in a language: when gas demand may exceed the network's capacity or
     * cold-peak level, in which areas, and how far the cold-peak alerts were right, as sentences and a map of the
     * communes the areas serve; the synthesis note reports it too.
     */
    public static Territory territory(Uc6PageData data, Lang lang) {
        List<Uc6PageData.AreaRow> areas = Objects.requireNonNullElse(data.areas(), List.of());
        if (data.status() != null || areas.isEmpty()) {
            return new Territory(List.of(lang.t("Aucune zone publiable : pas de lecture territoriale.",
                    "No publishable area: no reading for the region.")), null, null);
        }
        String period = Objects.toString(data.split() == null ? null : data.split().get("test"), MISSING);
        long capacityDays = areas.stream().mapToLong(Uc6PageData.AreaRow::capacityDays).sum();
        long coldAlerts = areas.stream().mapToLong(Uc6PageData.AreaRow::coldPeakAlerts).sum();
        long right = areas.stream().mapToLong(Uc6PageData.AreaRow::coldPeakHits).sum();
        long missed = areas.stream().mapToLong(Uc6PageData.AreaRow::coldPeaks).sum() - right;
        Map<String, String> names = Territory.names(data.region());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(capacityDays == 0
                ? lang.t("Sur la période de test (" + period + "), la demande réelle n'a jamais dépassé la capacité "
                        + "du réseau dans les " + areas.size() + " zones publiées.", "Over the test period (" + period
                        + "), actual demand never went above the network's capacity in the " + areas.size()
                        + " published areas.")
                : lang.t("Sur la période de test (" + period + "), la demande réelle a dépassé la capacité du "
                        + "réseau " + capacityDays + " jour(s)-zone, sur " + areas.size() + " zones publiées.",
                "Over the test period (" + period + "), actual demand went above the network's capacity on "
                        + capacityDays + " area-day(s), over " + areas.size() + " published areas."));
        if (coldAlerts == 0) {
            paragraphs.add(lang.t("Le modèle retenu n'a lancé aucune alerte de pointe de froid la veille"
                    + (missed > 0 ? ", et a manqué " + missed + " pointe(s) de froid réelle(s)." : " : aucune "
                    + "pointe de froid n'est annoncée."), "The selected model raised no cold-peak alert the day "
                    + "before" + (missed > 0 ? ", and missed " + missed + " actual cold peak(s)." : ": no cold "
                    + "peak is announced.")));
        } else {
            List<String> each = new ArrayList<>();
            for (Uc6PageData.AreaRow a : areas) {
                if (a.coldPeakAlerts() > 0) {
                    String where = a.communeCode() == null ? "" : ", " + Territory.commune(names, a.communeCode());
                    String when = a.firstColdPeakAlert() == null ? ""
                            : ", " + Territory.days(a.firstColdPeakAlert(), a.lastColdPeakAlert(), lang);
                    each.add(a.areaId() + where + lang.t(" : ", ": ") + a.coldPeakAlerts() + lang.t(" alerte(s)",
                            " alert(s)") + when);
                }
            }
            paragraphs.add(lang.t("Le modèle retenu a lancé " + coldAlerts + " alerte(s) de pointe de froid la veille "
                            + "(P90 J+1 au-delà du niveau de pointe de froid de la zone) : " + right + " juste(s), "
                            + (coldAlerts - right) + " fausse(s)" + (missed > 0 ? ", et " + missed + " pointe(s) "
                            + "manquée(s)" : "") + ". Zones et jours où la demande peut dépasser ce niveau : ",
                    "The selected model raised " + coldAlerts + " cold-peak alert(s) the day before (D+1 P90 above "
                            + "the area's cold-peak level): " + right + " right, " + (coldAlerts - right) + " false"
                            + (missed > 0 ? ", and " + missed + " missed peak(s)" : "") + ". Areas and days when "
                            + "demand may exceed that level: ") + String.join(lang.t(" ; ", "; "), each) + ".");
            if (right < coldAlerts) {
                paragraphs.add(lang.t("Une fausse alerte coûte une mobilisation inutile du gestionnaire : à peser "
                                + "avant d'agir sur ces alertes.", "A false alert costs the operator a needless "
                                + "call-out: to weigh before acting on these alerts."));
            }
        }
        List<CommuneMap.Mark> marks = new ArrayList<>();
        for (Uc6PageData.AreaRow a : areas) {
            if (a.communeCode() != null) {
                marks.add(new CommuneMap.Mark(a.communeCode(), new double[] {a.coldPeakAlerts()}, a.buildings(),
                        a.areaId() + lang.t(" : ", ": ") + a.coldPeakAlerts() + lang.t(" alerte(s)", " alert(s)")));
            }
        }
        String title = lang.t("Alertes de pointe de froid par zone gaz", "Cold-peak alerts by gas area");
        return Territory.withMap(paragraphs, data.region(), places -> CommuneMap.counts(title, places, marks,
                        Territory.legend(lang.t("Jours d'alerte de pointe de froid (période de "
                                + "test)", "Cold-peak alert days (test period)"), lang.t("Aire du disque : "
                                + "bâtiments chauffés au gaz suivis", "Disc area: gas-heated buildings monitored"),
                                lang)),
                lang.t("Chaque zone gaz dessert une commune ; seules les zones qui passent le secret statistique.",
                        "Each gas area serves one commune; only the areas that pass statistical secrecy."), lang);
    }

    private static UseCasePage page(Uc6PageData data, Lang lang) {
        UseCaseResult result = data.result();
        UseCasePage page = UseCasePage.of(data, lang).metricFormat(Uc6Page::formatMetric)
                .leaveOutOfProvenance(SHOWN_ELSEWHERE);
        summary(page, data, result, lang);
        return page.territory(territory(data, lang))
                .section("prevision", "Prévision J+1 contre réalisé", "D+1 forecast vs actual",
                        p -> focus(p, data.focus(), lang))
                .section("horizons", "Erreur par horizon", "Error by horizon",
                        p -> horizons(p, result, data.mapeByHorizon(), lang))
                .section("alertes", "Alertes et pointes réelles", "Alerts vs actual peaks",
                        p -> alerts(p, result, data.areas(), data.alerts(), lang))
                .models(List.of(lang.t("MAPE J+1 validation (%)", "D+1 MAPE, validation (%)"),
                        lang.t("MAPE J+1 test (%)", "D+1 MAPE, test (%)"),
                        lang.t("MAPE J+7 test (%)", "D+7 MAPE, test (%)"),
                        lang.t("RMSE test (MWh/j)", "Test RMSE (MWh/day)")),
                        Uc6Page::modelCells, p -> modelNotes(p, result, data.methods(), lang))
                .methodOf(Uc6Page.class, Map.of("noise_model", noiseModel(data.noiseModel(), lang)));
    }

    /** A uc6 metric as in the criteria table: MAPE, skill, coverage, peak recall and precision as percentages. */
    static String formatMetric(String metric, double value) {
        return PERCENT_METRICS.contains(metric) ? percent(value) : ratio(value);
    }

    /** Why no model was trained, from the run's reason, in the page's language (the reason as is when unknown). */
    static String insufficient(String reason, Lang lang) {
        Matcher empty = EMPTY_FEATURES.matcher(reason);
        if (empty.matches()) {
            return lang.t("Données insuffisantes : la table des variables est vide (aucune zone gaz n'a "
                    + empty.group(1) + " jours d'historique suivis d'un jour relevé).", "Insufficient data: the "
                    + "feature table is empty (no gas area has " + empty.group(1) + " days of history followed by a "
                    + "metered day).");
        }
        Matcher days = TOO_FEW_DAYS.matcher(reason);
        if (days.matches()) {
            return lang.t("Données insuffisantes : il faut au moins " + days.group(1) + " jours cibles ("
                    + days.group(2) + " pour l'apprentissage, puis la validation et le test) ; la table des variables "
                    + "en a " + days.group(3) + " (" + days.group(4) + "). Générer plus de jours.", "Insufficient "
                    + "data: at least " + days.group(1) + " target days are needed (" + days.group(2) + " to train, "
                    + "then validation and test); the feature table has " + days.group(3) + " (" + days.group(4)
                    + "). Generate more days.");
        }
        String rest = reason.startsWith(INSUFFICIENT) ? reason.substring(INSUFFICIENT.length()) : reason;
        return lang.t("Données insuffisantes (message du calcul, en anglais : « " + rest + " »).",
                "Insufficient data: " + rest + ".");
    }

    private static void summary(UseCasePage page, Uc6PageData data, UseCaseResult result, Lang lang) {
        if (data.status() != null) {
            page.warning(lang.t("Aucun modèle entraîné", "No model trained"))
                    .summary(lang.t("Aucun modèle n'a été entraîné : pas de prévision ni d'alerte à montrer. ",
                            "No model was trained: no forecast and no alert to show. ")
                            + insufficient(data.status(), lang))
                    .summary(UseCasePage.criteriaSentence(result, lang));
            return;
        }
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        page.summary(lang.t("En résumé : le modèle retenu sur la période de validation est "
                        + Objects.toString(result.bestModel(), MISSING) + ". Sur la période de test, son erreur "
                        + "absolue moyenne en pourcentage (MAPE) est de " + percent(metric(m, "mape_d1")) + " à J+1 et "
                        + "de " + percent(metric(m, "mape_d7")) + " à J+7 ; il annonce "
                        + percent(metric(m, "peak_recall")) + " des jours de pointe"
                        + count(result, m, "peak_recall", "peak_days", lang) + ", avec une précision de "
                        + percent(metric(m, "peak_precision")) + count(result, m, "peak_precision", "peak_alerts", lang)
                        + ".",
                "In short: the model selected on the validation period is "
                        + Objects.toString(result.bestModel(), MISSING) + ". Over the test period, its mean absolute "
                        + "percentage error (MAPE) is " + percent(metric(m, "mape_d1")) + " at D+1 and "
                        + percent(metric(m, "mape_d7")) + " at D+7; it announces " + percent(metric(m, "peak_recall"))
                        + " of the peak days" + count(result, m, "peak_recall", "peak_days", lang)
                        + ", with a precision of " + percent(metric(m, "peak_precision"))
                        + count(result, m, "peak_precision", "peak_alerts", lang) + "."));
        String baseline = againstBaseline(result, lang);
        if (baseline != null) {
            page.summary(baseline);
        }
        String coldPeaks = coldPeaks(m, lang);
        if (coldPeaks != null) {
            page.summary(coldPeaks);
        }
        page.summary(UseCasePage.criteriaSentence(result, lang));
    }

    /**
     * The items behind a share of the best model, in brackets: {@code " (47 sur 47)"}, marked as a small sample under
     * {@value MetricInterval#MIN_ITEMS}; empty without a count.
     */
    private static String count(UseCaseResult result, Map<String, Object> metrics, String name, String countName,
                                Lang lang) {
        double value = metric(metrics, name);
        MetricInterval interval = result.bestModel() == null ? null : result.interval(result.bestModel(), name);
        double n = interval != null ? interval.n() : metric(metrics, countName);
        if (!Double.isFinite(value) || !Double.isFinite(n) || n <= 0) {
            return "";
        }
        boolean small = n < MetricInterval.MIN_ITEMS;
        return " (" + Math.round(value * n) + lang.t(" sur ", " of ") + Math.round(n)
                + (small ? lang.t(", petit échantillon", ", a small sample") : "") + ")";
    }

    /**
     * Whether the selected model does better than the degree-day baseline on the test RMSE, in a sentence: the two
     * models' RMSE when both are in the result, else the selected model's skill against the baseline; null when
     * neither is known or the selected model is the baseline itself.
     */
    static String againstBaseline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry best = UseCasePage.best(result);
        if (best == null || DegreeDayModel.TYPE.equals(best.name())) {
            return null;
        }
        UseCaseResult.ModelEntry baseline = UseCasePage.models(result).stream()
                .filter(m -> DegreeDayModel.TYPE.equals(m.name())).findFirst().orElse(null);
        double skill = metric(best.metrics(), "skill_vs_degree_day");
        String skillText = Double.isFinite(skill) ? lang.t(" (gain de " + percent(skill) + ")",
                " (skill " + percent(skill) + ")") : "";
        double rmse = metric(best.metrics(), "rmse_kwh");
        double baselineRmse = baseline == null ? Double.NaN : metric(baseline.metrics(), "rmse_kwh");
        if (Double.isFinite(rmse) && Double.isFinite(baselineRmse)) {
            String figures = mwh(rmse) + lang.t(" MWh/j contre ", " MWh/day against ") + mwh(baselineRmse)
                    + lang.t(" MWh/j pour la régression degrés-jours", " MWh/day for the degree-day regression")
                    + skillText;
            return rmse >= baselineRmse
                    ? lang.t("Le modèle retenu ne fait pas mieux que la référence degrés-jours : sur la période de "
                            + "test, son erreur quadratique moyenne (RMSE) est de " + figures + ".",
                    "The selected model does no better than the degree-day baseline: over the test period, its root "
                            + "mean squared error (RMSE) is " + figures + ".")
                    : lang.t("Il fait mieux que la référence degrés-jours : sur la période de test, son erreur "
                            + "quadratique moyenne (RMSE) est de " + figures + ".",
                    "It does better than the degree-day baseline: over the test period, its root mean squared error "
                            + "(RMSE) is " + figures + ".");
        }
        if (Double.isFinite(skill)) {
            return skill <= 0
                    ? lang.t("Le modèle retenu ne fait pas mieux que la référence degrés-jours sur l'erreur "
                            + "quadratique moyenne (RMSE) de la période de test : son gain face à elle est de "
                            + percent(skill) + ".",
                    "The selected model does no better than the degree-day baseline on the root mean squared error "
                            + "(RMSE) of the test period: its skill against it is " + percent(skill) + ".")
                    : lang.t("Il fait mieux que la référence degrés-jours sur l'erreur quadratique moyenne (RMSE) de "
                            + "la période de test : gain de " + percent(skill) + ".",
                    "It does better than the degree-day baseline on the root mean squared error (RMSE) of the test "
                            + "period: skill " + percent(skill) + ".");
        }
        return null;
    }

    /**
     * The cold-peak alerts of the test period against the real exceedances of the cold-peak level, in a sentence
     * that names the false alerts; null when the best model's metrics do not count them.
     */
    static String coldPeaks(Map<String, Object> metrics, Lang lang) {
        double alertCount = metric(metrics, "cold_peak_alerts");
        double peakCount = metric(metrics, "cold_peak_days");
        if (!Double.isFinite(alertCount) || !Double.isFinite(peakCount)) {
            return null;
        }
        long alerts = Math.round(alertCount);
        long peaks = Math.round(peakCount);
        String alertsFr = alerts + (alerts > 1 ? " alertes de pointe de froid" : " alerte de pointe de froid");
        String alertsEn = alerts + (alerts > 1 ? " cold-peak alerts" : " cold-peak alert");
        String peaksFr = peaks + (peaks > 1 ? " dépassements réels" : " dépassement réel");
        String peaksEn = peaks + (peaks > 1 ? " real exceedances" : " real exceedance");
        if (alerts > 0 && peaks == 0) {
            return lang.t("Fausses alertes : " + alertsFr + (alerts > 1 ? " ont été émises" : " a été émise")
                            + " sur la période de test (P90 prévue à J+1 au-delà du niveau de pointe de froid de la "
                            + "zone), alors que la demande réelle n'a jamais dépassé ce niveau : "
                            + (alerts > 1 ? "toutes sont fausses." : "elle est fausse."),
                    "False alerts: " + alertsEn + (alerts > 1 ? " were" : " was") + " issued in the test period "
                            + "(D+1 P90 above the area's cold-peak level), yet the actual demand never exceeded that "
                            + "level: " + (alerts > 1 ? "all of them are false." : "it is false."));
        }
        if (alerts == 0) {
            return peaks == 0
                    ? lang.t("Aucune alerte de pointe de froid et aucun dépassement réel du niveau de pointe de froid "
                            + "sur la période de test.", "No cold-peak alert and no real exceedance of the cold-peak "
                            + "level in the test period.")
                    : lang.t("Aucune alerte de pointe de froid n'a été émise sur la période de test, alors que la "
                            + "demande a dépassé le niveau de pointe de froid (" + peaksFr + ", par zone et par "
                            + "jour) : ces pointes n'ont pas été annoncées.",
                    "No cold-peak alert was issued in the test period, yet the demand exceeded the cold-peak level ("
                            + peaksEn + ", by area and day): these peaks were not announced.");
        }
        double precision = metric(metrics, "cold_peak_precision");
        if (!Double.isFinite(precision)) {
            return null;
        }
        long falseAlerts = Math.round(alerts * (1 - precision));
        if (falseAlerts == 0) {
            return lang.t("Les " + alertsFr + " de la période de test ont toutes été suivies d'un dépassement réel "
                            + "du niveau de pointe de froid (" + peaksFr + " sur la période).",
                    "The " + alertsEn + " of the test period were all followed by a real exceedance of the "
                            + "cold-peak level (" + peaksEn + " in the period).");
        }
        return lang.t("Fausses alertes : sur les " + alertsFr + " de la période de test, " + falseAlerts
                        + (falseAlerts > 1 ? " n'ont été suivies" : " n'a été suivie") + " d'aucun dépassement réel "
                        + "du niveau de pointe de froid (" + peaksFr + " sur la période).",
                "False alerts: of the " + alertsEn + " of the test period, " + falseAlerts
                        + (falseAlerts > 1 ? " were" : " was") + " followed by no real exceedance of the cold-peak "
                        + "level (" + peaksEn + " in the period).");
    }

    /** The forecast-temperature error model in words, in a language; {@link Formats#MISSING} when unknown. */
    static String noiseModel(Uc6PageData.NoiseModel noise, Lang lang) {
        if (noise == null) {
            return MISSING;
        }
        List<String> sd = new ArrayList<>();
        double[] byLead = noise.sdByLeadC() == null ? new double[0] : noise.sdByLeadC();
        for (int lead : new TreeSet<>(List.of(1, 3, byLead.length))) {
            if (lead >= 1 && lead <= byLead.length) {
                sd.add(fixed(byLead[lead - 1], 2) + lang.t(" °C à J+", " °C at D+") + lead);
            }
        }
        String sigma = sd.isEmpty() ? "" : lang.t(" ; écart type ", "; standard deviation ") + String.join(", ", sd);
        String step = fixed(noise.sdPerDayC(), 2);
        return lang.t("la moyenne journalière prévue le jour J pour le jour J+k est la moyenne observée de J+k plus "
                        + "une erreur e(J,k) = " + step + " °C × (z1 + … + zk), chaque z_j tiré d'une loi normale "
                        + "centrée réduite par un hachage de (graine " + noise.seed() + ", station, J, j)" + sigma,
                "the daily mean forecast on day D for day D+k is the observed mean of D+k plus an error e(D,k) = "
                        + step + " °C × (z1 + … + zk), each z_j a standard normal draw from a hash of (seed "
                        + noise.seed() + ", station, D, j)" + sigma);
    }

    private static void focus(HtmlPage page, Uc6PageData.FocusSeries focus, Lang lang) {
        if (focus == null || focus.epochMillis() == null || focus.epochMillis().length == 0) {
            page.paragraph(noFocus(lang));
            return;
        }
        long[] t = focus.epochMillis();
        String perDay = lang.t(" MWh/j", " MWh/day");
        List<SvgCharts.Series> series = List.of(
                new SvgCharts.Series(lang.t("Réalisé", "Actual"), t, mwh(focus.actualKwh())),
                new SvgCharts.Series("P50 " + focus.model(), t, mwh(focus.p50Kwh())));
        List<SvgCharts.Band> bands = List.of(new SvgCharts.Band("P10–P90", t, mwh(focus.p10Kwh()),
                mwh(focus.p90Kwh())));
        List<SvgCharts.HorizontalLine> lines = new ArrayList<>();
        if (Double.isFinite(focus.capacityKwh())) {
            lines.add(new SvgCharts.HorizontalLine(lang.t("Capacité ", "Capacity ") + mwh(focus.capacityKwh())
                    + perDay, focus.capacityKwh() / 1000));
        }
        if (Double.isFinite(focus.peakThresholdKwh())) {
            lines.add(new SvgCharts.HorizontalLine(lang.t("Seuil de pointe (P95) ", "Peak threshold (P95) ")
                    + mwh(focus.peakThresholdKwh()) + perDay, focus.peakThresholdKwh() / 1000));
        }
        String svg = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart(lang.t("Zone " + focus.areaId()
                        + " — demande journalière, prévision émise la veille", "Area " + focus.areaId()
                        + " — daily demand, forecast issued the day before"),
                lang.t("Demande (MWh PCS/j)", "Demand (MWh GCV/day)"), series, bands, lines,
                SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(svg, lang.t("Zone " + focus.areaId() + " (" + focus.buildings() + " points de livraison), "
                        + "période de test : prévision J+1 (P50) du modèle " + focus.model() + " avec l'intervalle "
                        + "P10–P90, la capacité de la zone et son seuil de pointe.",
                "Area " + focus.areaId() + " (" + focus.buildings() + " delivery points), test period: D+1 forecast "
                        + "(P50) of the model " + focus.model() + " with the P10–P90 interval, the area's capacity "
                        + "and its peak threshold."));
    }

    private static void horizons(HtmlPage page, UseCaseResult result, Map<String, double[]> mapeByHorizon,
                                 Lang lang) {
        if (mapeByHorizon == null || mapeByHorizon.isEmpty()) {
            page.paragraph(lang.t("Pas d'erreur par horizon disponible.", "No error by horizon available."));
            return;
        }
        List<String> horizons = new ArrayList<>();
        int n = mapeByHorizon.values().iterator().next().length;
        for (int h = 1; h <= n; h++) {
            horizons.add(lang.t("J+", "D+") + h);
        }
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        for (String name : UseCasePage.modelsFirst(result, mapeByHorizon.keySet())) {
            series.add(new SvgCharts.BarSeries(name, Formats.percentages(mapeByHorizon.get(name))));
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("MAPE par horizon, période de test",
                                "MAPE by horizon, test period"), "Horizon", "MAPE (%)", horizons, series)),
                lang.t("Erreur absolue moyenne en pourcentage de la P50 selon l'horizon, par modèle : l'erreur croît "
                                + "avec celle des températures prévues.",
                        "Mean absolute percentage error of the P50 by horizon and model: the error grows with that "
                                + "of the forecast temperatures."));
    }

    private static void alerts(HtmlPage page, UseCaseResult result, List<Uc6PageData.AreaRow> areas,
                               List<Uc6PageData.AlertRow> alerts, Lang lang) {
        List<Uc6PageData.AreaRow> rows = areas == null ? List.of() : areas;
        List<Uc6PageData.AlertRow> alertRows = alerts == null ? List.of() : alerts;
        if (rows.isEmpty()) {
            page.paragraph(lang.t("Aucune zone publiable.", "No publishable area."));
        } else {
            List<String> categories = rows.stream().map(Uc6PageData.AreaRow::areaId).toList();
            double[] peakDays = rows.stream().mapToDouble(Uc6PageData.AreaRow::peakDays).toArray();
            double[] peakAlerts = rows.stream().mapToDouble(Uc6PageData.AreaRow::peakAlerts).toArray();
            double[] hits = rows.stream().mapToDouble(Uc6PageData.AreaRow::peakHits).toArray();
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Jours de pointe et annonces J+1, période de "
                                    + "test", "Peak days and D+1 announcements, test period"),
                            lang.t("Zone", "Area"), lang.t("Jours", "Days"), categories, List.of(
                            new SvgCharts.BarSeries(lang.t("Jours de pointe réels", "Actual peak days"), peakDays),
                            new SvgCharts.BarSeries(lang.t("Pointes annoncées (P90 > seuil)",
                                    "Announced peaks (P90 > threshold)"), peakAlerts),
                            new SvgCharts.BarSeries(lang.t("Annoncées et réalisées", "Announced and actual"),
                                    hits)))),
                    lang.t("Par zone : jours dont la demande dépasse le seuil de pointe (P95 de la période "
                                    + "d'entraînement), jours où la P90 prévue la veille le dépasse, et jours où les "
                                    + "deux se produisent.",
                            "By area: days whose demand exceeds the peak threshold (P95 of the training period), "
                                    + "days whose P90 forecast the day before exceeds it, and days with both."));
            areaTables(page, result, rows, alertRows, lang);
        }
        page.paragraph(secrecyRule(lang));
        coldPeakAlerts(page, alertRows, lang);
    }

    /** The areas' thresholds, then their D+1 results: two tables rather than one too wide to read. */
    private static void areaTables(HtmlPage page, UseCaseResult result, List<Uc6PageData.AreaRow> rows,
                                   List<Uc6PageData.AlertRow> alertRows, Lang lang) {
        page.heading(3, lang.t("Seuils par zone", "Thresholds by area"));
        List<List<String>> thresholds = new ArrayList<>();
        for (Uc6PageData.AreaRow a : rows) {
            thresholds.add(List.of(a.areaId(), Long.toString(a.buildings()), mwh(a.capacityKwh()),
                    mwh(a.peakThresholdKwh()), mwh(coldPeakLevel(result, a.areaId(), alertRows))));
        }
        String perDay = lang.t(" (MWh/j)", " (MWh/day)");
        page.table(List.of(lang.t("Zone", "Area"), lang.t("Points de livraison", "Delivery points"),
                lang.t("Capacité", "Capacity") + perDay, lang.t("Seuil de pointe P95", "P95 peak threshold") + perDay,
                lang.t("Niveau de pointe de froid", "Cold-peak level") + perDay), thresholds,
                Map.of(1, DELIVERY_POINTS_COUNTED));
        page.heading(3, lang.t("Résultats J+1 par zone, période de test", "D+1 results by area, test period"));
        List<List<String>> results = new ArrayList<>();
        for (Uc6PageData.AreaRow a : rows) {
            results.add(List.of(a.areaId(), percentNumber(a.mapeD1()), Long.toString(a.peakDays()),
                    Long.toString(a.peakAlerts()), Long.toString(a.peakHits()), Long.toString(a.capacityDays()),
                    Long.toString(a.coldPeakAlerts())));
        }
        page.table(List.of(lang.t("Zone", "Area"), lang.t("MAPE J+1 (%)", "D+1 MAPE (%)"),
                lang.t("Jours de pointe", "Peak days"),
                lang.t("Annoncés", "Announced"), lang.t("Annoncés et réalisés", "Announced and actual"),
                lang.t("Jours au-delà de la capacité", "Days above capacity"),
                lang.t("Alertes de froid", "Cold-peak alerts")), results);
    }

    /** The D+1 test days with a cold-peak alert or a real cold peak, and what became of each. */
    private static void coldPeakAlerts(HtmlPage page, List<Uc6PageData.AlertRow> alertRows, Lang lang) {
        String perDay = lang.t(" (MWh/j)", " (MWh/day)");
        page.heading(3, lang.t("Alertes de pointe de froid (P90 J+1 au-delà du niveau de pointe de froid)",
                "Cold-peak alerts (D+1 P90 above the cold-peak level)"));
        page.paragraph(lang.t("Niveau de pointe de froid d'une zone : sa capacité si un jour d'entraînement l'a "
                        + "dépassée, sinon le P95 de ses jours d'entraînement ; une alerte est juste quand la demande "
                        + "réelle le dépasse, fausse sinon.",
                "An area's cold-peak level is its capacity when a training day exceeded it, else the P95 of its "
                        + "training days; an alert is right when the actual demand exceeds it, false otherwise."));
        if (alertRows.isEmpty()) {
            page.paragraph(lang.t("Aucune alerte ni aucune pointe de froid sur la période de test.",
                    "No alert and no cold peak in the test period."));
            return;
        }
        List<List<String>> table = new ArrayList<>();
        for (Uc6PageData.AlertRow a : alertRows) {
            table.add(List.of(a.areaId(), a.targetDate(), mwh(a.p90Kwh()), mwh(a.actualKwh()),
                    mwh(a.coldPeakLevelKwh()), outcome(a, lang)));
        }
        page.table(List.of(lang.t("Zone", "Area"), lang.t("Jour", "Day"),
                lang.t("P90 prévue J+1", "D+1 P90 forecast") + perDay,
                lang.t("Réalisé", "Actual") + perDay, lang.t("Niveau de pointe de froid", "Cold-peak level") + perDay,
                lang.t("Bilan", "Outcome")), table);
    }

    /** What became of a cold-peak alert day, in a language. */
    private static String outcome(Uc6PageData.AlertRow a, Lang lang) {
        if (a.alert()) {
            return a.coldPeak() ? lang.t("alerte juste", "right alert") : lang.t("fausse alerte", "false alert");
        }
        return a.coldPeak() ? lang.t("pointe manquée", "missed peak") : MISSING;
    }

    /**
     * An area's cold-peak level, kWh/day: as the run recorded it in its provenance, else as an alert row of the area
     * gives it; {@code NaN} when neither does.
     */
    private static double coldPeakLevel(UseCaseResult result, String areaId, List<Uc6PageData.AlertRow> alerts) {
        if (result.provenance() != null && result.provenance().get(COLD_PEAK_LEVELS) instanceof Map<?, ?> levels
                && levels.get(areaId) instanceof Number level) {
            return level.doubleValue();
        }
        return alerts.stream().filter(a -> a.areaId().equals(areaId))
                .mapToDouble(Uc6PageData.AlertRow::coldPeakLevelKwh).findFirst().orElse(Double.NaN);
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> test = m.metrics();
        return List.of(percentNumber(metric(m.validationMetrics(), "mape_d1")), percentNumber(metric(test, "mape_d1")),
                percentNumber(metric(test, "mape_d7")), mwh(metric(test, "rmse_kwh")));
    }

    /**
     * What follows the models table: how the best model is chosen, then two narrow tables (against the baseline,
     * intervals and peaks; cold peaks), so that no table needs more than a screen's width, and each model's method.
     */
    private static void modelNotes(HtmlPage page, UseCaseResult result, Map<String, Uc6PageData.Method> methods,
                                   Lang lang) {
        page.paragraph(lang.t(UseCasePage.BEST_MARK + "modèle retenu : la plus faible MAPE à J+1 sur la période de "
                        + "validation ; le test ne sert qu'à rendre compte. RMSE : erreur quadratique moyenne de la "
                        + "P50, tous horizons, par zone et par jour.",
                UseCasePage.BEST_MARK + "selected model: the lowest D+1 MAPE over the validation period; the test "
                        + "only reports. RMSE: root mean squared error of the P50, every horizon, by area and day."));
        List<List<String>> measures = new ArrayList<>();
        List<List<String>> coldPeaks = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            Map<String, Object> test = m.metrics();
            String name = (UseCasePage.isBest(result, m) ? UseCasePage.BEST_MARK : "") + m.name();
            measures.add(List.of(name, percentNumber(metric(test, "skill_vs_degree_day")),
                    percentNumber(metric(test, "coverage_p10_p90")), percentNumber(metric(test, "peak_recall")),
                    percentNumber(metric(test, "peak_precision"))));
            coldPeaks.add(List.of(name, whole(metric(test, "cold_peak_alerts")),
                    whole(metric(test, "cold_peak_days"))));
        }
        String model = lang.t("Modèle", "Model");
        page.heading(3, lang.t("Référence, intervalles et pointes, période de test",
                "Baseline, intervals and peaks, test period"));
        page.table(List.of(model, lang.t("Gain face aux degrés-jours (%)", "Skill against degree days (%)"),
                lang.t("Couverture P10–P90 (%)", "P10–P90 coverage (%)"),
                lang.t("Rappel des pointes (%)", "Peak recall (%)"),
                lang.t("Précision des pointes (%)", "Peak precision (%)")), measures);
        page.paragraph(lang.t("« Gain face aux degrés-jours » : 1 − RMSE du modèle / RMSE de la régression "
                        + "degrés-jours (négatif : moins bien que la référence). « Couverture » : part des jours "
                        + "réalisés dans l'intervalle P10–P90 (80 % attendus). Pointes : jours au-delà du seuil de "
                        + "pointe, annoncés à J+1.",
                "“Skill against degree days”: 1 − the model's RMSE / the RMSE of the degree-day regression "
                        + "(negative: worse than the baseline). “Coverage”: share of actual days inside the P10–P90 "
                        + "interval (80 % expected). Peaks: days above the peak threshold, announced at D+1."));
        page.heading(3, lang.t("Pointes de froid J+1, période de test", "D+1 cold peaks, test period"));
        page.table(List.of(model, lang.t("Alertes", "Alerts"),
                lang.t("Dépassements réels", "Real exceedances")), coldPeaks);
        page.paragraph(lang.t("Par zone et par jour : alertes de pointe de froid émises, et jours où la demande a "
                        + "réellement dépassé le niveau de pointe de froid.",
                "By area and day: cold-peak alerts issued, and days whose demand really exceeded the cold-peak "
                        + "level."));
        List<String> items = new ArrayList<>();
        if (methods != null) {
            methods.forEach((name, method) -> items.add(name + lang.t(" : ", ": ")
                    + lang.t(method.french(), method.english())));
        }
        if (!items.isEmpty()) {
            page.heading(3, lang.t("Méthode de chaque modèle", "Each model's method"));
            page.list(items);
        }
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

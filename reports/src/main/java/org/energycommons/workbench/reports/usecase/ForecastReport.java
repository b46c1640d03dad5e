/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.usecase.PageSections.generated;
import static org.energycommons.workbench.reports.usecase.PageSections.section;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.SvgCharts;

/**
 * The renderer of the uc4 report page (day-ahead substation load forecasting and congestion risk): one
 * self-contained HTML document, French first with English subtitles on the key headings.
 *
 * <p>The page shows what {@link ForecastReportData} holds and only formats it: percentages with one decimal
 * ({@code "4.3 %"}), kilowatts with one decimal, ratios with three decimals, and {@code "—"} for a missing
 * (null or {@code NaN}) value. It never computes a figure of its own beyond unit conversions for display
 * (fraction to percent, kVA to kW at the stated power factor).
 */
public final class ForecastReport {

    /**
     * The power factor used to draw a substation's apparent-power capacity (kVA) on the kW axis: the one the jobs
     * use to compare load with capacity ({@link SubstationCapacity#POWER_FACTOR}).
     */
    public static final double POWER_FACTOR = SubstationCapacity.POWER_FACTOR;

    /** The nominal coverage of the P10–P90 interval. */
    public static final double NOMINAL_COVERAGE = 0.80;

    /** The page footer. */
    public static final String FOOTER = "Energy Commons Workbench — rapport CC-BY-4.0; code GPL-3.0-or-later";

    /** The sentence shown in place of the forecast-vs-actual chart when no substation may be published. */
    public static final String NO_FOCUS = "Aucun poste ne passe le contrôle du secret statistique : la courbe "
            + "prévision contre réalisé d'un poste ne peut pas être publiée. · No substation passes the "
            + "statistical-secrecy guard, so no substation's forecast-vs-actual curve can be published.";

    /** The statistical-secrecy rule under the substations table. */
    public static final String SECRECY_RULE = "Seuls sont publiés les agrégats d'au moins 10 points de livraison "
            + "dont aucun ne représente plus de 85 % de l'énergie (secret statistique, Code de l'énergie, "
            + "art. D.111-52 et D.111-53). · Only aggregates of at least 10 delivery points, none above 85 % of "
            + "the energy, are published (statistical secrecy).";

    static final String MISSING = "\u2014";
    static final String MET = "\u2713 atteint · met";
    static final String NOT_MET = "\u2717 non atteint · not met";

    private static final Set<String> PERCENT_METRICS = Set.of("mape", "skill_vs_persistence", "coverage_p10_p90");
    private static final Set<String> KW_METRICS = Set.of("rmse", "mae", "crps", "pinball_p10", "pinball_p50",
            "pinball_p90");
    private static final Set<String> COUNT_METRICS = Set.of("congestion_hours", "alert_hours", "rows");
    private static final DateTimeFormatter PARIS_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(SvgCharts.DISPLAY_ZONE.toZoneId());

    private ForecastReport() {
    }

    /**
     * Renders the uc4 page.
     *
     * @param data the figures to show, already computed and passed through the secrecy guard; not null, nor
     *     its use case and result
     * @return the HTML5 document
     * @throws NullPointerException if {@code data}, its use case or its result is null
     */
    public static String render(ForecastReportData data) {
        Objects.requireNonNull(data, "data");
        UseCase useCase = Objects.requireNonNull(data.useCase(), "data.useCase");
        UseCaseResult result = Objects.requireNonNull(data.result(), "data.result");
        List<UseCaseResult.ModelEntry> models = Objects.requireNonNullElse(result.models(), List.of());
        List<Criterion.Result> criteria = Objects.requireNonNullElse(result.criteria(), List.of());

        HtmlPage page = HtmlPage.create(useCase.title(), "fr")
                .subtitle(useCase.titleEn() + " — generated " + generated(data.generatedAt()));

        section(page, "resume", "Synthèse", "Summary");
        page.paragraph("Question : " + useCase.question());
        page.paragraph(summary(result, models, criteria));

        criteriaSection(page, result, criteria);
        focusSection(page, data.focus());
        errorByHourSection(page, models, data.mapeByHour());
        modelsSection(page, result, models, data.intervalMethods());
        substationsSection(page, data.substations());
        backtestSection(page, data.backtest());
        dataSection(page, data);
        provenanceSection(page, result, models);

        return page.footer(FOOTER).render();
    }

    // ------------------------------------------------------------------------------------------
    // Sections
    // ------------------------------------------------------------------------------------------

    private static String summary(UseCaseResult result, List<UseCaseResult.ModelEntry> models,
                                  List<Criterion.Result> criteria) {
        UseCaseResult.ModelEntry best = find(models, result.bestModel());
        Map<String, Object> metrics = best == null ? Map.of() : best.metrics();
        long met = criteria.stream().filter(Criterion.Result::met).count();
        String bestName = result.bestModel() == null ? MISSING : result.bestModel();
        return "En résumé : le modèle retenu sur la période de validation est " + bestName
                + ". Sur la période de test, son erreur absolue moyenne en pourcentage (MAPE) est de "
                + percent(metric(metrics, "mape"))
                + " et " + skillPhrase(metric(metrics, "skill_vs_persistence"))
                + " par rapport à la persistance (la charge de la même heure une semaine plus tôt). "
                + met + " critère" + (met > 1 ? "s" : "") + " de succès sur " + criteria.size()
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

    private static void criteriaSection(HtmlPage page, UseCaseResult result, List<Criterion.Result> criteria) {
        section(page, "criteres", "Critères de succès", "Success criteria");
        List<List<String>> rows = new ArrayList<>();
        for (Criterion.Result c : criteria) {
            rows.add(List.of(c.metric(), Objects.toString(c.model(), MISSING),
                    operator(c.operator()) + " " + formatMetric(c.metric(), c.target()),
                    formatMetric(c.metric(), c.value()), c.met() ? MET : NOT_MET));
        }
        page.table(List.of("Métrique · Metric", "Modèle · Model", "Cible · Target", "Mesuré · Measured",
                "Statut · Status"), rows);
        long met = criteria.stream().filter(Criterion.Result::met).count();
        boolean all = criteria.stream().allMatch(Criterion.Result::met);
        page.status(all, all
                ? "Tous les critères sont atteints (" + met + "/" + criteria.size() + ") · All criteria met"
                : met + "/" + criteria.size() + " critères atteints · " + met + " of " + criteria.size()
                        + " criteria met");
    }

    private static void focusSection(HtmlPage page, ForecastReportData.FocusSeries focus) {
        section(page, "prevision", "Prévision contre réalisé", "Forecast vs actual");
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

    private static void errorByHourSection(HtmlPage page, List<UseCaseResult.ModelEntry> models,
                                           Map<String, double[]> mapeByHour) {
        section(page, "erreur-heure", "Erreur par heure", "Error by hour");
        if (mapeByHour == null || mapeByHour.isEmpty()) {
            page.paragraph("Pas d'erreur par heure disponible. · No error by hour available.");
            return;
        }
        List<String> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(String.format(Locale.ROOT, "%02d", h));
        }
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        for (String name : orderedNames(models, mapeByHour.keySet())) {
            double[] fractions = mapeByHour.get(name);
            if (fractions == null) {
                continue;
            }
            if (fractions.length != 24) {
                throw new IllegalArgumentException("mapeByHour of model '" + name + "' has " + fractions.length
                        + " values, expected 24 (one per local hour)");
            }
            double[] pct = new double[24];
            for (int h = 0; h < 24; h++) {
                pct[h] = fractions[h] * 100.0;
            }
            series.add(new SvgCharts.BarSeries(name, pct));
        }
        String svg = SvgCharts.bars(new SvgCharts.BarChart("MAPE par heure locale, période de test",
                "Heure (Paris)", "MAPE (%)", hours, series));
        page.figure(svg, "Erreur absolue moyenne en pourcentage selon l'heure locale, par modèle, sur la période "
                + "de test. · MAPE by local hour and model on the test period.");
    }

    private static void modelsSection(HtmlPage page, UseCaseResult result, List<UseCaseResult.ModelEntry> models,
                                      Map<String, String> intervalMethods) {
        section(page, "modeles", "Modèles", "Models");
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : models) {
            Map<String, Object> test = m.metrics() == null ? Map.of() : m.metrics();
            Map<String, Object> validation = m.validationMetrics() == null ? Map.of() : m.validationMetrics();
            boolean best = m.name() != null && m.name().equals(result.bestModel());
            rows.add(List.of(
                    (best ? "\u2605 " : "") + m.name(),
                    Objects.toString(m.engine(), MISSING),
                    percentNumber(metric(test, "mape")),
                    kw(metric(test, "rmse")),
                    percentNumber(metric(test, "skill_vs_persistence")),
                    percentNumber(metric(test, "coverage_p10_p90")),
                    fixed(metric(test, "crps"), 2),
                    ratio(metric(test, "congestion_recall")),
                    ratio(metric(test, "congestion_precision")),
                    kw(metric(validation, "rmse"))));
        }
        page.table(List.of("Modèle", "Moteur", "MAPE (%)", "RMSE (kW)", "Skill (%)", "P10–P90 (%)", "CRPS (kW)",
                "Rappel", "Précision", "RMSE valid. (kW)"), rows);
        page.paragraph("\u2605 modèle retenu sur la période de validation (plus faible RMSE de validation) · best "
                + "model, selected on validation RMSE. Colonnes sur la période de test, sauf la dernière : MAPE, "
                + "RMSE, skill vs persistance (1 − RMSE / RMSE de la persistance), couverture de l'intervalle "
                + "P10–P90, rappel et précision de la détection des heures de congestion ; RMSE sur la période de "
                + "validation. · Test-period metrics except the last column: MAPE, RMSE, skill vs persistence, "
                + "P10–P90 coverage, congestion recall and precision; validation RMSE.");

        page.heading(3, "Intervalles de prévision · Prediction intervals");
        page.paragraph("La couverture nominale de l'intervalle P10–P90 est de " + percent(NOMINAL_COVERAGE)
                + " : huit valeurs réalisées sur dix devraient s'y trouver. · The nominal coverage of the P10–P90 "
                + "interval is 80 %.");
        Map<String, String> methods = intervalMethods == null ? Map.of() : intervalMethods;
        List<String> items = new ArrayList<>();
        for (String name : orderedNames(models, methods.keySet())) {
            String method = methods.get(name);
            items.add(name + " : " + (method == null ? MISSING : method));
        }
        page.list(items);
    }

    private static void substationsSection(HtmlPage page, List<ForecastReportData.SubstationRow> substations) {
        section(page, "postes", "Postes", "Substations");
        List<List<String>> rows = new ArrayList<>();
        if (substations != null) {
            for (ForecastReportData.SubstationRow s : substations) {
                rows.add(List.of(s.substationId(), Integer.toString(s.meters()), kva(s.capacityKva()),
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

    private static void backtestSection(HtmlPage page, ForecastReportData.Backtest bt) {
        section(page, "backtest", "Backtest à origines glissantes", "Rolling-origin backtest");
        if (bt == null) {
            page.paragraph("Le backtest n'a pas été exécuté (workbench.uc4.backtest.origins=0). · The backtest was "
                    + "not run.");
            return;
        }
        page.paragraph(Objects.toString(bt.method(), MISSING) + ". Perte pinball et CRPS : plus bas est meilleur ; "
                + "le CRPS est estimé à partir des trois quantiles (2 × moyenne des pertes pinball à 10, 50 et 90 %). · "
                + "Pinball loss and CRPS: lower is better; CRPS estimated from the three quantiles.");
        List<List<String>> rows = new ArrayList<>();
        for (ForecastReportData.OriginRow o : bt.origins()) {
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
            bt.mapeByLead().forEach((model, v) -> {
                double[] pct = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    pct[i] = 100 * v[i];
                }
                mape.add(new SvgCharts.BarSeries(model, pct));
            });
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("MAPE selon l'échéance, backtest",
                    "Échéance (heures après l'émission, J-1 " + "10:00)", "MAPE (%)", leads, mape)),
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
                ForecastReportData.BacktestSubstation b = bt.substations().get(i);
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

    private static void dataSection(HtmlPage page, ForecastReportData data) {
        section(page, "donnees", "Données", "Data");
        page.paragraph("Région · Region : " + Objects.toString(data.region(), MISSING));
        page.heading(3, "Découpage · Split");
        Map<String, String> split = new LinkedHashMap<>();
        if (data.split() != null) {
            data.split().forEach((name, range) -> split.put(name, Objects.toString(range, MISSING)));
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

    private static void provenanceSection(HtmlPage page, UseCaseResult result, List<UseCaseResult.ModelEntry> models) {
        section(page, "provenance", "Provenance", null);
        page.keyValues(flatten(result.provenance()));
        page.heading(3, "Identifiants des modèles · Model ids");
        Map<String, String> ids = new LinkedHashMap<>();
        for (UseCaseResult.ModelEntry m : models) {
            ids.put(m.name(), Objects.toString(m.modelId(), MISSING));
        }
        page.keyValues(ids);
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    /** Flattens one level of nested maps into {@code key.sub} entries; values through {@code String.valueOf}. */
    static Map<String, String> flatten(Map<String, Object> provenance) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (provenance == null) {
            return flat;
        }
        provenance.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.forEach((sub, v) -> flat.put(key + "." + sub, String.valueOf(v)));
            } else {
                flat.put(key, String.valueOf(value));
            }
        });
        return flat;
    }

    /** The names of the models first, in their order, then any other key, in its map's order. */
    private static List<String> orderedNames(List<UseCaseResult.ModelEntry> models, Set<String> keys) {
        Set<String> names = new LinkedHashSet<>();
        for (UseCaseResult.ModelEntry m : models) {
            if (keys.contains(m.name())) {
                names.add(m.name());
            }
        }
        names.addAll(keys);
        return new ArrayList<>(names);
    }

    private static UseCaseResult.ModelEntry find(List<UseCaseResult.ModelEntry> models, String name) {
        return models.stream().filter(m -> m.name() != null && m.name().equals(name)).findFirst().orElse(null);
    }

    /** A metric as a double; absent, null or not a number gives {@code NaN}. */
    static double metric(Map<String, Object> metrics, String name) {
        Object value = metrics == null ? null : metrics.get(name);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A metric value with the unit its name implies. */
    static String formatMetric(String metric, double value) {
        if (PERCENT_METRICS.contains(metric)) {
            return percent(value);
        }
        if (KW_METRICS.contains(metric)) {
            return Double.isFinite(value) ? kw(value) + " kW" : MISSING;
        }
        if (COUNT_METRICS.contains(metric)) {
            return fixed(value, 0);
        }
        return ratio(value);
    }

    private static String operator(String op) {
        if (op == null) {
            return MISSING;
        }
        return switch (op) {
            case ">=" -> "\u2265";
            case "<=" -> "\u2264";
            default -> op;
        };
    }

    /** A fraction as a percentage with one decimal and the sign, e.g. {@code 0.0432 → "4.3 %"}. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(fraction * 100.0, 1) + " %" : MISSING;
    }

    /** A fraction as a percentage with one decimal, without the sign (the column header carries it). */
    static String percentNumber(double fraction) {
        return Double.isFinite(fraction) ? fixed(fraction * 100.0, 1) : MISSING;
    }

    /** Kilowatts with one decimal. */
    static String kw(double kw) {
        return fixed(kw, 1);
    }

    /** Kilovolt-amperes, whole. */
    static String kva(double kva) {
        return fixed(kva, 0);
    }

    /** A ratio with three decimals. */
    static String ratio(double ratio) {
        return fixed(ratio, 3);
    }

    /** A number with a fixed count of decimals and a dot; no negative zero; {@code NaN} gives {@code "—"}. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            s = s.substring(1);
        }
        return s;
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
        return "du " + PARIS_MINUTE.format(Instant.ofEpochMilli(min)) + " au "
                + PARIS_MINUTE.format(Instant.ofEpochMilli(max));
    }
}

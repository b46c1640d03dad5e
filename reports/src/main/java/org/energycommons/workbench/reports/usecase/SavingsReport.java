package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.usecase.PageSections.generated;
import static org.energycommons.workbench.reports.usecase.PageSections.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.SvgCharts;

/**
 * The renderer of the uc3 report page (savings after renovation works, M&amp;V): one self-contained HTML document,
 * French first with English subtitles. It only formats what {@link SavingsReportData} holds: fractions as
 * percentages with one decimal, savings in MWh with one decimal, {@code "—"} for a missing value.
 */
public final class SavingsReport {

    /** The page footer. */
    public static final String FOOTER = "Energy Commons Workbench — rapport CC-BY-4.0; code GPL-3.0-or-later";

    /** The statistical-secrecy rule under every aggregate. */
    public static final String SECRECY_RULE = "Seuls sont publiés des groupes d'au moins 10 bâtiments dont aucun ne "
            + "représente plus de 85 % de la consommation du groupe (secret statistique, Code de l'énergie, "
            + "art. D.111-52 et D.111-53) : aucune économie d'un bâtiment seul n'est publiée. · Only groups of at "
            + "least 10 buildings, none above 85 % of the group's use, are published: no single building's savings.";

    static final String MISSING = "\u2014";

    private SavingsReport() {
    }

    /**
     * Renders the uc3 page.
     *
     * @param data the figures, already computed and passed through the secrecy guard
     * @return the HTML5 document
     */
    public static String render(SavingsReportData data) {
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

        criteriaSection(page, criteria);
        scatterSection(page, data);
        worksTypeSection(page, data);
        placeboSection(page, result, models);
        fitSection(page, data.fit());
        modelsSection(page, result, models);
        methodSection(page);
        dataSection(page, data);
        section(page, "provenance", "Provenance", null);
        page.keyValues(ForecastReport.flatten(result.provenance()));
        return page.footer(FOOTER).render();
    }

    private static String summary(UseCaseResult result, List<UseCaseResult.ModelEntry> models,
                                  List<Criterion.Result> criteria) {
        Map<String, Object> m = metrics(models, result.bestModel());
        long met = criteria.stream().filter(Criterion.Result::met).count();
        return "En résumé : la méthode retenue sur les bâtiments de validation est "
                + Objects.toString(result.bestModel(), MISSING) + ". Sur les bâtiments rénovés, l'écart médian entre "
                + "l'économie estimée et l'économie vraie est de " + points(num(m, "savings_abs_error_pct_points_median"))
                + " de la consommation contrefactuelle ; sur les bâtiments témoins sans travaux (test placebo), "
                + "l'intervalle à 90 % contient l'économie nulle dans " + percent(num(m, "placebo_coverage_90"))
                + " des cas. " + met + " critère(s) de succès sur " + criteria.size() + " atteint(s). · Median "
                + "absolute savings error and placebo coverage of the 90 % interval of the selected method.";
    }

    private static void criteriaSection(HtmlPage page, List<Criterion.Result> criteria) {
        section(page, "criteres", "Critères de succès", "Success criteria");
        List<List<String>> rows = new ArrayList<>();
        for (Criterion.Result c : criteria) {
            boolean coverage = c.metric().contains("coverage");
            rows.add(List.of(c.metric(), Objects.toString(c.model(), MISSING),
                    ("<=".equals(c.operator()) ? "\u2264 " : "\u2265 ") + (coverage ? fixed(c.target(), 2)
                            : fixed(c.target(), 1)),
                    coverage ? fixed(c.value(), 3) : fixed(c.value(), 2), c.met() ? "\u2713 atteint · met"
                            : "\u2717 non atteint · not met"));
        }
        page.table(List.of("Métrique · Metric", "Modèle · Model", "Cible · Target", "Mesuré · Measured",
                "Statut · Status"), rows);
        boolean all = criteria.stream().allMatch(Criterion.Result::met);
        long met = criteria.stream().filter(Criterion.Result::met).count();
        page.status(all, met + "/" + criteria.size() + " critères atteints · criteria met");
    }

    private static void scatterSection(HtmlPage page, SavingsReportData data) {
        section(page, "estime-vrai", "Économies estimées contre vraies", "Estimated vs true savings");
        List<SavingsReportData.SavingsGroup> groups = Objects.requireNonNullElse(data.groups(), List.of());
        if (groups.isEmpty()) {
            page.paragraph("Aucun groupe de bâtiments rénovés ne passe le contrôle du secret statistique (ou aucune "
                    + "économie n'a pu être estimée). · No group of renovated buildings can be published.");
        } else {
            double[] x = new double[groups.size()];
            double[] y = new double[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                x[i] = 100 * groups.get(i).trueFraction();
                y[i] = 100 * groups.get(i).estimatedFraction();
            }
            String svg = SvgCharts.scatter(new SvgCharts.ScatterChart("Économie vraie et estimée par groupe de "
                    + "bâtiments", "Économie vraie (% du contrefactuel)", "Économie estimée (%)",
                    List.of(new SvgCharts.XySeries(Objects.toString(data.method(), "estimation"), x, y)), true));
            page.figure(svg, "Chaque point est un groupe d'au moins 10 bâtiments rénovés de même ordre d'économie "
                    + "vraie (méthode " + data.method() + ") ; la diagonale est l'estimation parfaite. · Each point is "
                    + "a group of at least 10 renovated buildings.");
            page.table(groupHeaders(), groupRows(groups));
        }
        if (data.suppressedGroups() > 0) {
            page.paragraph(data.suppressedGroups() + " groupe(s) non publié(s) (secret statistique). · "
                    + data.suppressedGroups() + " group(s) suppressed.");
        }
        page.paragraph(SECRECY_RULE);
    }

    private static void worksTypeSection(HtmlPage page, SavingsReportData data) {
        section(page, "types", "Économies et intervalles à 90 % par type de travaux",
                "Savings with 90 % intervals by works type");
        List<SavingsReportData.SavingsGroup> types = Objects.requireNonNullElse(data.worksTypes(), List.of());
        if (types.isEmpty()) {
            page.paragraph("Aucun type de travaux ne réunit assez de bâtiments pour être publié. · No works type "
                    + "gathers enough buildings to be published.");
            return;
        }
        List<String> labels = new ArrayList<>();
        double[] est = new double[types.size()];
        double[] tru = new double[types.size()];
        for (int i = 0; i < types.size(); i++) {
            labels.add(types.get(i).label());
            est[i] = 100 * types.get(i).estimatedFraction();
            tru[i] = 100 * types.get(i).trueFraction();
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Économie par type de travaux", "Type", "% du contrefactuel",
                labels, List.of(new SvgCharts.BarSeries("estimée", est), new SvgCharts.BarSeries("vraie", tru)))),
                "Économie estimée et vraie en % de la consommation contrefactuelle. · Estimated and true savings.");
        page.table(groupHeaders(), groupRows(types));
    }

    private static List<String> groupHeaders() {
        return List.of("Groupe · Group", "Bâtiments", "Vraie (%)", "Estimée (%)", "IC 90 % (%)", "Économie (MWh)",
                "± 90 % (MWh)");
    }

    private static List<List<String>> groupRows(List<SavingsReportData.SavingsGroup> groups) {
        List<List<String>> rows = new ArrayList<>();
        for (SavingsReportData.SavingsGroup g : groups) {
            rows.add(List.of(g.label(), Integer.toString(g.buildings()), fixed(100 * g.trueFraction(), 1),
                    fixed(100 * g.estimatedFraction(), 1), "[" + fixed(100 * g.lowerFraction(), 1) + " ; "
                            + fixed(100 * g.upperFraction(), 1) + "]", fixed(g.savingsMwh(), 1),
                    fixed(g.halfWidthMwh(), 1)));
        }
        return rows;
    }

    private static void placeboSection(HtmlPage page, UseCaseResult result, List<UseCaseResult.ModelEntry> models) {
        section(page, "placebo", "Test placebo : couverture de l'intervalle à 90 %", "Placebo test: 90 % coverage");
        List<String> names = new ArrayList<>();
        double[] test = new double[models.size()];
        double[] val = new double[models.size()];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            UseCaseResult.ModelEntry m = models.get(i);
            names.add(m.name());
            test[i] = 100 * num(m.metrics(), "placebo_coverage_90");
            val[i] = 100 * num(m.validationMetrics(), "placebo_coverage_90");
            rows.add(List.of(m.name(), fixed(num(m.metrics(), "placebo_fitted"), 0),
                    percent(num(m.metrics(), "placebo_coverage_90")),
                    points(num(m.metrics(), "placebo_abs_error_pct_points_median")),
                    points(num(m.metrics(), "placebo_half_width_90_pct_points_median")),
                    percent(num(m.validationMetrics(), "placebo_coverage_90")),
                    percent(num(m.metrics(), "treated_coverage_90"))));
        }
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Couverture mesurée de l'intervalle à 90 %", "Méthode",
                "Couverture (%)", names, List.of(new SvgCharts.BarSeries("placebo (test)", test),
                        new SvgCharts.BarSeries("validation", val)))),
                "Part des bâtiments sans travaux (date de travaux fictive) dont l'intervalle à 90 % contient "
                        + "l'économie nulle ; nominal 90 %. · Share of buildings without works whose 90 % interval "
                        + "holds zero savings.");
        page.table(List.of("Méthode", "Placebos", "Couverture", "|Erreur| médiane", "Demi-largeur médiane",
                "Couverture validation", "Couverture rénovés"), rows);
        UseCaseResult.ModelEntry hourly = models.stream()
                .filter(m -> m.metrics() != null && m.metrics().get("placebo_coverage_90_hourly_formula") != null)
                .findFirst().orElse(null);
        if (hourly != null) {
            page.paragraph("Méthode horaire : la formule de la Guideline 14 appliquée aux points horaires (correction "
                    + "d'autocorrélation d'ordre 1) donnerait une couverture placebo de "
                    + percent(num(hourly.metrics(), "placebo_coverage_90_hourly_formula")) + " ; elle est appliquée "
                    + "aux résidus cumulés par jour. · Hourly method: the formula on hourly points would cover "
                    + percent(num(hourly.metrics(), "placebo_coverage_90_hourly_formula"))
                    + "; it is applied to daily summed residuals.");
        }
    }

    private static void fitSection(HtmlPage page, SavingsReportData.FitPicture fit) {
        section(page, "ajustement", "Ajustement de la référence", "Baseline fit");
        if (fit == null || fit.weeks() == null || fit.weeks().length == 0) {
            page.paragraph("Aucune semaine ne réunit assez de bâtiments pour être publiée. · No week can be published.");
            return;
        }
        String svg = SvgCharts.scatter(new SvgCharts.ScatterChart("Consommation mesurée et référence, bâtiments "
                + "rénovés", "Semaines depuis les travaux", "kWh par bâtiment et par jour",
                List.of(new SvgCharts.XySeries("mesurée", fit.weeks(), fit.meteredKwh()),
                        new SvgCharts.XySeries("référence " + fit.method(), fit.weeks(), fit.predictedKwh())), false));
        page.figure(svg, "Moyenne par bâtiment et par jour, semaine par semaine autour des travaux (semaine 0), des "
                + "bâtiments rénovés (au moins " + fit.minBuildings() + " par semaine) : avant, l'ajustement de la "
                + "référence ; après, l'écart entre la référence (contrefactuel) et la mesure est l'économie. · "
                + "Mean metered and baseline use per building-day by week around the works.");
    }

    private static void modelsSection(HtmlPage page, UseCaseResult result, List<UseCaseResult.ModelEntry> models) {
        section(page, "modeles", "Méthodes", "Methods");
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : models) {
            Map<String, Object> t = m.metrics() == null ? Map.of() : m.metrics();
            rows.add(List.of((m.name().equals(result.bestModel()) ? "\u2605 " : "") + m.name(),
                    fixed(num(t, "treated_fitted"), 0) + " / " + fixed(num(t, "treated_buildings"), 0),
                    points(num(t, "savings_abs_error_pct_points_median")),
                    points(num(t, "savings_error_pct_points_mean")),
                    percent(num(t, "placebo_coverage_90")), fixed(num(t, "cvrmse"), 3), fixed(num(t, "nmbe"), 4),
                    points(num(m.validationMetrics(), "placebo_abs_error_pct_points_median"))));
        }
        page.table(List.of("Méthode", "Rénovés estimés", "|Erreur| médiane", "Biais moyen", "Couverture placebo",
                "CV(RMSE) médian", "NMBE médian", "|Erreur| validation"), rows);
        page.paragraph("\u2605 méthode retenue : plus faible erreur placebo médiane sur les bâtiments de validation "
                + "(bâtiments sans travaux hors groupe témoin), sans regarder les données de test. · Selected on the "
                + "validation buildings' median placebo error, without test data.");
        Map<String, String> ids = new LinkedHashMap<>();
        models.forEach(m -> ids.put(m.name(), Objects.toString(m.modelId(), MISSING)));
        page.keyValues(ids);
    }

    private static void methodSection(HtmlPage page) {
        section(page, "methode", "Comment c'est calculé", "How it was computed");
        page.list(List.of(
                "Référence (baseline) : les 365 jours avant les travaux, 90 % de jours valides requis (CalTRACK) ; "
                        + "sinon « données insuffisantes ». · Baseline: 365 days before the works, 90 % valid days.",
                "Journalier (CalTRACK 2.0) : recherche des températures d'équilibre (−1 à 32 °C), modèles constante, "
                        + "DJU chauffage, DJU climatisation, les deux, par MCO ; pentes positives et p < 0,1 ; R² "
                        + "ajusté maximal. · Daily: balance-point grid, OLS candidates, adjusted R².",
                "Facturation (mensuel) : mêmes candidats sur des périodes de 30 jours, moindres carrés pondérés par "
                        + "les jours. · Billing: the same candidates on 30-day periods, WLS weighted by days.",
                "Horaire (TOWT) : 168 niveaux heure-de-la-semaine et température linéaire par morceaux, heures "
                        + "occupées et inoccupées. · Hourly: time-of-week and temperature model.",
                "Économie = contrefactuel (la référence appliquée aux températures après travaux) − mesuré, sur "
                        + "l'année qui suit les travaux. · Savings = counterfactual − metered over the reporting "
                        + "year.",
                "Incertitude ASHRAE Guideline 14 : demi-largeur = 1,26 · t · CV(RMSE) · √((n/n′)(1 + 2/n′)/m) · "
                        + "contrefactuel, n′ = n(1 − ρ)/(1 + ρ) ; pour la méthode horaire, calculée sur les résidus "
                        + "cumulés par jour. · ASHRAE 14 fractional savings uncertainty with autocorrelation "
                        + "correction.",
                "Test placebo : la même procédure sur les bâtiments du groupe témoin, sans travaux, avec une date de "
                        + "travaux fictive ; la couverture est mesurée. · Placebo: same procedure on buildings "
                        + "without works; the coverage is measured."));
    }

    private static void dataSection(HtmlPage page, SavingsReportData data) {
        section(page, "donnees", "Données", "Data");
        page.paragraph("Région · Region : " + Objects.toString(data.region(), MISSING));
        List<List<String>> rows = new ArrayList<>();
        if (data.tables() != null) {
            data.tables().forEach((path, version) -> rows.add(List.of(path,
                    version == null ? MISSING : Long.toString(version))));
        }
        page.table(List.of("Table", "Version Delta · Delta version"), rows);
    }

    private static Map<String, Object> metrics(List<UseCaseResult.ModelEntry> models, String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .map(UseCaseResult.ModelEntry::metrics).orElse(Map.of());
    }

    static double num(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Percentage points with two decimals. */
    static String points(double v) {
        return Double.isFinite(v) ? fixed(v, 2) + " pt" : MISSING;
    }

    /** A fraction as a percentage with one decimal. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + " %" : MISSING;
    }

    static String fixed(double value, int decimals) {
        return ForecastReport.fixed(value, decimals);
    }
}

package org.energycommons.workbench.reports.usecase.uc3;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.fixed;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.points;
import static org.energycommons.workbench.reports.render.Formats.whole;

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
 * The renderer of the uc3 report page (savings after renovation works, M&amp;V): one self-contained HTML document,
 * French first with English subtitles. It only formats what {@link Uc3PageData} holds: fractions as
 * percentages with one decimal, savings in MWh with one decimal, {@code "—"} for a missing value.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc3Page {

    /** The statistical-secrecy rule under every aggregate. */
    public static final String SECRECY_RULE = "Seuls sont publiés des groupes d'au moins 10 bâtiments dont aucun ne "
            + "représente plus de 85 % de la consommation du groupe (secret statistique, Code de l'énergie, "
            + "art. D.111-52 et D.111-53) : aucune économie d'un bâtiment seul n'est publiée. · Only groups of at "
            + "least 10 buildings, none above 85 % of the group's use, are published: no single building's savings.";

    private Uc3Page() {
    }

    /** Renders the uc3 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc3PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(data, lang).summary(summary(result))
                .metricFormat(Uc3Page::formatMetric)
                .section("estime-vrai", "Économies estimées contre vraies", "Estimated vs true savings",
                        p -> scatter(p, data))
                .section("types", "Économies et intervalles à 90 % par type de travaux",
                        "Savings with 90 % intervals by works type", p -> worksTypes(p, data))
                .section("placebo", "Test placebo : couverture de l'intervalle à 90 %", "Placebo test: 90 % coverage",
                        p -> placebo(p, result))
                .section("ajustement", "Ajustement de la référence", "Baseline fit", p -> fit(p, data.fit()))
                .models("Méthodes", "Methods", List.of("Rénovés estimés", "|Erreur| médiane", "Biais moyen",
                        "Couverture placebo", "CV(RMSE) médian", "NMBE médian", "|Erreur| validation"),
                        Uc3Page::methodCells, p -> p.paragraph(UseCasePage.BEST_MARK + "méthode retenue : plus "
                                + "faible erreur placebo médiane sur les bâtiments de validation (bâtiments sans "
                                + "travaux hors groupe témoin), sans regarder les données de test. · Selected on the "
                                + "validation buildings' median placebo error, without test data."))
                .methodOf(Uc3Page.class, Map.of())
                .render();
    }

    private static String summary(UseCaseResult result) {
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        return "En résumé : la méthode retenue sur les bâtiments de validation est "
                + Objects.toString(result.bestModel(), MISSING) + ". Sur les bâtiments rénovés, l'écart médian entre "
                + "l'économie estimée et l'économie vraie est de "
                + points(metric(m, "savings_abs_error_pct_points_median"))
                + " de la consommation contrefactuelle ; sur les bâtiments témoins sans travaux (test placebo), "
                + "l'intervalle à 90 % contient l'économie nulle dans " + percent(metric(m, "placebo_coverage_90"))
                + " des cas. " + UseCasePage.metCount(result) + " critère(s) de succès sur "
                + UseCasePage.criteria(result).size() + " atteint(s). · Median absolute savings error and placebo "
                + "coverage of the 90 % interval of the selected method.";
    }

    /** A uc3 metric as in the criteria table: coverages as percentages, savings errors in percentage points. */
    static String formatMetric(String metric, double value) {
        return metric.contains("coverage") ? percent(value) : points(value);
    }

    private static void scatter(HtmlPage page, Uc3PageData data) {
        List<Uc3PageData.SavingsGroup> groups = Objects.requireNonNullElse(data.groups(), List.of());
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

    private static void worksTypes(HtmlPage page, Uc3PageData data) {
        List<Uc3PageData.SavingsGroup> types = Objects.requireNonNullElse(data.worksTypes(), List.of());
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

    private static List<List<String>> groupRows(List<Uc3PageData.SavingsGroup> groups) {
        List<List<String>> rows = new ArrayList<>();
        for (Uc3PageData.SavingsGroup g : groups) {
            rows.add(List.of(g.label(), Integer.toString(g.buildings()), fixed(100 * g.trueFraction(), 1),
                    fixed(100 * g.estimatedFraction(), 1), "[" + fixed(100 * g.lowerFraction(), 1) + " ; "
                            + fixed(100 * g.upperFraction(), 1) + "]", fixed(g.savingsMwh(), 1),
                    fixed(g.halfWidthMwh(), 1)));
        }
        return rows;
    }

    private static void placebo(HtmlPage page, UseCaseResult result) {
        List<UseCaseResult.ModelEntry> models = UseCasePage.models(result);
        List<String> names = new ArrayList<>();
        double[] test = new double[models.size()];
        double[] val = new double[models.size()];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            UseCaseResult.ModelEntry m = models.get(i);
            names.add(m.name());
            test[i] = 100 * metric(m.metrics(), "placebo_coverage_90");
            val[i] = 100 * metric(m.validationMetrics(), "placebo_coverage_90");
            rows.add(List.of(m.name(), fixed(metric(m.metrics(), "placebo_fitted"), 0),
                    percent(metric(m.metrics(), "placebo_coverage_90")),
                    points(metric(m.metrics(), "placebo_abs_error_pct_points_median")),
                    points(metric(m.metrics(), "placebo_half_width_90_pct_points_median")),
                    percent(metric(m.validationMetrics(), "placebo_coverage_90")),
                    percent(metric(m.metrics(), "treated_coverage_90"))));
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
                    + percent(metric(hourly.metrics(), "placebo_coverage_90_hourly_formula")) + " ; elle est appliquée "
                    + "aux résidus cumulés par jour. · Hourly method: the formula on hourly points would cover "
                    + percent(metric(hourly.metrics(), "placebo_coverage_90_hourly_formula"))
                    + "; it is applied to daily summed residuals.");
        }
    }

    private static void fit(HtmlPage page, Uc3PageData.FitPicture fit) {
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

    private static List<String> methodCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> t = m.metrics();
        return List.of(whole(metric(t, "treated_fitted")) + " / " + whole(metric(t, "treated_buildings")),
                points(metric(t, "savings_abs_error_pct_points_median")),
                points(metric(t, "savings_error_pct_points_mean")),
                percent(metric(t, "placebo_coverage_90")), fixed(metric(t, "cvrmse"), 3), fixed(metric(t, "nmbe"), 4),
                points(metric(m.validationMetrics(), "placebo_abs_error_pct_points_median")));
    }

}

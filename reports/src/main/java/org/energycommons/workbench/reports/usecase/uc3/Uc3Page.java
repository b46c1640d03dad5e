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
import java.util.function.Function;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc3 report page (savings after renovation works, M&amp;V): one self-contained HTML document
 * per language, each wholly in its language. It only formats what {@link Uc3PageData} holds: fractions as
 * percentages with one decimal, savings in MWh with one decimal, {@code "—"} for a missing value.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own. Each figure and table says which buildings and period it is measured on: the year after
 * the works, which the baseline never saw (held-out test data), or the year before, on which it is fitted.
 */
public final class Uc3Page {

    /** The works types of the synthetic region, by code, with their names in French and English. */
    private static final Map<String, List<String>> WORKS_TYPES = Map.of(
            "insulation_walls", List.of("isolation des murs", "wall insulation"),
            "insulation_roof", List.of("isolation de la toiture", "roof insulation"),
            "windows", List.of("fenêtres", "windows"),
            "global", List.of("rénovation globale", "deep renovation"),
            "heat_pump", List.of("pompe à chaleur", "heat pump"));

    /** The population the group tables count (dwellings among them), as their cells name it for the audit. */
    public static final String BUILDINGS_COUNTED = "renovated buildings";

    private Uc3Page() {
    }

    /** The statistical-secrecy rule under the published aggregates, in a language. */
    public static String secrecyRule(Lang lang) {
        return lang.t("Seuls sont publiés des groupes d'au moins 10 bâtiments dont aucun ne représente plus de 85 % "
                        + "de la consommation du groupe (secret statistique, Code de l'énergie, art. D.111-52 et "
                        + "D.111-53) : aucune économie d'un bâtiment seul n'est publiée.",
                "Only groups of at least 10 buildings, none of which accounts for more than 85 % of the group's "
                        + "use, are published (statistical secrecy, French Energy Code, art. D.111-52 and "
                        + "D.111-53): no single building's savings are published.");
    }

    /** The reader's name of a works type in a language; the code itself for a type the page does not know. */
    public static String worksType(String code, Lang lang) {
        List<String> names = WORKS_TYPES.get(code);
        return names == null ? Objects.toString(code, MISSING) : lang.t(names.get(0), names.get(1));
    }

    /** Renders the uc3 page in a language from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc3PageData data, Lang lang) {
        return page(data, lang).render();
    }

    /**
     * What the works saved, for the region, in a language: the savings of every renovated building together and by
     * works type, in MWh and in % of the use without works, with their 90 % intervals; the synthesis note reports
     * it too. No map: the renovated buildings of one commune are too few to publish.
     */
    public static Territory territory(Uc3PageData data, Lang lang) {
        Uc3PageData.SavingsGroup all = data.allRenovated();
        if (all == null) {
            return new Territory(List.of(lang.t("Les bâtiments rénovés ne passent pas, ensemble, le contrôle du "
                    + "secret statistique : pas de total publiable.", "The renovated buildings together do not pass "
                    + "the statistical-secrecy guard: no publishable total.")), null, null);
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lang.t("Sur l'année qui suit les travaux (données de test), les " + all.buildings()
                        + " bâtiments rénovés évalués ont économisé " + fixed(all.savingsMwh(), 1) + " MWh (± "
                        + fixed(all.halfWidthMwh(), 1) + " MWh à 90 %), soit " + percent(all.estimatedFraction())
                        + " de la consommation qu'ils auraient eue sans travaux, à climat égal (intervalle à 90 % : "
                        + percent(all.lowerFraction()) + " à " + percent(all.upperFraction()) + ").",
                "Over the year after the works (test data), the " + all.buildings() + " renovated buildings "
                        + "evaluated saved " + fixed(all.savingsMwh(), 1) + " MWh (± " + fixed(all.halfWidthMwh(), 1)
                        + " MWh at 90 %), that is " + percent(all.estimatedFraction()) + " of the use they would "
                        + "have had without works, weather being equal (90 % interval: " + percent(all.lowerFraction())
                        + " to " + percent(all.upperFraction()) + ")."));
        List<String> byType = new ArrayList<>();
        for (Uc3PageData.SavingsGroup g : Objects.requireNonNullElse(data.worksTypes(),
                List.<Uc3PageData.SavingsGroup>of())) {
            byType.add(worksType(g.label(), lang) + " " + fixed(g.savingsMwh(), 1) + " MWh (" + percent(
                    g.estimatedFraction()) + lang.t(", " + g.buildings() + " bâtiments)", ", " + g.buildings()
                    + " buildings)"));
        }
        String withheld = data.suppressedWorksTypes() == 0 ? "" : lang.t(data.suppressedWorksTypes()
                + " type(s) de travaux de moins de 10 bâtiments ne sont pas détaillés (secret statistique).",
                data.suppressedWorksTypes() + " works type(s) of fewer than 10 buildings are not detailed "
                        + "(statistical secrecy).");
        if (!byType.isEmpty()) {
            paragraphs.add(lang.t("Par type de travaux : ", "By works type: ") + String.join(lang.t(" ; ", "; "),
                    byType) + "." + (withheld.isEmpty() ? "" : " " + withheld));
        } else if (!withheld.isEmpty()) {
            paragraphs.add(withheld);
        }
        paragraphs.add(lang.t("Ces économies sont mesurées sur les compteurs, pas calculées par un diagnostic : un "
                        + "programme de rénovation peut les déclarer, avec leur intervalle.", "These savings are "
                        + "measured on the meters, not computed by a certificate: a renovation programme can report "
                        + "them, with their interval."));
        return new Territory(paragraphs, null, null);
    }

    private static UseCasePage page(Uc3PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(data, lang).summary(summary(result, lang))
                .territory(territory(data, lang))
                .metricFormat(Uc3Page::formatMetric)
                .section("estime-vrai", "Économies estimées contre vraies", "Estimated vs true savings",
                        p -> scatter(p, data, lang))
                .section("types", "Économies et intervalles à 90 % par type de travaux",
                        "Savings with 90 % intervals by works type", p -> worksTypes(p, data, lang))
                .section("placebo", "Test placebo : couverture de l'intervalle à 90 %",
                        "Placebo test: coverage of the 90 % interval", p -> placebo(p, result, lang))
                .section("ajustement", "Ajustement de la référence", "Baseline fit",
                        p -> fit(p, data.fit(), result, lang))
                .models("Méthodes", "Methods", methodHeaders(lang), Uc3Page::methodCells, p -> methodNotes(p, lang))
                .methodOf(Uc3Page.class, Map.of());
    }

    private static String summary(UseCaseResult result, Lang lang) {
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        String best = Objects.toString(result.bestModel(), MISSING);
        String error = points(metric(m, "savings_abs_error_pct_points_median"));
        String coverage = percent(metric(m, "placebo_coverage_90"));
        long met = UseCasePage.metCount(result);
        int criteria = UseCasePage.criteria(result).size();
        return lang.t("En résumé : la méthode retenue sur les bâtiments de validation est " + best + ". Sur les "
                        + "bâtiments rénovés, mesuré sur l'année qui suit les travaux (données de test, que la "
                        + "référence n'a pas vues), l'écart médian entre l'économie estimée et l'économie vraie est de "
                        + error + " de la consommation contrefactuelle ; sur les bâtiments témoins sans travaux (test "
                        + "placebo), l'intervalle à 90 % contient l'économie nulle dans " + coverage + " des cas. "
                        + met + (met > 1 ? " critères de succès sur " : " critère de succès sur ") + criteria
                        + (met > 1 ? " sont atteints." : " est atteint."),
                "In short: the method selected on the validation buildings is " + best + ". On the renovated "
                        + "buildings, measured over the year after the works (held-out test data, which the baseline "
                        + "never saw), the median gap between estimated and true savings is " + error + " of the "
                        + "counterfactual use; on the comparison buildings without works (placebo test), the 90 % "
                        + "interval holds zero savings in " + coverage + " of cases. " + met + " of " + criteria
                        + " success criteria " + (met == 1 ? "is" : "are") + " met.");
    }

    /** A uc3 metric as in the criteria table: coverages as percentages, savings errors in percentage points. */
    static String formatMetric(String metric, double value) {
        return metric.contains("coverage") ? percent(value) : points(value);
    }

    // ------------------------------------------------------------------------------------------
    // Sections
    // ------------------------------------------------------------------------------------------

    private static void scatter(HtmlPage page, Uc3PageData data, Lang lang) {
        List<Uc3PageData.SavingsGroup> groups = Objects.requireNonNullElse(data.groups(), List.of());
        String method = Objects.toString(data.method(), MISSING);
        if (groups.isEmpty()) {
            page.paragraph(lang.t("Aucun groupe de bâtiments rénovés ne passe le contrôle du secret statistique (ou "
                            + "aucune économie n'a pu être estimée).",
                    "No group of renovated buildings passes the statistical-secrecy guard (or no savings could be "
                            + "estimated)."));
        } else {
            double[] x = new double[groups.size()];
            double[] y = new double[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                x[i] = 100 * groups.get(i).trueFraction();
                y[i] = 100 * groups.get(i).estimatedFraction();
            }
            String svg = SvgCharts.scatter(new SvgCharts.ScatterChart(
                    lang.t("Économie vraie et estimée par groupe de bâtiments",
                            "True and estimated savings by group of buildings"),
                    lang.t("Économie vraie (% du contrefactuel)", "True savings (% of counterfactual)"),
                    lang.t("Économie estimée (%)", "Estimated savings (%)"),
                    List.of(new SvgCharts.XySeries(method, x, y)), true));
            page.figure(svg, lang.t("Données de test : l'année qui suit les travaux, que la référence n'a pas vue. "
                            + "Chaque point est un groupe d'au moins 10 bâtiments rénovés d'économie vraie voisine "
                            + "(méthode " + method + ") ; la diagonale est l'estimation parfaite.",
                    "Held-out test data: the year after the works, which the baseline never saw. Each point is a "
                            + "group of at least 10 renovated buildings with similar true savings (method " + method
                            + "); the diagonal is a perfect estimate."));
            page.table(groupHeaders(lang, lang.t("Groupe", "Group")), groupRows(groups, g -> lang.t("groupe ",
                    "group ") + g.label(), lang), Map.of(1, BUILDINGS_COUNTED));
        }
        if (data.suppressedGroups() > 0) {
            page.paragraph(suppressed(data.suppressedGroups(), lang.t("groupe non publié", "group not published"),
                    lang.t("groupes non publiés", "groups not published"), lang));
        }
        page.paragraph(secrecyRule(lang));
    }

    private static void worksTypes(HtmlPage page, Uc3PageData data, Lang lang) {
        List<Uc3PageData.SavingsGroup> types = Objects.requireNonNullElse(data.worksTypes(), List.of());
        Uc3PageData.SavingsGroup all = data.allRenovated();
        List<Uc3PageData.SavingsGroup> rows = new ArrayList<>(types);
        if (all != null) {
            rows.add(all);
        }
        Function<Uc3PageData.SavingsGroup, String> label = g -> g == all
                ? lang.t("tous les rénovés", "all renovated") : worksType(g.label(), lang);
        if (types.size() >= 2) {
            List<String> labels = new ArrayList<>();
            double[] est = new double[rows.size()];
            double[] tru = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                labels.add(label.apply(rows.get(i)));
                est[i] = 100 * rows.get(i).estimatedFraction();
                tru[i] = 100 * rows.get(i).trueFraction();
            }
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(
                    lang.t("Économie par type de travaux", "Savings by works type"),
                    lang.t("Type de travaux", "Works type"), lang.t("% du contrefactuel", "% of counterfactual"),
                    labels, List.of(new SvgCharts.BarSeries(lang.t("estimée", "estimated"), est),
                            new SvgCharts.BarSeries(lang.t("vraie", "true"), tru)))),
                    lang.t("Données de test : l'année qui suit les travaux. Économie estimée et vraie en % de la "
                                    + "consommation contrefactuelle.",
                            "Held-out test data: the year after the works. Estimated and true savings as a % of "
                                    + "the counterfactual use."));
        } else {
            page.paragraph(fewTypes(types, all, data.suppressedWorksTypes(), lang));
        }
        if (types.size() + (all == null ? 0 : 1) >= 2) {
            page.table(groupHeaders(lang, lang.t("Type de travaux", "Works type")), groupRows(rows, label, lang),
                    Map.of(1, BUILDINGS_COUNTED));
        }
        if (data.suppressedWorksTypes() > 0 && types.size() >= 2) {
            page.paragraph(suppressed(data.suppressedWorksTypes(), lang.t("type de travaux non publié",
                    "works type not published"), lang.t("types de travaux non publiés", "works types not published"),
                    lang));
        }
    }

    /** What the works-type section says when fewer than two types may be published: no chart of one bar pair. */
    private static String fewTypes(List<Uc3PageData.SavingsGroup> types, Uc3PageData.SavingsGroup all,
                                   int suppressed, Lang lang) {
        String which = types.isEmpty()
                ? lang.t("Aucun type de travaux ne réunit à lui seul assez de bâtiments pour être publié",
                        "No works type gathers enough buildings on its own to be published")
                : lang.t("Un seul type de travaux, " + worksType(types.get(0).label(), lang) + ", réunit assez de "
                                + "bâtiments pour être publié",
                        "Only one works type, " + worksType(types.get(0).label(), lang) + ", gathers enough "
                                + "buildings to be published");
        String count = suppressed == 0 ? "" : lang.t(" (" + suppressed + (suppressed > 1
                        ? " types non publiés, secret statistique)" : " type non publié, secret statistique)"),
                " (" + suppressed + (suppressed > 1 ? " types" : " type") + " not published, statistical secrecy)");
        if (all == null) {
            return which + count + ".";
        }
        return which + count + lang.t(" : pas de comparaison entre types. ", ": no comparison between types. ")
                + lang.t("Tous types confondus, sur l'année qui suit les travaux (données de test), les "
                        + all.buildings() + " bâtiments rénovés économisent " + fixed(100 * all.estimatedFraction(), 1)
                        + " % de leur consommation contrefactuelle selon l'estimation (intervalle à 90 % "
                        + interval(all, lang) + " %), pour " + fixed(100 * all.trueFraction(), 1) + " % en vrai, soit "
                        + fixed(all.savingsMwh(), 1) + " ± " + fixed(all.halfWidthMwh(), 1) + " MWh.",
                "All types together, over the year after the works (held-out test data), the " + all.buildings()
                        + " renovated buildings save " + fixed(100 * all.estimatedFraction(), 1) + " % of their "
                        + "counterfactual use by the estimate (90 % interval " + interval(all, lang) + " %), against "
                        + fixed(100 * all.trueFraction(), 1) + " % in truth, i.e. " + fixed(all.savingsMwh(), 1)
                        + " ± " + fixed(all.halfWidthMwh(), 1) + " MWh.");
    }

    private static String suppressed(int n, String one, String several, Lang lang) {
        return n + " " + (n > 1 ? several : one) + lang.t(" (secret statistique).", " (statistical secrecy).");
    }

    private static List<String> groupHeaders(Lang lang, String first) {
        return List.of(first, lang.t("Bâtiments", "Buildings"), lang.t("Vraie (%)", "True (%)"),
                lang.t("Estimée (%)", "Estimated (%)"), lang.t("IC 90 % (%)", "90 % CI (%)"),
                lang.t("Économie (MWh)", "Savings (MWh)"), "± 90 % (MWh)");
    }

    private static List<List<String>> groupRows(List<Uc3PageData.SavingsGroup> groups,
                                                Function<Uc3PageData.SavingsGroup, String> label,
                                                Lang lang) {
        List<List<String>> rows = new ArrayList<>();
        for (Uc3PageData.SavingsGroup g : groups) {
            rows.add(List.of(label.apply(g), Integer.toString(g.buildings()), fixed(100 * g.trueFraction(), 1),
                    fixed(100 * g.estimatedFraction(), 1), interval(g, lang), fixed(g.savingsMwh(), 1),
                    fixed(g.halfWidthMwh(), 1)));
        }
        return rows;
    }

    /** The 90 % interval of a group's estimated savings fraction, in percent: {@code [19.0 ; 22.4]}. */
    private static String interval(Uc3PageData.SavingsGroup g, Lang lang) {
        return Formats.interval(fixed(100 * g.lowerFraction(), 1), fixed(100 * g.upperFraction(), 1), lang);
    }

    private static void placebo(HtmlPage page, UseCaseResult result, Lang lang) {
        List<UseCaseResult.ModelEntry> models = UseCasePage.models(result);
        List<String> names = new ArrayList<>();
        double[] test = new double[models.size()];
        double[] val = new double[models.size()];
        for (int i = 0; i < models.size(); i++) {
            UseCaseResult.ModelEntry m = models.get(i);
            names.add(m.name());
            test[i] = 100 * metric(m.metrics(), "placebo_coverage_90");
            val[i] = 100 * metric(m.validationMetrics(), "placebo_coverage_90");
        }
        page.paragraph(lang.t("Sur des bâtiments sans travaux, à qui l'on donne une date de travaux fictive, aucune "
                        + "économie n'est attendue : l'intervalle à 90 % devrait contenir zéro dans 90 % des cas. Le "
                        + "test porte sur les bâtiments du groupe témoin (données de test, jamais vues pour choisir "
                        + "la méthode) ; la validation, sur d'autres bâtiments sans travaux, qui choisissent la "
                        + "méthode.",
                "Buildings without works, given a fictitious works date, should show no savings: the 90 % interval "
                        + "should hold zero in 90 % of cases. The test uses the comparison-group buildings (held-out "
                        + "test data, never used to select the method); validation uses other buildings without "
                        + "works, which select the method."));
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(
                lang.t("Couverture mesurée de l'intervalle à 90 %", "Measured coverage of the 90 % interval"),
                lang.t("Méthode", "Method"), lang.t("Couverture (%)", "Coverage (%)"), names,
                List.of(new SvgCharts.BarSeries(lang.t("placebo, test", "placebo, test"), test),
                        new SvgCharts.BarSeries("validation", val)))),
                lang.t("Part des bâtiments sans travaux (date de travaux fictive) dont l'intervalle à 90 % contient "
                                + "l'économie nulle, sur les données de test (groupe témoin) et de validation ; "
                                + "nominal 90 %.",
                        "Share of buildings without works (fictitious works date) whose 90 % interval holds zero "
                                + "savings, on held-out test data (comparison group) and on validation data; nominal "
                                + "90 %."));
        // One column per method, one row per measure: the measures' names are long, the values short.
        List<String> headers = new ArrayList<>(List.of(lang.t("Mesure", "Measure")));
        headers.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        rows.add(placeboRow(lang.t("Placebos estimés, test", "Placebo runs estimated, test"), models,
                m -> whole(metric(m.metrics(), "placebo_fitted"))));
        rows.add(placeboRow(lang.t("Couverture de l'intervalle à 90 %, test", "Coverage of the 90 % interval, test"),
                models, m -> percent(metric(m.metrics(), "placebo_coverage_90"))));
        rows.add(placeboRow(lang.t("Couverture de l'intervalle à 90 %, validation",
                "Coverage of the 90 % interval, validation"), models,
                m -> percent(metric(m.validationMetrics(), "placebo_coverage_90"))));
        rows.add(placeboRow(lang.t("Erreur absolue médiane, test", "Median absolute error, test"), models,
                m -> points(metric(m.metrics(), "placebo_abs_error_pct_points_median"))));
        rows.add(placeboRow(lang.t("Demi-largeur médiane de l'intervalle, test", "Median half-width of the interval, "
                + "test"), models, m -> points(metric(m.metrics(), "placebo_half_width_90_pct_points_median"))));
        rows.add(placeboRow(lang.t("Rénovés : couverture de l'économie vraie, test",
                "Renovated: coverage of the true savings, test"), models,
                m -> percent(metric(m.metrics(), "treated_coverage_90"))));
        page.table(headers, rows);
        page.paragraph(lang.t("Erreur et demi-largeur en points de pourcentage de la consommation contrefactuelle. "
                        + "Dernière ligne : part des bâtiments rénovés dont l'intervalle à 90 % contient l'économie "
                        + "vraie.",
                "Error and half-width in percentage points of the counterfactual use. Last row: share of renovated "
                        + "buildings whose 90 % interval holds the true savings."));
        UseCaseResult.ModelEntry hourly = models.stream()
                .filter(m -> m.metrics() != null && m.metrics().get("placebo_coverage_90_hourly_formula") != null)
                .findFirst().orElse(null);
        if (hourly != null) {
            String coverage = percent(metric(hourly.metrics(), "placebo_coverage_90_hourly_formula"));
            page.paragraph(lang.t("Méthode horaire (" + hourly.name() + ") : la formule de la Guideline 14 appliquée "
                            + "aux points horaires (correction d'autocorrélation d'ordre 1) donnerait une couverture "
                            + "placebo de " + coverage + " ; elle est donc appliquée aux résidus cumulés par jour.",
                    "Hourly method (" + hourly.name() + "): the Guideline 14 formula applied to hourly points "
                            + "(first-order autocorrelation correction) would give a placebo coverage of " + coverage
                            + "; it is therefore applied to residuals summed by day."));
        }
    }

    private static List<String> placeboRow(String measure, List<UseCaseResult.ModelEntry> models,
                                           Function<UseCaseResult.ModelEntry, String> cell) {
        List<String> row = new ArrayList<>(List.of(measure));
        models.forEach(m -> row.add(cell.apply(m)));
        return row;
    }

    private static void fit(HtmlPage page, Uc3PageData.FitPicture fit, UseCaseResult result, Lang lang) {
        if (fit == null || fit.weeks() == null || fit.weeks().length == 0) {
            page.paragraph(lang.t("Aucune semaine ne réunit assez de bâtiments pour être publiée.",
                    "No week gathers enough buildings to be published."));
        } else {
            String method = Objects.toString(fit.method(), MISSING);
            String svg = SvgCharts.scatter(new SvgCharts.ScatterChart(
                    lang.t("Consommation mesurée et référence, bâtiments rénovés",
                            "Metered use and baseline, renovated buildings"),
                    lang.t("Semaines depuis les travaux", "Weeks since the works"),
                    lang.t("kWh par bâtiment et par jour", "kWh per building per day"),
                    List.of(new SvgCharts.XySeries(lang.t("mesurée", "metered"), fit.weeks(), fit.meteredKwh()),
                            new SvgCharts.XySeries(lang.t("référence ", "baseline ") + method, fit.weeks(),
                                    fit.predictedKwh())), false));
            page.figure(svg, lang.t("Moyenne par bâtiment et par jour, semaine par semaine autour des travaux "
                            + "(semaine 0), des bâtiments rénovés (au moins " + fit.minBuildings() + " par semaine). "
                            + "Avant la semaine 0 : données d'ajustement, sur lesquelles la référence est ajustée. "
                            + "Après : données de test, que la référence n'a pas vues ; l'écart entre la référence "
                            + "(contrefactuel) et la mesure est l'économie.",
                    "Mean per building and per day, week by week around the works (week 0), of the renovated "
                            + "buildings (at least " + fit.minBuildings() + " a week). Before week 0: fitting data, "
                            + "on which the baseline is fitted. After: held-out test data, which the baseline never "
                            + "saw; the gap between the baseline (counterfactual) and the metered use is the "
                            + "savings."));
        }
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            Map<String, Object> t = m.metrics();
            rows.add(List.of(m.name(), whole(metric(t, "treated_fitted")) + " / " + whole(metric(t,
                    "treated_buildings")), fixed(metric(t, "cvrmse"), 3), fixed(metric(t, "nmbe"), 4)));
        }
        page.table(List.of(lang.t("Méthode", "Method"), lang.t("Références ajustées", "Baselines fitted"),
                lang.t("CV(RMSE) médian", "Median CV(RMSE)"), lang.t("NMBE médian", "Median NMBE")), rows);
        page.paragraph(lang.t("Mesuré sur les données d'ajustement (l'année avant les travaux) des bâtiments rénovés : "
                        + "bâtiments dont la référence a pu être ajustée, sur le total ; écart quadratique relatif "
                        + "(CV(RMSE)) et biais relatif (NMBE) de la référence, médianes sur les bâtiments.",
                "Measured on the fitting data (the year before the works) of the renovated buildings: buildings "
                        + "whose baseline could be fitted, out of all of them; the baseline's relative root-mean-"
                        + "square error (CV(RMSE)) and relative bias (NMBE), medians over the buildings."));
    }

    // ------------------------------------------------------------------------------------------
    // Methods table
    // ------------------------------------------------------------------------------------------

    private static List<String> methodHeaders(Lang lang) {
        return List.of(lang.t("|Erreur| médiane, test", "Median |error|, test"),
                lang.t("Biais moyen, test", "Mean bias, test"),
                lang.t("|Erreur| placebo, validation", "Placebo |error|, validation"));
    }

    private static List<String> methodCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> t = m.metrics();
        return List.of(points(metric(t, "savings_abs_error_pct_points_median")),
                points(metric(t, "savings_error_pct_points_mean")),
                points(metric(m.validationMetrics(), "placebo_abs_error_pct_points_median")));
    }

    private static void methodNotes(HtmlPage page, Lang lang) {
        page.paragraph(UseCasePage.BEST_MARK + lang.t("méthode retenue : plus faible erreur placebo médiane sur les "
                        + "bâtiments de validation (bâtiments sans travaux hors groupe témoin), sans regarder les "
                        + "données de test.",
                "selected method: lowest median placebo error on the validation buildings (buildings without works "
                        + "outside the comparison group), without looking at the test data."));
        page.paragraph(lang.t("« test » : données de test, jamais vues pour ajuster la référence ni pour choisir la "
                        + "méthode (bâtiments rénovés sur l'année qui suit les travaux, bâtiments témoins pour le "
                        + "placebo) ; « validation » : les bâtiments sans travaux qui choisissent la méthode. "
                        + "|Erreur| médiane : " + MetricLabels.label("savings_abs_error_pct_points_median", lang)
                        + " ; biais : écart moyen signé entre l'économie estimée et vraie, en points. La couverture "
                        + "placebo de chaque méthode et l'ajustement de sa référence (sur l'année avant les travaux) "
                        + "figurent plus haut.",
                "“test”: held-out test data, never used to fit the baseline or select the method (renovated "
                        + "buildings over the year after the works, comparison buildings for the placebo); "
                        + "“validation”: the buildings without works that select the method. Median |error|: "
                        + MetricLabels.label("savings_abs_error_pct_points_median", lang) + "; bias: mean signed "
                        + "gap between estimated and true savings, in points. Each method's placebo coverage and "
                        + "baseline fit (on the year before the works) are shown above."));
    }
}

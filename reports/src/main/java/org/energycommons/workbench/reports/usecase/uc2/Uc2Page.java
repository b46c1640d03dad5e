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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc2 report page (anomaly alerts for public buildings): one self-contained HTML document per
 * {@link Lang language}, wholly in that language. It only formats what {@link Uc2PageData} holds: ratios with
 * three decimals, days with one, {@code "—"} for a missing value.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own. Fault types and detectors are named in words ({@link #faultType}, {@link #detectorName});
 * rules keep the id and condition of the rules file, which a reader may edit.
 */
public final class Uc2Page {

    /**
     * The width of the bar chart by fault type: wide enough for the reader names of the five types to sit unbroken
     * under their bars (the chart scales down with the page).
     */
    private static final int WIDE_CHART = 1000;

    /** Fault type code name → reader name in French and English, short enough to sit under a bar unbroken. */
    private static final Map<String, String[]> FAULT_TYPES = Map.of(
            "heating_on_holidays", new String[] {"chauffage vacances", "holiday heating"},
            "night_base_load_drift", new String[] {"dérive de nuit", "night-load drift"},
            "use_on_closed_days", new String[] {"usage jour fermé", "closed-day use"},
            "flat_meter", new String[] {"compteur figé", "stuck meter"},
            "spikes", new String[] {"pics isolés", "isolated spikes"},
            "none", new String[] {"hors défaut", "no fault"});

    /** Detector code name → reader name in French and English. */
    private static final Map<String, String[]> DETECTORS = Map.of(
            "rules", new String[] {"règles", "rules"},
            "isolation-forest", new String[] {"forêt d'isolement", "isolation forest"},
            "isolation_forest", new String[] {"forêt d'isolement", "isolation forest"},
            "rules+isolation-forest", new String[] {"règles + forêt d'isolement", "rules + isolation forest"},
            "expected-consumption", new String[] {"consommation attendue", "expected consumption"});

    /** A rule's severity in the rules file → French. */
    private static final Map<String, String> SEVERITIES_FR = Map.of("low", "basse", "medium", "moyenne",
            "high", "haute");

    /** The periods of the split, as the job names them → French and English. */
    private static final Map<String, String[]> PERIODS = Map.of(
            "tuning", new String[] {"Réglage", "Tuning"},
            "evaluation", new String[] {"Évaluation", "Evaluation"},
            "rule", new String[] {"Règle", "Rule"});
    private static final String SPLIT_RULE = "models fitted and thresholds tuned on the tuning period only; metrics "
            + "reported on the evaluation period";

    private static final String INSUFFICIENT = "insufficient data: ";
    private static final Pattern UNSPLITTABLE = Pattern.compile("(\\d+) days cannot be split into tuning and "
            + "evaluation");
    private static final Pattern FEW_DAYS = Pattern.compile("(\\d+) building-days in the tuning period (\\S+)\\.\\."
            + "(\\S+), at least (\\d+) needed \\((\\S+)\\)");

    private Uc2Page() {
    }

    /**
     * Renders the uc2 page from its figures, already computed and passed through the secrecy guard.
     *
     * @param data the page's figures
     * @param lang the language of this version of the page
     * @return the HTML5 document
     */
    public static String render(Uc2PageData data, Lang lang) {
        return page(data, lang).render();
    }

    /**
     * What the alerts mean for the region, in a language: how many public buildings need a visit, in all and by
     * commune (through the secrecy guard), as sentences and a map; the synthesis note reports it too.
     */
    public static Territory territory(Uc2PageData data, Lang lang) {
        Uc2PageData.Visits visits = data.visits();
        if (!"ok".equals(data.outcome()) || visits == null) {
            return new Territory(List.of(lang.t("Aucune alerte évaluée : pas de lecture territoriale.",
                    "No alert was evaluated: no reading for the region.")), null, null);
        }
        Map<String, Object> m = UseCasePage.bestMetrics(data.result());
        String period = Objects.toString(data.split().get("evaluation"), MISSING);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lang.t("Sur la période d'évaluation (" + period + "), " + visits.withAlert() + " des "
                        + visits.buildings() + " bâtiments publics suivis ont eu au moins une alerte du détecteur "
                        + "retenu : ce sont les visites à prévoir. " + percent(metric(m, "precision")) + " des alertes "
                        + "correspondaient à un défaut réel, et " + percent(metric(m, "recall")) + " des défauts ont "
                        + "été signalés.",
                "Over the evaluation period (" + period + "), " + visits.withAlert() + " of the "
                        + visits.buildings() + " public buildings monitored had at least one alert of the selected "
                        + "detector: these are the visits to plan. " + percent(metric(m, "precision")) + " of the "
                        + "alerts matched a real fault, and " + percent(metric(m, "recall")) + " of the faults were "
                        + "flagged."));
        Map<String, String> names = Territory.names(data.region());
        List<String> communes = new ArrayList<>();
        long withheld = 0;
        List<CommuneMap.Mark> marks = new ArrayList<>();
        for (Uc2PageData.CommuneVisits c : visits.communes()) {
            if (!c.published()) {
                withheld++;
                marks.add(CommuneMap.Mark.withheld(c.communeCode(), lang.t("non publié", "withheld")));
                continue;
            }
            communes.add(Territory.commune(names, c.communeCode()) + " " + c.withAlert() + lang.t(" sur ", " of ")
                    + c.buildings());
            marks.add(new CommuneMap.Mark(c.communeCode(), new double[] {
                    c.buildings() == 0 ? 0 : (double) c.withAlert() / c.buildings()}, c.buildings(),
                    c.withAlert() + "/" + c.buildings() + lang.t(" en alerte", " in alert")));
        }
        if (!communes.isEmpty()) {
            paragraphs.add(lang.t("Par commune, bâtiments en alerte sur bâtiments suivis : ", "By commune, buildings "
                    + "in alert of buildings monitored: ") + String.join(lang.t(" ; ", "; "), communes) + ".");
        }
        if (withheld > 0) {
            paragraphs.add(lang.t(withheld + " commune(s) ne sont pas détaillées : moins de 10 bâtiments publics, "
                    + "ou un bâtiment pesant plus de 85 % de leur consommation (secret statistique).", withheld
                    + " commune(s) are not detailed: fewer than 10 public buildings, or one building above 85 % of "
                    + "their consumption (statistical secrecy)."));
        }
        String title = lang.t("Bâtiments publics en alerte par commune", "Public buildings in alert by commune");
        return Territory.withShareMap(paragraphs, data.region(), title, marks, lang.t("Part des bâtiments publics "
                        + "de la commune ayant eu une alerte", "Share of the commune's public buildings that had an "
                        + "alert"), lang.t("Aire du disque : bâtiments publics suivis", "Disc area: public buildings "
                        + "monitored"), lang.t("Période d'évaluation, détecteur retenu.",
                        "Evaluation period, selected detector."), lang);
    }

    private static UseCasePage page(Uc2PageData data, Lang lang) {
        UseCaseResult result = data.result();
        return UseCasePage.of(withSplitIn(data, lang), lang).summary(summary(data, result, lang))
                .territory(territory(data, lang))
                .metricFormat(Uc2Page::formatMetric)
                .section("chronologie", "Consommation, attendu et alertes", "Consumption, expected and alerts",
                        p -> timeline(p, data.timeline(), lang))
                .models("Détecteurs", "Detectors", List.of(lang.t("Précision", "Precision"),
                        lang.t("Rappel", "Recall"), "F1", lang.t("Délai (j)", "Delay (d)"),
                        lang.t("Fausses alertes", "False alerts"), lang.t("F1 réglage", "Tuning F1"),
                        lang.t("Seuil (quantile)", "Threshold (quantile)")),
                        Uc2Page::detectorCells, p -> detectorNotes(p, lang))
                .section("types", "Par type de défaut", "By fault type", p -> faultTypes(p, data.faultTypes(), lang))
                .section("delais", "Délais de détection", "Detection delays", p -> delays(p, data.delayBins(), lang))
                .section("regles", "Règles et alertes", "Rules and alerts",
                        p -> rules(p, data.rules(), data.alertsByRule(), lang))
                .methodOf(Uc2Page.class, Map.of())
                .leaveOutOfProvenance("detections", "alerts_by_rule_and_fault_type");
    }

    /**
     * Why no single building's curve is shown, in a language.
     *
     * @param lang the language of the page
     * @return one paragraph
     */
    public static String noSingleBuilding(Lang lang) {
        return lang.t("La courbe d'un seul bâtiment est celle d'un seul point de livraison : par prudence (règles de "
                        + "publication du projet), seule la somme de tous les bâtiments publics suivis est publiée, et "
                        + "seulement les jours où elle réunit au moins 10 points sans qu'aucun ne dépasse 85 % du "
                        + "total.",
                "A single building's curve is that of a single delivery point: as a precaution (the project's "
                        + "publication rules), only the total of all watched public buildings is published, and only "
                        + "on days when it gathers at least 10 points, none of which exceeds 85 % of the total.");
    }

    /**
     * The reader's name of a fault type ("compteur figé" for {@code flat_meter}, "hors défaut" for {@code none}),
     * in a language; the code name itself for a type without one.
     *
     * @param type the fault type as the jobs name it
     * @param lang the language of the page
     * @return the name shown
     */
    public static String faultType(String type, Lang lang) {
        String[] names = FAULT_TYPES.get(type);
        return names == null ? Objects.toString(type, MISSING) : lang.t(names[0], names[1]);
    }

    /**
     * The reader's name of a detector or of an alert source ("forêt d'isolement" for {@code isolation-forest}), in
     * a language; the code name itself (a rule's id) for any other.
     *
     * @param name the detector or source as the jobs name it
     * @param lang the language of the page
     * @return the name shown
     */
    public static String detectorName(String name, Lang lang) {
        String[] names = DETECTORS.get(name);
        return names == null ? Objects.toString(name, MISSING) : lang.t(names[0], names[1]);
    }

    /** A uc2 metric as in the criteria table: days with one decimal, alerts per building-year with two. */
    static String formatMetric(String metric, double value) {
        return switch (metric) {
            case "median_detection_delay_days" -> fixed(value, 1);
            case "false_alerts_per_building_year" -> fixed(value, 2);
            default -> ratio(value);
        };
    }

    /** The data with its split periods named in the page's language, for the skeleton's data section. */
    private static Uc2PageData withSplitIn(Uc2PageData data, Lang lang) {
        if (data.split() == null || data.split().isEmpty()) {
            return data;
        }
        Map<String, String> split = new LinkedHashMap<>();
        data.split().forEach((name, range) -> {
            String[] names = PERIODS.get(name);
            String value = SPLIT_RULE.equals(range) ? lang.t("modèles ajustés et seuils réglés sur la période de "
                    + "réglage seulement ; métriques publiées sur la période d'évaluation", "models fitted and "
                    + "thresholds tuned on the tuning period only; metrics published on the evaluation period")
                    : range;
            split.put(names == null ? name : lang.t(names[0], names[1]), value);
        });
        return new Uc2PageData(data.useCase(), data.result(), data.tables(), data.region(), split, data.rules(),
                data.alertsByRule(), data.faultTypes(), data.delayBins(), data.timeline(), data.visits(),
                data.outcome(), data.generatedAt());
    }

    private static String summary(Uc2PageData data, UseCaseResult result, Lang lang) {
        if (!"ok".equals(data.outcome())) {
            return insufficient(Objects.toString(data.outcome(), MISSING), lang);
        }
        Map<String, Object> m = UseCasePage.bestMetrics(result);
        long met = UseCasePage.metCount(result);
        int criteria = UseCasePage.criteria(result).size();
        String delay = fixed(metric(m, "median_detection_delay_days"), 1);
        String falseAlerts = fixed(metric(m, "false_alerts_per_building_year"), 2);
        String best = detectorName(result.bestModel(), lang);
        return lang.t("En résumé : le détecteur retenu sur la période de réglage est « " + best + " ». Sur la "
                        + "période d'évaluation, il détecte " + percent(metric(m, "recall")) + " des défauts "
                        + "injectés (" + MetricLabels.label("precision", lang) + " : " + percent(metric(m, "precision"))
                        + " ; " + MetricLabels.label("f1", lang) + " : " + ratio(metric(m, "f1")) + "), avec un délai "
                        + "médian de " + delay + (plural(delay, Lang.FR) ? " jours" : " jour") + " et " + falseAlerts
                        + (plural(falseAlerts, Lang.FR) ? " fausses alertes" : " fausse alerte")
                        + " par bâtiment et par an. " + met + (met > 1 ? " critères atteints" : " critère atteint")
                        + " sur " + criteria + ".",
                "In short: the detector chosen on the tuning period is \"" + best + "\". On the evaluation period, "
                        + "it detects " + percent(metric(m, "recall")) + " of the injected faults ("
                        + MetricLabels.label("precision", lang) + ": " + percent(metric(m, "precision")) + "; "
                        + MetricLabels.label("f1", lang) + ": " + ratio(metric(m, "f1")) + "), with a median delay of "
                        + delay + (plural(delay, Lang.EN) ? " days" : " day") + " and " + falseAlerts
                        + (plural(falseAlerts, Lang.EN) ? " false alerts" : " false alert")
                        + " per building and per year. " + met + " of " + criteria + " criteria met.");
    }

    /** Whether a formatted count reads as a plural: 2 and more in French, anything but 1 in English. */
    private static boolean plural(String number, Lang lang) {
        try {
            double v = Double.parseDouble(number);
            return lang == Lang.FR ? Math.abs(v) >= 2 : v != 1;
        } catch (NumberFormatException e) {
            return lang == Lang.EN;
        }
    }

    /** Why no metric was computed, from the job's outcome, in the page's language (the reason as is when unknown). */
    static String insufficient(String outcome, Lang lang) {
        String reason = outcome.startsWith(INSUFFICIENT) ? outcome.substring(INSUFFICIENT.length()) : outcome;
        String fr;
        Matcher unsplittable = UNSPLITTABLE.matcher(reason);
        Matcher few = FEW_DAYS.matcher(reason);
        if (reason.equals("no public building with readings")) {
            fr = "aucun bâtiment public n'a de relevés";
        } else if (unsplittable.matches()) {
            fr = unsplittable.group(1) + " jours ne peuvent pas être partagés entre réglage et évaluation";
        } else if (few.matches()) {
            fr = few.group(1) + " jours-bâtiments sur la période de réglage " + few.group(2) + ".." + few.group(3)
                    + ", il en faut au moins " + few.group(4) + " (" + few.group(5) + ")";
        } else {
            fr = "« " + reason + " » (message du calcul)";
        }
        return lang.t("Données insuffisantes : " + fr + ". Aucune métrique n'est calculée.",
                "Insufficient data: " + reason + ". No metric is computed.");
    }

    private static void timeline(HtmlPage page, Uc2PageData.Timeline t, Lang lang) {
        page.paragraph(noSingleBuilding(lang));
        if (t == null || t.epochMillis().length == 0) {
            page.paragraph(lang.t("Aucun jour ne passe le contrôle du secret statistique : rien n'est tracé.",
                    "No day passes the statistical-secrecy guard: nothing is drawn."));
            return;
        }
        String energy = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart(lang.t("Bâtiments publics — "
                + "consommation journalière totale", "Public buildings — total daily consumption"),
                lang.t("kWh / jour", "kWh / day"), List.of(
                        new SvgCharts.Series(lang.t("Mesuré", "Metered"), t.epochMillis(), t.actualKwh()),
                        new SvgCharts.Series(lang.t("Attendu", "Expected"), t.epochMillis(), t.expectedKwh())),
                null, null, SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(energy, lang.t("Somme des bâtiments publics suivis (au moins " + t.minBuildings() + " points de "
                        + "livraison chaque jour) et somme des consommations attendues par le modèle.",
                "Total of the watched public buildings (at least " + t.minBuildings() + " delivery points every "
                        + "day) and total of the consumption the model expects."));
        String alerts = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart(lang.t("Bâtiments en alerte par jour",
                "Buildings in alert per day"), lang.t("bâtiments", "buildings"), List.of(new SvgCharts.Series(
                        lang.t("Détecteur retenu", "Chosen detector"), t.epochMillis(), t.buildingsWithAlert())),
                null, null, SvgCharts.DEFAULT_WIDTH, 240));
        page.figure(alerts, lang.t("Nombre de bâtiments avec au moins une alerte du détecteur retenu, par jour.",
                "Number of buildings with at least one alert of the chosen detector, per day."));
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

    private static void detectorNotes(HtmlPage page, Lang lang) {
        page.paragraph(UseCasePage.BEST_MARK + lang.t("détecteur retenu : meilleur F1 sur la période de réglage. "
                        + "Colonnes sur la période d'évaluation, sauf « F1 réglage » ; « Délai » : délai médian de "
                        + "détection en jours ; « Fausses alertes » : par bâtiment et par an. Le modèle de "
                        + "consommation attendue n'est pas un détecteur : il fournit les résidus des règles et de la "
                        + "forêt (sa MAPE journalière est indiquée à la place du seuil).",
                "chosen detector: best F1 on the tuning period. Columns on the evaluation period, except \"Tuning "
                        + "F1\"; \"Delay\": median detection delay in days; \"False alerts\": per building-year. "
                        + "The expected-consumption model is not a detector: it provides the residuals of the rules "
                        + "and of the forest (its daily MAPE is shown in place of the threshold)."));
    }

    private static void faultTypes(HtmlPage page, List<Uc2PageData.FaultTypeRow> types, Lang lang) {
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] recall = new double[types == null ? 0 : types.size()];
        double[] precision = new double[recall.length];
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                Uc2PageData.FaultTypeRow r = types.get(i);
                String name = faultType(r.faultType(), lang);
                rows.add(List.of(name, Long.toString(r.faults()), ratio(r.recall()), ratio(r.precision()),
                        ratio(r.f1()), fixed(r.medianDelayDays(), 1)));
                names.add(name);
                recall[i] = Double.isFinite(r.recall()) ? r.recall() : 0;
                precision[i] = Double.isFinite(r.precision()) ? r.precision() : 0;
            }
        }
        page.table(List.of(lang.t("Type de défaut", "Fault type"), lang.t("Défauts", "Faults"),
                lang.t("Rappel", "Recall"), lang.t("Précision", "Precision"), "F1",
                lang.t("Délai médian (j)", "Median delay (d)")), rows);
        if (!names.isEmpty()) {
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Rappel et précision par type de défaut",
                            "Recall and precision by fault type"), lang.t("Type de défaut", "Fault type"),
                            lang.t("part (0 à 1)", "share (0 to 1)"), names, List.of(
                                    new SvgCharts.BarSeries(lang.t("rappel", "recall"), recall),
                                    new SvgCharts.BarSeries(lang.t("précision", "precision"), precision)),
                            WIDE_CHART, SvgCharts.DEFAULT_HEIGHT)),
                    lang.t("Détecteur retenu, période d'évaluation. La précision d'un type compte les épisodes "
                                    + "d'alerte qui touchent un défaut de ce type contre toutes les fausses alertes ; "
                                    + "une valeur non définie est tracée à 0.",
                            "Chosen detector, evaluation period. The precision of a type counts the alert runs "
                                    + "that hit a fault of that type against all false alerts; an undefined value is "
                                    + "drawn as 0."));
        }
    }

    private static void delays(HtmlPage page, Map<String, Long> bins, Lang lang) {
        if (bins == null || bins.isEmpty()) {
            page.paragraph(lang.t("Aucun défaut évalué.", "No fault evaluated."));
            return;
        }
        List<String> labels = new ArrayList<>(bins.keySet());
        // The last bin counts the missed faults, whatever the jobs call it.
        labels.set(labels.size() - 1, lang.t("manqués", "missed"));
        double[] counts = bins.values().stream().mapToDouble(Long::doubleValue).toArray();
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Délai entre le début du défaut et la première "
                        + "alerte", "Delay between the start of a fault and its first alert"),
                        lang.t("Délai (jours)", "Delay (days)"), lang.t("défauts", "faults"), labels,
                        List.of(new SvgCharts.BarSeries(lang.t("défauts", "faults"), counts)))),
                lang.t("Détecteur retenu, défauts commençant dans la période d'évaluation ; la dernière barre compte "
                                + "les défauts manqués.",
                        "Chosen detector, faults starting in the evaluation period; the last bar counts the missed "
                                + "faults."));
    }

    private static void rules(HtmlPage page, List<Uc2PageData.RuleRow> rules, Map<String, Map<String, Long>> byRule,
                              Lang lang) {
        List<List<String>> rows = new ArrayList<>();
        if (rules != null) {
            for (Uc2PageData.RuleRow r : rules) {
                String severity = lang == Lang.FR ? SEVERITIES_FR.getOrDefault(r.severity(), r.severity())
                        : r.severity();
                rows.add(List.of(r.id(), Objects.toString(severity, MISSING), r.condition(),
                        r.kept() ? lang.t("oui", "yes") : lang.t("non", "no")));
            }
        }
        page.table(List.of(lang.t("Règle", "Rule"), lang.t("Gravité", "Severity"),
                lang.t("Condition (fichier de règles)", "Condition (rules file)"), lang.t("Gardée", "Kept")), rows,
                Set.of(2));
        page.paragraph(lang.t("« Gardée » : la règle reste après le réglage, qui retire une à une celles dont le "
                        + "retrait améliore le F1.",
                "\"Kept\": the rule stays after tuning, which removes one by one those whose removal improves the "
                        + "F1."));
        if (byRule == null || byRule.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(byRule.values().iterator().next().keySet());
        List<String> headers = new ArrayList<>();
        headers.add(lang.t("Règle", "Rule"));
        columns.forEach(c -> headers.add(faultType(c, lang)));
        List<List<String>> counts = new ArrayList<>();
        byRule.forEach((rule, row) -> {
            List<String> line = new ArrayList<>();
            line.add(detectorName(rule, lang));
            columns.forEach(c -> line.add(Long.toString(row.getOrDefault(c, 0L))));
            counts.add(line);
        });
        page.table(headers, counts);
        page.paragraph(lang.t("Jours d'alerte de la période d'évaluation par règle (toutes les règles, gardées ou non, "
                        + "et la forêt d'isolement) selon le type du défaut dont la fenêtre les contient.",
                "Evaluation-period alert days per rule (every rule, kept or not, and the isolation forest) by the "
                        + "type of the fault whose window holds them."));
    }
}

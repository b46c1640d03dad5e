/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.Map;

import org.energycommons.workbench.reports.render.Lang;

/**
 * The reader's names of the published metrics, in French and English: what a committee member reads where
 * {@code DIR/metrics/ucN.json} holds a code name ("rappel des passoires F/G" for {@code fg_recall}). Code names
 * stay in the technical parts of a page (provenance, model files).
 */
public final class MetricLabels {

    private record Label(String french, String english) {
    }

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("ari", new Label("accord avec les profils vrais (ARI)",
                    "agreement with the true profiles (ARI)")),
            Map.entry("nrmse_reduction_vs_baseline", new Label("réduction de l'erreur de profil face à la référence",
                    "profile-error reduction against the baseline")),
            Map.entry("f1", new Label("score F1 des alertes", "alert F1 score")),
            Map.entry("precision", new Label("précision des alertes", "alert precision")),
            Map.entry("recall", new Label("rappel des défauts", "fault recall")),
            Map.entry("median_detection_delay_days", new Label("délai médian de détection (jours)",
                    "median detection delay (days)")),
            Map.entry("false_alerts_per_building_year", new Label("fausses alertes par bâtiment et par an",
                    "false alerts per building-year")),
            Map.entry("savings_abs_error_pct_points_median", new Label(
                    "erreur absolue médiane des économies (points de %)",
                    "median absolute savings error (percentage points)")),
            Map.entry("placebo_coverage_90", new Label("couverture de l'intervalle à 90 % sans travaux (placebo)",
                    "coverage of the 90 % interval without works (placebo)")),
            Map.entry("skill_vs_persistence", new Label("gain face à la persistance (skill)",
                    "skill against persistence")),
            Map.entry("mape", new Label("erreur absolue moyenne en %", "mean absolute percentage error")),
            Map.entry("coverage_p10_p90", new Label("couverture de l'intervalle P10–P90",
                    "coverage of the P10–P90 interval")),
            Map.entry("congestion_recall", new Label("rappel des heures de congestion", "congestion-hour recall")),
            Map.entry("within_one_class_accuracy", new Label("classe DPE juste à une classe près (certifiés)",
                    "DPE class right within one class (certified)")),
            Map.entry("fg_recall", new Label("rappel des passoires F/G (certifiés)",
                    "F/G (poorly insulated) recall (certified)")),
            Map.entry("uncertified_within_one_class_accuracy", new Label(
                    "classe DPE juste à une classe près (non certifiés)",
                    "DPE class right within one class (uncertified)")),
            Map.entry("uncertified_fg_recall", new Label("rappel des passoires F/G (non certifiés)",
                    "F/G (poorly insulated) recall (uncertified)")),
            Map.entry("mape_d1", new Label("erreur absolue moyenne à J+1 en %",
                    "day-ahead mean absolute percentage error")),
            Map.entry("peak_recall", new Label("rappel des jours de pointe", "peak-day recall")));

    private static final Map<String, Label> UNITS = Map.ofEntries(
            Map.entry("meter", new Label("compteurs", "meters")),
            Map.entry("building", new Label("bâtiments", "buildings")),
            Map.entry("building_day", new Label("jours-bâtiments", "building-days")),
            Map.entry("fault", new Label("défauts", "faults")),
            Map.entry("detected_fault", new Label("défauts détectés", "detected faults")),
            Map.entry("alert_episode", new Label("épisodes d'alerte", "alert episodes")),
            Map.entry("treated_building", new Label("bâtiments rénovés", "renovated buildings")),
            Map.entry("placebo_building", new Label("bâtiments sans travaux (placebo)", "buildings without works "
                    + "(placebo)")),
            Map.entry("validation_building", new Label("bâtiments de validation", "validation buildings")),
            Map.entry("day", new Label("jours", "days")),
            Map.entry("congestion_hour", new Label("heures de congestion", "congestion hours")),
            Map.entry("alert_hour", new Label("heures d'alerte", "alert hours")),
            Map.entry("dwelling", new Label("logements", "dwellings")),
            Map.entry("fg_dwelling", new Label("logements F/G", "F/G dwellings")),
            Map.entry("flagged_dwelling", new Label("logements signalés", "flagged dwellings")),
            Map.entry("peak_day", new Label("jours de pointe", "peak days")),
            Map.entry("peak_alert", new Label("alertes de pointe", "peak alerts")),
            Map.entry("cold_peak_day", new Label("jours de pointe de froid", "cold-peak days")),
            Map.entry("cold_peak_alert", new Label("alertes de pointe de froid", "cold-peak alerts")));

    private MetricLabels() {
    }

    /** The reader's name of the items an interval rests on ({@code fg_dwelling}: "logements F/G"), plural. */
    public static String unit(String unit, Lang lang) {
        Label l = UNITS.get(unit);
        return l == null ? lang.t("éléments", "items") : lang.t(l.french(), l.english());
    }

    /** The reader's name of a metric in a language; the code name itself for a metric without one. */
    public static String label(String metric, Lang lang) {
        Label l = LABELS.get(metric);
        return l == null ? metric : lang.t(l.french(), l.english());
    }

    /** Whether a metric has a reader's name. */
    public static boolean has(String metric) {
        return LABELS.containsKey(metric);
    }

    /** The reader's name of a use case's kind ({@code predictive + preventive}) in a language. */
    public static String kind(String kind, Lang lang) {
        if (kind == null || lang == Lang.EN) {
            return kind;
        }
        return kind.replace("descriptive", "descriptif").replace("predictive", "prédictif")
                .replace("preventive", "préventif").replace("counterfactual", "contrefactuel");
    }
}

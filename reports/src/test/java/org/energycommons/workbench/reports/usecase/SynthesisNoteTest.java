/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.junit.jupiter.api.Test;

/**
 * The synthesis note states each verdict with its interval and sample size, says when a figure rests on fewer than
 * 30 items, names a failure and a fragile success, and writes nothing of the kind when the figures do not call for it.
 */
class SynthesisNoteTest {

    private static final UseCase UC2 = UseCases.require("uc2");

    /** uc2 with an F1 of {@code f1} on 31 faults (interval [low, 0.95]), delay 1 day on 12 faults, 0.5 false alerts. */
    private static UseCaseResult result(double f1, double low) {
        UseCaseResult.ModelEntry forest = model("forest", "smile", "uc2-forest-1", metrics("f1", f1,
                "median_detection_delay_days", 1.0, "false_alerts_per_building_year", 0.5), Map.of(), Map.of());
        forest = new UseCaseResult.ModelEntry(forest.name(), forest.engine(), forest.modelId(), forest.evaluation()
                .withIntervals(EvaluationSets.TEST, Map.of("f1", new MetricInterval(low, 0.95, 31, "fault"),
                        "median_detection_delay_days", new MetricInterval(0.5, 2.0, 12, "detected_fault"),
                        "false_alerts_per_building_year", new MetricInterval(0.3, 0.8, 40, "building"))),
                forest.notes());
        return PageFixtures.result(UC2, "forest", List.of(forest), Map.of());
    }

    private static String note(UseCaseResult result, Lang lang) {
        return SynthesisNote.render(UC2, result, new Territory(List.of(lang.t("Trois écoles à visiter.",
                "Three schools to visit.")), null, null),
                true, "2026-12-06T10:00:00Z", lang);
    }

    @Test
    void aMissedCriterionIsStatedWithItsIntervalAndNextStep() {
        String html = note(result(0.61, 0.5), Lang.FR);
        writeSample("uc2-synthesis.html", html);
        String verdict = section(html, "verdict");
        assertTrue(verdict.contains("2 critère(s) atteint(s) sur 3"), verdict);
        assertTrue(verdict.contains("Non atteint : score F1 des alertes = 0,61 (cible ≥ 0,85 ; IC 90 % 0,5 à 0,95, "
                + "sur 31 défauts)."), verdict);
        assertTrue(verdict.contains("Atteint : délai médian de détection (jours) = 1 (cible ≤ 2 ; IC 90 % 0,5 à 2, sur "
                + "12 défauts détectés) — moins de 30 éléments : à confirmer."), verdict);
        assertTrue(section(html, "territoire").contains("Trois écoles à visiter."));
        String limits = section(html, "limites");
        assertTrue(limits.contains("synthétiques"));
        assertTrue(limits.contains("Délai médian de détection (jours) repose sur 12 défauts détectés seulement"));
        String weak = section(html, "fragile");
        assertTrue(weak.contains("Échec : score F1 des alertes n&#39;atteint pas sa cible (0,61 pour ≥ 0,85)."), weak);
        assertTrue(weak.contains("Fragile : délai médian de détection (jours) est atteint, mais son intervalle à 90 % "
                + "contient la cible 2"), "1 day met, but [0,5, 2] reaches the target");
        String next = section(html, "suite");
        assertTrue(next.contains("Chercher la cause de l&#39;échec sur score F1 des alertes"));
        assertTrue(next.contains("Réunir plus de défauts détectés"));
        assertTrue(html.contains("<a href=\"uc2.html\">"));
        assertSelfContained(html);
    }

    @Test
    void soundResultsCallForNoFailureNorFragility() {
        String html = note(result(0.91, 0.88), Lang.FR);
        assertTrue(section(html, "verdict").contains("Tous les critères de succès sont atteints (3/3)"));
        String weak = section(html, "fragile");
        assertFalse(weak.contains("Échec"));
        assertTrue(weak.contains("Fragile : délai médian"), "only the delay's interval reaches its target");
        assertFalse(weak.contains("score F1"), "F1 0.91 with [0.88, 0.95] is clear of 0.85");
        assertFalse(section(html, "suite").contains("Chercher la cause"));
    }

    @Test
    void theEnglishNoteIsWhollyEnglish() {
        String html = note(result(0.61, 0.5), Lang.EN);
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(section(html, "verdict").contains("Not met: alert F1 score = 0.61 (target ≥ 0.85; 90 % CI 0.5 to "
                + "0.95, on 31 faults)."));
        assertTrue(section(html, "fragile").contains("Failed: alert F1 score misses its target"));
        for (String french : List.of("Verdict d", "atteint", "Limites", "Prochaines", "défauts", "synthétique")) {
            assertFalse(html.contains(french), french);
        }
        assertTrue(html.contains("<a href=\"../fr/uc2-synthesis.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
    }
}

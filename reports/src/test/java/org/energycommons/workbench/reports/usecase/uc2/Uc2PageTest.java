/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc2;

import org.energycommons.workbench.reports.render.Lang;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.junit.jupiter.api.Test;

/** The uc2 page renders self-contained HTML with its charts, rules and criteria, and says when data is short. */
class Uc2PageTest {

    private static final UseCase UC2 = UseCases.require("uc2");

    private static UseCaseResult result(Double f1) {
        List<UseCaseResult.ModelEntry> models = List.of(model("rules", "rules", "uc2-rules-1",
                metrics("precision", 0.9, "recall", 0.8, "f1", f1, "median_detection_delay_days", 1.0,
                        "false_alerts_per_building_year", 0.3, "faults_spikes", 3.0),
                metrics("f1", 0.86), Map.of("rules_kept", "flat_line")));
        return PageFixtures.result(UC2, "rules", models, Map.of("silver/load_curve", 3L),
                "detections", Map.of("b1", 3), "rules_file", "rules.yaml");
    }

    @Test
    void rendersChartsRulesAndCriteriaWithoutNetwork() {
        long day = 86_400_000L;
        Uc2PageData data = new Uc2PageData(UC2, result(0.85), Map.of("silver/load_curve", 3L), "région test",
                Map.of("tuning", "2023-01-01..2023-12-31"),
                List.of(new Uc2PageData.RuleRow("flat_line", "high", "flat_share >= 0.5", true),
                        new Uc2PageData.RuleRow("night_base_load", "medium", "open and night_kw > 3", false)),
                Map.of("flat_line", Map.of("flat_meter", 13L, "none", 0L)),
                List.of(new Uc2PageData.FaultTypeRow("spikes", 3, 1.0, 0.5, 0.667, 0.0)),
                new LinkedHashMap<>(Map.of("0", 4L)),
                new Uc2PageData.Timeline(new long[] {0, day, 2 * day}, new double[] {100, 120, 90},
                        new double[] {105, 110, 95}, new double[] {0, 2, 1}, 27),
                "ok", "2026-01-01T00:00:00Z");
        String html = Uc2Page.render(data, Lang.FR);
        writeSample("uc2.html", html);
        assertTrue(html.contains("<svg"));
        assertSelfContained(html);
        assertTrue(html.contains("night_base_load") && html.contains("flat_share &gt;= 0.5"), "rules table");
        assertTrue(html.contains("Tous les critères sont atteints"), "f1 0.85, delay 1, 0.3 false alerts: all met");
        assertTrue(html.contains("<td>median_detection_delay_days</td><td>rules</td><td>≤</td>"
                + "<td class=\"num\">2.0</td><td class=\"num\">1.0</td>"), "delays in days with one decimal");
        assertTrue(html.contains(PageFixtures.COMMIT), "provenance");
        assertTrue(html.contains("rules.yaml"), "other provenance");
        assertFalse(html.contains("detections.b1"), "the bulky detections stay out of the provenance");
    }

    @Test
    void saysWhenDataIsInsufficient() {
        Uc2PageData data = new Uc2PageData(UC2, result(null), Map.of(), "r",
                Map.of(), List.of(), Map.of(), List.of(), Map.of(), null,
                "insufficient data: no public building with readings", "2026-01-01T00:00:00Z");
        String html = Uc2Page.render(data, Lang.FR);
        assertTrue(html.contains("Données insuffisantes : insufficient data: no public building with readings"));
        assertTrue(html.contains("critères atteints"));
        assertSelfContained(html);
    }
}

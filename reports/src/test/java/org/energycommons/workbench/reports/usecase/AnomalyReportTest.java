package org.energycommons.workbench.reports.usecase;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.junit.jupiter.api.Test;

/** The uc2 page renders self-contained HTML with its charts, rules and criteria, and says when data is short. */
class AnomalyReportTest {

    private static UseCaseResult result(Double f1) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("precision", 0.9);
        test.put("recall", 0.8);
        test.put("f1", f1);
        test.put("median_detection_delay_days", 1.0);
        test.put("false_alerts_per_building_year", 0.3);
        test.put("faults_spikes", 3.0);
        List<UseCaseResult.ModelEntry> models = List.of(new UseCaseResult.ModelEntry("rules", "rules", "uc2-rules-1",
                test, Map.of("f1", 0.86), Map.of(), Map.of("rules_kept", "flat_line")));
        return new UseCaseResult("uc2", "t", "rules", models, UseCaseResult.check(UseCases.require("uc2"), "rules",
                models), Map.of("run_id", "run-1", "git_commit", "abc123"));
    }

    @Test
    void rendersChartsRulesAndCriteriaWithoutNetwork() {
        long day = 86_400_000L;
        AnomalyReportData data = new AnomalyReportData(UseCases.require("uc2"), result(0.85),
                Map.of("silver/load_curve", 3L), "région test", Map.of("tuning", "2023-01-01..2023-12-31"),
                List.of(new AnomalyReportData.RuleRow("flat_line", "high", "flat_share >= 0.5", true),
                        new AnomalyReportData.RuleRow("night_base_load", "medium", "open and night_kw > 3", false)),
                Map.of("flat_line", Map.of("flat_meter", 13L, "none", 0L)),
                List.of(new AnomalyReportData.FaultTypeRow("spikes", 3, 1.0, 0.5, 0.667, 0.0)),
                new LinkedHashMap<>(Map.of("0", 4L)),
                new AnomalyReportData.Timeline(new long[] {0, day, 2 * day}, new double[] {100, 120, 90},
                        new double[] {105, 110, 95}, new double[] {0, 2, 1}, 27),
                "ok", "2026-01-01T00:00:00Z");
        String html = AnomalyReport.render(data);
        assertTrue(html.contains("<svg"));
        assertFalse(html.contains("src=\"http"));
        assertTrue(html.contains("night_base_load") && html.contains("flat_share &gt;= 0.5"), "rules table");
        assertTrue(html.contains("Tous les critères sont atteints"), "f1 0.85, delay 1, 0.3 false alerts: all met");
        assertTrue(html.contains("abc123"), "provenance");
    }

    @Test
    void saysWhenDataIsInsufficient() {
        AnomalyReportData data = new AnomalyReportData(UseCases.require("uc2"), result(null), Map.of(), "r",
                Map.of(), List.of(), Map.of(), List.of(), Map.of(), null,
                "insufficient data: no public building with readings", "2026-01-01T00:00:00Z");
        String html = AnomalyReport.render(data);
        assertTrue(html.contains("Données insuffisantes : insufficient data: no public building with readings"));
        assertTrue(html.contains("critères atteints"));
        assertFalse(html.contains("src=\"http"));
    }
}

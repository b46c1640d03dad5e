package org.energycommons.workbench.reports.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.junit.jupiter.api.Test;

class SavingsReportTest {

    private static Map<String, Object> metrics(double error, double coverage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("savings_abs_error_pct_points_median", error);
        m.put("placebo_coverage_90", coverage);
        m.put("cvrmse", 0.12);
        m.put("nmbe", 0.0);
        m.put("treated_buildings", 52);
        m.put("treated_fitted", 30);
        m.put("placebo_fitted", 91);
        return m;
    }

    private static UseCaseResult result() {
        UseCase uc = UseCases.require("uc3");
        Map<String, Object> hourly = metrics(0.77, 0.857);
        hourly.put("placebo_coverage_90_hourly_formula", 0.659);
        List<UseCaseResult.ModelEntry> models = List.of(
                new UseCaseResult.ModelEntry("caltrack-daily", "spark-grouped-ols", "uc3-caltrack-daily-1",
                        metrics(0.48, 0.934), Map.of("placebo_coverage_90", 0.925), Map.of(), Map.of()),
                new UseCaseResult.ModelEntry("caltrack-billing", "spark-grouped-ols", "uc3-caltrack-billing-2",
                        metrics(0.51, 0.912), Map.of("placebo_coverage_90", 0.975), Map.of(), Map.of()),
                new UseCaseResult.ModelEntry("towt-hourly", "spark-grouped-ols", "uc3-towt-hourly-3", hourly,
                        Map.of("placebo_coverage_90", 0.775), Map.of(), Map.of()));
        return new UseCaseResult("uc3", uc.title(), "caltrack-billing", models,
                UseCaseResult.check(uc, "caltrack-billing", models), Map.of("git_commit", "abc123", "run_id", "run-1"));
    }

    private static SavingsReportData data(List<SavingsReportData.SavingsGroup> groups,
                                          SavingsReportData.FitPicture fit) {
        return new SavingsReportData(UseCases.require("uc3"), result(), Map.of("gold/features/uc3", 3L),
                "synthetic region", "caltrack-billing", groups, groups, 2, fit, "2026-01-01T00:00:00Z");
    }

    @Test
    void rendersTheChartsTablesAndProvenanceWithoutExternalResources() {
        List<SavingsReportData.SavingsGroup> groups = List.of(
                new SavingsReportData.SavingsGroup("groupe 1", 10, 0.2, 0.013, 0.010, 0.001, 0.020, 0.9, 0.8),
                new SavingsReportData.SavingsGroup("groupe 2", 12, 0.15, 0.211, 0.207, 0.190, 0.224, 53.8, 4.5));
        String html = SavingsReport.render(data(groups, new SavingsReportData.FitPicture("caltrack-billing",
                new double[] {-2, -1, 0, 1}, new double[] {30, 31, 25, 24}, new double[] {30.2, 30.8, 31, 30}, 12)));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertEquals(4, html.split("<svg", -1).length - 1, "scatter, works types, placebo, baseline fit");
        assertFalse(html.contains("src=\"http"));
        assertTrue(html.contains("21.1") && html.contains("20.7") && html.contains("[19.0 ; 22.4]"));
        assertTrue(html.contains("91.2 %"), "placebo coverage of the best method");
        assertTrue(html.contains("65.9 %"), "the hourly formula's coverage is shown");
        assertTrue(html.contains("2 groupe(s) non publié(s)"));
        assertTrue(html.contains("abc123"));
        assertTrue(html.contains("Comment c&#39;est calculé"));
    }

    @Test
    void rendersWithNothingPublishable() {
        String html = SavingsReport.render(data(List.of(), null));
        assertTrue(html.contains("Aucun groupe de bâtiments rénovés ne passe le contrôle du secret statistique"));
        assertTrue(html.contains("Aucune semaine"));
        assertThrows(NullPointerException.class, () -> SavingsReport.render(null));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc3;

import org.energycommons.workbench.reports.render.Lang;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.junit.jupiter.api.Test;

/** The uc3 page shows groups of renovated buildings only, its placebo test and the baseline fit. */
class Uc3PageTest {

    private static final UseCase UC3 = UseCases.require("uc3");

    private static Map<String, Object> test(double error, double coverage) {
        return metrics("savings_abs_error_pct_points_median", error, "placebo_coverage_90", coverage, "cvrmse", 0.12,
                "nmbe", 0.0, "treated_buildings", 52, "treated_fitted", 30, "placebo_fitted", 91);
    }

    private static UseCaseResult result() {
        Map<String, Object> hourly = test(0.77, 0.857);
        hourly.put("placebo_coverage_90_hourly_formula", 0.659);
        List<UseCaseResult.ModelEntry> models = List.of(
                model("caltrack-daily", "spark-grouped-ols", "uc3-caltrack-daily-1", test(0.48, 0.934),
                        metrics("placebo_coverage_90", 0.925), Map.of()),
                model("caltrack-billing", "spark-grouped-ols", "uc3-caltrack-billing-2", test(0.51, 0.912),
                        metrics("placebo_coverage_90", 0.975), Map.of()),
                model("towt-hourly", "spark-grouped-ols", "uc3-towt-hourly-3", hourly,
                        metrics("placebo_coverage_90", 0.775), Map.of()));
        return PageFixtures.result(UC3, "caltrack-billing", models, Map.of("gold/features/uc3", 3L));
    }

    private static Uc3PageData data(List<Uc3PageData.SavingsGroup> groups, Uc3PageData.FitPicture fit) {
        return new Uc3PageData(UC3, result(), Map.of("gold/features/uc3", 3L), "synthetic region", "caltrack-billing",
                groups, groups, 2, fit, "2026-01-01T00:00:00Z");
    }

    @Test
    void rendersTheChartsTablesAndProvenanceWithoutExternalResources() {
        List<Uc3PageData.SavingsGroup> groups = List.of(
                new Uc3PageData.SavingsGroup("groupe 1", 10, 0.2, 0.013, 0.010, 0.001, 0.020, 0.9, 0.8),
                new Uc3PageData.SavingsGroup("groupe 2", 12, 0.15, 0.211, 0.207, 0.190, 0.224, 53.8, 4.5));
        String html = Uc3Page.render(data(groups, new Uc3PageData.FitPicture("caltrack-billing",
                new double[] {-2, -1, 0, 1}, new double[] {30, 31, 25, 24}, new double[] {30.2, 30.8, 31, 30}, 12)), Lang.FR);
        writeSample("uc3.html", html);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertEquals(4, count(html, "<svg"), "scatter, works types, placebo, baseline fit");
        assertSelfContained(html);
        assertTrue(html.contains("21.1") && html.contains("20.7") && html.contains("[19.0 ; 22.4]"));
        assertTrue(html.contains("91.2 %"), "placebo coverage of the best method");
        assertTrue(html.contains("65.9 %"), "the hourly formula's coverage is shown");
        assertTrue(html.contains("2 groupe(s) non publié(s)"));
        assertTrue(html.contains("<td>savings_abs_error_pct_points_median</td><td>caltrack-billing</td><td>≤</td>"
                + "<td class=\"num\">2.00 pt</td><td class=\"num\">0.51 pt</td>"),
                "savings errors in percentage points");
        assertTrue(html.contains(PageFixtures.COMMIT));
        assertTrue(html.contains("Comment c&#39;est calculé"));
    }

    @Test
    void rendersWithNothingPublishable() {
        String html = Uc3Page.render(data(List.of(), null), Lang.FR);
        assertTrue(html.contains("Aucun groupe de bâtiments rénovés ne passe le contrôle du secret statistique"));
        assertTrue(html.contains("Aucune semaine"));
        assertThrows(NullPointerException.class, () -> Uc3Page.render(null, Lang.FR));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc6;

import org.energycommons.workbench.reports.render.Lang;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.junit.jupiter.api.Test;

/** The uc6 page shows the D+1 forecast of an area, the error by horizon and the cold-peak alerts. */
class Uc6PageTest {

    private static final UseCase UC6 = UseCases.require("uc6");

    private static Map<String, Object> test(double mapeD1, double recall) {
        Map<String, Object> m = metrics("peak_recall", recall, "peak_precision", 0.61, "skill_vs_degree_day", 0.12,
                "coverage_p10_p90", 0.79);
        for (int h = 1; h <= 7; h++) {
            m.put("mape_d" + h, mapeD1 * (1 + 0.3 * (h - 1)));
        }
        return m;
    }

    private static UseCaseResult result() {
        List<UseCaseResult.ModelEntry> models = List.of(
                model("degree-day", "baseline", "uc6-degree-day-aaa", test(0.041, 0.8), test(0.040, 0.8), Map.of()),
                model("gbt-smile", "smile", "uc6-gbt-smile-bbb", test(0.0357, 0.9), test(0.035, 0.9), Map.of()));
        return PageFixtures.result(UC6, "gbt-smile", models, Map.of("silver/gas_area_daily", 2L));
    }

    @Test
    void thePageShowsTheForecastTheHorizonsTheAlertsAndNothingFromTheNetwork() {
        long day = 86_400_000L;
        long[] t = {19_700 * day, 19_701 * day, 19_702 * day};
        Uc6PageData data = new Uc6PageData(UC6, result(), Map.of("silver/gas_area_daily", 2L),
                "synthetic region", Map.of("train", "2023-01-08..2024-01-04"),
                Map.of("gbt-smile", "boosted trees"), "e(D,k) = 0.8 °C × (z1 + ... + zk)", null,
                new Uc6PageData.FocusSeries("GA-99001", 31, 2.5e6, 2.2e6, "gbt-smile", t,
                        new double[] {2.0e6, 2.4e6, 2.6e6}, new double[] {1.8e6, 2.1e6, 2.3e6},
                        new double[] {2.0e6, 2.3e6, 2.5e6}, new double[] {2.2e6, 2.5e6, 2.7e6}),
                Map.of("degree-day", new double[] {0.041, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1},
                        "gbt-smile", new double[] {0.0357, 0.045, 0.055, 0.065, 0.075, 0.085, 0.095}),
                List.of(new Uc6PageData.AreaRow("GA-99001", 31, 2.5e6, 2.2e6, 0.0357, 4, 5, 3, 1, 2)),
                List.of(new Uc6PageData.AlertRow("GA-99001", "2024-12-12", 2.7e6, 2.6e6, 2.5e6, true, true)),
                "2025-01-01T00:00:00Z");
        String html = Uc6Page.render(data, Lang.FR);
        writeSample("uc6.html", html);
        assertTrue(html.contains("<svg"), "inline charts");
        assertSelfContained(html);
        assertTrue(html.contains("GA-99001"));
        assertTrue(html.contains("J+7"), "MAPE by horizon bars");
        assertTrue(html.contains("3.6 %"), "mape_d1 of the best model as a percentage");
        assertTrue(html.contains("2600.0"), "the over-capacity day's actual, in MWh");
        assertTrue(html.contains("e(D,k) = 0.8 °C"), "the noise model is stated");
        assertTrue(html.contains(PageFixtures.COMMIT), "provenance commit");
    }

    @Test
    void anInsufficientDataOutcomeRendersItsReasonWithoutCharts() {
        UseCaseResult insufficient = PageFixtures.withoutModels(UC6, "status", "insufficient data: 40 days");
        String html = Uc6Page.render(new Uc6PageData(UC6, insufficient, Map.of(), "tiny", Map.of(),
                Map.of(), "noise", "insufficient data: 40 days", null, Map.of(), List.of(), List.of(), null), Lang.FR);
        assertTrue(html.contains("insufficient data: 40 days"));
        assertTrue(html.contains(Uc6Page.NO_FOCUS.substring(0, 20)));
        assertFalse(html.contains("<svg"));
    }
}

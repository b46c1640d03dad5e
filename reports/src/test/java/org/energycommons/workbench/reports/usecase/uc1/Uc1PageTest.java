/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc1;

import org.energycommons.workbench.reports.render.Lang;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.junit.jupiter.api.Test;

/** The uc1 page renders its charts and tables inline, and says so plainly when there was not enough data. */
class Uc1PageTest {

    private static final UseCase UC1 = UseCases.require("uc1");

    private static Map<String, Object> test(double ari, double nrmse, double baseline) {
        return metrics("ari", ari, "silhouette", 0.48, "nrmse", nrmse, "nrmse_baseline", baseline,
                "nrmse_reduction_vs_baseline", 1 - nrmse / baseline, "nrmse_segment_only", 0.291,
                "nrmse_tariff_offpeak", 0.223);
    }

    private static Uc1PageData data() {
        List<UseCaseResult.ModelEntry> models = List.of(
                model("kmeans-mllib", "spark-mllib", "uc1-kmeans-mllib-abc", test(0.81, 0.26, 0.28),
                        metrics("silhouette", 0.49, "k", 5), Map.of("k", "5")),
                model("hierarchical-ward-smile", "smile", "uc1-hierarchical-ward-smile-def", test(0.83, 0.25, 0.28),
                        metrics("silhouette", 0.5, "k", 3), Map.of("k", "3")));
        UseCaseResult result = PageFixtures.result(UC1, "hierarchical-ward-smile", models,
                Map.of("silver/load_curve", 3L));
        double[] day = new double[48];
        for (int i = 0; i < 48; i++) {
            day[i] = 1 + 0.5 * Math.sin(i / 48.0 * 2 * Math.PI);
        }
        Map<String, double[]> shapes = Map.of("winter_workday", day, "summer_workday", day, "summer_saturday", day);
        return new Uc1PageData(UC1, result, Map.of("silver/load_curve", 3L), "synthetic region",
                List.of(new Uc1PageData.SegmentProfile(1, 40, shapes), new Uc1PageData.SegmentProfile(2, 12, shapes)),
                Map.of("kmeans-mllib", Map.of(2, 0.3, 3, 0.45), "hierarchical-ward-smile", Map.of(2, 0.47, 3, 0.5)),
                List.of(new Uc1PageData.CommuneCell("99001", 1, 25, 60, 25 / 60.0)),
                Map.of("no complete day of readings", 2L), 1, "2026-01-01T00:00:00Z");
    }

    @Test
    void rendersChartsTablesAndNothingFromTheNetwork() {
        String page = Uc1Page.render(data(), Lang.FR);
        writeSample("uc1.html", page);
        assertTrue(page.contains("<svg"), "inline charts");
        assertSelfContained(page);
        assertTrue(page.contains("S1 (40)"), "centroid profile series");
        assertTrue(page.contains("99001"), "commune mix");
        assertTrue(page.contains("no complete day of readings"), "exclusions with their reason");
        assertTrue(page.contains("How it was computed"), "method section");
        assertTrue(page.contains(PageFixtures.COMMIT), "provenance commit");
        assertTrue(page.contains("secret statistique"));
        assertTrue(page.contains("tariff class, placed") && page.contains("segment, pooled"),
                "the references that tell the gain of placement from that of segments");
        assertTrue(page.contains("<td>nrmse_reduction_vs_baseline</td><td>hierarchical-ward-smile</td><td>≥</td>"
                + "<td class=\"num\">30.0 %</td>"), "the NRMSE reduction reads as a percentage");
    }

    @Test
    void insufficientDataIsSaidPlainly() {
        UseCaseResult empty = PageFixtures.withoutModels(UC1, "insufficient_data",
                "insufficient data: 0 usable meters");
        String page = Uc1Page.render(new Uc1PageData(UC1, empty, Map.of(), "tiny", List.of(),
                Map.of(), List.of(), Map.of("only 60 complete days (at least 120 needed)", 20L), 0, null), Lang.FR);
        assertTrue(page.contains("insufficient data: 0 usable meters"));
        assertTrue(page.contains("only 60 complete days"));
        assertSelfContained(page);
    }
}

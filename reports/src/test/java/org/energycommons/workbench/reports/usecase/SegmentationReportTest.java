package org.energycommons.workbench.reports.usecase;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.junit.jupiter.api.Test;

/** The uc1 page renders its charts and tables inline, and says so plainly when there was not enough data. */
class SegmentationReportTest {

    private static final UseCase UC1 = UseCases.require("uc1");

    private static Map<String, Object> metrics(double ari, double nrmse, double baseline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ari", ari);
        m.put("silhouette", 0.48);
        m.put("nrmse", nrmse);
        m.put("nrmse_baseline", baseline);
        m.put("nrmse_reduction_vs_baseline", 1 - nrmse / baseline);
        m.put("nrmse_segment_only", 0.291);
        m.put("nrmse_tariff_offpeak", 0.223);
        return m;
    }

    private static SegmentationReportData data() {
        List<UseCaseResult.ModelEntry> models = List.of(
                new UseCaseResult.ModelEntry("kmeans-mllib", "spark-mllib", "uc1-kmeans-mllib-abc",
                        metrics(0.81, 0.26, 0.28), Map.of("silhouette", 0.49, "k", 5), Map.of(),
                        Map.of("k", "5", "silhouette_by_k", "2:0.3,3:0.45,4:0.41,5:0.49")),
                new UseCaseResult.ModelEntry("hierarchical-ward-smile", "smile", "uc1-hierarchical-ward-smile-def",
                        metrics(0.83, 0.25, 0.28), Map.of("silhouette", 0.5, "k", 3), Map.of(),
                        Map.of("k", "3", "silhouette_by_k", "2:0.47,3:0.5,4:0.45,5:0.43")));
        UseCaseResult result = new UseCaseResult("uc1", UC1.title(), "hierarchical-ward-smile", models,
                UseCaseResult.check(UC1, "hierarchical-ward-smile", models), Map.of("git_commit", "abc123",
                "input_tables", Map.of("silver/load_curve", 3)));
        double[] day = new double[48];
        for (int i = 0; i < 48; i++) {
            day[i] = 1 + 0.5 * Math.sin(i / 48.0 * 2 * Math.PI);
        }
        Map<String, double[]> shapes = Map.of("winter_workday", day, "summer_workday", day, "summer_saturday", day);
        return new SegmentationReportData(UC1, result, Map.of("silver/load_curve", 3L), "synthetic region",
                List.of(new SegmentationReportData.SegmentProfile(1, 40, shapes),
                        new SegmentationReportData.SegmentProfile(2, 12, shapes)),
                Map.of("kmeans-mllib", Map.of(2, 0.3, 3, 0.45), "hierarchical-ward-smile", Map.of(2, 0.47, 3, 0.5)),
                List.of(new SegmentationReportData.CommuneCell("99001", 1, 25, 60, 25 / 60.0)),
                Map.of("no complete day of readings", 2L), 1, "2026-01-01T00:00:00Z");
    }

    @Test
    void rendersChartsTablesAndNothingFromTheNetwork() {
        String page = SegmentationReport.render(data());
        assertTrue(page.contains("<svg"), "inline charts");
        assertFalse(page.contains("src=\"http"), "nothing loaded from the network");
        assertTrue(page.contains("S1 (40)"), "centroid profile series");
        assertTrue(page.contains("99001"), "commune mix");
        assertTrue(page.contains("no complete day of readings"), "exclusions with their reason");
        assertTrue(page.contains("How it was computed"), "method section");
        assertTrue(page.contains("abc123"), "provenance commit");
        assertTrue(page.contains("secret statistique"));
        assertTrue(page.contains("tariff class, placed") && page.contains("segment, pooled"),
                "the references that tell the gain of placement from that of segments");
    }

    @Test
    void insufficientDataIsSaidPlainly() {
        UseCaseResult empty = new UseCaseResult("uc1", UC1.title(), null, List.of(),
                UseCaseResult.check(UC1, null, List.of()),
                Map.of("insufficient_data", "insufficient data: 0 usable meters"));
        String page = SegmentationReport.render(new SegmentationReportData(UC1, empty, Map.of(), "tiny", List.of(),
                Map.of(), List.of(), Map.of("only 60 complete days (at least 120 needed)", 20L), 0, null));
        assertTrue(page.contains("insufficient data: 0 usable meters"));
        assertTrue(page.contains("only 60 complete days"));
        assertFalse(page.contains("src=\"http"));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc5;

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

/** The uc5 page renders self-contained, with every section, and as a clear insufficient-data page. */
class Uc5PageTest {

    private static final UseCase UC5 = UseCases.require("uc5");

    private static UseCaseResult result() {
        List<UseCaseResult.ModelEntry> models = List.of(
                model("gbt-smile-intensity", "smile", "uc5-gbt-smile-intensity-abc",
                        metrics("accuracy", 0.71, "within_one_class_accuracy", 0.96, "macro_f1", 0.55,
                                "mae_intensity", 23.4, "fg_recall", 0.875, "fg_precision", 0.62,
                                "uncertified_fg_recall", 0.81),
                        metrics("selection_score", 0.9), Map.of("approach", "regression")),
                model("rf-mllib-class", "spark-mllib", "uc5-rf-mllib-class-def", Map.of(),
                        metrics("selection_score", 0.7), Map.of("approach", "classification")));
        return PageFixtures.result(UC5, "gbt-smile-intensity", models, Map.of("gold/features/uc5", 3L));
    }

    @Test
    void thePageShowsEveryFigureWithoutExternalResources() {
        long[][] confusion = new long[7][7];
        for (int i = 0; i < 7; i++) {
            confusion[i][i] = 3 + i;
        }
        confusion[5][6] = 2;
        Map<String, double[]> recall = new LinkedHashMap<>();
        recall.put("gbt-smile-intensity", new double[] {Double.NaN, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0});
        Uc5PageData data = new Uc5PageData(UC5, result(), Map.of("gold/features/uc5", 3L), "région test",
                Map.of("train", "51 dwellings"), null, confusion, confusion, recall,
                new Uc5PageData.IntensityGroups("gbt-smile-intensity", 10, new double[] {80, 200, 420},
                        new double[] {95, 190, 400}, 30),
                List.of(new Uc5PageData.CommuneRow("99001", "Valbrune", 91, 35, 3, 56, 13, 16, 0.176)),
                new Uc5PageData.GapDistribution(List.of("< 0.80", "0.80–1.25", "≥ 1.25"), new long[] {12, 40, 13},
                        65, 9, 2.07, 0.5), "2026-01-01T00:00:00Z");
        String html = Uc5Page.render(data, Lang.FR);
        writeSample("uc5.html", html);
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        assertSelfContained(html);
        for (String expected : List.of("Matrice de confusion", "Rappel par classe", "Intensité prédite",
                "Passoires thermiques par commune", "Valbrune", "Écart de performance", "9 logements sur 65",
                "How it was computed", "within_one_class_accuracy", "fg_recall", "gbt-smile-intensity",
                PageFixtures.COMMIT, "gold/features/uc5", "Provenance", "signale comme passoires probables",
                "de vraies passoires parmi les logements signalés")) {
            assertTrue(html.contains(expected), expected);
        }
        // The diagonal of the heat table is shaded as a full row share where a class has no error.
        assertTrue(html.contains("font-weight:700\">3</td>"));
        assertTrue(html.contains("\u2713 atteint"));
    }

    @Test
    void anInsufficientDataPageSaysSo() {
        UseCaseResult none = PageFixtures.withoutModels(UC5, "status", "insufficient data");
        String html = Uc5Page.render(new Uc5PageData(UC5, none, Map.of(), "tiny", Map.of(),
                "insufficient data: 4 certified dwellings", null, null, Map.of(), null, List.of(), null, null), Lang.FR);
        assertTrue(html.contains("Données insuffisantes"));
        assertTrue(html.contains("insufficient data: 4 certified dwellings"));
        assertTrue(html.contains("non atteint"));
        assertFalse(html.contains("Matrice de confusion"));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import org.energycommons.workbench.reports.render.Lang;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.uc6.Uc6Page;
import org.junit.jupiter.api.Test;

/** The skeleton every use-case page shares: its parts, in order, around the page's own sections. */
class UseCasePageTest {

    private static final UseCase UC2 = UseCases.require("uc2");

    private static UseCaseResult result() {
        UseCaseResult.ModelEntry forest = model("forest", "smile", "uc2-forest-1", metrics("f1", 0.9,
                "median_detection_delay_days", 3.0, "false_alerts_per_building_year", 1.0), Map.of(), Map.of());
        // Intervals on two of the three criteria: one on 31 faults, one on a small sample of 12 buildings.
        forest = new UseCaseResult.ModelEntry(forest.name(), forest.engine(), forest.modelId(), forest.evaluation()
                .withIntervals(EvaluationSets.TEST, Map.of("f1", new MetricInterval(0.8504, 0.95, 31, "fault"),
                        "false_alerts_per_building_year", new MetricInterval(0.5, 1.5, 12, "building"))),
                forest.notes());
        return PageFixtures.result(UC2, "forest", List.of(forest,
                model("rules", "rules", "uc2-rules-2", metrics("f1", 0.5), Map.of(), Map.of())),
                Map.of("silver/load_curve", 7L), "extra", "value");
    }

    /** The least page data: what the skeleton reads. */
    private record Data(UseCase useCase, UseCaseResult result, Map<String, Long> tables, String region,
                        Map<String, String> split, String generatedAt) implements UseCasePageData {
    }

    private static Data data() {
        return new Data(UC2, result(), Map.of("gold/x", 2L), "région", Map.of("test", "2024"),
                "2026-12-06T01:48:42.5Z");
    }

    private static String page() {
        return UseCasePage.of(data(), Lang.FR)
                .summary("Le résumé.")
                .section("mien", "Ma section", "My section", p -> p.paragraph("contenu"))
                .models(List.of("F1"), m -> List.of(String.valueOf(m.metrics().get("f1"))), p -> p.paragraph("note"))
                .method(List.of("étape"))
                .dataDetails(p -> p.paragraph("détail"))
                .render();
    }

    @Test
    void everyPartInOrder() {
        String html = page();
        int previous = -1;
        for (String id : List.of("resume", "criteres", "mien", "modeles", "methode", "donnees", "provenance")) {
            int at = html.indexOf("<section id=\"" + id + "\">");
            assertTrue(at > previous, "section " + id + " in order");
            previous = at;
        }
        assertTrue(html.contains("<h1>" + "Alertes d&#39;anomalies des bâtiments publics" + "</h1>"), "French title");
        assertTrue(html.contains("Anomaly alerts for public buildings"), "English title");
        assertTrue(html.contains("Question : "), "the question");
        assertTrue(html.contains("2026-12-06 01:48:42 UTC"), "the generation time, to the second");
        assertTrue(html.contains(UseCasePage.footer(Lang.FR)));
        assertSelfContained(html);
    }

    @Test
    void criteriaModelsAndProvenanceComeFromTheResult() {
        String html = page();
        String criteria = section(html, "criteres");
        assertEquals(3, count(criteria, "<tr><td>"), "one row per criterion");
        assertTrue(criteria.contains("<td>median_detection_delay_days</td><td>forest</td><td>≤</td>"
                + "<td class=\"num\">2.000</td><td class=\"num\">3.000</td><td>—</td><td>" + UseCasePage.notMet(Lang.FR)
                + "</td>"), "no interval: a dash");
        assertTrue(criteria.contains("<td class=\"num\">0.900</td><td>[0.850, 0.950] n = 31</td>"), criteria);
        assertTrue(criteria.contains("<td>[0.500, 1.500] n = 12 (&lt; 30)</td>"), "a small sample says so");
        assertTrue(criteria.contains("2/3 critères atteints"));
        assertTrue(section(html, "modeles").contains("<td>" + UseCasePage.BEST_MARK + "forest</td><td>smile</td>"));
        String provenance = section(html, "provenance");
        assertTrue(provenance.contains("<dd>" + PageFixtures.RUN_ID + "</dd>"));
        assertTrue(provenance.contains("<dd>" + PageFixtures.COMMIT + "</dd>"));
        assertTrue(provenance.contains("<td>silver/load_curve</td><td class=\"num\">7</td>"), "input tables");
        assertTrue(provenance.contains("<dt>extra</dt><dd>value</dd>"));
        assertTrue(provenance.contains("<dt>rules</dt><dd>uc2-rules-2</dd>"), "model ids");
        assertTrue(section(html, "donnees").contains("<td>gold/x</td><td class=\"num\">2</td>"));
    }

    @Test
    void navigationLinksTheIndexAndEveryOtherUseCase() {
        String html = page();
        String nav = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        assertTrue(nav.contains("<a href=\"" + UseCasePage.INDEX + "\""));
        for (UseCase uc : UseCases.ALL) {
            assertEquals(uc != UC2, nav.contains("<a href=\"" + uc.id() + ".html\""), uc.id());
        }
        assertEquals(1, count(nav, "aria-current=\"page\""));
    }

    @Test
    void theMethodIsReadFromTheTextBesideThePageWithItsPlaceholdersFilled() {
        String html = UseCasePage.of(data(), Lang.FR).methodOf(
                Uc6Page.class, Map.of("noise_model", "bruit blanc"))
                .render();
        String method = section(html, "methode");
        assertTrue(method.contains("<li>Températures prévues (modèle de bruit) : bruit blanc.</li>"), method);
        assertTrue(method.contains("la prévision émise le jour J n&#39;utilise"), "lines of a step joined");
        assertThrows(IllegalStateException.class, () -> UseCasePage.of(data(), Lang.FR).methodOf(
                Uc6Page.class, Map.of()), "a placeholder left");
        assertThrows(IllegalStateException.class, () -> UseCasePage.of(data(), Lang.FR).methodOf(UseCasePageTest.class,
                Map.of()), "no method.txt");
    }

    @Test
    void aPageSectionCannotTakeTheSkeletonsPlace() {
        UseCasePage page = UseCasePage.of(data(), Lang.FR);
        assertThrows(IllegalArgumentException.class, () -> page.section("provenance", "P", null, p -> { }));
        assertThrows(IllegalArgumentException.class, () -> page.section("1x", "P", null, p -> { }));
        assertThrows(NullPointerException.class, () -> UseCasePage.of(new Data(UC2, null, null, null, null, null), Lang.FR));
    }
}

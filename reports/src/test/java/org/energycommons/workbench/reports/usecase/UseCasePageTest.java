/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * The skeleton every use-case page shares: its parts, in order, around the page's own sections, each version wholly
 * in its language.
 */
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
    private record Data(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                        Map<String, String> split, String generatedAt) implements UseCasePageData {
    }

    private static Data data() {
        return new Data(UC2, result(), Map.of("gold/x", 2L), PageFixtures.REGION, Map.of("test", "2024"),
                "2026-12-06T01:48:42.5Z");
    }

    private static String page() {
        return page(Lang.FR);
    }

    private static String page(Lang lang) {
        return UseCasePage.of(data(), lang)
                .summary(lang.t("Le résumé.", "The summary."))
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
        assertTrue(html.contains("<html lang=\"fr\">"));
        assertTrue(html.contains("<h1>" + "Alertes d&#39;anomalies des bâtiments publics" + "</h1>"), "French title");
        assertFalse(html.contains("Anomaly alerts for public buildings"), "no English title on the French page");
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
        assertTrue(criteria.contains("<td>délai médian de détection (jours)</td><td>forest</td><td>≤ 2,000</td>"
                + "<td class=\"num\">3,000</td><td>—</td><td>" + UseCasePage.notMet(Lang.FR) + "</td>"),
                "the reader's name of the metric; no interval: a dash");
        assertFalse(criteria.contains("median_detection_delay_days"), "no code name for a reader");
        assertTrue(criteria.contains("<td class=\"num\">0,900</td><td>[0,850 ; 0,950] n = 31</td>"), criteria);
        assertTrue(criteria.contains("<td>[0,500 ; 1,500] n = 12 (&lt; 30)</td>"), "a small sample says so");
        assertTrue(criteria.contains("2/3 critères atteints"));
        assertTrue(section(html, "modeles").contains("<td>" + UseCasePage.BEST_MARK + "forest</td><td>smile</td>"));
        assertTrue(section(html, "modeles").contains("<a href=\"uc2-model-card.html\">Fiche du modèle retenu (forest)"),
                "the selected model's card");
        String provenance = section(html, "provenance");
        assertTrue(provenance.contains("<dd>" + PageFixtures.RUN_ID + "</dd>"));
        assertTrue(provenance.contains("<dd>" + PageFixtures.COMMIT + "</dd>"));
        assertTrue(provenance.contains("<td>silver/load_curve</td><td class=\"num\">7</td>"), "input tables");
        assertTrue(provenance.contains("<dt>extra</dt><dd>value</dd>"));
        assertTrue(provenance.contains("<dt>rules</dt><dd>uc2-rules-2</dd>"), "model ids");
        assertTrue(section(html, "donnees").contains("<td>gold/x</td><td class=\"num\">2</td>"));
        assertTrue(section(html, "donnees").contains("<p>Région : région synthétique de 1200 compteurs et 24 postes, "
                + "730 "
                + "jours depuis le 2023-01-01, graine 42</p>"), "the region, in the page's language");
        assertTrue(section(page(Lang.EN), "donnees").contains("<p>Region: synthetic region of 1200 meters and 24 "
                + "substations, 730 days from 2023-01-01, seed 42</p>"));
    }

    @Test
    void theEnglishVersionIsWhollyEnglishAndLinksTheFrenchOne() {
        String html = page(Lang.EN);
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<h1>Anomaly alerts for public buildings</h1>"));
        assertTrue(html.contains("Question: " + UC2.questionEn()));
        assertTrue(html.contains("<h2>My section</h2>") && html.contains("<h2>Success criteria</h2>"));
        String criteria = section(html, "criteres");
        assertTrue(criteria.contains("<td>median detection delay (days)</td><td>forest</td><td>≤ 2.000</td>"));
        assertTrue(criteria.contains("2 of 3 criteria met"));
        assertTrue(html.contains("<a href=\"../fr/uc2.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
        assertTrue(html.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"../fr/uc2.html\">"));
        for (String french : List.of("Synthèse", "Critères", "Données", "atteint", "Modèle", "Bibliothèques",
                "Exécution", "généré", "Ma section", "rapport CC")) {
            assertFalse(html.contains(french), french);
        }
        assertTrue(page().contains("<a href=\"../en/uc2.html\" hreflang=\"en\" lang=\"en\">English</a>"));
    }

    @Test
    void everyCriterionOfEveryUseCaseHasAReadersName() {
        for (UseCase uc : UseCases.ALL) {
            uc.criteria().forEach(c -> assertTrue(MetricLabels.has(c.metric()), uc.id() + " " + c.metric()));
        }
        assertEquals("unknown_metric", MetricLabels.label("unknown_metric", Lang.EN), "no name: the code name");
        assertEquals("prédictif + préventif", MetricLabels.kind("predictive + preventive", Lang.FR));
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
                UseCasePageTest.class, Map.of("noise_model", "bruit blanc"))
                .render();
        String method = section(html, "methode");
        assertTrue(method.contains("<li>Températures prévues (modèle de bruit) : bruit blanc.</li>"), method);
        assertTrue(method.contains("La prévision émise le jour J n&#39;utilise"), "lines of a step joined");
        String english = section(UseCasePage.of(data(), Lang.EN).methodOf(
                UseCasePageTest.class, Map.of("noise_model", "white noise")).render(), "methode");
        assertTrue(english.contains("<li>Forecast temperatures (noise model): white noise.</li>"), english);
        assertThrows(IllegalStateException.class, () -> UseCasePage.of(data(), Lang.FR).methodOf(
                UseCasePageTest.class, Map.of()), "a placeholder left");
        assertThrows(IllegalStateException.class, () -> UseCasePage.of(data(), Lang.FR).methodOf(Lang.class,
                Map.of()), "no method.fr.txt");
    }

    @Test
    void aPageSectionCannotTakeTheSkeletonsPlace() {
        UseCasePage page = UseCasePage.of(data(), Lang.FR);
        assertThrows(IllegalArgumentException.class, () -> page.section("provenance", "P", null, p -> { }));
        assertThrows(IllegalArgumentException.class, () -> page.section("1x", "P", null, p -> { }));
        assertThrows(NullPointerException.class, () -> UseCasePage.of(new Data(UC2, null, null, null, null, null),
                Lang.FR));
        assertThrows(NullPointerException.class, () -> UseCasePage.of(data(), null));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc2;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContainedVersion;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.junit.jupiter.api.Test;

/**
 * The uc2 page renders self-contained HTML with its charts, rules and criteria, once wholly in French and once
 * wholly in English, and says when data is short.
 */
class Uc2PageTest {

    private static final UseCase UC2 = UseCases.require("uc2");

    /** The sections the uc2 page writes itself (the skeleton's data and provenance aside). */
    private static final List<String> OWN_SECTIONS = List.of("resume", "chronologie", "modeles", "types", "delais",
            "regles", "methode");

    /** Wordings of the English page that must not show on the French one. */
    private static final List<String> ENGLISH = List.of("In short", "Detectors", "Recall", "Fault type",
            "stuck meter", "missed", "Metered", "Expected", "Buildings in alert", "Kept", "yes",
            "Tuning", "Evaluation", "How it was computed", "The truth table", "delivery point", "criteria met");

    /** Wordings of the French page that must not show on the English one. */
    private static final List<String> FRENCH = List.of("En résumé", "Détecteurs", "Rappel", "Type de défaut",
            "compteur figé", "manqués", "Mesuré", "Attendu", "Bâtiments en alerte", "Gardée", "oui",
            "Réglage", "Évaluation", "Comment c", "La table de vérité", "point de livraison", "critères atteints",
            "haute", "moyenne");

    private static String render(Lang lang) {
        String html = Uc2Page.render(Uc2Sample.data(), lang);
        writeSample(lang.tag() + "-uc2.html", html);
        return html;
    }

    /** The page up to its provenance, which keeps the jobs' code names and notes as they are. */
    private static String readerText(String page) {
        return page.substring(0, page.indexOf("<section id=\"provenance\">"));
    }

    private static String escaped(String text) {
        return HtmlPage.escape(text);
    }

    @Test
    void rendersChartsRulesAndCriteriaWithoutNetwork() {
        String html = render(Lang.FR);
        assertEquals(5, count(html, "<svg"), "the commune map, consumption, alerts, fault types and delays charts");
        assertSelfContainedVersion(html, Lang.FR, "uc2.html");
        String rules = section(html, "regles");
        assertTrue(rules.contains("<td>residual_drift</td><td>basse</td>"), "rule id as in the file, severity "
                + "in words");
        assertTrue(rules.contains("<code>flat_share &gt;= 0.5"), "the condition as written, as code");
        assertTrue(rules.contains("<td>non</td>") && rules.contains("<td>oui</td>"), "kept or not, in words");
        assertTrue(rules.contains("<td>" + escaped("forêt d'isolement") + "</td>"), "the forest's alert days, "
                + "in words");
        assertTrue(html.contains("Tous les critères sont atteints"), "F1 0.876, delay 1, 0.42 false alerts: all met");
        assertTrue(html.contains(PageFixtures.COMMIT), "provenance");
        assertTrue(html.contains("classpath:/org/energycommons/workbench/models/uc2/default-rules.txt"),
                "other provenance");
        assertFalse(html.contains("b-0007"), "the bulky detections stay out of the provenance");
        assertFalse(html.contains("flat_meter") || html.contains("heating_on_holidays"), "fault types in words");
    }

    @Test
    void criteriaTableReadsInWordsWithTargetAndMeasuredValue() {
        String fr = section(render(Lang.FR), "criteres");
        assertTrue(fr.contains("<td>délai médian de détection (jours)</td><td>rules</td><td>≤ 2,0</td>"
                + "<td class=\"num\">1,0</td><td>[1,0 ; 2,0] n = 33</td><td>✓ atteint</td>"),
                "delays in days with one decimal, the target with its operator: " + fr);
        assertTrue(fr.contains("<td>fausses alertes par bâtiment et par an</td><td>rules</td><td>≤ 2,00</td>"
                + "<td class=\"num\">0,42</td><td>[0,21 ; 0,68] n = 27 (&lt; 30)</td>"), fr);
        assertTrue(fr.contains("<th>Critère</th><th>Modèle</th><th>Cible</th><th class=\"num\">Mesuré</th>"), fr);
        String en = section(render(Lang.EN), "criteres");
        assertTrue(en.contains("<td>alert F1 score</td><td>rules</td><td>≥ 0.850</td><td class=\"num\">0.876</td>"
                + "<td>[0.812, 0.931] n = 39</td><td>✓ met</td>"), en);
        assertFalse(en.contains("median_detection_delay_days"), "no code name in the criteria table");
    }

    @Test
    void frenchPageIsWhollyFrench() {
        String page = render(Lang.FR);
        assertTrue(page.contains("<html lang=\"fr\">"));
        assertTrue(page.contains("<a href=\"../en/uc2.html\" hreflang=\"en\" lang=\"en\">English</a>"),
                "the switch to the English page");
        for (String french : List.of("Consommation, attendu et alertes", "Détecteurs", "Par type de défaut",
                "Délais de détection", "Règles et alertes", "compteur figé", "hors défaut", "manqués",
                "<dt>Réglage</dt><dd>2023-01-01..2023-12-31</dd>", escaped(Uc2Page.noSingleBuilding(Lang.FR)),
                escaped("En résumé : le détecteur retenu sur la période de réglage est « règles »."),
                "avec un délai médian de 1,0 jour et 0,42 fausse alerte par bâtiment et par an. 3 critères atteints "
                        + "sur 3.")) {
            assertTrue(page.contains(french), french);
        }
        String reader = readerText(page);
        for (String english : ENGLISH) {
            assertFalse(reader.contains(escaped(english)), () -> "English on the French page: " + english);
        }
        assertFalse(reader.contains("manqué · missed"), "the jobs' bilingual bin label is replaced");
        assertTrue(section(page, "methode").contains("La table de vérité des défauts injectés"), "method.fr.txt");
        assertNoMixedParagraphOrCodeName(page);
    }

    @Test
    void englishPageIsWhollyEnglish() {
        String page = render(Lang.EN);
        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("<a href=\"../fr/uc2.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"),
                "the switch to the French page");
        for (String english : List.of("Consumption, expected and alerts", "Detectors", "By fault type",
                "Detection delays", "Rules and alerts", "stuck meter", "no fault", "missed",
                "<dt>Tuning</dt><dd>2023-01-01..2023-12-31</dd>", escaped(Uc2Page.noSingleBuilding(Lang.EN)),
                escaped("In short: the detector chosen on the tuning period is \"rules\"."),
                "with a median delay of 1.0 day and 0.42 false alerts per building and per year. 3 of 3 criteria "
                        + "met.")) {
            assertTrue(page.contains(english), english);
        }
        String reader = readerText(page);
        for (String french : FRENCH) {
            assertFalse(reader.contains(escaped(french)), () -> "French on the English page: " + french);
        }
        String method = section(page, "methode");
        assertTrue(method.contains("Features: for each public building"), "the method comes from method.en.txt");
        assertFalse(method.contains("Caractéristiques"), method);
        assertNoMixedParagraphOrCodeName(page);
    }

    /** No section of the page's own switches language with " · ", and no metric code name outside provenance. */
    private static void assertNoMixedParagraphOrCodeName(String page) {
        for (String id : OWN_SECTIONS) {
            assertFalse(section(page, id).contains(" · "), () -> "a bilingual ' · ' in section " + id);
        }
        String reader = readerText(page);
        for (String code : List.of("median_detection_delay_days", "false_alerts_per_building_year", "_on_",
                "load_drift", "isolation_forest", "mape_daily_kwh")) {
            assertFalse(reader.contains(code), () -> "code name " + code + " in reader text");
        }
        Matcher cut = Pattern.compile(">[^<>]*\\.\\.\\.</text>").matcher(page);
        assertFalse(cut.find(), () -> "a chart label is cut: " + cut.group());
    }

    @Test
    void readerNamesFallBackToTheCodeName() {
        assertEquals("compteur figé", Uc2Page.faultType("flat_meter", Lang.FR));
        assertEquals("stuck meter", Uc2Page.faultType("flat_meter", Lang.EN));
        assertEquals("frozen_valve", Uc2Page.faultType("frozen_valve", Lang.FR));
        assertEquals("night_base_load", Uc2Page.detectorName("night_base_load", Lang.EN), "a rule keeps its id");
        assertNotEquals(Uc2Page.noSingleBuilding(Lang.FR), Uc2Page.noSingleBuilding(Lang.EN));
    }

    @Test
    void saysWhenDataIsInsufficient() {
        UseCaseResult result = PageFixtures.result(UC2, "rules", List.of(model("rules", "rules", "",
                metrics("outcome", "insufficient data: no public building with readings"), Map.of(), Map.of())),
                Map.of());
        Uc2PageData data = new Uc2PageData(UC2, result, Map.of(), PageFixtures.REGION,
                Map.of(), List.of(), Map.of(), List.of(), Map.of(), null, null,
                "insufficient data: no public building with readings", "2026-01-01T00:00:00Z");
        String fr = Uc2Page.render(data, Lang.FR);
        assertTrue(fr.contains(escaped("Données insuffisantes : aucun bâtiment public n'a de relevés. Aucune "
                + "métrique n'est calculée.")), fr);
        assertTrue(fr.contains("critères atteints"));
        assertTrue(fr.contains(escaped("Aucun jour ne passe le contrôle du secret statistique")));
        assertTrue(fr.contains(escaped("Aucun défaut évalué.")));
        assertSelfContainedVersion(fr, Lang.FR, "uc2.html");
        String en = Uc2Page.render(data, Lang.EN);
        assertTrue(en.contains("Insufficient data: no public building with readings. No metric is computed."), en);
        assertTrue(en.contains("No fault evaluated."));
        assertEquals("Données insuffisantes : 120 jours-bâtiments sur la période de réglage 2023-01-01..2023-06-30, il "
                        + "en faut au moins 200 (workbench.uc2.min_training_days). Aucune métrique n'est calculée.",
                Uc2Page.insufficient("insufficient data: 120 building-days in the tuning period "
                        + "2023-01-01..2023-06-30, at least 200 needed (workbench.uc2.min_training_days)", Lang.FR));
    }
}

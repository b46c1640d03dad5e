/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc5;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContainedVersion;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.junit.jupiter.api.Test;

/**
 * The uc5 page renders self-contained, with every section, once wholly in French and once wholly in English; its
 * summary says how many dwellings each share rests on; it renders as a clear insufficient-data page.
 */
class Uc5PageTest {

    /** The page's own sections, written by the page in its language (the data section holds the run's text). */
    private static final List<String> PAGE_SECTIONS = List.of("resume", "criteres", "modeles", "confusion", "rappel",
            "intensite", "communes", "ecart", "methode");

    private static String pageText(String html) {
        StringBuilder text = new StringBuilder();
        for (String id : PAGE_SECTIONS) {
            // The population a count cell names for the publication audit is a code, the same in every language.
            text.append(section(html, id).replaceAll(" data-count-of=\"[^\"]*\"", "")).append('\n');
        }
        return text.toString();
    }

    @Test
    void thePageShowsEveryFigureWithoutExternalResources() {
        String html = Uc5Page.render(Uc5Sample.data(), Lang.FR);
        writeSample("uc5.html", html);
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        assertSelfContainedVersion(html, Lang.FR, "uc5.html");
        for (String expected : List.of("Matrice de confusion", "Rappel par classe", "Intensité prédite",
                "Passoires thermiques par commune", "99001 Saint-Jean-de-la-Ruelle-sur-Loire", "Écart de performance",
                "53 logements sur 222", "Comment c'est calculé", "gbt-smile-intensity", PageFixtures.COMMIT,
                "gold/features/uc5", "Provenance", "signale comme passoires probables",
                "des logements qu'il signale sont de vraies passoires")) {
            assertTrue(html.contains(HtmlPage.escape(expected)), expected);
        }
        assertTrue(section(html, "modeles").contains("<td>régression</td>"), "a model's approach in words");
        // The diagonal of the heat table is shaded and bold.
        assertTrue(html.contains("font-weight:700\">2</td>"));
        // The median ratio shows rounded in its section, and its unrounded value is kept out of the provenance.
        assertTrue(section(html, "ecart").contains("(2,07 : la mesure inclut"));
        assertFalse(html.contains("2.071234567891"), "no unrounded float");
    }

    @Test
    void theCriteriaTableNamesEachCriterionForAReaderWithItsTargetInterval() {
        String criteria = section(Uc5Page.render(Uc5Sample.data(), Lang.FR), "criteres");
        for (String header : List.of("Critère", "Modèle", "Cible", "Mesuré", "IC 90 % (n)", "Statut")) {
            assertTrue(criteria.contains(">" + HtmlPage.escape(header) + "</th>"), header);
        }
        assertTrue(criteria.contains("<td>" + MetricLabels.label("fg_recall", Lang.FR) + "</td>"));
        assertTrue(criteria.contains("≥ 85,0 %"), "operator and target in one cell, as a percentage");
        assertTrue(criteria.contains("[65,2 % ; 100,0 %] n = 7 (&lt; 30)"), "a small sample is marked");
        assertTrue(criteria.contains("[92,4 % ; 100,0 %] n = 66<"), "66 dwellings are not a small sample");
        assertTrue(criteria.contains(UseCasePage.met(Lang.FR)));
        assertFalse(criteria.contains(UseCasePage.notMet(Lang.FR)), "the sample meets every criterion");
        String english = section(Uc5Page.render(Uc5Sample.data(), Lang.EN), "criteres");
        assertTrue(english.contains("<td>" + MetricLabels.label("fg_recall", Lang.EN) + "</td>"));
        assertTrue(english.contains(UseCasePage.met(Lang.EN)));
    }

    @Test
    void theFrenchPageIsWhollyFrenchAndTheEnglishPageWhollyEnglish() {
        String french = Uc5Page.render(Uc5Sample.data(), Lang.FR);
        String english = Uc5Page.render(Uc5Sample.data(), Lang.EN);
        assertTrue(french.contains("<html lang=\"fr\">"));
        assertTrue(english.contains("<html lang=\"en\">"));
        assertTrue(french.contains("<a href=\"../en/uc5.html\" hreflang=\"en\""), "the switch to English");
        assertTrue(english.contains("<a href=\"../fr/uc5.html\" hreflang=\"fr\""), "the switch to French");
        assertTrue(french.contains(UseCasePage.footer(Lang.FR)));
        assertTrue(english.contains(UseCasePage.footer(Lang.EN)));

        String fr = pageText(french);
        String en = pageText(english);
        for (String word : List.of("En résumé", "Matrice de confusion", "Rappel par classe vraie",
                "Part estimée de passoires", "Logements F/G (%)", "Accord avec les diagnostics", "vraie \\ prédite",
                "Seuls sont publiés", "Classe DPE vraie", "Rapport à la médiane")) {
            assertTrue(fr.contains(HtmlPage.escape(word)), "French page: " + word);
            assertFalse(en.contains(HtmlPage.escape(word)), "English page without: " + word);
        }
        for (String word : List.of("In short", "Confusion matrix", "Recall by true class", "Estimated share of F/G",
                "F/G dwellings (%)", "Agreement with certificates", "true \\ predicted", "Only aggregates",
                "True DPE class", "Ratio to the median")) {
            assertTrue(en.contains(HtmlPage.escape(word)), "English page: " + word);
            assertFalse(fr.contains(HtmlPage.escape(word)), "French page without: " + word);
        }
        // No sentence of the page's own switches language, and no code name reaches a reader.
        for (String english1 : List.of(" the ", " of ", " and ", "dwelling", " · ")) {
            assertFalse(fr.contains(english1), "French page without \"" + english1 + "\"");
        }
        for (String french1 : List.of(" les ", " des ", " et ", "logement", " · ")) {
            assertFalse(en.contains(french1), "English page without \"" + french1 + "\"");
        }
        for (String code : List.of("within_one_class_accuracy", "fg_recall", "fg_precision", "selection_score",
                "mae_intensity")) {
            assertFalse(fr.contains(code), code);
            assertFalse(en.contains(code), code);
        }
    }

    @Test
    void theMethodComesFromTheTextOfThePagesLanguage() {
        String french = section(Uc5Page.render(Uc5Sample.data(), Lang.FR), "methode");
        String english = section(Uc5Page.render(Uc5Sample.data(), Lang.EN), "methode");
        assertTrue(french.contains("<h2>Comment c&#39;est calculé</h2>"));
        assertTrue(french.contains("Apprentissage sur les diagnostics (bruités)"));
        assertTrue(english.contains("<h2>How it was computed</h2>"));
        assertTrue(english.contains("<li>Learned from the (noisy) certificates; selected on validation by the "
                + "one-standard-error rule"), "method.en.txt, its lines joined");
        assertEquals(count(french, "<li>"), count(english, "<li>"), "the same steps in both languages");
    }

    @Test
    void theSummarySaysHowManyDwellingsEachShareRestsOnAndWhenTheyAreFew() {
        String french = section(Uc5Page.render(Uc5Sample.data(), Lang.FR), "resume");
        assertTrue(french.contains("100,0 % des passoires thermiques F/G (7 sur 7, petit échantillon)"), french);
        assertTrue(french.contains("58,3 % des logements qu&#39;il signale sont de vraies passoires (7 sur 12, "
                + "petit échantillon)"), french);
        assertTrue(french.contains("97,0 % (64 sur 66)"), "66 dwellings: no small-sample mark");
        assertTrue(french.contains("85,7 % des passoires F/G (12 sur 14, petit échantillon)"), french);
        assertTrue(french.contains("reposent sur moins de 30 logements"));
        String english = section(Uc5Page.render(Uc5Sample.data(), Lang.EN), "resume");
        assertTrue(english.contains("100.0 % of the F/G dwellings (7 of 7, a small sample)"), english);
        assertTrue(english.contains("rest on fewer than 30 dwellings"));

        // Every share on 30 items or more: no mark, no warning; a share without an interval takes its count.
        Map<String, Object> test = metrics("accuracy", 0.7, "within_one_class_accuracy", 0.95, "fg_recall", 0.875,
                "fg_precision", 0.7, "rows", 400L, "fg_rows", 40L, "fg_flagged_rows", 50L,
                "uncertified_within_one_class_accuracy", 0.93, "uncertified_fg_recall", 0.9,
                "uncertified_rows", 800L, "uncertified_fg_rows", 90L);
        UseCaseResult large = Uc5Sample.result("ridge-intensity", List.of(Uc5Sample.model("ridge-intensity", "smile",
                "regression", test, 0.9, Map.of("fg_recall", new MetricInterval(0.8, 0.95, 40, "fg_dwelling")))));
        String sound = section(Uc5Page.render(Uc5Sample.data(large), Lang.FR), "resume");
        assertTrue(sound.contains("87,5 % des passoires thermiques F/G (35 sur 40)"), sound);
        assertTrue(sound.contains("70,0 % des logements qu&#39;il signale sont de vraies passoires (35 sur 50)"),
                "the count published beside the share, without an interval");
        assertFalse(sound.contains("petit échantillon"), sound);
        assertFalse(sound.contains("moins de 30"), sound);
    }

    @Test
    void longCommuneNamesAreShortenedOnTheChartAndGivenInFullInTheTable() {
        List<Uc5PageData.CommuneRow> communes = Uc5Sample.data().communes();
        List<String> labels = Uc5Page.chartLabels(communes);
        assertEquals(communes.size(), new HashSet<>(labels).size(), "labels stay unique");
        for (String label : labels) {
            assertTrue(label.length() <= Uc5Page.CHART_LABEL_CHARS, label);
        }
        assertEquals("St-Jean-de-la-R\u2026", labels.get(0));
        assertEquals("St-Jean-de-Braye", labels.get(3));
        assertEquals("Orvault", labels.get(7), "a short name as it is");
        List<String> twins = Uc5Page.chartLabels(List.of(
                new Uc5PageData.CommuneRow("99101", "Saint-Martin-de-la-Place-Haute", 20, 5, 0L, 15L, 0L, 0L, 0.0),
                new Uc5PageData.CommuneRow("99102", "Saint-Martin-de-la-Place-Basse", 20, 5, 0L, 15L, 0L, 0L, 0.0),
                new Uc5PageData.CommuneRow("99103", null, 20, 5, 0L, 15L, 0L, 0L, 0.0)));
        assertEquals(List.of("99101", "99102", "99103"), twins, "codes where shortened names would read the same");
        String html = Uc5Page.render(Uc5Sample.data(), Lang.FR);
        assertTrue(section(html, "communes").contains("<td>99001 Saint-Jean-de-la-Ruelle-sur-Loire</td>"));
        assertTrue(section(html, "communes").contains("St-Jean-de-la-R\u2026"), "the chart's label");
    }

    @Test
    void aCountOfThreeFgDwellingsIsLeftOutOfTheTableTheMapAndTheText() {
        // Montclair: 3 dwellings predicted F/G of 35, none certified: the 3, and the share that gives it back, go.
        Uc5PageData.CommuneRow three = Uc5PageData.CommuneRow.published("99003", "Montclair-sur-Orbe", 35, 15, 0,
                20, 3, 3, 3.0 / 35, 10);
        assertEquals(0L, three.certifiedFg(), "no F/G dwelling is no one's figure");
        assertNull(three.predictedFg());
        assertNull(three.estimatedFg());
        assertNull(three.estimatedShare());
        // Valbrune: 3 certified F/G and 12 predicted, 15 in all: the 12 goes too, or 15 - 12 would give the 3 back.
        Uc5PageData.CommuneRow valbrune = Uc5PageData.CommuneRow.published("99001", "Valbrune", 91, 35, 3, 56, 12,
                15, 15.0 / 91, 10);
        assertNull(valbrune.certifiedFg());
        assertNull(valbrune.predictedFg());
        assertEquals(15L, valbrune.estimatedFg());
        Uc5PageData d = Uc5Sample.data();
        Uc5PageData data = new Uc5PageData(d.useCase(), d.result(), d.tables(), d.region(), d.split(),
                d.insufficient(), d.confusionTest(), d.confusionHeldOut(), d.classRecall(), d.intensity(),
                List.of(valbrune, three), new Uc5PageData.GapDistribution(d.gap().bins(), d.gap().counts(),
                d.gap().dwellings(), 8, d.gap().medianRatio(), d.gap().tolerance()), d.generatedAt(), 10);
        for (Lang lang : Lang.ALL) {
            String html = Uc5Page.render(data, lang);
            String table = section(html, "communes");
            assertEquals(4, count(table, "data-count-of=\"dwellings\" data-suppressed>&lt; 10</td>"), table);
            assertFalse(table.contains("data-count-of=\"dwellings\">3</td>"), table);
            assertFalse(table.contains("data-count-of=\"dwellings\">12</td>"), table);
            assertTrue(table.contains("data-count-of=\"dwellings\">15</td>"), table);
            assertTrue(table.contains("data-count-of=\"dwellings\">0</td>"), table);
            assertFalse(html.contains("(3/35)"), "no F/G count of Montclair on the map");
            assertTrue(table.contains(lang.t("<td>secret</td>", "<td>withheld</td>")), "nor its share");
            Territory territory = Uc5Page.territory(data, lang);
            String text = String.join("\n", territory.paragraphs());
            assertTrue(text.contains(lang.t("Montclair-sur-Orbe (99003) moins de 10 sur 35",
                    "Montclair-sur-Orbe (99003) fewer than 10 of 35")), text);
            assertTrue(text.contains(lang.t("15 des 91 logements", "15 of the 91 dwellings")), text);
            assertFalse(text.contains(lang.t("d'après leur diagnostic", "by their certificate")),
                    "no split whose parts are withheld: " + text);
            assertTrue(section(html, "ecart").contains(lang.t("moins de 10 logements sur 222",
                    "fewer than 10 of 222 dwellings")), "8 dwellings flagged in the region: withheld");
        }
    }

    @Test
    void aMetricReadsAsAShareOrAnIntensity() {
        assertEquals("97.0 %", Uc5Page.formatMetric("within_one_class_accuracy", 0.97));
        assertEquals("32 kWh/m²", Uc5Page.formatMetric("mae_intensity", 31.5));
        assertEquals("0.512", Uc5Page.formatMetric("macro_f1", 0.512));
    }

    @Test
    void anInsufficientDataPageSaysSoInEachLanguage() {
        UseCaseResult none = PageFixtures.withoutModels(Uc5Sample.UC5, "status", "insufficient data");
        Uc5PageData data = new Uc5PageData(Uc5Sample.UC5, none, Map.of(), PageFixtures.REGION, Map.of(),
                "insufficient data: 4 certified dwellings", null, null, Map.of(), null, List.of(), null, null,
                Uc5Sample.MIN_POINTS);
        String french = Uc5Page.render(data, Lang.FR);
        assertTrue(french.contains("Données insuffisantes"));
        assertTrue(french.contains("trop peu de logements certifiés"));
        assertTrue(french.contains("insufficient data: 4 certified dwellings"), "the run's message, quoted");
        assertTrue(french.contains(UseCasePage.notMet(Lang.FR)));
        assertFalse(french.contains("Matrice de confusion"));
        String english = Uc5Page.render(data, Lang.EN);
        assertTrue(english.contains("Insufficient data"));
        assertTrue(english.contains("too few certified dwellings"));
        assertTrue(english.contains(UseCasePage.notMet(Lang.EN)));
        assertFalse(english.contains("Confusion matrix"));
        assertFalse(english.contains("Données insuffisantes"));
    }

    @Test
    void theRunsReasonForNoModelIsWordedInTheirLanguage() {
        String reason = "insufficient data: 12 certified dwellings (validation 2, cross-validated 10 in 4 folds, 1 "
                + "classes in the smallest fold's training set); uc5 needs at least 30 with validation non-empty, a "
                + "dwelling in every fold and two classes to learn";
        assertEquals("Il y a 12 logements certifiés (validation 2, 10 validés de façon croisée en 4 plis, 1 classes "
                + "dans l'apprentissage du plus petit pli) ; il en faut au moins 30, une validation non vide, un "
                + "logement dans chaque pli et deux classes à apprendre.", Uc5Page.insufficient(reason, Lang.FR));
        assertTrue(Uc5Page.insufficient(reason, Lang.EN).startsWith("There are 12 certified dwellings"));
        assertEquals("Message du calcul (en anglais) : insufficient data: no DPE",
                Uc5Page.insufficient("insufficient data: no DPE", Lang.FR), "an unknown reason, quoted");
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc1;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContainedVersion;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The uc1 page renders its charts and tables inline, once wholly in French and once wholly in English, and says so
 * plainly when there was not enough data.
 */
class Uc1PageTest {

    private static final UseCase UC1 = UseCases.require("uc1");

    /** The sections the uc1 page writes itself (the skeleton's data and provenance aside). */
    private static final List<String> OWN_SECTIONS = List.of("resume", "profils", "silhouette", "nrmse", "modeles",
            "communes", "methode");

    /** Wordings of the English page that must not show on the French one. */
    private static final List<String> ENGLISH = List.of("In short", "Typical profiles", "held-out", "Held-out",
            "tariff class", "Meters kept out", "Local time", "How it was computed", "no complete day",
            "Per-meter features", "statistical secrecy", "Chosen k");

    /** Wordings of the French page that must not show on the English one. */
    private static final List<String> FRENCH = List.of("En résumé", "Profils types", "tenus à l", "classe tarifaire",
            "Compteurs écartés", "Heure locale", "Comment c", "aucun jour complet", "Caractéristiques par compteur",
            "secret statistique", "k retenu", "Données insuffisantes");

    private static String render(Lang lang) {
        String html = Uc1Page.render(Uc1Sample.data(), lang);
        writeSample(lang.tag() + "-uc1.html", html);
        return html;
    }

    private static String escaped(String text) {
        return HtmlPage.escape(text);
    }

    @Test
    void rendersChartsTablesAndNothingFromTheNetwork() {
        String page = render(Lang.FR);
        assertEquals(6, count(page, "<svg"), "the commune map, three typical days, silhouette and NRMSE charts");
        assertSelfContainedVersion(page, Lang.FR, "uc1.html");
        assertTrue(page.contains("S1 (112)") && page.contains("S5 (14)"), "a series per publishable segment");
        assertTrue(page.contains("1 segment non publié"), "the withheld segment is counted");
        assertTrue(section(page, "communes").contains(">99001</td>"), "commune mix");
        assertFalse(section(page, "communes").contains(">99006</td>"), "only the cells that passed the guard");
        assertTrue(page.contains(escaped("aucun jour complet de relevés")), "exclusions with their reason");
        assertTrue(page.contains(escaped("seulement 87 jours complets (au moins 120 requis)")));
        assertTrue(page.contains(escaped("aucun jour complet de type samedi d'été, dimanche ou férié d'été")));
        assertTrue(page.contains(PageFixtures.COMMIT), "provenance commit");
        assertTrue(page.contains("secret statistique"));
        assertTrue(section(page, "nrmse").contains(escaped("classe tarifaire calée"))
                        && section(page, "nrmse").contains(escaped("segment, tous débuts confondus")),
                "the references that tell the gain of placement from that of segments");
        assertTrue(page.contains(escaped("En résumé : la segmentation retenue (plus forte silhouette sur les "
                + "compteurs d'apprentissage) est Ward hiérarchique (hierarchical-ward-smile), avec 6 segments.")),
                page);
    }

    @Test
    void criteriaTableReadsInWordsWithTargetAndMeasuredValue() {
        String fr = section(render(Lang.FR), "criteres");
        assertTrue(fr.contains("<td>" + escaped("réduction de l'erreur de profil face à la référence")
                        + "</td><td>hierarchical-ward-smile</td><td>≥ 30,0 %</td><td class=\"num\">34,9 %</td>"
                        + "<td>[29,7 % ; 39,8 %] n = 118</td><td>✓ atteint</td>"),
                "the NRMSE reduction reads as a percentage, with its reader label and interval: " + fr);
        assertTrue(fr.contains("<td>accord avec les profils vrais (ARI)</td><td>hierarchical-ward-smile</td>"
                + "<td>≥ 0,800</td><td class=\"num\">0,862</td>"), fr);
        assertTrue(fr.contains("<th>Critère</th><th>Modèle</th><th>Cible</th>"), fr);
        String en = section(render(Lang.EN), "criteres");
        assertTrue(en.contains("<td>profile-error reduction against the baseline</td><td>hierarchical-ward-smile"
                + "</td><td>≥ 30.0 %</td><td class=\"num\">34.9 %</td><td>[29.7 %, 39.8 %] n = 118</td>"
                + "<td>✓ met</td>"), en);
        assertFalse(en.contains("nrmse_reduction_vs_baseline"), "no code name in the criteria table");
    }

    @Test
    void typicalDaysHaveHoursOfTheDayNotADate() {
        for (Lang lang : Lang.ALL) {
            String profiles = section(render(lang), "profils");
            assertEquals(3, count(profiles, "<svg"), "winter working day, summer working day, summer Saturday");
            Matcher date = Pattern.compile("\\d{2}/\\d{2}").matcher(profiles);
            assertFalse(date.find(), () -> "a typical day has no date, found " + date.group());
            assertTrue(profiles.contains(lang.t("Heure locale (h", "Local time (h")), "the axis says hours");
            assertTrue(profiles.contains(">12<") && profiles.contains(">20<"), "ticks are hours of the day");
        }
    }

    @Test
    void chartsNameModelsShortlyAndTheModelsTableSaysWhichIsWhich() {
        String fr = render(Lang.FR);
        for (String id : List.of("silhouette", "nrmse")) {
            String s = section(fr, id);
            assertTrue(s.contains(escaped("Ward hiérarchique")), id);
            assertFalse(s.contains("hierarchical-ward-smile") || s.contains("segment-classifier-rf-mllib")
                    || s.contains("bisecting-kmeans-mllib"), () -> id + " uses short reader names");
        }
        assertTrue(section(fr, "nrmse").contains(escaped("forêt aléatoire")), "the classifier, shortly");
        for (Lang lang : Lang.ALL) {
            Matcher cut = Pattern.compile(">[^<>]*\\.\\.\\.</text>").matcher(render(lang));
            assertFalse(cut.find(), () -> "a chart label is cut: " + cut.group());
        }
        assertTrue(section(fr, "modeles").contains(escaped("segment-classifier-rf-mllib : forêt aléatoire")));
        assertTrue(section(render(Lang.EN), "modeles").contains("bisecting-kmeans-mllib: bisecting k-means"));
        for (String name : List.of("kmeans-mllib", "bisecting-kmeans-mllib", "gmm-mllib", "hierarchical-ward-smile",
                "segment-classifier-rf-mllib")) {
            for (Lang lang : Lang.ALL) {
                assertTrue(Uc1Page.readerName(name, lang).length() <= 17, name + " has a short reader name");
            }
        }
        assertEquals("unknown-model", Uc1Page.readerName("unknown-model", Lang.FR));
    }

    @Test
    void frenchPageIsWhollyFrench() {
        String page = render(Lang.FR);
        assertTrue(page.contains("<html lang=\"fr\">"));
        assertTrue(page.contains("<a href=\"../en/uc1.html\" hreflang=\"en\" lang=\"en\">English</a>"),
                "the switch to the English page");
        for (String french : List.of("Profils types des segments", "Silhouette selon k", "Compteurs écartés",
                "Segments par commune", "Comment c&#39;est calculé", "Heure locale", "NRMSE réf. (%)")) {
            assertTrue(page.contains(french), french);
        }
        String reader = readerText(page);
        for (String english : ENGLISH) {
            assertFalse(reader.contains(escaped(english)), () -> "English on the French page: " + english);
        }
        assertTrue(section(page, "methode").contains("Caractéristiques par compteur"), "method.fr.txt");
        assertNoMixedParagraphOrCodeName(page);
    }

    @Test
    void englishPageIsWhollyEnglish() {
        String page = render(Lang.EN);
        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("<a href=\"../fr/uc1.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"),
                "the switch to the French page");
        for (String english : List.of("Typical profiles of the segments", "Silhouette by k", "Meters kept out",
                "Segment mix per commune", "How it was computed", "Local time", "Baseline NRMSE (%)",
                "no complete day of readings", "In short: the chosen segmentation")) {
            assertTrue(page.contains(english), english);
        }
        String reader = readerText(page);
        for (String french : FRENCH) {
            assertFalse(reader.contains(escaped(french)), () -> "French on the English page: " + french);
        }
        String method = section(page, "methode");
        assertTrue(method.contains("Per-meter features, on complete local days"), "the method comes from "
                + "method.en.txt");
        assertFalse(method.contains("Caractéristiques"), method);
        assertNoMixedParagraphOrCodeName(page);
    }

    /** No section of the page's own switches language with " · ", and no metric code name outside provenance. */
    private static void assertNoMixedParagraphOrCodeName(String page) {
        for (String id : OWN_SECTIONS) {
            assertFalse(section(page, id).contains(" · "), () -> "a bilingual ' · ' in section " + id);
        }
        String reader = readerText(page);
        for (String code : List.of("nrmse_", "_vs_", "silhouette_by_k", "insufficient_data", "offpeak")) {
            assertFalse(reader.contains(code), () -> "code name " + code + " in reader text");
        }
    }

    /** The page up to its provenance, which keeps the jobs' code names and notes as they are. */
    private static String readerText(String page) {
        return page.substring(0, page.indexOf("<section id=\"provenance\">"));
    }

    @Test
    void insufficientDataIsSaidPlainly() {
        UseCaseResult empty = PageFixtures.withoutModels(UC1, "insufficient_data",
                "insufficient data: 3 usable meters (2 to fit, 1 held out); at least 10 to fit and 2 held out are "
                        + "needed; exclusions: {only 60 complete days (at least 120 needed)=20}");
        Uc1PageData data = new Uc1PageData(UC1, empty, Map.of(), PageFixtures.REGION, List.of(), Map.of(), List.of(),
                Map.of("only 60 complete days (at least 120 needed)", 20L), 0, null);
        String fr = Uc1Page.render(data, Lang.FR);
        assertTrue(fr.contains(escaped("Données insuffisantes : 3 compteurs utilisables (2 pour l'apprentissage, "
                + "1 tenu à l'écart) ; il en faut au moins 10 pour l'apprentissage et 2 tenus à l'écart.")), fr);
        assertTrue(fr.contains("seulement 60 jours complets (au moins 120 requis)"));
        assertTrue(fr.contains("Aucune segmentation n&#39;a pu être calculée."));
        assertFalse(fr.contains("insufficient data") || fr.contains("only 60"), "the job's English stays out");
        assertSelfContainedVersion(fr, Lang.FR, "uc1.html");
        String en = Uc1Page.render(data, Lang.EN);
        assertTrue(en.contains("Insufficient data: 3 usable meters (2 to fit, 1 held out); at least 10 to fit and 2 "
                + "held out are needed."), en);
        assertTrue(en.contains("only 60 complete days (at least 120 needed)"));
        assertTrue(en.contains("No segmentation could be computed."));
        assertEquals("Données insuffisantes : aucune segmentation n'a pu être ajustée.",
                Uc1Page.insufficient("insufficient data: no clustering could be fitted", Lang.FR));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc3;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContainedVersion;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.junit.jupiter.api.Test;

/**
 * The uc3 page, in French and in English: groups of renovated buildings only, the works types (in words when fewer
 * than two may be published), its placebo test and the baseline fit, each language wholly in its language.
 */
class Uc3PageTest {

    /** English wordings of the page's own text that the French page must not show. */
    private static final List<String> ENGLISH = List.of("Savings", "savings", "buildings", "Held-out", "held-out",
            "Baseline", "Method", "Coverage", "statistical secrecy", "group ", "Works type", "In short", "Only groups",
            "not published");

    /** French wordings of the page's own text that the English page must not show. */
    private static final List<String> FRENCH = List.of("Économie", "économie", "bâtiments", "Données de test",
            "Référence", "Méthode", "Couverture", "secret statistique", "groupe ", "Type de travaux", "En résumé",
            "non publié", "atteint", "Comment c&#39;est calculé");

    /** The page's own part: from the summary to the method, before the data and provenance the jobs describe. */
    private static String ownPart(String html) {
        // The population a count cell names for the publication audit is a code, the same in every language.
        return html.substring(html.indexOf("<section id=\"resume\">"), html.indexOf("<section id=\"donnees\">"))
                .replaceAll(" data-count-of=\"[^\"]*\"", "");
    }

    /** The page's sections before the method (whose formulas hold multiplication dots): no "français · English". */
    private static void assertNoSideBySideWording(String html) {
        String sections = html.substring(html.indexOf("<section id=\"resume\">"),
                html.indexOf("<section id=\"methode\">"));
        assertFalse(sections.contains(" · "), "one language only");
    }

    @Test
    void rendersTheChartsTablesAndProvenanceWithoutExternalResources() {
        String html = Uc3Page.render(Uc3Sample.data(), Lang.FR);
        writeSample("uc3.html", html);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"), html.substring(0, 40));
        assertEquals(4, count(html, "<svg"), "scatter, works types, placebo, baseline fit");
        assertSelfContainedVersion(html, Lang.FR, "uc3.html");
        assertTrue(html.contains("<td>groupe 4</td><td class=\"num\" data-count-of=\"renovated buildings\">10</td>"
                + "<td class=\"num\">21,1</td>"
                + "<td class=\"num\">20,7</td><td>[19,0 ; 22,4]</td>"), "groups numbered, interval in percent");
        assertTrue(section(html, "placebo").contains("95,3 %"), "placebo coverage of the best method");
        assertTrue(html.contains("65,9 %"), "the hourly formula's coverage is shown");
        assertTrue(section(html, "placebo").contains("<tr><td>Couverture de l&#39;intervalle à 90 %, test</td>"
                + "<td class=\"num\">93,4 %</td><td class=\"num\">95,3 %</td><td class=\"num\">85,7 %</td></tr>"),
                "one column per method");
        assertTrue(section(html, "ajustement").contains("<tr><td>caltrack-billing</td><td>63 / 71</td>"
                + "<td class=\"num\">0,094</td><td class=\"num\">0,0001</td></tr>"), "fit statistics by method");
        assertTrue(html.contains(PageFixtures.COMMIT));
        assertTrue(html.contains("<h2>Comment c&#39;est calculé</h2>"));
        assertTrue(html.contains(UseCasePage.footer(Lang.FR)));
    }

    @Test
    void eachSuppressedCountStandsRightUnderItsOwnTable() {
        String html = Uc3Page.render(Uc3Sample.data(), Lang.FR);
        String groups = section(html, "estime-vrai");
        assertTrue(groups.contains("</table></div>\n<p>1 groupe non publié (secret statistique).</p>"), groups);
        assertFalse(groups.contains("type"), "the works types are counted in their own section");
        String types = section(html, "types");
        assertTrue(types.contains("</table></div>\n<p>2 types de travaux non publiés (secret statistique).</p>"),
                types);
        assertFalse(types.contains("groupe non publié") || types.contains("groupes non publiés"), types);
        String english = section(Uc3Page.render(Uc3Sample.data(), Lang.EN), "types");
        assertTrue(english.contains("</table></div>\n<p>2 works types not published (statistical secrecy).</p>"),
                english);
    }

    @Test
    void worksTypesAreChartedWithReaderNamesAndAllRenovatedBuildingsLast() {
        String html = section(Uc3Page.render(Uc3Sample.data(), Lang.FR), "types");
        assertEquals(1, count(html, "<svg"));
        for (String name : List.of("rénovation globale", "pompe à chaleur", "isolation de la toiture",
                "isolation des murs", "tous les rénovés")) {
            assertTrue(html.contains("<td>" + name + "</td>"), name);
        }
        assertFalse(html.contains("insulation_walls") || html.contains("heat_pump"), "no code name");
        assertTrue(html.indexOf("<td>tous les rénovés</td><td class=\"num\" "
                + "data-count-of=\"renovated buildings\">63</td>")
                > html.indexOf("<td>isolation des murs</td>"), "all renovated buildings last");
        String english = section(Uc3Page.render(Uc3Sample.data(), Lang.EN), "types");
        assertTrue(english.contains("<td>heat pump</td>") && english.contains("<td>all renovated</td>"), english);
    }

    @Test
    void oneGroupOfWorksIsSaidInWordsWithoutAOneBarChart() {
        Uc3PageData sample = Uc3Sample.data();
        Uc3PageData onlyAll = new Uc3PageData(sample.useCase(), sample.result(), sample.tables(), PageFixtures.REGION,
                sample.method(), sample.groups(), 0, List.of(), 5, sample.allRenovated(), sample.fit(),
                sample.generatedAt());
        String fr = section(Uc3Page.render(onlyAll, Lang.FR), "types");
        assertEquals(0, count(fr, "<svg"), "no chart of one bar pair");
        assertEquals(0, count(fr, "<table"), "no table of one row");
        assertTrue(fr.contains("Aucun type de travaux ne réunit à lui seul assez de bâtiments pour être publié (5 "
                + "types non publiés, secret statistique) : pas de comparaison entre types. Tous types confondus, sur "
                + "l&#39;année qui suit les travaux (données de test), les 63 bâtiments rénovés économisent 19,3 % de "
                + "leur consommation contrefactuelle selon l&#39;estimation (intervalle à 90 % [18,2 ; 20,4] %), pour "
                + "19,6 % en vrai, soit 1120,4 ± 52,9 MWh."), fr);
        String en = section(Uc3Page.render(onlyAll, Lang.EN), "types");
        assertTrue(en.contains("No works type gathers enough buildings on its own to be published (5 types not "
                + "published, statistical secrecy): no comparison between types."), en);

        Uc3PageData oneType = new Uc3PageData(sample.useCase(), sample.result(), sample.tables(), PageFixtures.REGION,
                sample.method(), sample.groups(), 0, sample.worksTypes().subList(0, 1), 1, sample.allRenovated(),
                sample.fit(), sample.generatedAt());
        String one = section(Uc3Page.render(oneType, Lang.FR), "types");
        assertEquals(0, count(one, "<svg"));
        assertTrue(one.contains("Un seul type de travaux, rénovation globale, réunit assez de bâtiments pour être "
                + "publié (1 type non publié, secret statistique)"), one);
        assertEquals(2, count(one, "<tr><td>"), "the one type and all renovated buildings, in a table");
    }

    @Test
    void theFrenchPageIsWhollyFrench() {
        String html = Uc3Page.render(Uc3Sample.data(), Lang.FR);
        String own = ownPart(html);
        for (String english : ENGLISH) {
            assertFalse(own.contains(english), english);
        }
        assertNoSideBySideWording(html);
        assertTrue(own.contains("En résumé : la méthode retenue sur les bâtiments de validation est "
                + "caltrack-billing."), own);
        assertTrue(own.contains("2 critères de succès sur 3 sont atteints."), own);
        assertTrue(html.contains("<a href=\"../en/uc3.html\" hreflang=\"en\" lang=\"en\">English</a>"),
                "the language switch");
        assertTrue(section(html, "methode").contains("Référence : les 365 jours avant les travaux"),
                "the method from method.fr.txt");
        assertFalse(own.contains("savings_abs_error") || own.contains("placebo_coverage"), "no metric code name");
    }

    @Test
    void theEnglishPageIsWhollyEnglish() {
        String html = Uc3Page.render(Uc3Sample.data(), Lang.EN);
        writeSample("uc3-en.html", html);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertSelfContainedVersion(html, Lang.EN, "uc3.html");
        String own = ownPart(html);
        for (String french : FRENCH) {
            assertFalse(own.contains(french), french);
        }
        assertNoSideBySideWording(html);
        for (String heading : List.of("Summary", "Success criteria", "Estimated vs true savings",
                "Savings with 90 % intervals by works type", "Placebo test: coverage of the 90 % interval",
                "Baseline fit", "Methods", "How it was computed")) {
            assertTrue(own.contains("<h2>" + heading + "</h2>"), heading);
        }
        assertTrue(own.contains("2 of 3 success criteria are met."), own);
        assertTrue(html.contains("<td>group 4</td><td class=\"num\" data-count-of=\"renovated buildings\">10</td>"
                + "<td class=\"num\">21.1</td>"
                + "<td class=\"num\">20.7</td><td>[19.0, 22.4]</td>"), "English interval");
        assertTrue(html.contains("<a href=\"../fr/uc3.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
        String method = section(html, "methode");
        assertTrue(method.contains("Baseline: the 365 days before the works, on which each building&#39;s model is "
                + "fitted"), "the method from method.en.txt: " + method);
        assertFalse(method.contains("Référence"), method);
        assertTrue(html.contains(UseCasePage.footer(Lang.EN)));
        assertFalse(own.contains("savings_abs_error") || own.contains("placebo_coverage"), "no metric code name");
    }

    @Test
    void everyFigureAndTableSaysWhatDataItIsMeasuredOn() {
        for (Lang lang : Lang.ALL) {
            String html = Uc3Page.render(Uc3Sample.data(), lang);
            String test = lang.t("données de test", "held-out test data");
            for (String id : List.of("estime-vrai", "types", "placebo")) {
                assertTrue(section(html, id).toLowerCase().contains(test), lang + " " + id);
            }
            String fit = section(html, "ajustement");
            assertTrue(fit.contains(lang.t("données d&#39;ajustement", "fitting data")) && fit.contains(test), fit);
            assertTrue(fit.contains(lang.t("</table></div>\n<p>Mesuré sur les données d&#39;ajustement",
                    "</table></div>\n<p>Measured on the fitting data")), "the fit statistics: " + fit);
            String models = section(html, "modeles");
            assertTrue(models.contains(lang.t("|Erreur| médiane, test", "Median |error|, test"))
                    && models.contains(lang.t("|Erreur| placebo, validation", "Placebo |error|, validation")), models);
            String placebo = section(html, "placebo");
            assertTrue(placebo.contains(lang.t("<td>Couverture de l&#39;intervalle à 90 %, validation</td>",
                    "<td>Coverage of the 90 % interval, validation</td>")), placebo);
        }
    }

    @Test
    void theCriteriaTableNamesEachCriterionInWordsWithItsTargetInOneCell() {
        Uc3PageData data = Uc3Sample.data();
        for (Lang lang : Lang.ALL) {
            String html = section(Uc3Page.render(data, lang), "criteres");
            for (Criterion.Result c : data.result().criteria()) {
                String row = "<tr><td>" + HtmlPage.escape(MetricLabels.label(c.metric(), lang)) + "</td><td>"
                        + c.model() + "</td>";
                int at = html.indexOf(row);
                assertTrue(at >= 0, row);
            }
            assertTrue(html.contains("<td>" + HtmlPage.escape(MetricLabels.label("savings_abs_error_pct_points_median",
                    lang)) + "</td><td>caltrack-billing</td><td>≤ " + lang.t("2,00 pt</td><td class=\"num\">0,51 pt"
                    + "</td><td>[0,38 pt ; 0,78 pt]",
                    "2.00 pt</td><td class=\"num\">0.51 pt</td><td>[0.38 pt, 0.78 pt]")
                    + " n = 63</td><td>" + UseCasePage.met(lang) + "</td>"),
                    "savings errors in percentage points: " + html);
            assertTrue(html.contains(lang.t("<td>≤ 95,0 %</td><td class=\"num\">95,3 %</td><td>[91,8 % ; 98,5 %]",
                    "<td>≤ 95.0 %</td><td class=\"num\">95.3 %</td><td>[91.8 %, 98.5 %]") + " n = 134</td>"
                    + "<td>" + UseCasePage.notMet(lang) + "</td>"), "coverages in percent, the miss shown");
        }
    }

    @Test
    void rendersWithNothingPublishable() {
        Uc3PageData sample = Uc3Sample.data();
        Uc3PageData empty = new Uc3PageData(sample.useCase(), sample.result(), sample.tables(), PageFixtures.REGION,
                sample.method(), List.of(), 1, List.of(), 0, null, null, sample.generatedAt());
        String html = Uc3Page.render(empty, Lang.FR);
        assertTrue(html.contains("Aucun groupe de bâtiments rénovés ne passe le contrôle du secret statistique"));
        assertTrue(html.contains("Aucun type de travaux ne réunit à lui seul assez de bâtiments pour être publié."));
        assertTrue(html.contains("Aucune semaine"));
        assertEquals(1, count(html, "<svg"), "only the placebo chart");
        String english = Uc3Page.render(empty, Lang.EN);
        assertTrue(english.contains("No group of renovated buildings passes the statistical-secrecy guard"));
        assertTrue(english.contains("No week gathers enough buildings to be published."));
        assertThrows(NullPointerException.class, () -> Uc3Page.render(null, Lang.FR));
    }
}

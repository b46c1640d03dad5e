/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc4;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContainedVersion;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.uc4.Uc4Sample.BEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.junit.jupiter.api.Test;

/**
 * The uc4 page in French and in English: every section in order, criteria, charts, tables, data and provenance,
 * formatted once, each version wholly in its language, every table narrow enough to read.
 */
class Uc4PageTest {

    /** English wordings of the page's own text that the French page must not show. */
    private static final List<String> ENGLISH = List.of("In short", "Forecast vs actual", "Error by hour",
            "Substation", "Actual", "forecast", "held-out", "held out", "Capacity", "Prediction intervals",
            "quantile regression", "residual interval", "quantiles of", "Each model", "lower is better", "refitted",
            "statistical secrecy", "Only aggregates", "test period", "Lead time", "Meters", "Skill", "success criteria",
            "Rolling-origin");

    /** French wordings of the page's own text that the English page must not show. */
    private static final List<String> FRENCH = List.of("En résumé", "Prévision", "Erreur par heure", "Poste",
            "Réalisé", "période de test", "mise de côté", "Capacité", "Intervalles de prévision", "régression",
            "résidus", "Chaque", "plus bas", "réajusté", "secret statistique", "Seuls sont publiés", "Échéance",
            "Compteurs", "Gain", "critères", "Origine", "heure de Paris", "atteint", "Comment c&#39;est calculé");

    /** The page's own part: from the summary to the method, before the data and provenance the jobs describe. */
    private static String ownPart(String html) {
        return html.substring(html.indexOf("<section id=\"resume\">"), html.indexOf("<section id=\"donnees\">"));
    }

    @Test
    void rendersEverySection() {
        String html = Uc4Page.render(Uc4Sample.data(), Lang.FR);
        writeSample("uc4.html", html);

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assertTrue(html.contains("<title>" + HtmlPage.escape(UseCases.UC4.title()) + "</title>"));
        assertFalse(html.contains(HtmlPage.escape(UseCases.UC4.titleEn())), "no English title on the French page");
        assertTrue(html.contains("généré le 2025-01-15 09:30:00 UTC"), "one timestamp format");
        assertTrue(html.contains("<a href=\"index.html\""), "back to the index");
        assertTrue(html.contains("<a href=\"uc1.html\"") && html.contains("<strong aria-current=\"page\""),
                "the other use cases linked, this one marked");
        assertTrue(html.contains(HtmlPage.escape(UseCases.UC4.question())), "question");
        for (String heading : List.of("Synthèse", "Critères de succès", "Prévision contre réalisé", "Erreur par heure",
                "Modèles", "Postes", "Évaluation à origines glissantes", "Comment c&#39;est calculé", "Données",
                "Provenance")) {
            assertTrue(html.contains("<h2>" + heading + "</h2>"), heading);
        }
        int previous = -1;
        for (String id : List.of("resume", "criteres", "prevision", "erreur-heure", "modeles", "postes", "backtest",
                "methode", "donnees", "provenance")) {
            int at = html.indexOf("<section id=\"" + id + "\">");
            assertTrue(at > previous, "section " + id + " in order");
            previous = at;
        }
        assertTrue(html.contains(UseCasePage.footer(Lang.FR)));
        assertSelfContainedVersion(html, Lang.FR, "uc4.html");
    }

    @Test
    void summaryStatesBestModelFiguresAndCriteriaCount() {
        String summary = section(Uc4Page.render(Uc4Sample.data(), Lang.FR), "resume");
        assertTrue(summary.contains("le modèle retenu sur la période de validation est " + BEST), summary);
        assertTrue(summary.contains("(MAPE) est de 4,3 %"), "test MAPE as a percentage");
        assertTrue(summary.contains("il réduit l&#39;erreur quadratique (RMSE) de 35,1 %"), "skill as a percentage");
        assertTrue(summary.contains("4 critères de succès sur 5 sont atteints."), summary);
        String english = section(Uc4Page.render(Uc4Sample.data(), Lang.EN), "resume");
        assertTrue(english.contains("In short: the model selected on the validation period is " + BEST), english);
        assertTrue(english.contains("it reduces the root-mean-square error (RMSE) by 35.1 % against persistence"));
        assertTrue(english.contains("4 of 5 success criteria are met."), english);
    }

    @Test
    void criteriaTableShowsEachCriterionInWordsAndItsStatus() {
        UseCaseResult result = Uc4Sample.result();
        for (Lang lang : Lang.ALL) {
            String html = section(Uc4Page.render(Uc4Sample.data(), lang), "criteres");
            assertTrue(html.contains(lang.t("<th>Critère</th><th>Modèle</th><th>Cible</th>",
                    "<th>Criterion</th><th>Model</th><th>Target</th>")), html);
            int from = 0;
            for (Criterion.Result c : result.criteria()) {
                int row = html.indexOf("<tr><td>" + HtmlPage.escape(MetricLabels.label(c.metric(), lang))
                        + "</td><td>" + c.model() + "</td>", from);
                assertTrue(row > 0, "row of " + c);
                String cells = html.substring(row, html.indexOf("</tr>", row));
                assertTrue(cells.contains(c.met() ? UseCasePage.met(lang) : UseCasePage.notMet(lang)), cells);
                assertFalse(cells.contains(c.met() ? UseCasePage.notMet(lang) : UseCasePage.met(lang)), cells);
                from = row + 1;
            }
            assertFalse(html.contains("coverage_p10_p90") || html.contains("congestion_recall"), "no code name");
            assertTrue(html.contains("<td>" + HtmlPage.escape(MetricLabels.label("mape", lang)) + "</td><td>gbt-mllib"
                    + "</td>" + lang.t("<td>≤ 10,0 %</td><td class=\"num\">4,3 %</td><td>[4,0 % ; 4,7 %]",
                    "<td>≤ 10.0 %</td><td class=\"num\">4.3 %</td><td>[4.0 %, 4.7 %]") + " n = 108</td>"), html);
            assertTrue(html.contains(lang.t("<td>≥ 0,700</td><td class=\"num\">0,650</td><td>[0,520 ; 0,780]",
                    "<td>≥ 0.700</td><td class=\"num\">0.650</td><td>[0.520, 0.780]") + " n = 46</td><td>"
                    + UseCasePage.notMet(lang) + "</td>"), "target with its operator in one cell");
        }
        assertEquals(4, result.criteria().stream().filter(Criterion.Result::met).count());
        assertTrue(Uc4Page.render(Uc4Sample.data(), Lang.FR).contains("<span class=\"badge ko\">&#10007; 4/5 critères "
                + "atteints"), "overall status");
    }

    @Test
    void chartsAreInlineAndLabelledInTheirLanguage() {
        String fr = section(Uc4Page.render(Uc4Sample.data(), Lang.FR), "prevision");
        assertEquals(1, count(fr, "<svg"));
        assertTrue(fr.contains("Réalisé") && fr.contains("Prévision P50 gbt-mllib") && fr.contains("P10–P90"));
        assertTrue(fr.contains("Capacité ≈ 383,2 kW (cos φ 0,93)"), "capacity line at 412 kVA × 0,93");
        assertTrue(fr.contains("Poste PS-69123-004, 61 compteurs, du 2024-12-02 00:00 au 2024-12-15 23:00 (heure de "
                + "Paris), modèle gbt-mllib, sur la période de test"), "caption with substation, meters and period");
        String en = section(Uc4Page.render(Uc4Sample.data(), Lang.EN), "prevision");
        assertTrue(en.contains("Actual") && en.contains("P50 forecast gbt-mllib")
                && en.contains("Capacity ≈ 383.2 kW"), en);
        assertTrue(en.contains("Substation PS-69123-004, 61 meters, from 2024-12-02 00:00 to 2024-12-15 23:00 (Paris "
                + "time), model gbt-mllib, on the test period (held-out data"), en);
    }

    @Test
    void modelsSubstationsDataAndProvenance() {
        String html = Uc4Page.render(Uc4Sample.data(), Lang.FR);
        String models = section(html, "modeles");
        // models table: best starred, MAPE in %, RMSE in kW with 1 decimal, each column saying its data
        assertTrue(models.contains("<th>Modèle</th><th>Moteur</th><th class=\"num\">MAPE test (%)</th>"
                + "<th class=\"num\">RMSE test (kW)</th><th class=\"num\">Gain test (%)</th>"
                + "<th class=\"num\">RMSE validation (kW)</th>"), models);
        assertTrue(models.contains("<td>★ gbt-mllib</td><td>spark-mllib</td><td class=\"num\">4,3</td>"
                + "<td class=\"num\">13,0</td><td class=\"num\">35,1</td><td class=\"num\">12,7</td>"), models);
        // intervals and congestion: coverage in %, CRPS with 2 decimals, ratios with 3, a missing one as a dash
        assertTrue(models.contains("<td>★ gbt-mllib</td><td class=\"num\">82,4</td><td class=\"num\">9,41</td>"
                + "<td class=\"num\">0,650</td><td class=\"num\">0,712</td>"), models);
        assertTrue(models.contains("<td>gbt-xgboost-quantile</td><td class=\"num\">95,1</td><td class=\"num\">10,02</td>"
                + "<td class=\"num\">0,700</td><td class=\"num\">—</td>"), "missing precision, aligned");
        assertTrue(models.contains("couverture nominale de l&#39;intervalle P10–P90 est de 80,0 %"));
        assertTrue(models.contains("<li>gbt-xgboost-quantile : régression quantile, un ensemble d&#39;arbres "
                + "boostés ajusté avec la perte pinball à 10 %, 50 % et 90 % à la fois</li>"), models);
        assertTrue(models.contains("les 28 derniers jours connus"), "the conformal window");
        // substations, with the secrecy rule
        String substations = section(html, "postes");
        assertTrue(substations.contains("<td>PS-69123-004</td><td class=\"num\" data-count-of=\"meters\">61</td>"
                + "<td class=\"num\">412</td>"
                + "<td class=\"num\">4,5</td><td class=\"num\">14,9</td><td class=\"num\">80,8</td>"
                + "<td class=\"num\">31</td><td class=\"num\">29</td>"), substations);
        assertEquals(6, count(substations, "<tr><td>PS-"));
        assertTrue(substations.contains("D.111-52"));
        // data
        assertTrue(html.contains(HtmlPage.escape(PageFixtures.REGION.describe(Lang.FR))));
        assertTrue(html.contains("<dt>validation</dt><dd>2024-05-30..2024-09-14</dd>"));
        assertTrue(html.contains("<td>lake/silver/meter_readings</td><td class=\"num\">12</td>"));
        // provenance: run, commit, libraries, input tables, the rest one level flattened, and model ids
        assertTrue(html.contains("<dt>Commit</dt><dd>" + PageFixtures.COMMIT + "</dd>"));
        assertTrue(html.contains("<dt>Exécution</dt><dd>" + PageFixtures.RUN_ID + "</dd>"));
        assertTrue(html.contains("<dt>spark</dt><dd>3.5.1</dd>"));
        assertTrue(html.contains("<dt>seed</dt><dd>42</dd>"));
        assertTrue(html.contains("<dt>backtest_options.validation_fraction</dt><dd>0.15</dd>"));
        assertTrue(html.contains("<dt>started</dt><dd>2025-01-15 09:29:58 UTC</dd>"), "one timestamp format");
        assertTrue(html.contains("<dt>gbt-xgboost-quantile</dt><dd>uc4-gbt-xgboost-quantile-20250115-e5f6a7b8</dd>"));
    }

    @Test
    void theBacktestSectionShowsOriginsLeadTimesAndSubstationsInNarrowTables() {
        String section = section(Uc4Page.render(Uc4Sample.data(), Lang.FR), "backtest");
        assertEquals(3, count(section, "<svg"), "MAPE and CRPS by lead time, MAPE by substation");
        assertTrue(section.contains("<p>À chaque origine, chaque modèle est réajusté sur tous les jours qui la "
                + "précèdent (les derniers 15,0 % mis de côté pour calibrer les intervalles"), section);
        assertTrue(section.contains("<tr><td>2024-05-30</td><td>2024-05-30 → 2024-07-22</td><td class=\"num\">54</td>"
                + "<td class=\"num\">31104</td></tr>"), "one row per origin: " + section);
        assertEquals(4, count(section, "<tr><td>2024-05-30</td>"), "the first origin: once, then once per model");
        assertTrue(section.contains("<tr><td>2024-05-30</td><td>gbt-mllib</td><td class=\"num\">4,1</td>"
                + "<td class=\"num\">11,5</td><td class=\"num\">30,0</td><td class=\"num\">78,0</td>"
                + "<td class=\"num\">4,13</td><td class=\"num\">8,75</td></tr>"), section);
        assertEquals(12, count(section, "</td><td>gbt-") + count(section, "</td><td>persistence</td>"),
                "four origins by three models");
        assertTrue(section.contains("<td>PS-69123-004</td><td class=\"num\" data-count-of=\"meters\">61</td>"
                + "<td class=\"num\">4,8</td>"));
        // every table of the section is narrow: few columns, short cells
        Matcher table = Pattern.compile("<table>.*?</table>", Pattern.DOTALL).matcher(section);
        int tables = 0;
        while (table.find()) {
            tables++;
            String header = table.group().substring(0, table.group().indexOf("</tr>"));
            assertTrue(count(header, "</th>") <= 8, "at most 8 columns: " + header);
            Matcher cell = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(table.group());
            while (cell.find()) {
                assertTrue(cell.group(1).length() <= 24, "a short cell: " + cell.group(1));
            }
        }
        assertEquals(3, tables, "origins, metrics by origin and model, metrics by substation");
        String english = section(Uc4Page.render(Uc4Sample.data(), Lang.EN), "backtest");
        assertTrue(english.contains("<p>At each origin, every model is refitted on all the days before it (the last "
                + "15.0 % held out to calibrate the intervals and stop boosting)"), english);
        assertTrue(section(Uc4Page.render(Uc4Sample.data(), Lang.EN), "backtest").contains("Lead time"));
        Uc4PageData base = Uc4Sample.data();
        Uc4PageData without = new Uc4PageData(base.useCase(), base.result(), base.tables(), PageFixtures.REGION,
                base.split(), base.intervalMethods(), base.focus(), base.mapeByHour(), base.substations(),
                base.generatedAt());
        assertTrue(Uc4Page.render(without, Lang.EN).contains("The backtest was not run"));
        assertTrue(Uc4Page.render(without, Lang.FR).contains("L&#39;évaluation à origines glissantes n&#39;a pas été "
                + "exécutée"));
    }

    @Test
    void everyTableOfThePageHasFewColumns() {
        for (Lang lang : Lang.ALL) {
            Matcher header = Pattern.compile("<thead><tr>.*?</tr></thead>").matcher(Uc4Page.render(Uc4Sample.data(),
                    lang));
            while (header.find()) {
                assertTrue(count(header.group(), "</th>") <= 8, lang + " at most 8 columns: " + header.group());
            }
        }
    }

    @Test
    void errorByHourFollowsModelOrder() {
        String section = section(Uc4Page.render(Uc4Sample.data(), Lang.FR), "erreur-heure");
        assertEquals(1, count(section, "<svg"));
        assertTrue(section.contains(">23<"), "hour categories 00..23");
        assertTrue(section.indexOf(">persistence<") < section.indexOf(">gbt-xgboost-quantile<"), "models in order");
    }

    @Test
    void nullFocusGivesTheSecrecySentence() {
        Uc4PageData base = Uc4Sample.data();
        Uc4PageData noFocus = new Uc4PageData(base.useCase(), base.result(), base.tables(), PageFixtures.REGION,
                base.split(), base.intervalMethods(), null, base.mapeByHour(), base.substations(), base.generatedAt());
        for (Lang lang : Lang.ALL) {
            String html = Uc4Page.render(noFocus, lang);
            assertTrue(section(html, "prevision").contains(HtmlPage.escape(Uc4Page.noFocus(lang))));
            assertEquals(2, count(html, "<svg"), "only the commune map and the error-by-hour chart");
            assertTrue(html.contains("<section id=\"postes\">"));
        }
    }

    @Test
    void theFrenchPageIsWhollyFrench() {
        String html = Uc4Page.render(Uc4Sample.data(), Lang.FR);
        String own = ownPart(html);
        for (String english : ENGLISH) {
            assertFalse(own.contains(english), english);
        }
        assertFalse(own.substring(0, own.indexOf("<section id=\"methode\">")).contains(" · "), "one language");
        assertTrue(html.contains("<a href=\"../en/uc4.html\" hreflang=\"en\" lang=\"en\">English</a>"),
                "the language switch");
        assertTrue(section(html, "methode").contains("Émission : chaque prévision est émise la veille (J-1) à 10:00"),
                "the method from method.fr.txt, its placeholders filled");
        assertFalse(own.contains("coverage_p10_p90") || own.contains("skill_vs_persistence"), "no metric code name");
    }

    @Test
    void theEnglishPageIsWhollyEnglish() {
        String html = Uc4Page.render(Uc4Sample.data(), Lang.EN);
        writeSample("uc4-en.html", html);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<title>" + HtmlPage.escape(UseCases.UC4.titleEn()) + "</title>"));
        assertSelfContainedVersion(html, Lang.EN, "uc4.html");
        String own = ownPart(html);
        for (String french : FRENCH) {
            assertFalse(own.contains(french), french);
        }
        assertFalse(own.substring(0, own.indexOf("<section id=\"methode\">")).contains(" · "), "one language");
        for (String heading : List.of("Summary", "Success criteria", "Forecast vs actual", "Error by hour", "Models",
                "Substations", "Rolling-origin backtest", "How it was computed")) {
            assertTrue(own.contains("<h2>" + heading + "</h2>"), heading);
        }
        assertTrue(own.contains("<li>gbt-mllib: residual interval, the 10 % and 90 % quantiles of log(actual / P50) "
                + "on the validation period</li>"), own);
        assertTrue(html.contains("<a href=\"../fr/uc4.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
        String method = section(html, "methode");
        assertTrue(method.contains("Issue: each forecast is issued the day before (D-1) at 10:00, Paris time"),
                "the method from method.en.txt: " + method);
        assertTrue(method.contains("the last 28 days known at issue") && method.contains("cos φ 0.93"), method);
        assertTrue(html.contains(UseCasePage.footer(Lang.EN)));
        assertFalse(own.contains("coverage_p10_p90") || own.contains("skill_vs_persistence"), "no metric code name");
    }

    @Test
    void metricsReadWithTheirUnits() {
        assertEquals("12.7", Uc4Page.kw(12.66));
        assertEquals("4.3 %", Uc4Page.formatMetric("mape", 0.0432));
        assertEquals("20.0 kW", Uc4Page.formatMetric("rmse", 20.04));
        assertEquals("4380", Uc4Page.formatMetric("rows", 4380));
        assertEquals("0.712", Uc4Page.formatMetric("congestion_recall", 0.7123));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc6;

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
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.junit.jupiter.api.Test;

/**
 * The uc6 page shows the D+1 forecast of an area, the error by horizon and the cold-peak alerts, once wholly in
 * French and once wholly in English, and says from the figures when the selected model does no better than the
 * degree-day baseline and when cold-peak alerts were false.
 */
class Uc6PageTest {

    /** The page's own sections, written by the page in its language (the data section holds the run's text). */
    private static final List<String> PAGE_SECTIONS = List.of("resume", "criteres", "prevision", "horizons",
            "alertes", "modeles", "methode");

    private static String pageText(String html) {
        StringBuilder text = new StringBuilder();
        for (String id : PAGE_SECTIONS) {
            // The population a count cell names for the publication audit is a code, the same in every language.
            text.append(section(html, id).replaceAll(" data-count-of=\"[^\"]*\"", "")).append('\n');
        }
        return text.toString();
    }

    private static String summary(UseCaseResult result, Lang lang) {
        return section(Uc6Page.render(Uc6Sample.data(result), lang), "resume");
    }

    @Test
    void thePageShowsTheForecastTheHorizonsTheAlertsAndNothingFromTheNetwork() {
        String html = Uc6Page.render(Uc6Sample.data(), Lang.FR);
        writeSample("uc6.html", html);
        assertTrue(html.contains("<svg"), "inline charts");
        assertSelfContainedVersion(html, Lang.FR, "uc6.html");
        for (String area : Uc6Sample.AREAS) {
            assertTrue(section(html, "alertes").contains("<td>" + area + "</td>"), area);
        }
        assertTrue(html.contains("J+7"), "MAPE by horizon bars");
        assertTrue(section(html, "resume").contains("3,0 % à J+1"), "mape_d1 of the best model as a percentage");
        assertTrue(section(html, "resume").contains("100,0 % des jours de pointe (47 sur 47)"));
        assertTrue(html.contains("<td>fausse alerte</td>"), "an alert without a real cold peak");
        assertTrue(html.contains("e(J,k) = 0,80 °C × (z1 + … + zk)"), "the noise model is stated in French");
        assertTrue(html.contains("1,13 °C à J+2") || html.contains("2,12 °C à J+7"), "the error at D+7");
        assertTrue(html.contains(PageFixtures.COMMIT), "provenance commit");
        assertTrue(section(html, "modeles").contains("<li>degree-day : régression sur les degrés-jours"),
                "a model's method in the page's language");
    }

    @Test
    void thresholdsReadInMegawattHoursPerDayWithOneDecimal() {
        String html = Uc6Page.render(Uc6Sample.data(), Lang.FR);
        String alerts = section(html, "alertes");
        // GA-99002: capacity 2 584 512.3456789 kWh/day, P95 threshold 0.8712345678 of it, the cold-peak level the
        // capacity itself.
        assertTrue(alerts.contains("<tr><td>GA-99002</td><td class=\"num\" data-count-of=\"gas delivery points\">"
                + "48</td><td class=\"num\">2584,5</td><td class=\"num\">2251,7</td><td class=\"num\">2584,5</td>"
                + "</tr>"), alerts);
        assertTrue(alerts.contains("Seuil de pointe P95 (MWh/j)"));
        assertFalse(html.contains("2584512.3456789"), "no unrounded threshold, not even in the provenance");
        assertFalse(html.contains("peak_thresholds_kwh"));
        assertFalse(html.contains("cold_peak_levels_kwh"));
        assertEquals("2251.7", Uc6Page.mwh(2_251_712.4));
    }

    @Test
    void theCriteriaTableNamesEachCriterionForAReader() {
        String criteria = section(Uc6Page.render(Uc6Sample.data(), Lang.FR), "criteres");
        for (String header : List.of("Critère", "Modèle", "Cible", "Mesuré", "IC 90 % (n)", "Statut")) {
            assertTrue(criteria.contains(">" + HtmlPage.escape(header) + "</th>"), header);
        }
        assertTrue(criteria.contains("<td>" + MetricLabels.label("mape_d1", Lang.FR) + "</td>"));
        assertTrue(criteria.contains("≤ 4,0 %"), "operator and target in one cell");
        assertTrue(criteria.contains("[2,7 % ; 3,3 %] n = 120<"), "the interval of the D+1 MAPE on 120 days");
        assertTrue(criteria.contains(UseCasePage.met(Lang.FR)));
        String english = section(Uc6Page.render(Uc6Sample.data(), Lang.EN), "criteres");
        assertTrue(english.contains("<td>" + MetricLabels.label("peak_recall", Lang.EN) + "</td>"));
        assertTrue(english.contains(UseCasePage.met(Lang.EN)));
    }

    @Test
    void theFrenchPageIsWhollyFrenchAndTheEnglishPageWhollyEnglish() {
        String french = Uc6Page.render(Uc6Sample.data(), Lang.FR);
        String english = Uc6Page.render(Uc6Sample.data(), Lang.EN);
        assertTrue(french.contains("<html lang=\"fr\">"));
        assertTrue(english.contains("<html lang=\"en\">"));
        assertTrue(french.contains("<a href=\"../en/uc6.html\" hreflang=\"en\""), "the switch to English");
        assertTrue(english.contains("<a href=\"../fr/uc6.html\" hreflang=\"fr\""), "the switch to French");

        String fr = pageText(french);
        String en = pageText(english);
        for (String word : List.of("En résumé", "Prévision J+1 contre réalisé", "Réalisé", "Seuil de pointe (P95)",
                "Jours de pointe réels", "Seuils par zone", "Niveau de pointe de froid", "fausse alerte",
                "Températures prévues (modèle de bruit) : la moyenne journalière prévue", "Gain face aux degrés-jours",
                "Seules sont publiées")) {
            assertTrue(fr.contains(HtmlPage.escape(word)), "French page: " + word);
            assertFalse(en.contains(HtmlPage.escape(word)), "English page without: " + word);
        }
        for (String word : List.of("In short", "D+1 forecast vs actual", "Actual", "Peak threshold (P95)",
                "Actual peak days", "Thresholds by area", "Cold-peak level", "false alert",
                "Forecast temperatures (noise model): the daily mean forecast", "Skill against degree days",
                "Only areas")) {
            assertTrue(en.contains(HtmlPage.escape(word)), "English page: " + word);
            assertFalse(fr.contains(HtmlPage.escape(word)), "French page without: " + word);
        }
        assertTrue(fr.contains("<th>Zone</th>"));
        assertFalse(en.contains("<th>Zone</th>"), "an area, in English");
        // The noise-model step, and every other sentence of the page's own, stays in one language.
        for (String english1 : List.of(" the ", " of ", " and ", " day", " · ")) {
            assertFalse(fr.contains(english1), "French page without \"" + english1 + "\"");
        }
        for (String french1 : List.of(" les ", " des ", " et ", " jour", " · ")) {
            assertFalse(en.contains(french1), "English page without \"" + french1 + "\"");
        }
        for (String code : List.of("mape_d1", "peak_recall", "skill_vs_degree_day", "rmse_kwh", "cold_peak")) {
            assertFalse(fr.contains(code), code);
            assertFalse(en.contains(code), code);
        }
    }

    @Test
    void theMethodComesFromTheTextOfThePagesLanguage() {
        String french = section(Uc6Page.render(Uc6Sample.data(), Lang.FR), "methode");
        String english = section(Uc6Page.render(Uc6Sample.data(), Lang.EN), "methode");
        assertTrue(english.contains("<li>One row per gas distribution area, issue day D and horizon h = 1..7: the "
                + "forecast issued on day D uses only"), "method.en.txt, its lines joined");
        assertTrue(english.contains("e(D,k) = 0.80 °C × (z1 + … + zk), each z_j a standard normal draw from a hash "
                + "of (seed 42, station, D, j); standard deviation 0.80 °C at D+1, 1.39 °C at D+3, 2.12 °C at D+7."));
        assertTrue(french.contains("; écart type 0,80 °C à J+1, 1,39 °C à J+3, 2,12 °C à J+7.</li>"));
        assertEquals(count(french, "<li>"), count(english, "<li>"), "the same steps in both languages");
    }

    @Test
    void theSummarySaysWhenColdPeakAlertsWereFalse() {
        // The sample: six alerts, no day above the cold-peak level.
        String french = summary(Uc6Sample.result(), Lang.FR);
        assertTrue(french.contains("Fausses alertes : 6 alertes de pointe de froid ont été émises sur la période de "
                + "test"), french);
        assertTrue(french.contains("toutes sont fausses"), french);
        String english = summary(Uc6Sample.result(), Lang.EN);
        assertTrue(english.contains("False alerts: 6 cold-peak alerts were issued in the test period"), english);

        // Four alerts, four cold peaks, all announced: no false alert to report.
        String right = summary(withBest(Uc6Sample.test(0.03, 0.1, 50_000, 0.1, 1.0, 0.8, 4, 4, 1.0)), Lang.FR);
        assertFalse(right.contains("Fausses alertes"), right);
        assertTrue(right.contains("ont toutes été suivies d&#39;un dépassement réel"), right);
        assertFalse(summary(withBest(Uc6Sample.test(0.03, 0.1, 50_000, 0.1, 1.0, 0.8, 4, 4, 1.0)), Lang.EN)
                .contains("False alerts"));

        // Five alerts, three right: two false ones.
        String some = summary(withBest(Uc6Sample.test(0.03, 0.1, 50_000, 0.1, 1.0, 0.8, 5, 3, 0.6)), Lang.FR);
        assertTrue(some.contains("Fausses alertes : sur les 5 alertes de pointe de froid de la période de test, 2 "
                + "n&#39;ont été suivies d&#39;aucun dépassement réel"), some);
        String someEn = summary(withBest(Uc6Sample.test(0.03, 0.1, 50_000, 0.1, 1.0, 0.8, 5, 3, 0.6)), Lang.EN);
        assertTrue(someEn.contains("False alerts: of the 5 cold-peak alerts of the test period, 2 were followed by "
                + "no real exceedance"), someEn);

        // No alert at all.
        String none = summary(withBest(Uc6Sample.test(0.03, 0.1, 50_000, 0.1, 1.0, 0.8, 0, 0, Double.NaN)), Lang.FR);
        assertFalse(none.contains("Fausses alertes"), none);
        assertTrue(none.contains("Aucune alerte de pointe de froid et aucun dépassement réel"), none);
    }

    @Test
    void theSummarySaysWhenTheSelectedModelIsNoBetterThanTheDegreeDayBaseline() {
        // The sample: the convex model's test RMSE 62.5 MWh/day, the degree-day baseline's 61.2.
        String french = summary(Uc6Sample.result(), Lang.FR);
        assertTrue(french.contains("Le modèle retenu ne fait pas mieux que la référence degrés-jours : sur la période "
                + "de test, son erreur quadratique moyenne (RMSE) est de 62,5 MWh/j contre 61,2 MWh/j pour la "
                + "régression degrés-jours (gain de -2,1 %)."), french);
        String english = summary(Uc6Sample.result(), Lang.EN);
        assertTrue(english.contains("The selected model does no better than the degree-day baseline: over the test "
                + "period, its root mean squared error (RMSE) is 62.5 MWh/day against 61.2 MWh/day"), english);

        // Better than the baseline: said the other way round.
        String better = summary(withBest(Uc6Sample.test(0.03, 0.1, 55_000, 0.1, 1.0, 0.8, 0, 0, Double.NaN)),
                Lang.FR);
        assertFalse(better.contains("ne fait pas mieux"), better);
        assertTrue(better.contains("Il fait mieux que la référence degrés-jours"), better);
        assertFalse(summary(withBest(Uc6Sample.test(0.03, 0.1, 55_000, 0.1, 1.0, 0.8, 0, 0, Double.NaN)), Lang.EN)
                .contains("does no better"));

        // Without the baseline in the result, the skill tells.
        UseCaseResult alone = Uc6Sample.result(Uc6Sample.BEST, List.of(Uc6Sample.model(Uc6Sample.BEST,
                Uc6Sample.test(0.03, 0.1, 55_000, -0.05, 1.0, 0.8, 0, 0, Double.NaN), 0.03)));
        assertTrue(summary(alone, Lang.FR).contains("ne fait pas mieux que la référence degrés-jours sur l&#39;erreur "
                + "quadratique moyenne (RMSE) de la période de test : son gain face à elle est de -5,0 %."));

        // The baseline selected: nothing to compare.
        UseCaseResult baseline = Uc6Sample.result("degree-day", Uc6Sample.result().models());
        String itself = summary(baseline, Lang.FR);
        assertFalse(itself.contains("ne fait pas mieux"), itself);
        assertFalse(itself.contains("fait mieux que la référence"), itself);
    }

    @Test
    void eachModelsMethodIsWordedInThePagesLanguage() {
        String fr = Uc6Page.render(Uc6Sample.data(), Lang.FR);
        String en = Uc6Page.render(Uc6Sample.data(), Lang.EN);
        assertTrue(fr.contains("courbe convexe des degrés-jours"), "French method on the French page");
        assertFalse(fr.contains("convex degree-day curve"));
        assertTrue(en.contains("convex degree-day curve"), "English method on the English page");
        assertFalse(en.contains("courbe convexe"));
    }

    @Test
    void anInsufficientDataOutcomeRendersItsReasonWithoutCharts() {
        UseCaseResult insufficient = PageFixtures.withoutModels(Uc6Sample.UC6, "status", "insufficient data: 40 days");
        Uc6PageData data = new Uc6PageData(Uc6Sample.UC6, insufficient, Map.of(), PageFixtures.REGION, Map.of(),
                Map.of(), null,
                "insufficient data: 40 days", null, Map.of(), List.of(), List.of(), null);
        String french = Uc6Page.render(data, Lang.FR);
        assertTrue(french.contains("« 40 days »"), "an unknown reason of the run, quoted");
        assertTrue(french.contains("Aucun modèle n&#39;a été entraîné"));
        assertTrue(french.contains(HtmlPage.escape(Uc6Page.noFocus(Lang.FR))));
        assertTrue(french.contains("Aucun des 2 critères n&#39;est atteint."));
        assertTrue(french.contains("Aucune zone publiable."), "no empty area table");
        assertFalse(french.contains("Seuils par zone"));
        assertFalse(french.contains("<svg"));
        String english = Uc6Page.render(data, Lang.EN);
        assertTrue(english.contains("No model was trained"));
        assertTrue(english.contains(HtmlPage.escape(Uc6Page.noFocus(Lang.EN))));
        assertTrue(english.contains("None of the 2 criteria is met."));
        assertFalse(english.contains("<svg"));
    }

    @Test
    void theRunsReasonsForNoModelAreWordedInTheirLanguage() {
        String tooFew = "insufficient data: uc6 needs at least 120 target days (60 for training, then validation and "
                + "test), the feature table has 45 (2024-04-10..2024-05-24); generate more days";
        assertEquals("Données insuffisantes : il faut au moins 120 jours cibles (60 pour l'apprentissage, puis la "
                + "validation et le test) ; la table des variables en a 45 (2024-04-10..2024-05-24). Générer plus de "
                + "jours.", Uc6Page.insufficient(tooFew, Lang.FR));
        assertTrue(Uc6Page.insufficient(tooFew, Lang.EN).startsWith("Insufficient data: at least 120 target days"));
        String empty = "insufficient data: the uc6 feature table is empty (no gas area with 28 days of history and a "
                + "later metered day)";
        assertTrue(Uc6Page.insufficient(empty, Lang.FR).contains("aucune zone gaz n'a 28 jours d'historique"));
    }

    /** The sample's result with the selected model's test metrics replaced. */
    private static UseCaseResult withBest(Map<String, Object> test) {
        List<UseCaseResult.ModelEntry> models = Uc6Sample.result().models().stream()
                .map(m -> m.name().equals(Uc6Sample.BEST) ? Uc6Sample.model(m.name(), test, 0.029) : m)
                .toList();
        return Uc6Sample.result(Uc6Sample.BEST, models);
    }
}

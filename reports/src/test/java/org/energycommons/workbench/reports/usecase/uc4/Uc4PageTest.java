/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc4;

import org.energycommons.workbench.reports.render.Lang;
import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uc4 page: every section in order, criteria, charts, tables, data and provenance, formatted once. */
class Uc4PageTest {

    private static final String BEST = "gbt-mllib";

    private static Map<String, Object> metrics(double mape, double rmse, double skill, double coverage,
                                               Double recall, Double precision) {
        return PageFixtures.metrics("rows", 4380L, "mape", mape, "rmse", rmse, "skill_vs_persistence", skill,
                "coverage_p10_p90", coverage, "congestion_recall", recall, "congestion_precision", precision,
                "congestion_hours", 14L, "alert_hours", 22L);
    }

    static UseCaseResult result() {
        UseCase uc = UseCases.UC4;
        List<UseCaseResult.ModelEntry> models = List.of(
                model("persistence", "engine", "persistence-20250101-a1b2", metrics(0.091, 20.04, 0.0, 0.81, 0.5, 0.4),
                        metrics(0.088, 19.5, 0.0, 0.8, 0.5, 0.4), Map.of()),
                model(BEST, "spark-mllib", "gbt-mllib-20250101-c3d4", metrics(0.0432, 13.0, 0.3512, 0.824, 0.65, 0.712),
                        metrics(0.041, 12.66, 0.36, 0.8, 0.7, 0.7), Map.of("trees", "200")),
                model("gbt-smile-quantile", "smile", "gbt-smile-quantile-20250101-e5f6",
                        metrics(0.0501, 14.2, 0.29, 0.951, 0.7, null), metrics(0.049, 13.9, 0.3, 0.9, 0.7, 0.6),
                        Map.of()));
        return PageFixtures.result(uc, BEST, models, Map.of("lake/silver/meter_readings", 12L),
                "seed", 42, "started", "2025-01-15T09:29:58.123Z");
    }

    static Uc4PageData.FocusSeries focus() {
        int n = 48;
        long start = Instant.parse("2024-11-04T23:00:00Z").toEpochMilli();
        long[] t = new long[n];
        double[] actual = new double[n];
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 3_600_000L;
            double base = 220 + 90 * Math.sin((i % 24 - 7) * Math.PI / 12) + (i % 24 == 19 ? 60 : 0);
            p50[i] = base;
            p10[i] = base - 25;
            p90[i] = base + 25;
            actual[i] = base + 18 * Math.sin(i * 1.7);
        }
        actual[30] = Double.NaN;
        return new Uc4PageData.FocusSeries("PS-0042", 37, 400.0, BEST, t, actual, p10, p50, p90);
    }

    static Uc4PageData data(Uc4PageData.FocusSeries focus) {
        Map<String, double[]> byHour = new HashMap<>();
        String[] names = {"gbt-smile-quantile", "persistence", BEST};
        for (int m = 0; m < names.length; m++) {
            double[] v = new double[24];
            for (int h = 0; h < 24; h++) {
                v[h] = 0.03 + 0.01 * m + 0.02 * Math.abs(Math.sin(h * Math.PI / 24));
            }
            byHour.put(names[m], v);
        }
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("lake/silver/meter_readings", 12L);
        tables.put("lake/gold/uc4_features", 3L);
        Map<String, String> split = new LinkedHashMap<>();
        split.put("train", "2023-01-01 → 2024-06-30");
        split.put("validation", "2024-07-01 → 2024-09-30");
        split.put("test", "2024-10-01 → 2024-12-31");
        Map<String, String> intervals = new LinkedHashMap<>();
        intervals.put("persistence", "quantiles empiriques des résidus de validation");
        intervals.put(BEST, "résidus conformes calibrés sur la validation");
        intervals.put("gbt-smile-quantile", "régression quantile (perte pinball) P10 et P90");
        List<Uc4PageData.SubstationRow> subs = List.of(
                new Uc4PageData.SubstationRow("PS-0042", 37, 400, 0.0391, 11.84, 0.83, 14, 22),
                new Uc4PageData.SubstationRow("PS-0107", 12, 250, 0.0577, 9.05, 0.79, 0, 3));
        return new Uc4PageData(UseCases.UC4, result(), tables,
                "région synthétique, graine 42, 300 compteurs, 730 jours", split, intervals, focus, byHour, subs,
                "2025-01-15T09:30:00Z");
    }

    @Test
    void rendersEverySection() {
        String html = Uc4Page.render(data(focus()), Lang.FR);
        writeSample("uc4.html", html);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>" + HtmlPage.escape(UseCases.UC4.title()) + "</title>"));
        assertTrue(html.contains(HtmlPage.escape(UseCases.UC4.titleEn())));
        assertTrue(html.contains("généré le · generated 2025-01-15 09:30:00 UTC"), "one timestamp format");
        assertTrue(html.contains("<a href=\"index.html\""), "back to the index");
        assertTrue(html.contains("<a href=\"uc1.html\"") && html.contains("<strong aria-current=\"page\""),
                "the other use cases linked, this one marked");
        assertTrue(html.contains(HtmlPage.escape(UseCases.UC4.question())), "question");
        for (String heading : List.of("Critères de succès", "Prévision contre réalisé", "Erreur par heure",
                "Modèles", "Postes", "Données", "Provenance")) {
            assertTrue(html.contains("<h2>" + HtmlPage.escape(heading)), heading);
        }
        assertTrue(html.contains("Forecast vs actual</small></h2>"));
        // sections in the specified order
        int previous = -1;
        for (String id : List.of("resume", "criteres", "prevision", "erreur-heure", "modeles", "postes", "donnees",
                "provenance")) {
            int at = html.indexOf("<section id=\"" + id + "\">");
            assertTrue(at > previous, "section " + id + " in order");
            previous = at;
        }
        assertTrue(html.contains(UseCasePage.footer(Lang.FR)));
    }

    @Test
    void summaryStatesBestModelFiguresAndCriteriaCount() {
        String html = Uc4Page.render(data(focus()), Lang.FR);
        String summary = section(html, "resume");
        assertTrue(summary.contains(BEST), summary);
        assertTrue(summary.contains("4.3 %"), "test MAPE as a percentage");
        assertTrue(summary.contains("35.1 %"), "skill as a percentage");
        assertTrue(summary.contains("4 critères de succès sur 5"), summary);
    }

    @Test
    void criteriaTableShowsEachCriterionAndItsStatus() {
        UseCaseResult result = result();
        String html = Uc4Page.render(data(focus()), Lang.FR);
        int from = html.indexOf("<section id=\"criteres\">");
        for (Criterion.Result c : result.criteria()) {
            int row = html.indexOf("<tr><td>" + c.metric() + "</td><td>" + c.model() + "</td>", from);
            assertTrue(row > 0, "row of " + c);
            String cells = html.substring(row, html.indexOf("</tr>", row));
            assertTrue(cells.contains(c.met() ? UseCasePage.met(Lang.FR) : UseCasePage.notMet(Lang.FR)), cells);
            assertFalse(cells.contains(c.met() ? UseCasePage.notMet(Lang.FR) : UseCasePage.met(Lang.FR)), cells);
            from = row + 1;
        }
        assertEquals(4, result.criteria().stream().filter(Criterion.Result::met).count());
        assertTrue(html.contains("<td>mape</td><td>gbt-mllib</td><td>≤</td><td class=\"num\">10.0 %</td>"
                + "<td class=\"num\">4.3 %</td>"));
        assertTrue(html.contains("<td>congestion_recall</td><td>gbt-mllib</td><td>≥</td><td class=\"num\">0.700</td>"
                + "<td class=\"num\">0.650</td><td>—</td><td>" + UseCasePage.notMet(Lang.FR) + "</td>"),
                "no interval: a dash");
        assertTrue(html.contains("<span class=\"badge ko\">&#10007; 4/5 critères atteints"), "overall status");
    }

    @Test
    void chartsAreInlineAndSelfContained() {
        String html = Uc4Page.render(data(focus()), Lang.FR);
        assertTrue(count(html, "<svg") >= 2, "one svg per chart");
        assertTrue(html.contains("Réalisé"));
        assertTrue(html.contains("Prévision P50 gbt-mllib"));
        assertTrue(html.contains("P10–P90"));
        assertTrue(html.contains("372.0 kW (cos φ 0.93)"), "capacity line at 400 kVA × 0.93");
        assertTrue(html.contains("Poste PS-0042, 37 compteurs, du 2024-11-05 00:00 au 2024-11-06 23:00"),
                "caption with substation, meters and period");
        assertSelfContained(html);
    }

    @Test
    void modelsSubstationsDataAndProvenance() {
        String html = Uc4Page.render(data(focus()), Lang.FR);
        for (String model : List.of("persistence", BEST, "gbt-smile-quantile")) {
            assertTrue(html.contains(model), model);
        }
        // models table: best starred, MAPE in %, RMSE in kW with 1 decimal, ratios with 3 decimals, NaN as a dash
        assertTrue(html.contains("<td>★ gbt-mllib</td><td>spark-mllib</td><td class=\"num\">4.3</td>"
                + "<td class=\"num\">13.0</td><td class=\"num\">35.1</td><td class=\"num\">82.4</td><td>—</td>"
                + "<td class=\"num\">0.650</td><td class=\"num\">0.712</td><td class=\"num\">12.7</td>"), html);
        assertTrue(html.contains("<td>gbt-smile-quantile</td><td>smile</td><td class=\"num\">5.0</td>"));
        assertTrue(html.contains("<td class=\"num\">0.700</td><td class=\"num\">—</td>"), "missing precision, aligned");
        assertTrue(html.contains("nominal coverage of the P10–P90 interval is 80 %"));
        assertTrue(html.contains("gbt-smile-quantile : régression quantile (perte pinball) P10 et P90"));
        // substations
        assertTrue(html.contains("<td>PS-0042</td><td class=\"num\">37</td><td class=\"num\">400</td>"
                + "<td class=\"num\">3.9</td><td class=\"num\">11.8</td><td class=\"num\">83.0</td>"
                + "<td class=\"num\">14</td><td class=\"num\">22</td>"));
        assertTrue(html.contains("<td>PS-0107</td>"));
        assertTrue(html.contains("D.111-52"));
        // data
        assertTrue(html.contains("région synthétique, graine 42"));
        assertTrue(html.contains("<dt>validation</dt><dd>2024-07-01 → 2024-09-30</dd>"));
        assertTrue(html.contains("<td>lake/silver/meter_readings</td><td class=\"num\">12</td>"));
        assertTrue(html.contains("<td>lake/gold/uc4_features</td><td class=\"num\">3</td>"));
        // provenance: run, commit, libraries, input tables, the rest one level flattened, and model ids
        assertTrue(html.contains("<dt>Commit</dt><dd>" + PageFixtures.COMMIT + "</dd>"));
        assertTrue(html.contains("<dt>Exécution · Run id</dt><dd>" + PageFixtures.RUN_ID + "</dd>"));
        assertTrue(html.contains("<dt>spark</dt><dd>3.5.1</dd>"));
        assertTrue(html.contains("<dt>seed</dt><dd>42</dd>"));
        assertTrue(html.contains("<dt>started</dt><dd>2025-01-15 09:29:58 UTC</dd>"), "one timestamp format");
        assertTrue(html.contains("<dt>gbt-smile-quantile</dt><dd>gbt-smile-quantile-20250101-e5f6</dd>"));
    }

    @Test
    void theBacktestSectionShowsOriginsLeadTimesAndSubstations() {
        Uc4PageData base = data(focus());
        Uc4PageData.Backtest bt = new Uc4PageData.Backtest("rolling origin, refit at each origin",
                List.of(new Uc4PageData.OriginRow("2024-07-01", "2024-07-01..2024-08-15", BEST, 1080, 0.061,
                        7.25, 0.41, 0.78, 2.5, 6.125)),
                new int[] {14, 15, 16}, Map.of(BEST, new double[] {0.05, 0.06, 0.07}),
                Map.of(BEST, new double[] {5.0, 6.0, 7.0}), BEST,
                List.of(new Uc4PageData.BacktestSubstation("PS-0042", 37, 0.052, 8.5, 6.4, 0.81)));
        String html = Uc4Page.render(new Uc4PageData(base.useCase(), base.result(), base.tables(),
                base.region(), base.split(), base.intervalMethods(), base.focus(), base.mapeByHour(),
                base.substations(), base.generatedAt(), bt), Lang.FR);
        String section = section(html, "backtest");
        assertEquals(3, count(section, "<svg"), "MAPE and CRPS by lead time, MAPE by substation");
        assertTrue(section.contains("<td>2024-07-01</td><td>2024-07-01..2024-08-15</td><td>" + BEST + "</td>"
                + "<td class=\"num\">1080</td><td class=\"num\">6.1</td><td class=\"num\">7.3</td>"), section);
        assertTrue(section.contains("<td class=\"num\">6.13</td>") || section.contains("<td class=\"num\">6.12</td>"),
                "CRPS with two decimals");
        assertTrue(section.contains("<td>PS-0042</td><td class=\"num\">37</td><td class=\"num\">5.2</td>"));
        String without = Uc4Page.render(base, Lang.FR);
        assertTrue(without.contains("The backtest was not run."));
    }

    @Test
    void errorByHourFollowsModelOrder() {
        String html = Uc4Page.render(data(focus()), Lang.FR);
        String section = section(html, "erreur-heure");
        assertEquals(1, count(section, "<svg"));
        assertTrue(section.contains(">23<"), "hour categories 00..23");
    }

    @Test
    void nullFocusGivesTheSecrecySentence() {
        String html = Uc4Page.render(data(null), Lang.FR);
        assertTrue(html.contains(HtmlPage.escape(Uc4Page.NO_FOCUS)));
        assertEquals(1, count(html, "<svg"), "only the error-by-hour chart");
        assertTrue(html.contains("<section id=\"postes\">"));
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

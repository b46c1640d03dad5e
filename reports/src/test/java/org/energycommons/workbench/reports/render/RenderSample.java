/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.energycommons.workbench.reports.render.SvgCharts.Band;
import org.energycommons.workbench.reports.render.SvgCharts.BarChart;
import org.energycommons.workbench.reports.render.SvgCharts.BarSeries;
import org.energycommons.workbench.reports.render.SvgCharts.HorizontalLine;
import org.energycommons.workbench.reports.render.SvgCharts.ScatterChart;
import org.energycommons.workbench.reports.render.SvgCharts.Series;
import org.energycommons.workbench.reports.render.SvgCharts.TimeSeriesChart;
import org.energycommons.workbench.reports.render.SvgCharts.XySeries;

/**
 * A demonstration page with one chart of each kind, built from synthetic, deterministic data.
 *
 * <p>Run {@code main} to write it (default {@code /tmp/render-sample.html}) and look at the rendering.
 */
public final class RenderSample {

    private RenderSample() {
    }

    /**
     * Writes the sample page.
     *
     * @param args optional output path
     * @throws IOException if the page cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/render-sample.html");
        Files.writeString(out, page(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The sample page. */
    static String page() {
        return HtmlPage.create("Tableau de bord — démonstration du rendu", "fr")
                .subtitle("Données synthétiques, 7 jours au pas horaire (heure de Paris)")
                .section("courbe", "Courbe de charge")
                .paragraph("Consommation observée, prévision et intervalle P10–P90; la ligne pointillée est la "
                        + "puissance souscrite. Les heures manquantes sont des trous, pas des zéros.")
                .figure(SvgCharts.timeSeries(timeSeriesSpec()), "Figure 1 — Puissance appelée (kW)")
                .status(true, "Puissance souscrite respectée")
                .status(false, "Objectif de MAPE < 5 % non atteint")
                .section("profils", "Profils mensuels")
                .figure(SvgCharts.bars(barSpec()), "Figure 2 — Énergie mensuelle par usage (MWh)")
                .table(List.of("Mois", "Chauffage (MWh)", "Éclairage (MWh)", "Note"), List.of(
                        List.of("Janvier", "412.5", "88.1", "hiver <froid> & sec"),
                        List.of("Février", "1 204,3", "79.6", ""),
                        List.of("Mars", "-3.2", "12 %", "révisé")))
                .section("qualite", "Qualité de la prévision")
                .figure(SvgCharts.scatter(scatterSpec()), "Figure 3 — Prévu contre observé (kW)")
                .keyValues(sampleMetrics())
                .heading(3, "Sources")
                .list(List.of("Relevés horaires synthétiques", "Météo synthétique"))
                .link("index.html", "Retour à l'index")
                .footer("Energy Commons Workbench — GPL-3.0-or-later")
                .render();
    }

    private static Map<String, String> sampleMetrics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MAPE", "6.2 %");
        m.put("RMSE", "14.8 kW");
        m.put("Biais", "−1.1 kW");
        return m;
    }

    static TimeSeriesChart timeSeriesSpec() {
        int n = 24 * 7;
        long start = Instant.parse("2024-03-25T00:00:00Z").toEpochMilli(); // spans the switch to summer time
        long[] t = new long[n];
        double[] observed = new double[n];
        double[] forecast = new double[n];
        double[] p10 = new double[n];
        double[] p90 = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 3_600_000L;
            double daily = Math.sin((i % 24 - 6) / 24.0 * 2 * Math.PI);
            forecast[i] = 120 + 60 * daily;
            observed[i] = forecast[i] + 12 * Math.sin(i * 0.7) + 5 * Math.cos(i * 1.3);
            p10[i] = forecast[i] - 18;
            p90[i] = forecast[i] + 18;
        }
        for (int i = 50; i < 58; i++) {
            observed[i] = Double.NaN;
        }
        p10[100] = Double.NaN;
        return new TimeSeriesChart("Puissance appelée — site démonstration", "kW",
                List.of(new Series("Observé", t, observed), new Series("Prévision", t, forecast)),
                List.of(new Band("P10–P90", t, p10, p90)),
                List.of(new HorizontalLine("Puissance souscrite 200 kW", 200)),
                SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT);
    }

    static BarChart barSpec() {
        List<String> months = List.of("jan", "fév", "mar", "avr", "mai", "jun",
                "jul", "aoû", "sep", "oct", "nov", "déc");
        double[] heating = {412, 380, 300, 180, 60, 0, 0, 0, 40, 150, 290, 400};
        double[] lighting = {88, 80, 72, 60, 50, 45, Double.NaN, 47, 58, 70, 82, 90};
        double[] it = {120, 118, 121, 119, 122, 125, 110, 90, 124, 123, 121, 120};
        return new BarChart("Énergie mensuelle par usage", "Mois (2024)", "MWh", months,
                List.of(new BarSeries("Chauffage", heating), new BarSeries("Éclairage", lighting),
                        new BarSeries("Informatique", it)));
    }

    static ScatterChart scatterSpec() {
        int n = 150;
        double[] actual = new double[n];
        double[] predicted = new double[n];
        double[] actual2 = new double[n];
        double[] predicted2 = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = 40 + 1.2 * i;
            predicted[i] = actual[i] + 15 * Math.sin(i * 12.9898) * Math.cos(i * 4.1414);
            actual2[i] = 60 + 1.1 * i;
            predicted2[i] = 0.9 * actual2[i] + 10 + 8 * Math.cos(i * 7.77);
        }
        predicted[10] = Double.NaN;
        return new ScatterChart("Prévu contre observé", "Observé (kW)", "Prévu (kW)",
                List.of(new XySeries("Gradient boosting", actual, predicted),
                        new XySeries("Régression linéaire", actual2, predicted2)),
                true);
    }
}

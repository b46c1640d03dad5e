/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser check finds each kind of problem it is there for (a table too wide, a console error, a network
 * request, a figure without its chart) and passes a sound page: a check that cannot fail would prove nothing.
 */
class HeadlessBrowserTest {

    private static HeadlessBrowser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        browser = Browsers.required();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static HtmlPage page() {
        return HtmlPage.create("Page de test", "fr").section("a", "Section")
                .table(List.of("Poste", "Charge (kW)"), List.of(List.of("Poste des Tilleuls", "412.5")))
                .figure(SvgCharts.bars(new SvgCharts.BarChart("Barres", "poste", "kW", List.of("a", "b"),
                        List.of(new SvgCharts.BarSeries("charge", new double[] {1, 2})))), "Une figure");
    }

    private List<String> check(String name, String html) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, html);
        return browser.check(file, null);
    }

    @Test
    void aSoundPageHasNoProblem() throws IOException {
        assertEquals(List.of(), check("sound.html", page().render()));
    }

    @Test
    void findsATableTooWideForThePage() throws IOException {
        List<String> headers = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            headers.add("c" + c);
            row.add("1234567.891");
        }
        List<String> problems = check("wide.html", page().table(headers, List.of(row)).render());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("table")), problems.toString());
    }

    @Test
    void findsAConsoleError() throws IOException {
        List<String> problems = check("error.html",
                page().html("<script>throw new Error('boom in the page')</script>").render());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("console error") && p.contains("boom")),
                problems.toString());
    }

    @Test
    void findsANetworkRequest() throws IOException {
        List<String> problems = check("request.html",
                page().html("<img alt=\"\" src=\"https://tiles.example.invalid/1/2/3.png\">").render());
        assertTrue(problems.contains("network request: https://tiles.example.invalid/1/2/3.png"),
                problems.toString());
    }

    @Test
    void findsAFigureWithoutItsChart() throws IOException {
        List<String> problems = check("figure.html", page().figure("", "Une figure vide").render());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Une figure vide") && p.contains("no drawn SVG")),
                problems.toString());
    }
}

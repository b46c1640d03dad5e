/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void documentSkeleton() {
        String html = HtmlPage.create("Rapport", "fr").paragraph("x").render();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"), html);
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("<title>Rapport</title>"));
        assertTrue(html.contains("<style>") && html.contains("max-width:1100px"));
        assertTrue(html.contains("<h1>Rapport</h1>"));
        assertTrue(html.trim().endsWith("</html>"));
        HtmlAssertions.assertSelfContained(html);
    }

    @Test
    void textIsEscaped() {
        String html = HtmlPage.create("A & B <script>alert(1)</script>", "fr")
                .subtitle("<b>sub</b>")
                .heading(2, "H <i>")
                .paragraph("<script>alert('x')</script> & co")
                .list(List.of("<li>"))
                .keyValues(Map.of("<k>", "v & w"))
                .table(List.of("<th>"), List.of(List.of("<td> & \"q\"")))
                .status(true, "<ok>")
                .footer("© <footer>")
                .render();
        assertFalse(html.contains("<script>"), "no live script element");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
        assertTrue(html.contains("<title>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assertTrue(html.contains("&lt;b&gt;sub&lt;/b&gt;"));
        assertTrue(html.contains("<h2>H &lt;i&gt;</h2>"));
        assertTrue(html.contains("<li>&lt;li&gt;</li>"));
        assertTrue(html.contains("<dt>&lt;k&gt;</dt><dd>v &amp; w</dd>"));
        assertTrue(html.contains("&lt;td&gt; &amp; &quot;q&quot;"));
        assertTrue(html.contains("&lt;ok&gt;"));
        assertTrue(html.contains("© &lt;footer&gt;"));
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlPage.escape("<a href=\"x\">&'"));
        assertEquals("", HtmlPage.escape(null));
    }

    @Test
    void rawHtmlIsKeptAsIs() {
        String html = HtmlPage.create("t", "en").html("<div class=\"note\"><em>raw</em></div>").render();
        assertTrue(html.contains("<div class=\"note\"><em>raw</em></div>"));
    }

    @Test
    void sectionsAreClosed() {
        String html = HtmlPage.create("t", "fr")
                .paragraph("intro")
                .section("un", "Premier")
                .paragraph("a")
                .section("deux", "Second")
                .paragraph("b")
                .section("trois", null)
                .paragraph("c")
                .render();
        assertEquals(3, HtmlAssertions.count(html, "<section "));
        assertEquals(3, HtmlAssertions.count(html, "</section>"));
        assertTrue(html.indexOf("<section id=\"un\">") < html.indexOf("</section>"));
        assertTrue(html.indexOf("</section>") < html.indexOf("<section id=\"deux\">"));
        assertTrue(html.lastIndexOf("</section>") < html.indexOf("</main>"));
        assertTrue(html.contains("<section id=\"un\">\n<h2>Premier</h2>"));

        // balanced: never two open sections at once
        int depth = 0;
        Matcher m = Pattern.compile("<section |</section>").matcher(html);
        while (m.find()) {
            depth += m.group().startsWith("</") ? -1 : 1;
            assertTrue(depth == 0 || depth == 1, "sections never nest");
        }
        assertEquals(0, depth);

        String none = HtmlPage.create("t", "fr").paragraph("x").render();
        assertEquals(0, HtmlAssertions.count(none, "</section>"));
    }

    @Test
    void renderDoesNotChangeTheBuilder() {
        HtmlPage page = HtmlPage.create("t", "fr").section("a", "A").paragraph("x");
        String first = page.render();
        assertEquals(first, page.render());
        String more = page.paragraph("y").render();
        assertEquals(1, HtmlAssertions.count(more, "</section>"));
        assertTrue(more.indexOf("<p>y</p>") < more.indexOf("</section>"));
    }

    @Test
    void countCellsNameTheirPopulationAndMarkASuppressedCount() {
        String html = HtmlPage.create("t", "en").table(List.of("Commune", "Dwellings", "F/G"), List.of(
                List.of("A", "91", HtmlPage.suppressedCount(10)), List.of("B", "35", "12")),
                Map.of(1, "dwellings", 2, "dwellings")).render();
        assertTrue(html.contains("<th class=\"num\">Dwellings</th><th class=\"num\">F/G</th>"), html);
        assertTrue(html.contains("<tr><td>A</td><td class=\"num\" data-count-of=\"dwellings\">91</td>"
                + "<td class=\"num\" data-count-of=\"dwellings\" data-suppressed>&lt; 10</td></tr>"), html);
        assertTrue(html.contains("<td class=\"num\" data-count-of=\"dwellings\">12</td>"), html);
        assertEquals("<td class=\"num\" data-count-of=\"public buildings\">3</td>",
                HtmlPage.countCell("3", "public buildings"));
        assertEquals("<td class=\"num\" data-count-of=\"meters\">—</td>", HtmlPage.countCell("—", "meters"));
        assertEquals("moins de 10", HtmlPage.suppressedCount(10, Lang.FR));
        assertEquals("fewer than 10", HtmlPage.suppressedCount(10, Lang.EN));
    }

    @Test
    void numericCellsAreRightAligned() {
        String html = HtmlPage.create("t", "fr")
                .table(List.of("Site", "kWh", "Part"), List.of(
                        List.of("Lyon", "1234.5", "12 %"),
                        List.of("Paris 15e", "1 204,3", "-3.2"),
                        List.of("Nantes", "", "n/a")))
                .render();
        assertTrue(html.contains("<td class=\"num\">1234,5</td>"));
        assertTrue(html.contains("<td class=\"num\">1 204,3</td>"));
        assertTrue(html.contains("<td class=\"num\">12 %</td>"));
        assertTrue(html.contains("<td class=\"num\">-3,2</td>"));
        assertTrue(html.contains("<td>Lyon</td>"));
        assertTrue(html.contains("<td>Paris 15e</td>"));
        assertTrue(html.contains("<td>n/a</td>"));
        assertTrue(html.contains("<td class=\"num\"></td><td>n/a</td>"), "a missing number aligns with its column");
        assertTrue(html.contains("<th class=\"num\">kWh</th>"), "an all-numeric column has a right-aligned header");
        assertTrue(html.contains("<th>Part</th>"), "a column with text keeps a left-aligned header");
        assertTrue(html.contains(".num{text-align:right"), "the class is styled");
        assertTrue(html.contains("tbody tr:nth-child(even)"), "zebra rows");

        assertTrue(HtmlPage.isNumber("1e-3"));
        assertTrue(HtmlPage.isNumber("\u22125"));
        assertTrue(HtmlPage.isNumber("1,234,567.8"));
        assertFalse(HtmlPage.isNumber("2024-01-15"));
        assertTrue(HtmlPage.isNumber("12 kW"), "a unit of the pages, as criteria tables write them");
        assertTrue(HtmlPage.isNumber("0.48 pt"));
        assertFalse(HtmlPage.isNumber("12kW"));
        assertFalse(HtmlPage.isNumber("2 groupes"));
        assertFalse(HtmlPage.isNumber(""));
        assertFalse(HtmlPage.isNumber(null));
    }

    @Test
    void tableValidation() {
        HtmlPage page = HtmlPage.create("t", "fr");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> page.table(List.of("a", "b"), List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> page.table(null, List.of()));
    }

    @Test
    void figureKeyValuesStatusAndLinks() {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("MAPE", "6.2 %");
        kv.put("RMSE", "14.8 kW");
        String svg = SvgCharts.bars(RenderSample.barSpec());
        String html = HtmlPage.create("t", "fr")
                .figure(svg, "Figure 1")
                .keyValues(kv)
                .status(true, "met")
                .status(false, "not met")
                .link("index.html#top", "Index")
                .link("https://example.org/source", "Source")
                .render();
        assertTrue(html.contains("<figure>\n<svg"));
        assertTrue(html.contains("</svg>\n<figcaption>Figure 1</figcaption>\n</figure>"));
        assertTrue(html.indexOf("<dt>MAPE</dt>") < html.indexOf("<dt>RMSE</dt>"), "map order kept");
        assertTrue(html.contains("<span class=\"badge ok\">&#10003; met</span>"));
        assertTrue(html.contains("<span class=\"badge ko\">&#10007; not met</span>"));
        assertTrue(html.contains("<p><a href=\"index.html#top\">Index</a></p>"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr").link("javascript:alert(1)", "x"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr").link(" data:text/html,x", "x"));
    }

    @Test
    void argumentValidation() {
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr").heading(1, "x"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr").heading(5, "x"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr").section("1abc", "x"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr").section("a b", "x"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create(null, "fr"));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "\"><script>"));
    }

    @Test
    void samplePageIsSelfContained() {
        String html = RenderSample.page();
        HtmlAssertions.assertSelfContained(html);
        assertEquals(3, HtmlAssertions.count(html, "<svg"));
        assertEquals(3, HtmlAssertions.count(html, "</section>"));
        assertTrue(html.contains("class=\"num\""));
        assertEquals(html, RenderSample.page(), "reproducible");
    }

    @Test
    void theOtherLanguageIsLinkedAndNoticesStandApart() {
        String html = HtmlPage.create("Titre", "fr")
                .alternate(new HtmlPage.Alternate("../en/uc1.html", "en", "English"))
                .notice("Région <synthétique>")
                .render();
        assertTrue(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../en/uc1.html\">\n<style>"),
                "in the head");
        assertTrue(html.contains("<p class=\"lang\"><a href=\"../en/uc1.html\" hreflang=\"en\" lang=\"en\">English</a>"
                + "</p>"), "the switch, above the navigation");
        assertTrue(html.contains("<p class=\"notice\" role=\"note\">Région &lt;synthétique&gt;</p>"));
        assertTrue(html.contains("@page{size:A4"), "prints on A4");
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr")
                .alternate(new HtmlPage.Alternate("javascript:alert(1)", "en", "English")));
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.create("t", "fr")
                .alternate(new HtmlPage.Alternate("../en/a.html", "en english", "English")));
    }
}

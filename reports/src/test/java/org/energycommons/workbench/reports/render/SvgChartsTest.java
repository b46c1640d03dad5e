/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.energycommons.workbench.reports.render.SvgCharts.Band;
import org.energycommons.workbench.reports.render.SvgCharts.BarChart;
import org.energycommons.workbench.reports.render.SvgCharts.BarSeries;
import org.energycommons.workbench.reports.render.SvgCharts.HorizontalLine;
import org.energycommons.workbench.reports.render.SvgCharts.ScatterChart;
import org.energycommons.workbench.reports.render.SvgCharts.Series;
import org.energycommons.workbench.reports.render.SvgCharts.TimeSeriesChart;
import org.energycommons.workbench.reports.render.SvgCharts.XySeries;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartsTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli();

    // ---------------------------------------------------------------------------------------- helpers

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new InputSource(new StringReader(svg)));
    }

    /** Parses the chart and checks what every chart must satisfy; returns the text of its text elements. */
    private static List<String> checkChart(String svg, int width, int height) throws Exception {
        assertTrue(svg.startsWith("<svg"), "one <svg> element, no XML prolog");
        assertTrue(svg.endsWith("</svg>"), "one <svg> element, nothing after it");
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("0 0 " + width + " " + height, root.getAttribute("viewBox"));

        String withoutNamespaces = svg.replaceAll("xmlns(:\\w+)?='[^']*'", "")
                .replaceAll("xmlns(:\\w+)?=\"[^\"]*\"", "");
        assertFalse(withoutNamespaces.contains("http://"), "no http:// reference besides namespaces");
        assertFalse(withoutNamespaces.contains("https://"), "no https:// reference besides namespaces");
        assertFalse(svg.contains("NaN"), "no NaN coordinate");
        assertFalse(svg.contains("<image"), "no embedded or linked image");

        NodeList texts = doc.getElementsByTagNameNS(SVG_NS, "text");
        assertTrue(texts.getLength() > 0, "glyphs are drawn as <text>, not shapes");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            result.add(texts.item(i).getTextContent());
        }
        return result;
    }

    private static long[] hours(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * HOUR;
        }
        return t;
    }

    private static double[] ramp(int n, double start, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return v;
    }

    private static TimeSeriesChart fullTimeSeries() {
        long[] t = hours(48);
        double[] load = ramp(48, 100, 2);
        double[] lower = ramp(48, 90, 2);
        double[] upper = ramp(48, 110, 2);
        return new TimeSeriesChart("Charge du poste <Nord> & Sud", "kW",
                List.of(new Series("Observé", t, load), new Series("Prévision", t, ramp(48, 98, 2))),
                List.of(new Band("P10–P90", t, lower, upper)),
                List.of(new HorizontalLine("Capacité", 250)),
                800, 360);
    }

    // ---------------------------------------------------------------------------------------- time series

    @Test
    void timeSeriesIsWellFormedScalableAndLabelled() throws Exception {
        String svg = SvgCharts.timeSeries(fullTimeSeries());
        List<String> texts = checkChart(svg, 800, 360);
        assertTrue(texts.contains("Charge du poste <Nord> & Sud"), "title as text: " + texts);
        assertTrue(texts.contains("Observé"), "series name as text");
        assertTrue(texts.contains("Prévision"), "series name as text");
        assertTrue(texts.contains("P10–P90"), "band name as text");
        assertTrue(texts.contains("Capacité"), "reference line label as text");
        assertTrue(texts.contains("kW"), "value axis label as text");
        assertTrue(svg.contains("stroke-dasharray"), "reference line is dashed");
        assertTrue(svg.contains("fill-opacity"), "band is semi-transparent");
    }

    @Test
    void timeSeriesShowsParisLocalTime() throws Exception {
        // 2024-01-15T00:00Z is 01:00 in Paris (UTC+1 in winter); a 6-hour span gives time-of-day ticks
        long[] t = {T0, T0 + 6 * HOUR};
        String svg = SvgCharts.timeSeries(new TimeSeriesChart("Zone", "kW",
                List.of(new Series("s", t, new double[] {1, 2}))));
        List<String> texts = checkChart(svg, 800, 360);
        Pattern dayTime = Pattern.compile("\\d{2}/\\d{2} \\d{2}:\\d{2}");
        assertTrue(texts.stream().anyMatch(s -> dayTime.matcher(s).matches()), "dd/MM HH:mm ticks: " + texts);
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("15/01 0")), "Paris local date: " + texts);
        assertFalse(texts.contains("15/01 00:00"), "midnight UTC is not shown, 01:00 Paris is the first hour: "
                + texts);

        // several months give date ticks
        long[] months = {T0, T0 + 120L * 24 * HOUR};
        String longSpan = SvgCharts.timeSeries(new TimeSeriesChart("Zone", "kW",
                List.of(new Series("s", months, new double[] {1, 2}))));
        Pattern date = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
        assertTrue(checkChart(longSpan, 800, 360).stream().anyMatch(s -> date.matcher(s).matches()),
                "dd/MM/yyyy ticks for a long span");
    }

    @Test
    void nanValuesAreGapsNotCrashes() throws Exception {
        long[] t = hours(24);
        double[] values = ramp(24, 10, 1);
        values[5] = Double.NaN;
        values[6] = Double.NaN;
        values[20] = Double.POSITIVE_INFINITY;
        double[] lower = ramp(24, 5, 1);
        double[] upper = ramp(24, 15, 1);
        lower[12] = Double.NaN;
        String svg = SvgCharts.timeSeries(new TimeSeriesChart("Gaps", "kW",
                List.of(new Series("with gaps", t, values)),
                List.of(new Band("band with gap", t, lower, upper)),
                List.of(), 800, 360));
        checkChart(svg, 800, 360);
        // the line is one path with a gap: it restarts with a second move-to
        Matcher paths = Pattern.compile("<path d='(M[^']*)'").matcher(svg);
        boolean foundBrokenLine = false;
        while (paths.find()) {
            if (paths.group(1).chars().filter(c -> c == 'M').count() >= 2) {
                foundBrokenLine = true;
            }
        }
        assertTrue(foundBrokenLine, "the series line is interrupted at the NaN values");

        double[] allNaN = {Double.NaN, Double.NaN};
        String onlyNaN = SvgCharts.timeSeries(new TimeSeriesChart("Only missing values", "kW",
                List.of(new Series("nothing", new long[] {T0, T0 + HOUR}, allNaN))));
        checkChart(onlyNaN, 800, 360);

        String bars = SvgCharts.bars(new BarChart("Bars", "x", "y", List.of("a", "b", "c"),
                List.of(new BarSeries("s", new double[] {1, Double.NaN, 3}))));
        checkChart(bars, 800, 360);

        String scatter = SvgCharts.scatter(new ScatterChart("Scatter", "x", "y",
                List.of(new XySeries("s", new double[] {1, Double.NaN, 3, 4}, new double[] {1, 2, Double.NaN, 4})),
                true));
        checkChart(scatter, 800, 360);
    }

    @Test
    void emptySeriesListSaysNoData() throws Exception {
        List<String> ts = checkChart(SvgCharts.timeSeries(new TimeSeriesChart("Vide", "kW", List.of())), 800, 360);
        assertTrue(ts.contains(SvgCharts.NO_DATA), "time series: " + ts);
        List<String> bars = checkChart(SvgCharts.bars(new BarChart("Vide", "x", "y", List.of(), List.of())),
                800, 360);
        assertTrue(bars.contains(SvgCharts.NO_DATA), "bars: " + bars);
        List<String> scatter = checkChart(SvgCharts.scatter(new ScatterChart("Vide", "x", "y", List.of(), true)),
                800, 360);
        assertTrue(scatter.contains(SvgCharts.NO_DATA), "scatter: " + scatter);
        List<String> emptyArrays = checkChart(SvgCharts.timeSeries(new TimeSeriesChart("Vide", "kW",
                List.of(new Series("s", new long[0], new double[0])))), 800, 360);
        assertTrue(emptyArrays.contains(SvgCharts.NO_DATA), "series without points: " + emptyArrays);
    }

    @Test
    void timeSeriesValidation() {
        long[] t = hours(3);
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> new Series("load", t, new double[] {1, 2}));
        assertTrue(lengths.getMessage().contains("load") && lengths.getMessage().contains("same length"),
                lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Series(null, t, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Series("s", null, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Band("b", t, new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Band(null, t, new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new HorizontalLine(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new HorizontalLine("cap", Double.NaN));

        Series s = new Series("s", t, new double[3]);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new TimeSeriesChart("t", "y", List.of(s), List.of(), List.of(), 0, 360));
        assertTrue(size.getMessage().contains("width and height"), size.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TimeSeriesChart("t", "y", List.of(s), List.of(), List.of(), 800, -1));
        assertThrows(IllegalArgumentException.class, () -> new TimeSeriesChart(null, "y", List.of(s)));
        assertThrows(IllegalArgumentException.class, () -> new TimeSeriesChart("t", "y", null));
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> new TimeSeriesChart("t", "y", List.of(s, s)));
        assertTrue(duplicate.getMessage().contains("unique"), duplicate.getMessage());
    }

    @Test
    void recordsCopyTheirArrays() {
        double[] values = {1, 2, 3};
        Series s = new Series("s", hours(3), values);
        values[0] = 99;
        assertEquals(1, s.values()[0]);
    }

    // ---------------------------------------------------------------------------------------- bars

    @Test
    void groupedBarsAreWellFormedAndLabelled() throws Exception {
        String svg = SvgCharts.bars(new BarChart("Énergie par mois", "Mois", "MWh",
                List.of("jan", "fév", "mar"),
                List.of(new BarSeries("Chauffage", new double[] {10, 8, 6}),
                        new BarSeries("Éclairage", new double[] {3, -1, 2})),
                640, 300));
        List<String> texts = checkChart(svg, 640, 300);
        for (String expected : List.of("Énergie par mois", "Chauffage", "Éclairage", "jan", "fév", "mar", "MWh")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
    }

    @Test
    void countsGetWholeTicksOnly() throws Exception {
        List<String> texts = checkChart(SvgCharts.bars(new BarChart("Défauts par délai", "jours", "défauts",
                List.of("0", "1", "2", "manqué"), List.of(new BarSeries("défauts", new double[] {1, 3, 2, 1})))),
                800, 360);
        assertTrue(texts.contains("3"), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.matches("\\d+\\.\\d+")), "no 0.5 tick on a count: " + texts);
        List<String> shares = checkChart(SvgCharts.bars(new BarChart("Parts", "type", "part", List.of("a", "b"),
                List.of(new BarSeries("rappel", new double[] {0.5, 0.25})))), 800, 360);
        assertTrue(shares.stream().anyMatch(t -> t.matches("0\\.\\d+")), "a share keeps its decimals: " + shares);
    }

    @Test
    void linesJoinThePointsInTheOrderOfX() throws Exception {
        SvgCharts.ScatterChart spec = new SvgCharts.ScatterChart("Journée type", "heure", "× moyenne",
                List.of(new SvgCharts.XySeries("S1", new double[] {2, 0, 1}, new double[] {1.2, 0.8, 1.0})), false,
                800, 360);
        String lines = SvgCharts.lines(spec);
        List<String> texts = checkChart(lines, 800, 360);
        assertTrue(texts.contains("Journée type") && texts.contains("S1"), texts.toString());
        assertTrue(lines.contains("<path") || lines.contains("<polyline") || lines.contains("<line"),
                "drawn as a line");
        assertFalse(lines.equals(SvgCharts.scatter(spec)), "not the scatter");
    }

    @Test
    void manyCategoriesStillRender() throws Exception {
        List<String> categories = new ArrayList<>();
        double[] values = new double[40];
        for (int i = 0; i < 40; i++) {
            categories.add("bâtiment-" + i);
            values[i] = i;
        }
        checkChart(SvgCharts.bars(new BarChart("Beaucoup", "", null, categories,
                List.of(new BarSeries("kWh", values)))), 800, 360);
    }

    @Test
    void barValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BarChart("t", "x", "y", List.of("a", "b"), List.of(new BarSeries("s", new double[] {1}))));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("2 categories"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BarSeries(null, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> new BarSeries("s", null));
        assertThrows(IllegalArgumentException.class,
                () -> new BarChart("t", "x", "y", List.of("a", "a"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new BarChart("t", "x", "y", List.of("a"), List.of(), 800, 0));
    }

    // ---------------------------------------------------------------------------------------- scatter

    @Test
    void scatterWithDiagonal() throws Exception {
        String svg = SvgCharts.scatter(new ScatterChart("Prévu / observé", "Observé", "Prévu",
                List.of(new XySeries("Modèle A", ramp(30, 0, 1), ramp(30, 1, 0.9)),
                        new XySeries("Modèle B", ramp(30, 5, 1), ramp(30, 3, 1.1))),
                true));
        List<String> texts = checkChart(svg, 800, 360);
        for (String expected : List.of("Prévu / observé", "Modèle A", "Modèle B", "Observé", "Prévu", "y = x")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        String without = SvgCharts.scatter(new ScatterChart("Prévu / observé", "Observé", "Prévu",
                List.of(new XySeries("Modèle A", ramp(30, 0, 1), ramp(30, 1, 0.9))), false));
        assertFalse(checkChart(without, 800, 360).contains("y = x"));
    }

    @Test
    void scatterValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new XySeries("pts", new double[3], new double[4]));
        assertTrue(e.getMessage().contains("pts"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new XySeries(null, new double[1], new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new ScatterChart("t", "x", "y", List.of(), false, -5, 100));
        assertThrows(IllegalArgumentException.class, () -> new ScatterChart("t", "x", "y", null, false));
    }

    // ---------------------------------------------------------------------------------------- output

    @Test
    void outputIsDeterministic() {
        assertEquals(SvgCharts.timeSeries(fullTimeSeries()), SvgCharts.timeSeries(fullTimeSeries()));
        assertEquals(SvgCharts.bars(RenderSample.barSpec()), SvgCharts.bars(RenderSample.barSpec()));
        assertEquals(SvgCharts.scatter(RenderSample.scatterSpec()), SvgCharts.scatter(RenderSample.scatterSpec()));
    }

    @Test
    void definitionIdsDifferBetweenChartsSoThatTheyCanShareAPage() {
        Set<String> ids = new HashSet<>();
        for (String svg : List.of(SvgCharts.timeSeries(fullTimeSeries()), SvgCharts.bars(RenderSample.barSpec()),
                SvgCharts.scatter(RenderSample.scatterSpec()))) {
            Matcher m = Pattern.compile("id='([^']+)'").matcher(svg);
            while (m.find()) {
                assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
            }
        }
        assertFalse(ids.isEmpty());
        assertNotEquals(SvgCharts.bars(RenderSample.barSpec()), SvgCharts.bars(new BarChart("Autre", "x", "y",
                List.of("a"), List.of(new BarSeries("s", new double[] {1})))));
    }

    @Test
    void controlCharactersInLabelsStillGiveWellFormedXml() throws Exception {
        String svg = SvgCharts.bars(new BarChart("Titre\u0001 avec \"guillemets\" et 'apostrophes'", "x", "y",
                List.of("a\u0000b"), List.of(new BarSeries("s\u0007", new double[] {1}))));
        checkChart(svg, 800, 360);
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class CommuneMapTest {

    private static final List<CommuneMap.Place> PLACES = List.of(
            new CommuneMap.Place("99001", "Valbrune", 45.78, 4.84),
            new CommuneMap.Place("99002", "Saint-Aurel", 45.62, 5.12),
            new CommuneMap.Place("99008", "Port-Salin", 43.40, 4.86));

    private static final CommuneMap.Legend LEGEND = new CommuneMap.Legend("Part F/G", "Aire : logements",
            "non publié (secret statistique)", "sans résultat");

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** The group of one commune, by its id. */
    private static Element commune(Document doc, String code) {
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (("commune-" + code).equals(g.getAttribute("id"))) {
                return g;
            }
        }
        throw new AssertionError("no group for commune " + code);
    }

    private static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ");
    }

    @Test
    void drawsEveryCommuneWithItsFigureAndTheLegend() throws Exception {
        String svg = CommuneMap.scale("Passoires", PLACES, List.of(
                new CommuneMap.Mark("99001", new double[] {0.32}, 125, "32.0 % F/G"),
                CommuneMap.Mark.withheld("99002", "non publié")), Formats::percent, LEGEND);
        Document doc = parse(svg);
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals("Passoires", doc.getDocumentElement().getAttribute("aria-label"));
        assertTrue(text(commune(doc, "99001")).contains("Valbrune"));
        assertTrue(text(commune(doc, "99001")).contains("32.0 % F/G"));
        assertTrue(text(commune(doc, "99002")).contains("non publié"));
        // A commune without a figure is still on the map, with its name only.
        assertEquals("Port-Salin", commune(doc, "99008").getElementsByTagNameNS("*", "text").item(0)
                .getTextContent().strip());
        // Five classes from 0 to the nice ceiling of 0.32 (0.5), and both legend entries.
        assertTrue(svg.contains("0.0 % – 10.0 %"), svg);
        assertTrue(svg.contains("40.0 % – 50.0 %"), svg);
        assertTrue(svg.contains("non publié (secret statistique)"));
        assertTrue(svg.contains("sans résultat"));
    }

    @Test
    void colourGrowsWithTheValueAndAreaWithTheCount() {
        assertEquals(0, CommuneMap.classOf(0.0, 0.5));
        assertEquals(1, CommuneMap.classOf(0.1, 0.5));
        assertEquals(4, CommuneMap.classOf(0.5, 0.5), "the top value falls in the last class");
        assertEquals(0.5, CommuneMap.niceCeiling(0.32), 1e-12);
        assertEquals(2.5, CommuneMap.niceCeiling(2.1), 1e-12);
        assertEquals(10, CommuneMap.niceCeiling(10), 1e-12);
        assertEquals(1, CommuneMap.niceCeiling(0), 1e-12);
        String small = CommuneMap.scale("", PLACES, List.of(new CommuneMap.Mark("99001", new double[] {0.1}, 10, "a"),
                new CommuneMap.Mark("99002", new double[] {0.1}, 1000, "b")), Formats::percent, LEGEND);
        assertTrue(radius(small, "99002") > 2 * radius(small, "99001"), small);
    }

    /** The radius of the first circle of a commune's group (JFreeSVG writes circles as ellipses or paths). */
    private static double radius(String svg, String code) {
        try {
            Element g = commune(parse(svg), code);
            Element shape = (Element) g.getElementsByTagNameNS("*", "ellipse").item(0);
            if (shape != null) {
                return Double.parseDouble(shape.getAttribute("rx"));
            }
            shape = (Element) g.getElementsByTagNameNS("*", "circle").item(0);
            return Double.parseDouble(shape.getAttribute("r"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void piesTakeOneSharePerCategory() throws Exception {
        String svg = CommuneMap.pies("Segments", PLACES, List.of(new CommuneMap.Mark("99001",
                new double[] {48, 43, 34}, 125, "125 compteurs")), List.of("S1", "S2"), "autres", LEGEND);
        Document doc = parse(svg);
        assertTrue(text(commune(doc, "99001")).contains("125 compteurs"));
        assertTrue(svg.contains(">S1<") && svg.contains(">autres<"), svg);
        assertThrows(IllegalArgumentException.class, () -> CommuneMap.pies("", PLACES, List.of(
                new CommuneMap.Mark("99001", new double[] {1, 2}, 3, "")), List.of("S1", "S2"), "autres", LEGEND));
    }

    @Test
    void countsHaveWholeClassBounds() {
        String svg = CommuneMap.counts("Alertes", PLACES, List.of(new CommuneMap.Mark("99001", new double[] {1}, 40,
                "1 alerte")), LEGEND);
        assertTrue(svg.contains(">0<") && svg.contains(">1<") && svg.contains(">4 – 5<"),
                "one alert gives the classes 0, 1, 2, 3, 4–5: " + svg);
        String more = CommuneMap.counts("Alertes", PLACES, List.of(new CommuneMap.Mark("99001", new double[] {12}, 40,
                "12 alertes")), LEGEND);
        assertTrue(more.contains(">0 – 2<") && more.contains(">3 – 5<") && more.contains(">12 – 15<"), more);
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new CommuneMap.Place("99001", "x", 95, 4));
        assertThrows(IllegalArgumentException.class, () -> new CommuneMap.Place("99001", "x", Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> CommuneMap.scale("", List.of(PLACES.get(0),
                PLACES.get(0)), List.of(), Formats::percent, LEGEND));
        assertThrows(IllegalArgumentException.class, () -> CommuneMap.scale("", PLACES, List.of(
                new CommuneMap.Mark("99001", new double[] {1, 2}, 3, "")), Formats::percent, LEGEND));
    }

    @Test
    void leavesOffAFigureWithoutAPlaceAndIsDeterministic() {
        List<CommuneMap.Mark> marks = List.of(new CommuneMap.Mark("99001", new double[] {0.2}, 50, "20 %"),
                new CommuneMap.Mark("12345", new double[] {0.9}, 50, "90 %"));
        String svg = CommuneMap.scale("t", PLACES, marks, Formats::percent, LEGEND);
        assertFalse(svg.contains("90 %"), "a commune the lake does not place is not drawn");
        assertTrue(svg.contains("16.0 % – 20.0 %"), "the classes span the placed figures only: " + svg);
        assertEquals(svg, CommuneMap.scale("t", PLACES, marks, Formats::percent, LEGEND));
    }
}

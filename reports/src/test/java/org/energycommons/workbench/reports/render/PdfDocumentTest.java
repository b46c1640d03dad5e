/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;
import org.energycommons.workbench.reports.usecase.SynthesisNote;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Page;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Sample;
import org.junit.jupiter.api.Test;

/**
 * Pages rendered to PDF and read back with PDFBox: A4 pages numbered "n / N", accents and signs in the embedded
 * DejaVu Sans, long tables over several pages with their header repeated, charts as vectors, navigation left out.
 * The PDFs are written to {@code target/pdf-samples/} for a person to look at.
 */
class PdfDocumentTest {

    private static final Path SAMPLES = Path.of("target", "pdf-samples");
    private static final String LONG_HEADER = "Bâtiment n°";
    /** A cell longer than its column: wraps at its hyphens. */
    private static final String WIDE_CELL = "Observation " + "consommation-de-chauffage-".repeat(12) + "fin";
    /** A word wider than the page, such as a hash: cut anywhere rather than run off the page. */
    private static final String LONG_WORD = "0123456789abcdef".repeat(8) + "Z";
    /** The right margin of the print style sheet, 14 mm, in points. */
    private static final double RIGHT_MARGIN = 14 / 25.4 * 72;

    /** A page with navigation, a wide table, a table of 120 rows and two charts. */
    private static String samplePage() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("B" + i, "École élémentaire n° " + i, String.format("%d\u202F%03d", 1 + i / 10, i * 7),
                    i % 7 == 0 ? "≥ 0,85" : "≤ 2 j"));
        }
        return HtmlPage.create("Synthèse énergétique — écoles", "fr")
                .subtitle("Données synthétiques ; valeurs ≥ 0 et ≤ 1 000 kWh − à titre d'exemple…")
                .alternate(new HtmlPage.Alternate("../en/sample.html", "en", "English"))
                .navigation(List.of(new HtmlPage.NavLink("index.html", "Accueil du site", null, false),
                        new HtmlPage.NavLink("uc4.html", "Prévision du réseau", null, true)))
                .notice("Région synthétique : ces résultats montrent ce que la méthode sait faire.")
                .section("resume", "Résumé")
                .paragraph("Consommation médiane : 12\u202F340 kWh par an ; écart – faible ; cible ≥ 0,85.")
                .keyValues(Map.of("Période de test", "2024-01-01 → 2024-12-31"))
                .figure(SvgCharts.timeSeries(RenderSample.timeSeriesSpec()), "Figure 1 — Puissance appelée (kW)")
                .section("large", "Tableau large")
                .table(List.of("Site", "Commentaire", "Énergie (MWh)", "Remarque", "Score", "Fiabilité"),
                        List.of(List.of("B1", WIDE_CELL, "412,5", "hiver froid", "0,91", "élevée"),
                                List.of("B2", "court", "1\u202F204,3", "—", "0,47", "faible"),
                                List.of("B3", LONG_WORD, "7,0", "empreinte", "0,50", "moyenne")))
                .link("https://example.org/energie", "Source : portail de l'énergie")
                .link("uc4.html", "Retour à la prévision du réseau")
                .section("liste", "Liste des bâtiments")
                .table(List.of(LONG_HEADER, "Nom", "Consommation (kWh)", "Cible"), rows)
                .figure(SvgCharts.bars(RenderSample.barSpec()), "Figure 2 — Énergie mensuelle par usage (MWh)")
                .footer("Energy Commons Workbench — GPL-3.0-or-later")
                .render();
    }

    /** uc2's synthesis note in French: a missed criterion with its interval, a fragile one, next steps. */
    private static String synthesisNote() {
        UseCase uc2 = UseCases.require("uc2");
        UseCaseResult.ModelEntry forest = PageFixtures.model("forest", "smile", "uc2-forest-1", PageFixtures.metrics(
                "f1", 0.61, "median_detection_delay_days", 1.0, "false_alerts_per_building_year", 0.5),
                Map.of(), Map.of());
        forest = new UseCaseResult.ModelEntry(forest.name(), forest.engine(), forest.modelId(), forest.evaluation()
                .withIntervals(EvaluationSets.TEST, Map.of("f1", new MetricInterval(0.5, 0.95, 31, "fault"),
                        "median_detection_delay_days", new MetricInterval(0.5, 2.0, 12, "detected_fault"),
                        "false_alerts_per_building_year", new MetricInterval(0.3, 0.8, 40, "building"))),
                forest.notes());
        UseCaseResult result = PageFixtures.result(uc2, "forest", List.of(forest), Map.of());
        return SynthesisNote.render(uc2, result, new Territory(List.of("Trois écoles à visiter."), null, null), true,
                "2026-12-06T10:00:00Z", Lang.FR);
    }

    @Test
    void theSynthesisNoteIsAnA4PdfWithAccentsSignsAndPageNumbers() throws IOException {
        byte[] bytes = PdfDocument.render(synthesisNote());
        write("uc2-synthese.pdf", bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertA4(pdf);
            String text = text(pdf);
            assertTrue(text.contains("Note de synthèse"), text);
            assertTrue(text.contains("cible ≥ 0,85"), text);
            assertTrue(text.contains("Délai médian de détection (jours) repose sur 12 défauts détectés"), text);
            assertTrue(text.contains("1 / " + pdf.getNumberOfPages()), "page number in the footer: " + text);
            assertFalse(text.contains("English"), "the language switch is screen-only");
            assertFonts(pdf);
            assertWithinMargins(pdf);
        }
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderRepeatedAndWideCellsWrap() throws IOException {
        String html = samplePage();
        byte[] bytes = PdfDocument.render(html, Instant.parse("2026-12-06T10:00:00Z"));
        write("sample.pdf", bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages > 1, "120 rows need more than one page, got " + pages);
            assertA4(pdf);
            String all = text(pdf);
            assertTrue(all.contains("Synthèse énergétique — écoles"), all);
            assertTrue(all.contains("valeurs ≥ 0 et ≤ 1 000 kWh − à titre d'exemple…"), all);
            assertTrue(all.contains("12\u202F340 kWh"), "narrow no-break space kept: " + all);
            assertTrue(all.contains("École élémentaire n° 120"), "the last row is printed");
            assertTrue(all.contains("chauffage-fin"), "the end of the wide cell is printed");
            assertTrue(all.contains("Z"), "the end of the long word is printed");
            assertWithinMargins(pdf);
            assertTrue(all.contains("1 / " + pages) && all.contains(pages + " / " + pages), all);
            assertFalse(all.contains("Accueil du site"), "navigation is screen-only");
            assertFalse(all.contains("English"), "the language switch is screen-only");

            int first = -1;
            for (int p = 1; p <= pages; p++) {
                if (text(pdf, p, p).contains("École élémentaire n° 1\n")
                        || text(pdf, p, p).contains("École élémentaire n° 1 ")) {
                    first = p;
                    break;
                }
            }
            assertTrue(first > 0, "the long table's first row is printed");
            String next = text(pdf, first + 1, first + 1);
            assertTrue(next.contains("École élémentaire n° "), "the table goes on on page " + (first + 1));
            assertTrue(next.contains(LONG_HEADER), "header repeated on page " + (first + 1) + ": " + next);

            assertVectorCharts(pdf, html);
            assertFonts(pdf);
            List<String> uris = linkUris(pdf);
            assertTrue(uris.contains("https://example.org/energie"), "absolute link kept: " + uris);
            assertTrue(uris.contains("uc4.html"), "relative link kept as written: " + uris);
            assertTrue(pdf.getDocumentInformation().getTitle().startsWith("Synthèse énergétique"));
            assertEquals("fr", pdf.getDocumentCatalog().getLanguage());
            assertEquals(Instant.parse("2026-12-06T10:00:00Z"),
                    pdf.getDocumentInformation().getCreationDate().toInstant());
        }
    }

    @Test
    void aTableOfContentsGivesTheSectionsPages() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(List.of("B" + i, "École " + i));
        }
        String html = HtmlPage.create("Rapport final", "fr").section("sommaire", "Sommaire")
                .html("<ol class=\"toc\"><li><a href=\"#debut\">Début</a></li><li><a href=\"#fin\">Fin</a></li></ol>")
                .section("debut", "Début").table(List.of("Site", "Nom"), rows)
                .section("fin", "Fin").paragraph("Dernière section.")
                .render();
        try (PDDocument pdf = Loader.loadPDF(PdfDocument.render(html))) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages > 2, "150 rows take more than two pages, got " + pages);
            String contents = text(pdf, 1, 1);
            java.util.regex.Matcher fin = java.util.regex.Pattern.compile("Fin[ .]*(\\d+)").matcher(contents);
            assertTrue(fin.find(), contents);
            assertEquals(pages, Integer.parseInt(fin.group(1)), "the last section's page: " + contents);
            java.util.regex.Matcher debut = java.util.regex.Pattern.compile("Début[ .]*(\\d+)").matcher(contents);
            assertTrue(debut.find() && debut.group(1).equals("1"), contents);
        }
    }

    @Test
    void theUc4PageWithItsChartsAndTablesPrintsAsVectors() throws IOException {
        String html = Uc4Page.render(Uc4Sample.data(), Lang.FR);
        byte[] bytes = PdfDocument.render(html);
        write("uc4-fr.pdf", bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages > 1, "the uc4 page takes several pages, got " + pages);
            assertA4(pdf);
            String text = text(pdf);
            assertTrue(text.contains("En résumé"), text);
            assertTrue(text.contains("Prévision"), text);
            assertTrue(text.contains("1 / " + pages), text);
            assertVectorCharts(pdf, html);
            assertFonts(pdf);
            assertWithinMargins(pdf);
        }
        assertArrayEquals(bytes, PdfDocument.render(html), "the same page gives the same PDF");
    }

    @Test
    void badInputIsRefusedWithAOneLineMessage() {
        for (String bad : new String[] {null, "", "  \n", "Rapport sans balise",
            "<p>un fragment, pas un document</p>",
            "<!DOCTYPE html><html><head><title>t</title></head><body><p>a</p></body></html><p>après</p>",
            "<!DOCTYPE html><html><body><table><tr><td>a</td></tr><p>dans la table</p></table></body></html>"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PdfDocument.render(bad),
                    String.valueOf(bad));
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void customPropertiesAreReplacedByTheirValues() {
        assertEquals(":root{--fg:#111;--line:#ddd}p{color:#111;border:1px solid #ddd;margin:var(--gap)}"
                        + "a{color:red}",
                PdfDocument.resolveCustomProperties(":root{--fg:#111;--line:#ddd}p{color:var(--fg);"
                        + "border:1px solid var(--line);margin:var(--gap)}a{color:var(--accent, red)}"));
    }

    // ------------------------------------------------------------------------------------------

    private static void assertA4(PDDocument pdf) {
        assertTrue(pdf.getNumberOfPages() >= 1);
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            n++;
            PDRectangle box = page.getMediaBox();
            assertEquals(595.28, box.getWidth(), 1.0, "page " + n + " width");
            assertEquals(841.89, box.getHeight(), 1.0, "page " + n + " height");
        }
    }

    /** No text runs into the right margin or off the page: wide tables wrap instead of being cut. */
    private static void assertWithinMargins(PDDocument pdf) throws IOException {
        double[] right = {0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                right[0] = Math.max(right[0], text.getXDirAdj() + text.getWidthDirAdj());
                super.processTextPosition(text);
            }
        };
        stripper.getText(pdf);
        double limit = PDRectangle.A4.getWidth() - RIGHT_MARGIN + 1;
        assertTrue(right[0] <= limit, "text reaches x = " + right[0] + " pt, past the margin at " + limit);
    }

    /** Every font embedded is DejaVu Sans: nothing falls back to a base-14 font without accents. */
    private static void assertFonts(PDDocument pdf) throws IOException {
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
                assertTrue(font.isEmbedded(), font.getName());
            }
        }
    }

    /**
     * Charts are drawn as vectors: each {@code <svg>} of the page is a form XObject of paths, and there is no raster
     * image anywhere, on a page or inside a form.
     */
    private static void assertVectorCharts(PDDocument pdf, String html) throws IOException {
        int forms = 0;
        for (PDPage page : pdf.getPages()) {
            forms += formsWithoutImage(page.getResources(), 0);
        }
        assertTrue(forms >= HtmlAssertions.count(html, "<svg"), forms + " forms for "
                + HtmlAssertions.count(html, "<svg") + " charts");
    }

    private static int formsWithoutImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return 0;
        }
        int forms = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            assertFalse(object instanceof PDImageXObject, "raster image " + name.getName());
            if (object instanceof PDFormXObject form) {
                forms += 1 + formsWithoutImage(form.getResources(), depth + 1);
            }
        }
        return forms;
    }

    private static List<String> linkUris(PDDocument pdf) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }

    private static String text(PDDocument pdf) throws IOException {
        return text(pdf, 1, pdf.getNumberOfPages());
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf);
    }

    private static void write(String name, byte[] pdf) {
        try {
            Files.createDirectories(SAMPLES);
            Files.write(SAMPLES.resolve(name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " to " + SAMPLES, e);
        }
    }
}

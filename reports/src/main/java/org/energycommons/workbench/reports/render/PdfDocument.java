/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * A renderer of the site's HTML5 pages ({@link HtmlPage}) to PDF: A4 portrait, numbered pages, fonts embedded, inline
 * SVG charts drawn as vectors.
 *
 * <p>The page is parsed as HTML5 (jsoup), given a print style sheet at render time, and laid out by openhtmltopdf on
 * PDFBox; the HTML written for browsers does not change. The print style sheet sets the page (A4, margins, "page /
 * pages" in the footer), sets the text in DejaVu Sans (bundled, so that accents, {@code ≥ ≤ − – …} and narrow
 * no-break spaces print the same on every machine), hides the navigation and the language switch, and lets long
 * tables run over several pages with their header row repeated. A table cell holding a word too long for a column
 * (a hash, a path) may be cut anywhere, so that no table runs off the page. CSS custom properties
 * ({@code var(--fg)}), which openhtmltopdf does not know, are replaced by their values from {@code :root}. Chart
 * text is drawn as outlines, in the font the charts were measured with (Java's sans serif).
 *
 * <p>Nothing is loaded from outside: a page that refers to a remote resource is rendered without it. Absolute links
 * stay PDF links; relative links to other pages are kept as written. The same page gives the same bytes: the
 * creation date is the caller's or none (never the clock), and the PDF's identifier is derived from the page. The
 * PDF's title is the page's {@code <title>}, its language the page's {@code lang}.
 *
 * <p>Loading this class sends openhtmltopdf's log messages, for the whole JVM, to the platform's loggers
 * ({@link System.Logger}) rather than to the console handler openhtmltopdf installs by default.
 *
 * <pre>{@code
 * byte[] pdf = PdfDocument.render(SynthesisNote.render(useCase, result, territory, true, generatedAt, Lang.FR));
 * Files.write(Path.of("uc2-synthesis.pdf"), pdf);
 * }</pre>
 */
public final class PdfDocument {

    /** The font family the text of the PDF is set in, bundled under {@code fonts/}. */
    private static final String FONT_FAMILY = "DejaVu Sans";
    private static final String PRODUCER = "Energy Commons Workbench";
    private static final String FONTS = "fonts/";
    private static final float A4_WIDTH_MM = 210f;
    private static final float A4_HEIGHT_MM = 297f;
    private static final Pattern DOCUMENT_START = Pattern.compile(
            "^\\uFEFF?\\s*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html)[\\s>]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * A word longer than a table column holds (a hash, a path). Only cells holding one may be cut anywhere:
     * openhtmltopdf gives such a cell a narrow column, in which its short words would be cut too.
     */
    private static final Pattern LONG_WORD = Pattern.compile("[^\\s/-]{25,}");
    private static final String LONG_WORD_CLASS = "pdf-long-word";
    private static final Pattern ROOT_RULE = Pattern.compile(":root\\s*\\{([^}]*)}");
    private static final Pattern CUSTOM_PROPERTY = Pattern.compile("(--[A-Za-z0-9_-]+)\\s*:\\s*([^;]+)");
    private static final Pattern VAR = Pattern.compile("var\\(\\s*(--[A-Za-z0-9_-]+)\\s*(?:,\\s*([^()]*))?\\)");

    /** The print style sheet, added after the page's own so that it wins where both set a property. */
    private static final String PRINT_CSS = """
            @page{size:A4 portrait;margin:16mm 14mm 18mm 14mm;\
            @bottom-center{content:counter(page) " / " counter(pages);font-family:"DejaVu Sans";font-size:8pt;\
            color:#59636e}}
            html,body,table,th,td,h1,h2,h3,h4,p,li,dt,dd,figcaption,small,strong,.badge{font-family:"DejaVu Sans"}
            body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.4}
            h1{font-size:18pt}h2{font-size:14pt}h3{font-size:12pt}h4{font-size:10.5pt}
            a{color:inherit}
            nav,p.lang{display:none}
            h2,h3,h4{page-break-after:avoid}
            figure,.status,.notice{page-break-inside:avoid}
            figure svg{display:block;max-width:100%}
            .table-wrap{overflow:visible;max-width:100%}
            table{width:100%;font-size:8.5pt;page-break-inside:auto;-fs-table-paginate:paginate;\
            -fs-border-spacing-horizontal:0;-fs-border-spacing-vertical:0}
            thead{display:table-header-group}
            tr{page-break-inside:avoid}
            th,td{padding:3px 5px}
            td.pdf-long-word{word-wrap:break-word}
            tbody tr:nth-child(even){background:none}
            .badge{border:1px solid}
            dl.kv{display:block}
            dl.kv dt{float:left;clear:left;width:38%;margin:0;padding:0 12px 4px 0;word-wrap:break-word}
            dl.kv dd{float:left;width:62%;margin:0;padding:0 0 4px 0;word-wrap:break-word}
            dl.kv:after{content:"";display:block;clear:both}
            ol.toc a::after{content:leader('.') " " target-counter(attr(href), page)}
            """;

    static {
        XRLog.setLoggerImpl(new PlatformLog());
    }

    private PdfDocument() {
    }

    /**
     * Renders a page to PDF, without creation date.
     *
     * @param html an HTML5 document, such as {@link HtmlPage#render()} writes
     * @return the PDF
     * @throws IllegalArgumentException if the input is null, blank, not an HTML document or not well-formed HTML5
     * @throws UncheckedIOException     if a bundled font cannot be read or the PDF cannot be written
     */
    public static byte[] render(String html) {
        return render(html, null);
    }

    /**
     * Renders a page to PDF, with a creation date.
     *
     * @param html    an HTML5 document, such as {@link HtmlPage#render()} writes
     * @param created the creation date written in the PDF's information, or null for none
     * @return the PDF
     * @throws IllegalArgumentException if the input is null, blank, not an HTML document or not well-formed HTML5
     * @throws UncheckedIOException     if a bundled font cannot be read or the PDF cannot be written
     */
    public static byte[] render(String html, Instant created) {
        Document page = parse(html);
        for (Element style : page.select("style")) {
            String css = style.data();
            String resolved = resolveCustomProperties(css);
            if (!resolved.equals(css)) {
                style.empty().appendChild(new DataNode(resolved));
            }
        }
        page.head().appendElement("style").appendChild(new DataNode(PRINT_CSS));
        for (Element cell : page.select("td")) {
            if (LONG_WORD.matcher(cell.text()).find()) {
                cell.addClass(LONG_WORD_CLASS);
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .usePDDocument(pdf)
                    .withW3cDocument(W3CDom.convert(page), null)
                    .useDefaultPageSize(A4_WIDTH_MM, A4_HEIGHT_MM, PageSizeUnits.MM)
                    .useSVGDrawer(new BatikSVGDrawer())
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .usePageSupplier(PdfDocument::newPage)
                    .withProducer(PRODUCER);
            byte[] regular = font("DejaVuSans.ttf");
            byte[] bold = font("DejaVuSans-Bold.ttf");
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            // openhtmltopdf dates the PDF with the clock: the caller's date or none, so that a page gives one PDF
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setCreationDate(created == null ? null : utc(created));
            String lang = page.select("html").attr("lang");
            if (!lang.isBlank()) {
                pdf.getDocumentCatalog().setLanguage(lang);
            }
            pdf.getDocument().setDocumentID(documentId(html));
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the page as PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A new page; A4 exactly as PDFBox has it (595.28 × 841.89 pt) when the layout asks for A4 within a point. */
    private static PDPage newPage(PDDocument pdf, float width, float height, int pageNumber, int shadowPageNumber) {
        boolean a4 = Math.abs(width - PDRectangle.A4.getWidth()) < 1
                && Math.abs(height - PDRectangle.A4.getHeight()) < 1;
        PDPage page = new PDPage(a4 ? PDRectangle.A4 : new PDRectangle(width, height));
        pdf.addPage(page);
        return page;
    }

    private static Calendar utc(Instant instant) {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        date.setTimeInMillis(instant.toEpochMilli());
        return date;
    }

    /** Parses an HTML5 document, rejecting what is not one or what the HTML5 parser has to repair. */
    private static Document parse(String html) {
        if (html == null) {
            throw new IllegalArgumentException("html must not be null");
        }
        if (html.isBlank()) {
            throw new IllegalArgumentException("html must not be blank");
        }
        if (!DOCUMENT_START.matcher(html).lookingAt()) {
            throw new IllegalArgumentException("html must be a whole document starting with <!DOCTYPE html> or "
                    + "<html>, got \"" + oneLine(html, 40) + "\"");
        }
        Parser parser = Parser.htmlParser().setTrackErrors(10);
        Document page = parser.parseInput(html, "");
        if (!parser.getErrors().isEmpty()) {
            ParseError first = parser.getErrors().get(0);
            throw new IllegalArgumentException("html is malformed at " + first.getCursorPos() + ": "
                    + oneLine(first.getErrorMessage(), 160) + (parser.getErrors().size() > 1
                            ? " (and " + (parser.getErrors().size() - 1) + " more error(s))" : ""));
        }
        return page;
    }

    /**
     * Replaces {@code var(--name)} and {@code var(--name, fallback)} by the value of {@code --name} set in a
     * {@code :root} rule of the same style sheet, or by the fallback; a property set nowhere is left as is.
     */
    static String resolveCustomProperties(String css) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher root = ROOT_RULE.matcher(css);
        while (root.find()) {
            Matcher property = CUSTOM_PROPERTY.matcher(root.group(1));
            while (property.find()) {
                values.put(property.group(1), property.group(2).strip());
            }
        }
        Matcher var = VAR.matcher(css);
        StringBuilder resolved = new StringBuilder(css.length());
        while (var.find()) {
            String value = values.getOrDefault(var.group(1),
                    var.group(2) != null ? var.group(2).strip() : var.group());
            var.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        var.appendTail(resolved);
        return resolved.toString();
    }

    /** A bundled font file, read whole: openhtmltopdf would log a missing one and fall back to Helvetica. */
    private static byte[] font(String file) throws IOException {
        try (InputStream in = PdfDocument.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IOException("bundled font " + FONTS + file + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The PDF's identifier, derived from the page so that the same page gives the same bytes. */
    private static COSArray documentId(String html) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        byte[] id = Arrays.copyOf(digest, 16);
        COSArray array = new COSArray();
        array.add(new COSString(id));
        array.add(new COSString(id));
        return array;
    }

    /**
     * openhtmltopdf's messages sent to the platform's loggers ({@link System.Logger}, named as openhtmltopdf names
     * them) instead of its own console handler. Its progress and the CSS it skips are debug messages: the pages' CSS
     * is written for browsers and sets much that a paged layout leaves out (grid, custom properties, media queries).
     */
    private static final class PlatformLog implements XRLogger {

        @Override
        public void log(String where, Level level, String msg) {
            System.getLogger(where).log(level(where, level), msg);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            System.getLogger(where).log(level(where, level), msg, th);
        }

        @Override
        public void setLevel(String logger, Level level) {
            // levels are the platform's configuration
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            String where = diagnostic.getLogMessageId().getWhere();
            return System.getLogger(where).isLoggable(level(where, diagnostic.getLevel()));
        }

        private static System.Logger.Level level(String where, Level level) {
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                return System.Logger.Level.ERROR;
            }
            if (value >= Level.WARNING.intValue()) {
                return where.equals(XRLog.CSS_PARSE) ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
            }
            return value >= Level.CONFIG.intValue() ? System.Logger.Level.DEBUG
                    : System.Logger.Level.TRACE;
        }
    }

    private static String oneLine(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A builder of one self-contained HTML5 page: inline CSS, inline SVG, no external resource of any kind.
 *
 * <p>The page opens without network (no CDN, no web font, no remote image) and prints cleanly. Text given to
 * the builder is escaped, except through {@link #html(String)} and {@link #figure(String, String)}, which
 * take trusted markup. Methods return {@code this} so that a page is written as one chain; {@link #render()}
 * does not change the builder and can be called again.
 *
 * <pre>{@code
 * String page = HtmlPage.create("Consommation 2024", "fr")
 *         .subtitle("Bâtiments tertiaires")
 *         .section("resume", "Résumé")
 *         .paragraph("…")
 *         .figure(SvgCharts.timeSeries(spec), "Courbe de charge")
 *         .render();
 * }</pre>
 */
public final class HtmlPage {

    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern SECTION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /**
     * A number as written in a report: optional sign, digits with optional grouping (comma, dot or spaces),
     * optional decimals with a dot or a comma, optional exponent, optional percent sign or unit of the pages
     * (percentage points, kW, kWh, MWh, kVA).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "[+\\-\u2212]?(?:\\d+|\\d{1,3}(?:[,. \u00A0\u202F\u2009]\\d{3})+)(?:[.,]\\d+)?(?:[eE][+\\-]?\\d+)?"
                    + "(?:[ \u00A0\u202F]?%|[ \u00A0\u202F](?:pt|kW|kWh|MWh|kVA))?");

    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--zebra:#f6f8fa;--accent:#0072b2;\
            --ok-fg:#116329;--ok-bg:#dafbe1;--ko-fg:#a40e26;--ko-bg:#ffebe9}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0 auto;max-width:1100px;padding:24px 20px 40px;color:var(--fg);background:#fff;\
            font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;\
            font-size:16px;line-height:1.5}
            header{border-bottom:1px solid var(--line);margin-bottom:24px;padding-bottom:12px}
            h1{font-size:1.9rem;line-height:1.25;margin:0 0 6px}
            h2{font-size:1.4rem;line-height:1.3;margin:32px 0 12px;padding-bottom:4px;\
            border-bottom:1px solid var(--line)}
            h3{font-size:1.15rem;margin:24px 0 8px}
            h4{font-size:1rem;margin:20px 0 6px}
            p,ul,ol,dl{margin:0 0 12px}
            .subtitle{color:var(--muted);font-size:1.1rem;margin:0 0 4px}
            a{color:var(--accent)}
            section{margin-bottom:8px}
            .table-wrap{margin:0 0 16px;max-width:100%}
            table{border-collapse:collapse;width:100%;font-size:.92rem}
            th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            td{overflow-wrap:anywhere}
            th{overflow-wrap:break-word;hyphens:auto}
            thead th{border-bottom:2px solid var(--fg);font-weight:600;vertical-align:bottom}
            tbody tr:nth-child(even){background:var(--zebra)}
            .num{text-align:right;font-variant-numeric:tabular-nums}
            td.num{white-space:nowrap}
            dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 20px}
            dl.kv dt{font-weight:600}
            dl.kv dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere;min-width:0}
            dl.kv dt{overflow-wrap:anywhere}
            figure{margin:8px 0 24px}
            figure svg{display:block;max-width:100%;height:auto}
            figcaption{color:var(--muted);font-size:.9rem;margin-top:6px}
            .status{margin:0 0 12px}
            .badge{display:inline-block;padding:2px 10px;border-radius:999px;font-weight:600;font-size:.92rem;\
            border:1px solid currentColor}
            .badge.ok{color:var(--ok-fg);background:var(--ok-bg)}
            .badge.ko{color:var(--ko-fg);background:var(--ko-bg)}
            .notice{margin:0 0 16px;padding:10px 14px;border-left:4px solid #9a6700;background:#fff8c5}
            footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);\
            font-size:.88rem}
            footer p{margin:0 0 4px}
            small.en{font-weight:400;color:var(--muted)}
            nav.site{margin:0 0 20px;font-size:.9rem}
            nav.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 8px}
            nav.site li{margin:0}
            nav.site a,nav.site strong{display:inline-block;padding:2px 10px;border:1px solid var(--line);\
            border-radius:999px;text-decoration:none;white-space:nowrap}
            nav.site strong{background:var(--zebra);font-weight:600}
            p.lang{margin:0 0 8px;font-size:.9rem;text-align:right}
            @media (max-width:600px){body{padding:16px 12px 32px;font-size:15px}h1{font-size:1.5rem}\
            dl.kv{grid-template-columns:1fr}dl.kv dd{margin-bottom:8px}}
            @page{size:A4;margin:16mm 14mm}
            @media print{body{max-width:none;padding:0;font-size:10pt}a{color:inherit}nav.site,p.lang{display:none}\
            tbody tr:nth-child(even){background:none}figure,table,dl,.status{break-inside:avoid}\
            h2,h3,h4{break-after:avoid}.table-wrap{overflow:visible}\
            .badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    /** The attribute of a cell holding a count: its value names the population counted ({@code dwellings}). */
    public static final String COUNT_OF = "data-count-of";
    /** The attribute of a count cell whose count statistical secrecy left out. */
    public static final String SUPPRESSED = "data-suppressed";

    private final String title;
    private final String lang;
    private final List<String> subtitles = new ArrayList<>();
    private final List<String> footers = new ArrayList<>();
    private final List<NavLink> navigation = new ArrayList<>();
    private final List<Alternate> alternates = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    private boolean sectionOpen;

    private HtmlPage(String title, String lang) {
        this.title = title;
        this.lang = lang;
    }

    /**
     * Starts a page.
     *
     * @param title page title, shown as {@code <title>} and as the {@code <h1>}; not null
     * @param lang  language tag of the page, for example {@code "fr"} or {@code "en-GB"}
     * @return a new, empty page
     * @throws IllegalArgumentException if the title is null or the language tag is malformed
     */
    public static HtmlPage create(String title, String lang) {
        if (title == null) {
            throw new IllegalArgumentException("title must not be null");
        }
        if (lang == null || !LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("lang must be a language tag such as \"fr\" or \"en-GB\", got "
                    + (lang == null ? "null" : "\"" + lang + "\""));
        }
        return new HtmlPage(title, lang);
    }

    /**
     * Adds a line under the page title; may be called several times.
     *
     * @param text plain text
     * @return this page
     */
    public HtmlPage subtitle(String text) {
        subtitles.add(text);
        return this;
    }

    /**
     * Adds a heading.
     *
     * @param level 2, 3 or 4 ({@code <h1>} is the page title)
     * @param text  plain text
     * @return this page
     * @throws IllegalArgumentException if the level is not 2, 3 or 4
     */
    public HtmlPage heading(int level, String text) {
        if (level < 2 || level > 4) {
            throw new IllegalArgumentException("heading level must be 2, 3 or 4, got " + level);
        }
        body.append("<h").append(level).append('>').append(escape(text))
            .append("</h").append(level).append(">\n");
        return this;
    }

    /**
     * Adds a paragraph.
     *
     * @param text plain text, escaped
     * @return this page
     */
    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * Adds trusted markup as is, without escaping.
     *
     * @param trustedHtml markup from this program, never from data
     * @return this page
     */
    public HtmlPage html(String trustedHtml) {
        body.append(Objects.requireNonNullElse(trustedHtml, "")).append('\n');
        return this;
    }

    /**
     * Adds a table; cells are escaped and a cell holding a number is right-aligned (as is the header of a
     * column whose non-empty cells are all numbers).
     *
     * @param headers column headers, empty for a table without header row
     * @param rows    rows of cells; with headers, each row has as many cells as there are headers
     * @return this page
     * @throws IllegalArgumentException if a list is null or a row has the wrong number of cells
     */
    public HtmlPage table(List<String> headers, List<List<String>> rows) {
        return table(headers, rows, Set.of());
    }

    /**
     * Adds a table some of whose columns hold code (an expression of a rules file, say): their cells are written in
     * {@code <code>}, as they are in every language.
     *
     * @param codeColumns the indexes of the columns of code
     * @return this page
     */
    public HtmlPage table(List<String> headers, List<List<String>> rows, Set<Integer> codeColumns) {
        return table(headers, rows, codeColumns, Map.of());
    }

    /**
     * Adds a table some of whose columns are counts of a population (dwellings, meters…): their cells are marked
     * {@value #COUNT_OF}{@code ="<population>"} for the publication audit, and a cell that is not a number there
     * (the text of {@link #suppressedCount(int)}) is a count left out by statistical secrecy, marked
     * {@value #SUPPRESSED} (see {@link #countCell(String, String)}).
     *
     * @param countColumns column index → the population its counts count, e.g. {@code "dwellings"}
     * @return this page
     */
    public HtmlPage table(List<String> headers, List<List<String>> rows, Map<Integer, String> countColumns) {
        return table(headers, rows, Set.of(), countColumns);
    }

    private HtmlPage table(List<String> headers, List<List<String>> rows, Set<Integer> codeColumns,
                           Map<Integer, String> countColumns) {
        if (headers == null || rows == null) {
            throw new IllegalArgumentException("table headers and rows must not be null (use empty lists)");
        }
        int columns = headers.size();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row == null) {
                throw new IllegalArgumentException("table row " + r + " must not be null");
            }
            if (columns > 0 && row.size() != columns) {
                throw new IllegalArgumentException("table row " + r + " has " + row.size()
                        + " cells, expected " + columns + " (one per header)");
            }
        }
        body.append("<div class=\"table-wrap\"><table>\n");
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            // A count column is a column of numbers, even when secrecy withheld each of its counts.
            numeric[c] = countColumns.containsKey(c) || numericColumn(rows, c);
        }
        if (columns > 0) {
            body.append("<thead><tr>");
            for (int c = 0; c < columns; c++) {
                body.append(numeric[c] ? "<th class=\"num\">" : "<th>")
                    .append(escape(headers.get(c))).append("</th>");
            }
            body.append("</tr></thead>\n");
        }
        body.append("<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                if (countColumns.containsKey(c)) {
                    body.append(countCell(cell, countColumns.get(c)));
                    continue;
                }
                boolean right = isNumber(cell) || (c < columns && numeric[c] && isMissing(cell));
                String text = codeColumns.contains(c) ? "<code>" + escape(cell) + "</code>" : escape(cell);
                body.append(right ? "<td class=\"num\">" : "<td>").append(text).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /**
     * Adds a definition list of keys and values, in the map's iteration order.
     *
     * @param entries keys and values, plain text
     * @return this page
     */
    public HtmlPage keyValues(Map<String, String> entries) {
        return keyValues(entries, "<dl class=\"kv\">\n");
    }

    /**
     * Adds key–value pairs that are code names and their values (options, ids): shown as written, marked
     * {@code translate="no"}, so that neither a translation tool nor the French decimal comma changes them.
     *
     * @param entries code name → value, in order
     * @return this page
     */
    public HtmlPage codeValues(Map<String, String> entries) {
        return keyValues(entries, "<dl class=\"kv\" translate=\"no\">\n");
    }

    private HtmlPage keyValues(Map<String, String> entries, String open) {
        body.append(open);
        if (entries != null) {
            entries.forEach((key, value) -> body.append("<dt>").append(escape(key)).append("</dt><dd>")
                    .append(escape(value)).append("</dd>\n"));
        }
        body.append("</dl>\n");
        return this;
    }

    /**
     * Adds a figure: an inline SVG (from {@link SvgCharts}) and its caption.
     *
     * @param svg     one trusted {@code <svg>} element, inlined as is
     * @param caption plain text, or null for no caption
     * @return this page
     */
    public HtmlPage figure(String svg, String caption) {
        body.append("<figure>\n").append(Objects.requireNonNullElse(svg, "")).append('\n');
        if (caption != null) {
            body.append("<figcaption>").append(escape(caption)).append("</figcaption>\n");
        }
        body.append("</figure>\n");
        return this;
    }

    /**
     * Adds a status badge: green with a check mark when met, red with a cross when not, so that the meaning
     * does not rest on colour alone.
     *
     * @param ok   whether the condition is met
     * @param text plain text shown in the badge
     * @return this page
     */
    public HtmlPage status(boolean ok, String text) {
        body.append("<p class=\"status\"><span class=\"badge ").append(ok ? "ok" : "ko").append("\">")
            .append(ok ? "&#10003; " : "&#10007; ").append(escape(text)).append("</span></p>\n");
        return this;
    }

    /**
     * Adds a notice: a paragraph set apart in a yellow box with a bar, for what a reader must see first (e.g. that
     * the region is synthetic).
     *
     * @param text plain text
     * @return this page
     */
    public HtmlPage notice(String text) {
        body.append("<p class=\"notice\" role=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * Adds a paragraph holding one link. Links are navigation only and load nothing when the page opens.
     *
     * @param href relative reference, fragment, or an {@code http}, {@code https} or {@code mailto} URI
     * @param text plain text of the link
     * @return this page
     * @throws IllegalArgumentException if href is null or uses another scheme (such as {@code javascript:})
     */
    public HtmlPage link(String href, String text) {
        checkHref(href);
        body.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    /**
     * Adds a bulleted list.
     *
     * @param items plain text items
     * @return this page
     */
    public HtmlPage list(List<String> items) {
        body.append("<ul>\n");
        if (items != null) {
            for (String item : items) {
                body.append("<li>").append(escape(item)).append("</li>\n");
            }
        }
        body.append("</ul>\n");
        return this;
    }

    /**
     * A link of the page's navigation bar.
     *
     * @param href    relative reference, fragment, or an {@code http}, {@code https} or {@code mailto} URI
     * @param text    plain text of the link
     * @param title   plain text shown on hover, or null
     * @param current whether it is this page: shown, not linked
     */
    public record NavLink(String href, String text, String title, boolean current) {
    }

    /**
     * The same page in another language: a language switch above the navigation, and a
     * {@code <link rel="alternate" hreflang>} in the head (metadata: it loads nothing).
     *
     * @param href relative reference to the other version
     * @param lang that version's language tag
     * @param text the language's own name, e.g. {@code English}
     */
    public record Alternate(String href, String lang, String text) {
    }

    /**
     * Adds a link to this page in another language; may be called once per language.
     *
     * @param alternate the other version
     * @return this page
     * @throws IllegalArgumentException if the href uses a scheme other than http, https or mailto, or the language
     *     tag is malformed
     */
    public HtmlPage alternate(Alternate alternate) {
        checkHref(alternate.href());
        if (alternate.lang() == null || !LANG.matcher(alternate.lang()).matches()) {
            throw new IllegalArgumentException("alternate language must be a tag such as \"en\", got "
                    + alternate.lang());
        }
        alternates.add(alternate);
        return this;
    }

    /**
     * Adds links to the navigation bar shown under the page header; may be called several times.
     *
     * @param links the links, in order
     * @return this page
     * @throws IllegalArgumentException if a link's href is null or uses a scheme other than http, https or mailto
     */
    public HtmlPage navigation(List<NavLink> links) {
        for (NavLink link : links) {
            checkHref(link.href());
            navigation.add(link);
        }
        return this;
    }

    /**
     * Adds a line to the page footer; may be called several times.
     *
     * @param text plain text
     * @return this page
     */
    public HtmlPage footer(String text) {
        footers.add(text);
        return this;
    }

    /**
     * Opens a {@code <section>} with an {@code <h2>}, closing the previous section if one is open; the last
     * section is closed by {@link #render()}.
     *
     * @param id      the section's {@code id}, for links {@code #id}: a letter then letters, digits, '-' or '_'
     * @param heading plain text of the {@code <h2>}, or null for none
     * @return this page
     * @throws IllegalArgumentException if the id is malformed
     */
    public HtmlPage section(String id, String heading) {
        if (id == null || !SECTION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("section id must be a letter followed by letters, digits, '-' or '_',"
                    + " got " + (id == null ? "null" : "\"" + id + "\""));
        }
        closeSection();
        body.append("<section id=\"").append(id).append("\">\n");
        if (heading != null) {
            body.append("<h2>").append(escape(heading)).append("</h2>\n");
        }
        sectionOpen = true;
        return this;
    }

    /**
     * Renders the full document: doctype, metadata, inline style, header, content and footer.
     *
     * @return the HTML5 document
     */
    public String render() {
        StringBuilder page = new StringBuilder(body.length() + CSS.length() + 1024);
        page.append("<!DOCTYPE html>\n")
            .append("<html lang=\"").append(escape(lang)).append("\">\n")
            .append("<head>\n")
            .append("<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<meta name=\"generator\" content=\"Energy Commons Workbench\">\n")
            .append("<title>").append(escape(title)).append("</title>\n");
        for (Alternate a : alternates) {
            page.append("<link rel=\"alternate\" hreflang=\"").append(escape(a.lang())).append("\" href=\"")
                .append(escape(a.href())).append("\">\n");
        }
        page
            .append("<style>\n").append(CSS).append("</style>\n")
            .append("</head>\n")
            .append("<body>\n")
            .append("<header>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String subtitle : subtitles) {
            page.append("<p class=\"subtitle\">").append(escape(subtitle)).append("</p>\n");
        }
        page.append("</header>\n");
        for (Alternate a : alternates) {
            page.append("<p class=\"lang\"><a href=\"").append(escape(a.href())).append("\" hreflang=\"")
                .append(escape(a.lang())).append("\" lang=\"").append(escape(a.lang())).append("\">")
                .append(escape(a.text())).append("</a></p>\n");
        }
        if (!navigation.isEmpty()) {
            page.append("<nav class=\"site\" aria-label=\"Navigation\"><ul>\n");
            for (NavLink link : navigation) {
                String title = link.title() == null ? "" : " title=\"" + escape(link.title()) + "\"";
                page.append("<li>").append(link.current()
                        ? "<strong aria-current=\"page\"" + title + ">" + escape(link.text()) + "</strong>"
                        : "<a href=\"" + escape(link.href()) + "\"" + title + ">" + escape(link.text()) + "</a>")
                    .append("</li>\n");
            }
            page.append("</ul></nav>\n");
        }
        page.append("<main>\n").append(body);
        if (sectionOpen) {
            page.append("</section>\n");
        }
        page.append("</main>\n");
        if (!footers.isEmpty()) {
            page.append("<footer>\n");
            for (String footer : footers) {
                page.append("<p>").append(escape(footer)).append("</p>\n");
            }
            page.append("</footer>\n");
        }
        page.append("</body>\n</html>\n");
        // A French page writes decimal commas; see DecimalComma for what it leaves alone.
        return lang.equals("fr") || lang.startsWith("fr-") ? DecimalComma.apply(page.toString()) : page.toString();
    }

    /**
     * A table cell ({@code <td>}) holding a count of a population, marked for the publication audit: {@value
     * #COUNT_OF}{@code ="<population>"}; when the text is not a number (nor empty or "—"), the count was left out
     * by statistical secrecy and the cell is also marked {@value #SUPPRESSED}.
     *
     * @param text the count as written, or the text of a suppressed count ({@link #suppressedCount(int)})
     * @param population what the count counts, e.g. {@code "dwellings"}; see docs/publication-policy.md
     * @return the cell's markup
     */
    public static String countCell(String text, String population) {
        boolean number = isNumber(text);
        boolean suppressed = !number && !isMissing(text);
        return "<td class=\"num\" " + COUNT_OF + "=\"" + escape(population) + "\"" + (suppressed ? " " + SUPPRESSED
                : "") + ">" + escape(text) + "</td>";
    }

    /**
     * What a table shows for a count of a protected population left out by statistical secrecy, in every
     * language: {@code "< 10"}.
     *
     * @param minPoints the least count that may be published
     * @return the cell text
     */
    public static String suppressedCount(int minPoints) {
        return "< " + minPoints;
    }

    /**
     * What a sentence says for a count left out by statistical secrecy: {@code "moins de 10"}, {@code "fewer than
     * 10"}.
     *
     * @param minPoints the least count that may be published
     * @param lang the sentence's language
     * @return the words
     */
    public static String suppressedCount(int minPoints, Lang lang) {
        return lang.t("moins de ", "fewer than ") + minPoints;
    }

    /**
     * Escapes text for HTML element content and quoted attribute values ({@code & < > " '}).
     *
     * @param text plain text; null gives the empty string
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Tells whether a table cell holds a number as written in a report, for example {@code 1234},
     * {@code -3.5}, {@code 1 234,5}, {@code 1.2e3}, {@code 12 %} or {@code 0.48 pt}.
     *
     * @param cell the cell text, may be null
     * @return true if the whole cell (trimmed) is a number
     */
    static boolean isNumber(String cell) {
        return cell != null && NUMBER.matcher(cell.strip()).matches();
    }

    private static boolean numericColumn(List<List<String>> rows, int column) {
        boolean any = false;
        for (List<String> row : rows) {
            String cell = row.get(column);
            if (isMissing(cell)) {
                continue;
            }
            if (!isNumber(cell)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static void checkHref(String href) {
        if (href == null) {
            throw new IllegalArgumentException("link href must not be null");
        }
        var scheme = URI_SCHEME.matcher(href.strip());
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https") && !name.equals("mailto")) {
                throw new IllegalArgumentException("link href scheme must be http, https or mailto, got \""
                        + name + ":\"");
            }
        }
    }

    /** Whether a cell says a value is missing: empty, "-" or "—". */
    private static boolean isMissing(String cell) {
        return cell == null || cell.isBlank() || cell.strip().equals("-") || cell.strip().equals(Formats.MISSING);
    }

    private void closeSection() {
        if (sectionOpen) {
            body.append("</section>\n");
            sectionOpen = false;
        }
    }
}

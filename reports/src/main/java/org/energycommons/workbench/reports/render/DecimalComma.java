/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The French way of writing decimals on a rendered French page: {@code 12,7 %} and {@code 0,876}, not {@code 12.7 %}.
 *
 * <p>A page's sentences are built in both languages at once, with the same formatted numbers ({@link Formats} writes a
 * point); the page's HTML is the one place that knows it is French, so {@link HtmlPage#render()} passes a French page
 * through here. Only text is changed, never markup or attributes, and only a decimal number standing alone: a point
 * between two runs of digits with no letter or digit run on either side (a sentence's final point may follow), nor a
 * hyphen joining it to a word. Versions ({@code 4.1.0}), licences ({@code CC-BY-4.0}), identifiers
 * ({@code uc4.backtest}), dates and times are left as they are, and so is everything inside {@code <style>},
 * {@code <script>}, {@code <code>}, {@code <pre>} or an element marked {@code translate="no"} (code names and their
 * values).
 */
final class DecimalComma {

    private static final Pattern SEGMENT = Pattern.compile("<[^>]*>|[^<]+");
    private static final Pattern DECIMAL = Pattern.compile(
            "(?<![\\w.])(?<![A-Za-z]-)(\\d+)\\.(\\d+)(?!\\w)(?!\\.\\d)(?!-[A-Za-z])");
    private static final Pattern START = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)([^>]*)>");
    private static final Pattern LITERAL = Pattern.compile("style|script|code|pre", Pattern.CASE_INSENSITIVE);

    private DecimalComma() {
    }

    /**
     * The page with the decimal points of its text's numbers written as commas.
     *
     * @param html a page as {@link HtmlPage} renders it (escaped text, well-formed elements)
     * @return the French page
     */
    static String apply(String html) {
        StringBuilder out = new StringBuilder(html.length());
        String kept = null;
        int depth = 0;
        Matcher segment = SEGMENT.matcher(html);
        while (segment.find()) {
            String part = segment.group();
            if (part.startsWith("<")) {
                Matcher start = START.matcher(part);
                if (kept == null && start.matches() && !part.endsWith("/>")
                        && (LITERAL.matcher(start.group(1)).matches() || start.group(2).contains("translate=\"no\""))) {
                    kept = start.group(1).toLowerCase(java.util.Locale.ROOT);
                    depth = 1;
                } else if (kept != null && start.matches() && start.group(1).equalsIgnoreCase(kept)
                        && !part.endsWith("/>")) {
                    depth++;
                } else if (kept != null && part.regionMatches(true, 0, "</" + kept, 0, kept.length() + 2)) {
                    depth--;
                    if (depth == 0) {
                        kept = null;
                    }
                }
                out.append(part);
            } else {
                out.append(kept == null ? DECIMAL.matcher(part).replaceAll("$1,$2") : part);
            }
        }
        return out.toString();
    }
}

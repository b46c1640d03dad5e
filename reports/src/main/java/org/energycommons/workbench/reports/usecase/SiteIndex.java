/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;

/**
 * The renderer of the portal home page: every use case with its status and a link to its report, then the
 * information of the run that produced the pages (an ISO-8601 instant among them shown as every page shows times,
 * {@code 2026-12-06 01:48:42 UTC}).
 *
 * <p>The page is self-contained like every report ({@link HtmlPage}); its links are relative references to the
 * report pages, which load nothing when the page opens.
 */
public final class SiteIndex {

    /** The page title. */
    public static final String TITLE = "Energy Commons Workbench";

    /** The badge of a use case that was not run. */
    public static final String NOT_RUN = "non exécuté · not run";

    /** The badge of a use case whose success criteria are all met. */
    public static final String MET = "atteints · met";

    /** The badge of a use case with at least one success criterion not met. */
    public static final String NOT_MET = "non atteints · not met";

    private static final String NOWRAP = " style=\"white-space:nowrap\"";
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private SiteIndex() {
    }

    /**
     * A row of the portal: one use case and, if it was run, its outcome and the page that reports it.
     *
     * @param useCaseId      short id, e.g. {@code uc4}
     * @param title          title in French
     * @param titleEn        title in English
     * @param kind           descriptive, preventive, predictive, or a combination
     * @param href           relative link to the report page, null if not run
     * @param allCriteriaMet whether every criterion is met, null if not run
     * @param headline       key figures, e.g. {@code "MAPE 4.3 %, skill 35 %"}, may be null
     */
    public record Entry(String useCaseId, String title, String titleEn, String kind, String href,
                        Boolean allCriteriaMet, String headline) {
    }

    /**
     * Renders the portal home page.
     *
     * @param entries the use cases, in display order; null for none
     * @param run     information on the run (for example command, git commit, region, started, duration), in
     *                display order; null or empty for none
     * @return the HTML5 document
     * @throws IllegalArgumentException if an entry's link uses a scheme other than {@code http} or
     *     {@code https} (such as {@code javascript:})
     */
    public static String render(List<Entry> entries, Map<String, String> run) {
        List<Entry> rows = entries == null ? List.of() : entries;
        long runCount = rows.stream().filter(e -> e != null && e.allCriteriaMet() != null).count();

        HtmlPage page = HtmlPage.create(TITLE, "fr")
                .subtitle("Un commun numérique ouvert pour les données énergétiques des territoires : analyses "
                        + "reproductibles, code et méthodes publics.")
                .subtitle("An open digital commons for regional energy data: reproducible analyses, open code "
                        + "and methods.");

        UseCasePage.heading(page, "cas-usage", "Cas d'usage", "Use cases");
        page.paragraph(runCount + " cas d'usage sur " + rows.size() + (runCount > 1 ? " exécutés" : " exécuté")
                + " lors de cette exécution. · " + runCount + " of " + rows.size() + " use cases run.");
        page.html(table(rows));

        UseCasePage.heading(page, "execution", "Exécution", "Run");
        if (run == null || run.isEmpty()) {
            page.paragraph("Aucune information d'exécution. · No run information.");
        } else {
            Map<String, String> shown = new LinkedHashMap<>();
            run.forEach((key, value) -> shown.put(key, Formats.isInstant(value) ? Formats.timestamp(value) : value));
            page.keyValues(shown);
        }

        return page.footer(UseCasePage.FOOTER).render();
    }

    private static String table(List<Entry> entries) {
        StringBuilder t = new StringBuilder("<div class=\"table-wrap\"><table>\n<thead><tr>")
                .append("<th>Id</th><th>Cas d'usage · Use case</th><th>Type · Kind</th>")
                .append("<th>Critères · Criteria</th><th>Résultat · Headline</th><th>Rapport · Report</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Entry e : entries) {
            if (e == null) {
                continue;
            }
            t.append("<tr><td>").append(HtmlPage.escape(e.useCaseId())).append("</td>")
             .append("<td>").append(HtmlPage.escape(e.title()));
            if (e.titleEn() != null && !e.titleEn().isBlank()) {
                t.append("<br><small class=\"en\" lang=\"en\">").append(HtmlPage.escape(e.titleEn()))
                 .append("</small>");
            }
            t.append("</td><td>").append(HtmlPage.escape(e.kind())).append("</td>")
             .append("<td>").append(badge(e.allCriteriaMet())).append("</td>")
             .append("<td>").append(e.headline() == null ? Formats.MISSING : HtmlPage.escape(e.headline()))
             .append("</td>")
             .append("<td>");
            if (e.href() == null) {
                t.append(Formats.MISSING);
            } else {
                t.append("<a href=\"").append(HtmlPage.escape(checkedHref(e.href()))).append("\">")
                 .append("Rapport ").append(HtmlPage.escape(e.useCaseId())).append(" · report</a>");
            }
            t.append("</td></tr>\n");
        }
        return t.append("</tbody></table></div>").toString();
    }

    private static String badge(Boolean allCriteriaMet) {
        if (allCriteriaMet == null) {
            return "<span class=\"badge\"" + NOWRAP + ">" + HtmlPage.escape(NOT_RUN) + "</span>";
        }
        return allCriteriaMet
                ? "<span class=\"badge ok\"" + NOWRAP + ">&#10003; " + HtmlPage.escape(MET) + "</span>"
                : "<span class=\"badge ko\"" + NOWRAP + ">&#10007; " + HtmlPage.escape(NOT_MET) + "</span>";
    }

    private static String checkedHref(String href) {
        Matcher scheme = URI_SCHEME.matcher(href.strip());
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                throw new IllegalArgumentException("use-case link must be a relative reference or an http(s) URI, got "
                        + "scheme \"" + name + ":\" in " + href);
            }
        }
        return href;
    }
}

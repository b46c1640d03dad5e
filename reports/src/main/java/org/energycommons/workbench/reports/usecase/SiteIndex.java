/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The renderer of the portal home page, in one language: a banner when the region is synthetic, the overall
 * verdict, every use case with its status and a link to its report, then the information of the run that produced
 * the pages (an ISO-8601 instant among them shown as every page shows times, {@code 2026-12-06 01:48:42 UTC}).
 *
 * <p>The page is self-contained like every report ({@link HtmlPage}); its links are relative references to the
 * report pages, which load nothing when the page opens.
 */
public final class SiteIndex {

    /** The page title. */
    public static final String TITLE = "Energy Commons Workbench";

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
     * @param criteriaMet    how many of its criteria are met (0 if not run)
     * @param criteria       how many criteria it declares
     * @param headline       key figures in a language, e.g. {@code "MAPE 4.3 %, skill 35 %"}; null when not run
     * @param framing        relative link to its framing note, null without one
     * @param synthesis      relative link to its synthesis note, null without one
     * @param modelCard      relative link to the best model's card, null without one
     */
    public record Entry(String useCaseId, String title, String titleEn, String kind, String href,
                        Boolean allCriteriaMet, long criteriaMet, int criteria, Function<Lang, String> headline,
                        String framing, String synthesis, String modelCard) {

        /** A row without synthesis note nor model card. */
        public Entry(String useCaseId, String title, String titleEn, String kind, String href, Boolean allCriteriaMet,
                     long criteriaMet, int criteria, Function<Lang, String> headline) {
            this(useCaseId, title, titleEn, kind, href, allCriteriaMet, criteriaMet, criteria, headline, null, null,
                    null);
        }

        /** This row with links to its framing note, synthesis note and best model's card (any may be null). */
        public Entry withDocuments(String framingNote, String synthesisNote, String card) {
            return new Entry(useCaseId, title, titleEn, kind, href, allCriteriaMet, criteriaMet, criteria, headline,
                    framingNote, synthesisNote, card);
        }
    }

    /**
     * How the synthetic region behind the pages was generated.
     *
     * @param seed   the generator's seed
     * @param meters the electricity meters
     * @param days   the days of data
     * @param start  the first day
     */
    public record SyntheticRegion(long seed, int meters, int days, java.time.LocalDate start) {

        String describe(Lang lang) {
            return lang.t("graine " + seed + ", " + meters + " compteurs, " + days + " jours depuis le " + start,
                    "seed " + seed + ", " + meters + " meters, " + days + " days from " + start);
        }
    }

    /**
     * Renders the portal home page in one language.
     *
     * @param entries   the use cases, in display order; null for none
     * @param run       information on the run (for example command, git commit, region, started, duration), in
     *                  display order; null or empty for none
     * @param synthetic how the synthetic region was made, shown in a banner; null when the data are real
     * @param report    relative link to the final report, null without one
     * @param lang      the language of this version
     * @return the HTML5 document
     * @throws IllegalArgumentException if an entry's link uses a scheme other than {@code http} or
     *     {@code https} (such as {@code javascript:})
     */
    public static String render(List<Entry> entries, Map<String, String> run, SyntheticRegion synthetic,
                                String report, Lang lang) {
        List<Entry> rows = entries == null ? List.of() : entries.stream().filter(Objects::nonNull).toList();
        HtmlPage page = HtmlPage.create(TITLE, lang.tag())
                .subtitle(lang.t("Un commun numérique ouvert pour les données énergétiques des territoires : "
                        + "analyses reproductibles, code et méthodes publics.", "An open digital commons for regional "
                        + "energy data: reproducible analyses, open code and methods."))
                .alternate(UseCasePage.alternate(UseCasePage.INDEX, lang))
                .navigation(UseCasePage.navigation(null, lang));
        if (synthetic != null) {
            String how = synthetic.describe(lang);
            page.notice(lang.t("Région synthétique : toutes les données de ces pages sont générées (" + how + "). "
                    + "Les résultats montrent ce que les méthodes savent faire, pas l'état d'un territoire réel.",
                    "Synthetic region: every figure on these pages comes from generated data (" + how + "). The "
                    + "results show what the methods can do, not the state of a real region."));
        }

        page.section("verdict", lang.t("Verdict d'ensemble", "Overall verdict"));
        verdict(page, rows, lang);
        if (report != null) {
            page.link(checkedHref(report), lang.t("Rapport final : les six cas d'usage, la modélisation, la "
                    + "gouvernance des données et la reproductibilité", "Final report: the six use cases, modelling, "
                    + "data governance and reproducibility"));
            page.link(CataloguePage.PAGE, lang.t("Catalogue des données : sources et tables, licences et couverture",
                    "Data catalogue: sources and tables, licences and coverage"));
        }

        page.section("cas-usage", lang.t("Cas d'usage", "Use cases"));
        page.html(table(rows, lang));

        page.section("execution", lang.t("Exécution", "Run"));
        if (run == null || run.isEmpty()) {
            page.paragraph(lang.t("Aucune information d'exécution.", "No run information."));
        } else {
            Map<String, String> shown = new LinkedHashMap<>();
            run.forEach((key, value) -> shown.put(runKey(key, lang),
                    Formats.isInstant(value) ? Formats.timestamp(value) : value));
            page.keyValues(shown);
        }
        return page.footer(UseCasePage.footer(lang)).render();
    }

    /**
     * The site root's {@code index.html}: opens the French version at once ({@code <meta http-equiv="refresh">},
     * a navigation, not a request) and links both versions for a browser that does not follow it.
     *
     * @return the HTML5 document
     */
    public static String root() {
        String first = Lang.ALL.get(0).tag() + "/" + UseCasePage.INDEX;
        HtmlPage page = HtmlPage.create(TITLE, Lang.ALL.get(0).tag());
        page.html("<meta http-equiv=\"refresh\" content=\"0; url=" + first + "\">");
        for (Lang l : Lang.ALL) {
            page.link(l.tag() + "/" + UseCasePage.INDEX, l.displayName());
        }
        return page.render();
    }

    /** The overall verdict: use cases run, those meeting every criterion, criteria met, those that fall short. */
    private static void verdict(HtmlPage page, List<Entry> rows, Lang lang) {
        List<Entry> run = rows.stream().filter(e -> e.allCriteriaMet() != null).toList();
        long allMet = run.stream().filter(Entry::allCriteriaMet).count();
        long met = run.stream().mapToLong(Entry::criteriaMet).sum();
        long criteria = run.stream().mapToLong(Entry::criteria).sum();
        if (run.isEmpty()) {
            page.status(false, lang.t("Aucun cas d'usage exécuté.", "No use case run."));
            return;
        }
        boolean ok = allMet == run.size() && run.size() == rows.size();
        page.status(ok, lang.t(allMet + " cas d'usage sur " + rows.size() + " atteignent tous leurs critères ("
                + met + " critères atteints sur " + criteria + ")", allMet + " of " + rows.size()
                + " use cases meet all their criteria (" + met + " of " + criteria + " criteria met)"));
        for (Entry e : run) {
            if (!e.allCriteriaMet()) {
                page.paragraph(lang.t(e.useCaseId() + " (" + e.title() + ") : " + e.criteriaMet() + " critère(s) "
                        + "atteint(s) sur " + e.criteria() + " ; voir sa page.", e.useCaseId() + " (" + e.titleEn()
                        + "): " + e.criteriaMet() + " of " + e.criteria() + " criteria met; see its page."));
            }
        }
        long notRun = rows.size() - run.size();
        if (notRun > 0) {
            page.paragraph(lang.t(notRun + " cas d'usage non exécuté(s) lors de cette exécution.",
                    notRun + " use case(s) not run in this run."));
        }
    }

    private static String table(List<Entry> entries, Lang lang) {
        StringBuilder t = new StringBuilder("<div class=\"table-wrap\"><table>\n<thead><tr>")
                .append("<th>Id</th><th>").append(lang.t("Cas d'usage", "Use case")).append("</th><th>")
                .append(lang.t("Type", "Kind")).append("</th><th>").append(lang.t("Critères", "Criteria"))
                .append("</th><th>").append(lang.t("Résultat", "Headline")).append("</th><th>")
                .append(lang.t("Documents", "Documents")).append("</th></tr></thead>\n<tbody>\n");
        for (Entry e : entries) {
            t.append("<tr><td").append(NOWRAP).append(">").append(HtmlPage.escape(e.useCaseId())).append("</td>")
             .append("<td>").append(HtmlPage.escape(lang.t(e.title(), e.titleEn()))).append("</td>")
             .append("<td>").append(HtmlPage.escape(MetricLabels.kind(e.kind(), lang))).append("</td>")
             .append("<td>").append(badge(e, lang)).append("</td>")
             .append("<td>").append(e.headline() == null ? Formats.MISSING : HtmlPage.escape(e.headline().apply(lang)))
             .append("</td><td>");
            List<String> links = new java.util.ArrayList<>();
            link(links, e.framing(), lang.t("Note de cadrage", "Framing note"));
            link(links, e.synthesis(), lang.t("Note de synthèse", "Synthesis note"));
            link(links, e.href(), lang.t("Rapport ", "Report ") + e.useCaseId());
            link(links, e.modelCard(), lang.t("Fiche du modèle", "Model card"));
            t.append(links.isEmpty() ? Formats.MISSING : String.join("<br>", links)).append("</td></tr>\n");
        }
        return t.append("</tbody></table></div>").toString();
    }

    /** A run-information key in a language: the ones the CLI writes have a French name. */
    static String runKey(String key, Lang lang) {
        return lang == Lang.EN ? key : switch (key) {
            case "command" -> "commande";
            case "git commit" -> "commit git";
            case "lake" -> "lac de données";
            case "started" -> "début";
            case "duration" -> "durée";
            default -> key;
        };
    }

    private static void link(List<String> links, String href, String text) {
        if (href != null) {
            links.add("<a href=\"" + HtmlPage.escape(checkedHref(href)) + "\">" + HtmlPage.escape(text) + "</a>");
        }
    }

    /** The status badge of a use case: not run, all met, or how many met. */
    static String badge(Entry e, Lang lang) {
        if (e.allCriteriaMet() == null) {
            return "<span class=\"badge\"" + NOWRAP + ">" + HtmlPage.escape(lang.t("non exécuté", "not run"))
                    + "</span>";
        }
        String count = e.criteriaMet() + "/" + e.criteria();
        return e.allCriteriaMet()
                ? "<span class=\"badge ok\"" + NOWRAP + ">&#10003; " + lang.t("atteints ", "met ") + count + "</span>"
                : "<span class=\"badge ko\"" + NOWRAP + ">&#10007; " + lang.t("atteints ", "met ") + count + "</span>";
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

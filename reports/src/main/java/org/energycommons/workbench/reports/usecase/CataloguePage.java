/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The catalogue page of the portal, in one language: every source the workbench ingests with its producer, licence
 * and personal-data status, then every table of the lake with its licence, Delta version and coverage, read from
 * the lake's catalogue ({@code registry/catalog}).
 */
public final class CataloguePage {

    /** The page, relative to the index. */
    public static final String PAGE = "catalogue.html";

    private CataloguePage() {
    }

    /**
     * Renders the page.
     *
     * @param entries     the catalogue's entries, sources and tables, in the catalogue's order
     * @param generatedAt when the page is made, ISO-8601
     * @param lang        the language of this version
     * @return the HTML5 document
     */
    public static String render(List<CatalogueEntry> entries, String generatedAt, Lang lang) {
        return render(entries, List.of(), generatedAt, lang);
    }

    /**
     * An open dataset as the catalogue page lists it.
     *
     * @param name    the dataset's name
     * @param titleFr its French title
     * @param titleEn its English title
     * @param licence its SPDX licence
     * @param rows    its number of rows
     * @param csv     its CSV file, relative to {@code DIR/publish/}
     * @param parquet its Parquet file, relative to {@code DIR/publish/}
     */
    public record OpenDataset(String name, String titleFr, String titleEn, String licence, long rows, String csv,
                              String parquet) {
    }

    /** Where the site's pages find {@code DIR/publish/}: {@code DIR/site/<lang>/} is two folders below. */
    public static final String PUBLISH = "../../publish/";

    /**
     * Renders the page with the open datasets of {@code DIR/publish/} first.
     *
     * @param entries     the catalogue's entries, sources and tables, in the catalogue's order
     * @param openData    the open datasets written by the last publication, in order
     * @param generatedAt when the page is made, ISO-8601
     * @param lang        the language of this version
     * @return the HTML5 document
     */
    public static String render(List<CatalogueEntry> entries, List<OpenDataset> openData, String generatedAt,
                                Lang lang) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(openData, "openData");
        HtmlPage page = HtmlPage.create(lang.t("Catalogue des données", "Data catalogue"), lang.tag())
                .subtitle(lang.t("Sources et tables du lac, avec leur licence et leur couverture",
                        "Sources and lake tables, with their licence and coverage"))
                .subtitle(lang.t("généré le ", "generated ") + Formats.timestamp(generatedAt))
                .alternate(UseCasePage.alternate(PAGE, lang))
                .navigation(UseCasePage.navigation(null, lang).stream()
                        .map(l -> new HtmlPage.NavLink(l.href(), l.text(), l.title(), false)).toList());
        List<CatalogueEntry> sources = entries.stream().filter(CatalogueEntry::isSource).toList();
        List<CatalogueEntry> tables = entries.stream().filter(e -> !e.isSource()).toList();

        if (!openData.isEmpty()) {
            page.section("open-data", lang.t("Données ouvertes", "Open data"));
            page.paragraph(lang.t(openData.size() + " jeux de données agrégés, passés par le secret statistique, "
                    + "en CSV et Parquet, décrits par un Data Package Frictionless, un catalogue DCAT-AP et le catalogue "
                    + "SCDL de data.gouv.fr. Les tables de données personnelles n'en font jamais partie.",
                    openData.size() + " aggregated datasets, through statistical secrecy, as CSV and Parquet, "
                    + "described by a Frictionless Data Package, a DCAT-AP catalogue and the data.gouv.fr SCDL "
                    + "catalogue. Personal-data tables are never part of them."));
            page.html("<p>" + link(PUBLISH + "datapackage.json", "datapackage.json") + " · "
                    + link(PUBLISH + "dcat.jsonld", "dcat.jsonld") + " · "
                    + link(PUBLISH + "catalogue-scdl.csv", "catalogue-scdl.csv") + "</p>");
            StringBuilder t = new StringBuilder("<table><thead><tr><th>")
                    .append(HtmlPage.escape(lang.t("Jeu de données", "Dataset"))).append("</th><th>")
                    .append(HtmlPage.escape(lang.t("Titre", "Title"))).append("</th><th>")
                    .append(HtmlPage.escape(lang.t("Licence", "Licence"))).append("</th><th>")
                    .append(HtmlPage.escape(lang.t("Lignes", "Rows"))).append("</th><th>")
                    .append(HtmlPage.escape(lang.t("Fichiers", "Files"))).append("</th></tr></thead><tbody>");
            for (OpenDataset d : openData) {
                t.append("<tr><td><code>").append(HtmlPage.escape(d.name())).append("</code></td><td>")
                        .append(HtmlPage.escape(lang.t(d.titleFr(), d.titleEn()))).append("</td><td>")
                        .append(HtmlPage.escape(d.licence())).append("</td><td>")
                        .append(HtmlPage.escape(Formats.whole(d.rows()))).append("</td><td>")
                        .append(link(PUBLISH + d.csv(), "CSV")).append(" · ")
                        .append(link(PUBLISH + d.parquet(), "Parquet")).append("</td></tr>");
            }
            page.html(t.append("</tbody></table>").toString());
        }
        page.section("sources", lang.t("Sources", "Sources"));
        page.paragraph(lang.t(sources.size() + " formats de sources réelles que les connecteurs savent ingérer ; les "
                + "descriptions sont celles des connecteurs, en anglais.", sources.size() + " real source formats the "
                + "connectors can ingest."));
        List<List<String>> rows = new ArrayList<>();
        for (CatalogueEntry s : sources) {
            rows.add(List.of(s.name(), s.description(), s.producer(), s.licence(),
                    s.personalData() == null ? Formats.MISSING : s.personalData() ? lang.t("oui", "yes")
                            : lang.t("non", "no")));
        }
        page.table(List.of("Source", lang.t("Description (en anglais)", "Description"),
                lang.t("Producteur", "Producer"), lang.t("Licence", "Licence"),
                lang.t("Données personnelles", "Personal data")), rows);

        page.section("tables", lang.t("Tables du lac", "Lake tables"));
        page.paragraph(lang.t(tables.size() + " tables Delta ; bronze garde les identifiants en clair et n'est jamais "
                + "publié, silver et gold sont pseudonymisés.", tables.size() + " Delta tables; bronze keeps "
                + "identifiers in clear and is never published, silver and gold are pseudonymised."));
        rows = new ArrayList<>();
        for (CatalogueEntry t : tables) {
            rows.add(List.of(t.name(), t.description(), t.licence(),
                    t.personalData() == null ? Formats.MISSING : t.personalData() ? lang.t("oui", "yes")
                            : lang.t("non", "no"), Objects.toString(t.version(), Formats.MISSING),
                    Objects.toString(t.temporal(), Formats.MISSING), Objects.toString(t.spatial(), Formats.MISSING)));
        }
        page.table(List.of("Table", lang.t("Description (en anglais)", "Description"), lang.t("Licence", "Licence"),
                lang.t("Données personnelles", "Personal data"), "Version",
                lang.t("Période couverte", "Period covered"), lang.t("Couverture spatiale",
                        "Spatial coverage")), rows);
        return page.footer(UseCasePage.footer(lang)).render();
    }

    private static String link(String href, String text) {
        return "<a href=\"" + HtmlPage.escape(href) + "\">" + HtmlPage.escape(text) + "</a>";
    }
}

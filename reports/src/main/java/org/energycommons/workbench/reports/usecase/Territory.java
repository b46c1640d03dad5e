/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * What a use case's figures mean for the region, in one language: paragraphs written from its published figures
 * (which substations risk congestion and when, how many public buildings need a visit, what the works saved...)
 * and, where the use case publishes per-commune results, a map of them. Its technical page and its synthesis note
 * both show it.
 *
 * @param paragraphs the reading, one paragraph each
 * @param map        the map's {@code <svg>}, or null when the use case has none or the lake knows no commune's
 *                   position
 * @param caption    the map's caption, or null
 */
public record Territory(List<String> paragraphs, String map, String caption) {

    /** Copies the paragraphs. */
    public Territory {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The section's id on a page. */
    public static final String SECTION = "territoire";

    /** The section's heading in a language. */
    public static String heading(Lang lang) {
        return lang.t("Ce que cela signifie pour le territoire", "What it means for the region");
    }

    /** Writes the paragraphs, then the map with its caption, into the current section of a page. */
    public void render(HtmlPage page, Lang lang) {
        if (paragraphs.isEmpty()) {
            page.paragraph(lang.t("Aucun résultat publiable pour le territoire.",
                    "No publishable result for the region."));
        }
        paragraphs.forEach(page::paragraph);
        if (map != null) {
            page.figure(map, caption);
        }
    }

    /**
     * A reading with a map of the region's communes drawn by {@code draw}; without a map (and a sentence saying
     * why) when the region has no commune with a position.
     */
    public static Territory withMap(List<String> paragraphs, RegionDescription region,
                                    Function<List<CommuneMap.Place>, String> draw, String caption, Lang lang) {
        if (region == null || region.communes().isEmpty()) {
            List<String> all = new java.util.ArrayList<>(paragraphs);
            all.add(lang.t("Pas de carte : le lac ne donne la position d'aucune commune (table silver/communes, "
                    + "colonnes latitude et longitude).", "No map: the lake gives no commune's position (table "
                    + "silver/communes, columns latitude and longitude)."));
            return new Territory(all, null, null);
        }
        return new Territory(paragraphs, draw.apply(region.communes()), caption);
    }

    /**
     * A reading with a map of shares (e.g. of dwellings probably F/G) by commune: circles coloured on five classes
     * of percentages, sized by a count.
     *
     * @param value   what the colours give, e.g. "Share of the commune's dwellings probably F or G"
     * @param size    what the circles' area gives, e.g. "Disc area: dwellings"
     */
    public static Territory withShareMap(List<String> paragraphs, RegionDescription region, String title,
                                         List<CommuneMap.Mark> marks, String value, String size, String caption,
                                         Lang lang) {
        return withMap(paragraphs, region, places -> CommuneMap.scale(title, places, marks, Formats::percent,
                legend(value, size, lang)), caption, lang);
    }

    /** The legend's entries shared by every map, with the kind's own words for the colours and the sizes. */
    public static CommuneMap.Legend legend(String value, String size, Lang lang) {
        return new CommuneMap.Legend(value, size, lang.t("non publié (secret statistique)",
                "withheld (statistical secrecy)"), lang.t("commune sans résultat publié",
                "commune without a published result"));
    }

    /** Commune names by code, for sentences; a code the region does not place is its own name. */
    public static Map<String, String> names(RegionDescription region) {
        return region == null ? Map.of() : region.communes().stream()
                .collect(Collectors.toMap(CommuneMap.Place::code, CommuneMap.Place::name, (a, b) -> a));
    }

    /** A span of days for a sentence: "le 2024-12-10" for one day, "du 2024-12-10 au 2024-12-20" for several. */
    public static String days(String first, String last, Lang lang) {
        return first.equals(last) ? lang.t("le " + first, "on " + first)
                : lang.t("du " + first + " au " + last, "from " + first + " to " + last);
    }

    /** A commune's name (code) for a sentence. */
    public static String commune(Map<String, String> names, String code) {
        String name = names.get(code);
        return name == null || name.equals(code) ? code : name + " (" + code + ")";
    }
}

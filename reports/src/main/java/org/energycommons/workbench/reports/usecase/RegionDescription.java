/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.time.LocalDate;
import java.util.List;

import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.Lang;

/**
 * What the data behind a page are: a generated synthetic region (its size, first day and seed) or data ingested into
 * a lake; worded in each language by {@link #describe}.
 *
 * @param synthetic   whether the region was generated
 * @param meters      electricity meters of a synthetic region
 * @param substations HV/LV substations of a synthetic region
 * @param days        days of data of a synthetic region
 * @param start       first day of a synthetic region; null for ingested data
 * @param seed        the generator's seed
 * @param lake        where the lake is, for ingested data; null for a synthetic region
 * @param communes    the communes whose centre the lake knows, for the maps; empty when it knows none
 */
public record RegionDescription(boolean synthetic, int meters, int substations, int days, LocalDate start, long seed,
                                String lake, List<CommuneMap.Place> communes) {

    /** Copies the communes. */
    public RegionDescription {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    /** A generated region. */
    public static RegionDescription synthetic(int meters, int substations, int days, LocalDate start, long seed,
                                              List<CommuneMap.Place> communes) {
        return new RegionDescription(true, meters, substations, days, start, seed, null, communes);
    }

    /** Data ingested into the lake at {@code lake}. */
    public static RegionDescription ingested(String lake, List<CommuneMap.Place> communes) {
        return new RegionDescription(false, 0, 0, 0, null, 0, lake, communes);
    }

    /** The description in a language. */
    public String describe(Lang lang) {
        if (!synthetic) {
            return lang.t("données ingérées (lac " + lake + ")", "ingested data (lake " + lake + ")");
        }
        return lang.t("région synthétique de " + meters + " compteurs et " + substations + " postes, " + days
                + " jours depuis le " + start + ", graine " + seed, "synthetic region of " + meters + " meters and "
                + substations + " substations, " + days + " days from " + start + ", seed " + seed);
    }
}

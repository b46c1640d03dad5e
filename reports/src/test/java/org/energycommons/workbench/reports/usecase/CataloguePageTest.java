/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContainedVersion;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.energycommons.workbench.reports.render.Lang;
import org.junit.jupiter.api.Test;

/** The catalogue page lists every source with its licence and personal-data status, every table with its coverage. */
class CataloguePageTest {

    private static final List<CatalogueEntry> ENTRIES = List.of(
            new CatalogueEntry(CatalogueEntry.SOURCE, "enedis-load-curve-json", "Load curve of one delivery point",
                    "Enedis", "proprietary (customer data, shared with consent)", true, null, null, null),
            new CatalogueEntry(CatalogueEntry.SOURCE, "meteofrance-hourly", "Hourly weather", "Météo-France",
                    "etalab-2.0", false, 4L, "2023-01-01 .. 2024-12-31", "4 station_id"),
            new CatalogueEntry(CatalogueEntry.TABLE, "silver/load_curve", "Half-hourly load per pseudonymised meter",
                    "Energy Commons Workbench (synthetic region)", "internal (personal data, not published)", true, 2L,
                    "2022-12-31 23:00:00.0 .. 2024-12-30 22:30:00.0", null));

    @Test
    void listsSourcesAndTablesWithLicencesAndCoverage() {
        String html = CataloguePage.render(ENTRIES, "2026-12-06T10:00:00Z", Lang.FR);
        writeSample("catalogue.html", html);
        String sources = section(html, "sources");
        assertTrue(sources.contains("2 formats de sources réelles"), sources);
        assertTrue(sources.contains("<td>enedis-load-curve-json</td><td>Load curve of one delivery point</td>"
                + "<td>Enedis</td><td>proprietary (customer data, shared with consent)</td><td>oui</td>"), sources);
        assertTrue(sources.contains("<td>meteofrance-hourly</td>") && sources.contains("<td>non</td>"));
        assertFalse(sources.contains("silver/load_curve"), "tables are listed apart");
        String tables = section(html, "tables");
        assertTrue(tables.contains("<td>silver/load_curve</td><td>Half-hourly load per pseudonymised meter</td>"
                + "<td>internal (personal data, not published)</td><td>oui</td><td class=\"num\">2</td>"
                + "<td>2022-12-31 23:00:00,0 .. 2024-12-30 22:30:00,0</td><td>—</td>"), tables);
        assertFalse(html.contains("id=\"open-data\""), "no open-data section before a publication");
        assertSelfContainedVersion(html, Lang.FR, CataloguePage.PAGE);
        String english = CataloguePage.render(ENTRIES, "2026-12-06T10:00:00Z", Lang.EN);
        for (String french : List.of("Producteur", "Couverture", "oui", "tables Delta", "en anglais")) {
            assertFalse(english.contains(french), french);
        }
    }

    @Test
    void listsTheOpenDatasetsWithLinksToTheirFiles() {
        List<CataloguePage.OpenDataset> open = List.of(new CataloguePage.OpenDataset("uc5_passoires_by_commune",
                "Logements F ou G par commune", "F or G dwellings by commune", "etalab-2.0", 4,
                "data/uc5_passoires_by_commune.csv", "data/uc5_passoires_by_commune.parquet"));
        String html = CataloguePage.render(ENTRIES, open, "2026-12-06T10:00:00Z", Lang.FR);
        writeSample("catalogue-open-data.html", html);
        String section = section(html, "open-data");
        assertTrue(section.contains("<a href=\"../../publish/datapackage.json\">datapackage.json</a>"), section);
        assertTrue(section.contains("<td><code>uc5_passoires_by_commune</code></td><td>Logements F ou G par commune"
                + "</td><td>etalab-2.0</td><td>4</td><td><a href=\"../../publish/data/uc5_passoires_by_commune.csv\">"
                + "CSV</a>"), section);
        assertTrue(CataloguePage.render(ENTRIES, open, "2026-12-06T10:00:00Z", Lang.EN)
                .contains("F or G dwellings by commune"));
    }
}

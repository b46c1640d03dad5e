package org.energycommons.workbench.reports.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.energycommons.workbench.reports.render.Lang;
import org.junit.jupiter.api.Test;

/** The local-authority page of a commune, in both languages, from hand-made data (no Spark). */
class CommunePageTest {

    private static CommunePageData data(List<CommunePageData.PublishedRows> published) {
        return CommuneSample.data(published);
    }

    @Test
    void theFrenchPageRanksTheBuildingsAndLinksTheEnglishOne() {
        String fr = CommunePage.render(data(List.of()), Lang.FR, "r.en.html");
        assertTrue(fr.contains("<html lang=\"fr\">"), "French first");
        assertTrue(fr.contains("Bâtiments publics de Valbrune &lt;&amp;&gt; (99001)"), "escaped name");
        assertTrue(fr.contains("href=\"r.en.html\""), "links the English page");
        assertTrue(fr.indexOf("BAT-1-0001") < fr.indexOf("BAT-1-0002"), "ranked as given: largest potential first");
        assertTrue(fr.contains("2 bâtiments publics ; 1 avec au moins une alerte ; 1 avec des travaux évalués ; "
                + "potentiel d&#39;économie cumulé 55000 kWh/an (du 2024-01-01 au 2024-12-30)."), fr);
        assertTrue(fr.contains("11,4 %"), "a decimal comma in French");
        assertTrue(fr.contains("spike_ratio = 5,01"), "the evidence the rule read");
        assertTrue(fr.contains("Aucun jeu de données ouvert"), "nothing published yet is said");
        assertTrue(fr.contains(">D<"), "the town hall's certificate class");
        assertFalse(fr.contains("Aucun bâtiment public de la commune n&#39;a de DPE"));
    }

    @Test
    void theEnglishPageSaysTheSameInEnglishWithThePublishedRows() {
        CommunePageData.PublishedRows rows = new CommunePageData.PublishedRows("uc5_passoires_by_commune",
                "Logements F ou G / Dwellings F or G", List.of("commune_code", "dwellings"),
                List.of(List.of("99001", "120")));
        String en = CommunePage.render(data(List.of(rows)), Lang.EN, "r.html");
        assertTrue(en.contains("<html lang=\"en\">"));
        assertTrue(en.contains("2 public buildings; 1 with at least one alert; 1 with evaluated works; total savings "
                + "potential 55000 kWh/year (2024-01-01 to 2024-12-30)."), en);
        assertTrue(en.contains("11.4 %"));
        assertTrue(en.contains("uc5_passoires_by_commune") && en.contains("<td class=\"num\">120</td>")
                || en.contains(">120<"), "the commune's published rows");
        assertTrue(en.contains("commune_\u200Bcode</th>"), "a column name may break after an underscore");
        assertEquals(-1, en.indexOf("Potentiel"), "no French left on the English page");
    }
}

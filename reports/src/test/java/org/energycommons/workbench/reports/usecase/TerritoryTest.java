/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.uc1.Uc1Page;
import org.energycommons.workbench.reports.usecase.uc1.Uc1Sample;
import org.energycommons.workbench.reports.usecase.uc2.Uc2Page;
import org.energycommons.workbench.reports.usecase.uc2.Uc2Sample;
import org.energycommons.workbench.reports.usecase.uc3.Uc3Page;
import org.energycommons.workbench.reports.usecase.uc3.Uc3PageData;
import org.energycommons.workbench.reports.usecase.uc3.Uc3Sample;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Page;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Sample;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Page;
import org.energycommons.workbench.reports.usecase.uc5.Uc5PageData;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Sample;
import org.energycommons.workbench.reports.usecase.uc6.Uc6Page;
import org.energycommons.workbench.reports.usecase.uc6.Uc6Sample;
import org.junit.jupiter.api.Test;

/**
 * Each use case's reading for the region is written from its figures, in both languages, with a map of the communes
 * where it publishes per-commune results, and says so when the lake places no commune.
 */
class TerritoryTest {

    private static final Map<String, Function<Lang, Territory>> READINGS = Map.of(
            "uc1", lang -> Uc1Page.territory(Uc1Sample.data(), lang),
            "uc2", lang -> Uc2Page.territory(Uc2Sample.data(), lang),
            "uc3", lang -> Uc3Page.territory(Uc3Sample.data(), lang),
            "uc4", lang -> Uc4Page.territory(Uc4Sample.data(), lang),
            "uc5", lang -> Uc5Page.territory(Uc5Sample.data(), lang),
            "uc6", lang -> Uc6Page.territory(Uc6Sample.data(), lang));

    private static String text(Territory t) {
        return String.join("\n", t.paragraphs());
    }

    @Test
    void everyUseCaseReadsItsFiguresInBothLanguagesWithAMapWhereItPublishesByCommune() {
        READINGS.forEach((id, reading) -> {
            Territory fr = reading.apply(Lang.FR);
            Territory en = reading.apply(Lang.EN);
            assertTrue(!fr.paragraphs().isEmpty(), id);
            assertNotEquals(text(fr), text(en), id + ": two languages");
            if (id.equals("uc3")) {
                assertNull(fr.map(), "uc3 publishes no per-commune result");
            } else {
                assertNotNull(fr.map(), id);
                assertTrue(fr.map().startsWith("<svg"), id);
                assertTrue(fr.map().contains("Valbrune"), id + ": the communes are named on the map");
                assertNotEquals(fr.caption(), en.caption(), id);
            }
        });
    }

    @Test
    void theSentencesCarryTheFigures() {
        assertTrue(text(READINGS.get("uc2").apply(Lang.FR)).contains("9 des 27 bâtiments publics"));
        assertTrue(text(READINGS.get("uc2").apply(Lang.EN)).contains("9 of the 27 public buildings"));
        assertTrue(text(READINGS.get("uc2").apply(Lang.FR)).contains("1 commune(s) ne sont pas détaillées"),
                "a commune the guard withholds is counted, not named");

        Uc3PageData.SavingsGroup all = Uc3Sample.data().allRenovated();
        assertTrue(text(READINGS.get("uc3").apply(Lang.FR)).contains(all.buildings() + " bâtiments rénovés évalués "
                + "ont économisé " + Formats.fixed(all.savingsMwh(), 1) + " MWh"));

        String uc4 = text(READINGS.get("uc4").apply(Lang.FR));
        assertTrue(uc4.contains("5 des 6 postes publiés ont eu des heures d'alerte"), uc4);
        assertTrue(uc4.contains("du 2024-11-12 au 2024-12-20, surtout vers 19 h"), uc4);
        assertTrue(uc4.contains("le 2024-12-02"), "one alert day reads as one day: " + uc4);

        List<Uc5PageData.CommuneRow> communes = Uc5Sample.data().communes().stream()
                .filter(c -> c.estimatedFg() != null).toList();
        long dwellings = communes.stream().mapToLong(Uc5PageData.CommuneRow::dwellings).sum();
        long estimated = communes.stream().mapToLong(Uc5PageData.CommuneRow::estimatedFg).sum();
        assertTrue(text(READINGS.get("uc5").apply(Lang.EN)).contains(estimated + " of the " + dwellings
                + " dwellings are probably poorly insulated"));

        String uc6 = text(READINGS.get("uc6").apply(Lang.FR));
        assertTrue(uc6.contains("6 alerte(s) de pointe de froid"), uc6);
        assertTrue(uc6.contains("0 juste(s), 6 fausse(s)"), "false alerts are said: " + uc6);
        assertTrue(uc6.contains("n'a jamais dépassé la capacité"), uc6);
    }

    @Test
    void saysWhyThereIsNoMapWhenTheLakePlacesNoCommune() {
        Uc5PageData d = Uc5Sample.data();
        Uc5PageData unplaced = new Uc5PageData(d.useCase(), d.result(), d.tables(),
                RegionDescription.ingested("/data/lake", List.of()), d.split(), d.insufficient(), d.confusionTest(),
                d.confusionHeldOut(), d.classRecall(), d.intensity(), d.communes(), d.gap(), d.generatedAt(),
                d.minPoints());
        for (Lang lang : Lang.ALL) {
            Territory t = Uc5Page.territory(unplaced, lang);
            assertNull(t.map());
            assertTrue(t.paragraphs().get(t.paragraphs().size() - 1).contains("silver/communes"));
            assertEquals(Uc5Page.territory(d, lang).paragraphs(), t.paragraphs().subList(0,
                    t.paragraphs().size() - 1), "the same reading, without its map");
        }
    }
}

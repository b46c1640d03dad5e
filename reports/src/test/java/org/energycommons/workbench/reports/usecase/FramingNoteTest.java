/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Sample;
import org.junit.jupiter.api.Test;

/**
 * The framing note states the question, its users and decisions, the tables read with their licence, coverage and
 * version, the items each criterion can be measured on (flagging fewer than 30), the methods, targets and anchors.
 */
class FramingNoteTest {

    private static final List<FramingNote.TableSource> TABLES = List.of(
            new FramingNote.TableSource("silver/dpe", "ADEME", "etalab-2.0", 3L, "2019-07-01 .. 2024-12-31",
                    "12 commune"),
            new FramingNote.TableSource("gold/features/uc5", "Energy Commons Workbench", "etalab-2.0", 1L, null,
                    null));

    @Test
    void framesTheUseCaseFromItsWordsTheCatalogueAndTheRun() {
        var data = Uc5Sample.data();
        String html = FramingNote.render(data.useCase(), data.result(), TABLES, true, "2026-12-06T10:00:00Z",
                Lang.FR);
        writeSample("uc5-framing.html", html);
        assertTrue(section(html, "question").contains(data.useCase().question().replace("'", "&#39;")));
        assertTrue(section(html, "utilisateurs").contains("Agences de l&#39;habitat"));
        assertTrue(section(html, "donnees").contains("<td>silver/dpe</td><td>ADEME</td><td>etalab-2.0</td>"
                + "<td class=\"num\">3</td><td>2019-07-01 .. 2024-12-31</td><td>12 commune</td>"));
        String feasibility = section(html, "faisabilite");
        assertTrue(feasibility.matches("(?s).*Rappel des passoires F/G \\(certifiés\\) : mesurable sur \\d+ logements "
                + "F/G — moins de 30, un résultat fragile\\..*"), feasibility);
        assertTrue(section(html, "criteres").contains("<td>rappel des passoires F/G (certifiés)</td><td>≥ 0,85</td>"));
        var uc3 = org.energycommons.workbench.reports.usecase.uc3.Uc3Sample.data();
        String placebo = section(FramingNote.render(uc3.useCase(), uc3.result(), TABLES, true, "2026-12-06T10:00:00Z",
                Lang.FR), "faisabilite");
        assertEquals(1, count(placebo, "(placebo) : mesurable"), "a two-sided criterion listed once: " + placebo);
        assertTrue(section(html, "references").contains("ENB2012"));
        assertTrue(html.contains("<a href=\"uc5-synthesis.html\">"));
        assertSelfContained(html);
    }

    @Test
    void everyUseCaseHasItsWordsInBothLanguages() {
        for (UseCase uc : UseCases.ALL) {
            for (Lang lang : Lang.ALL) {
                String html = FramingNote.render(uc, PageFixtures.withoutModels(uc), List.of(), false,
                        "2026-12-06T10:00:00Z", lang);
                assertTrue(html.contains("<html lang=\"" + lang.tag() + "\">"), uc.id());
                if (lang == Lang.EN) {
                    for (String french : List.of("Critères", "Données", "Faisabilité", "Méthodes")) {
                        assertFalse(html.contains(french), uc.id() + " " + french);
                    }
                }
            }
        }
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.junit.jupiter.api.Test;

/**
 * A model card carries the model's provenance, its judged metrics with intervals, the limitations its figures imply
 * (a criterion missed, a small sample, a synthetic region) and the use case's words, in both languages.
 */
class ModelCardTest {

    private static final UseCase UC5 = UseCases.require("uc5");

    private static final ModelProvenance PROVENANCE = new ModelProvenance("uc5-ridge-intensity-a112d9e7735c", "uc5",
            "ridge-intensity", "workbench", "ridge regression", Map.of("pe.lambda", "3.0"), 42,
            Map.of("silver/dpe", 3L, "gold/features/uc5", 1L), List.of("surface_m2", "zone_h1"),
            "certificate_pe_kwh_m2", Map.of("folds", "4"), 1234, "fp", "abc123", Map.of("spark", "3.5.1"),
            "2026-12-06T10:00:00Z");

    /** The ridge model best; its F/G recall misses its target, on 7 dwellings. */
    private static UseCaseResult result() {
        UseCaseResult.ModelEntry ridge = model("ridge-intensity", "workbench", PROVENANCE.modelId(),
                metrics("within_one_class_accuracy", 0.95, "fg_recall", 0.714,
                        "uncertified_within_one_class_accuracy", 0.93, "uncertified_fg_recall", 0.9), Map.of(),
                Map.of());
        ridge = new UseCaseResult.ModelEntry(ridge.name(), ridge.engine(), ridge.modelId(), ridge.evaluation()
                .withIntervals(EvaluationSets.TEST, Map.of("fg_recall", new MetricInterval(0.43, 1.0, 7, "dwelling"),
                        "within_one_class_accuracy", new MetricInterval(0.9, 0.99, 66, "dwelling"))), ridge.notes());
        return PageFixtures.result(UC5, "ridge-intensity", List.of(ridge,
                model("rf-smile-class", "smile", "uc5-rf", metrics("fg_recall", 0.5), Map.of(), Map.of())),
                Map.of("silver/dpe", 3L));
    }

    private static ModelCard card() {
        return ModelCard.of(UC5, PROVENANCE, "/lake/models/uc5/" + PROVENANCE.modelId(), result(), true);
    }

    @Test
    void limitationsComeFromTheFiguresThenTheUseCasesWords() {
        ModelCard card = card();
        assertEquals("test", card.evaluatedOn());
        assertEquals(2, card.criteria().stream().filter(c -> c.metric().contains("fg_recall")).count());
        List<String> fr = card.texts(Lang.FR).limitations();
        assertTrue(fr.get(0).startsWith("Entraîné et évalué sur une région synthétique"), fr.toString());
        assertTrue(fr.contains("Critère non atteint : rappel des passoires F/G (certifiés) = 0.714 (cible ≥ 0.85)."),
                fr.toString());
        assertTrue(fr.contains("Rappel des passoires F/G (certifiés) repose sur 7 logements seulement (moins de 30)."),
                fr.toString());
        assertFalse(fr.stream().anyMatch(l -> l.contains("classe DPE juste") && l.contains("repose")),
                "66 dwellings are enough");
        assertTrue(fr.get(fr.size() - 1).startsWith("Le repérage des passoires"), "the use case's own, last");
        List<String> en = card.texts(Lang.EN).limitations();
        assertTrue(en.contains("Criterion not met: F/G (poorly insulated) recall (certified) = 0.714 (target ≥ 0.85)."),
                en.toString());
        assertTrue(card.texts(Lang.EN).howToLoad().contains("Uc5ModelStore.load"));
        ModelCard real = ModelCard.of(UC5, PROVENANCE, "/m", result(), false);
        assertFalse(real.texts(Lang.FR).limitations().get(0).contains("synthétique"));
    }

    @Test
    void theJsonHoldsProvenanceMetricsWithIntervalsAndBothLanguages() throws Exception {
        JsonNode json = Json.mapper().readTree(card().toJson());
        assertEquals(PROVENANCE.modelId(), json.get("provenance").get("modelId").asText());
        assertEquals(3, json.get("provenance").get("inputTables").get("silver/dpe").asInt());
        assertEquals("/lake/models/uc5/" + PROVENANCE.modelId(), json.get("artifactPath").asText());
        JsonNode recall = json.get("metrics").get(1);
        assertEquals("fg_recall", recall.get("name").asText());
        assertEquals(0.714, recall.get("value").asDouble(), 1e-12);
        assertEquals(7, recall.get("interval").get("n").asInt());
        assertTrue(json.get("texts").get("fr").get("intendedUse").asText().startsWith("Estimer la classe DPE"));
        assertTrue(json.get("texts").get("en").get("intendedUse").asText().startsWith("Estimate each dwelling"));
        assertTrue(json.get("licence").asText().startsWith("CC-BY-4.0"));
    }

    @Test
    void everyUseCaseHasItsWordsInBothLanguages() {
        for (UseCase uc : UseCases.ALL) {
            ModelProvenance p = new ModelProvenance(uc.id() + "-m-1", uc.id(), "m", "e", "a", Map.of(), 1, Map.of(),
                    List.of(), "y", Map.of(), 1, "fp", "c", Map.of(), "2026-12-06T10:00:00Z");
            UseCaseResult r = PageFixtures.result(uc, "m", List.of(model("m", "e", p.modelId(), metrics(), Map.of(),
                    Map.of())), Map.of());
            ModelCard card = ModelCard.of(uc, p, "/m", r, false);
            for (Lang lang : Lang.ALL) {
                ModelCard.Texts t = card.texts(lang);
                for (String text : List.of(t.intendedUse(), t.outOfScope(), t.privacy(), t.howToLoad(),
                        t.selection())) {
                    assertFalse(text.isBlank(), uc.id() + " " + lang);
                }
            }
        }
    }

    @Test
    void aModelTheResultDoesNotHoldIsRefused() {
        ModelProvenance other = new ModelProvenance("uc5-x", "uc5", "unknown-model", "e", "a", Map.of(), 1, Map.of(),
                List.of(), "y", Map.of(), 1, "fp", "c", Map.of(), "2026-12-06T10:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> ModelCard.of(UC5, other, "/m", result(), true));
    }

    @Test
    void thePageShowsTheCardInEachLanguage() {
        String fr = ModelCardPage.render(UC5, card(), "2026-12-06T10:00:00Z", Lang.FR);
        writeSample("uc5-model-card.html", fr);
        assertTrue(fr.contains("<h1>Fiche du modèle ridge-intensity</h1>"));
        String performance = section(fr, "performances");
        assertTrue(performance.contains("<td>rappel des passoires F/G (certifiés)</td><td class=\"num\">0,714</td>"
                + "<td>[0,43 ; 1]</td><td class=\"num\">7</td>"), performance);
        assertTrue(section(fr, "limites").contains("repose sur 7 logements"));
        assertTrue(section(fr, "provenance").contains("<dt>split.folds</dt><dd>4</dd>"), "the split, technical");
        assertTrue(section(fr, "donnees").contains("<td>silver/dpe</td><td class=\"num\">3</td>"));
        assertTrue(fr.contains("<a href=\"../en/uc5-model-card.html\" hreflang=\"en\" lang=\"en\">English</a>"));
        assertTrue(fr.contains("<a href=\"uc5.html\">"), "back to the use case's results");
        assertSelfContained(fr);
        String en = ModelCardPage.render(UC5, card(), "2026-12-06T10:00:00Z", Lang.EN);
        assertTrue(en.contains("<h1>Model card: ridge-intensity</h1>"));
        for (String french : List.of("Usage prévu", "Limites", "Vie privée", "Fiche", "repose sur")) {
            assertFalse(en.contains(french), french);
        }
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The renderer of a model card's page of the portal, in one language: what the model is for and not for, its
 * metrics with their intervals, its limitations, its data and versions, privacy, licence and how to load it.
 */
public final class ModelCardPage {

    private ModelCardPage() {
    }

    /** The card page of a use case's published model, relative to the index: {@code uc4-model-card.html}. */
    public static String page(String useCaseId) {
        return useCaseId + "-model-card.html";
    }

    /**
     * Renders a card.
     *
     * @param useCase     the model's use case
     * @param card        the card
     * @param generatedAt when the page is made, ISO-8601
     * @param lang        the language of this version
     * @return the HTML5 document
     */
    public static String render(UseCase useCase, ModelCard card, String generatedAt, Lang lang) {
        Objects.requireNonNull(card, "card");
        ModelProvenance p = card.provenance();
        ModelCard.Texts texts = card.texts(lang);
        HtmlPage page = HtmlPage.create(lang.t("Fiche du modèle ", "Model card: ") + p.name(), lang.tag())
                .subtitle(useCase.id() + " · " + lang.t(useCase.title(), useCase.titleEn()))
                .subtitle(lang.t("généré le ", "generated ") + Formats.timestamp(generatedAt))
                .alternate(UseCasePage.alternate(page(useCase.id()), lang))
                .navigation(UseCasePage.navigation(null, lang).stream()
                        .map(l -> new HtmlPage.NavLink(l.href(), l.text(), l.title(), false)).toList());

        page.section("usage", lang.t("Usage prévu", "Intended use")).paragraph(texts.intendedUse())
                .link(UseCasePage.page(useCase.id()), lang.t("Résultats du cas d'usage ", "Results of use case ")
                        + useCase.id());
        page.section("hors-champ", lang.t("Hors champ", "Out of scope")).paragraph(texts.outOfScope());
        page.section("choix", lang.t("Comment il a été choisi", "How it was selected")).paragraph(texts.selection());

        page.section("performances", lang.t("Performances", "Performance"));
        page.paragraph(lang.t("Mesurées sur le jeu « " + card.evaluatedOn() + " », jamais vu à l'entraînement ni à la "
                + "sélection ; intervalle à 90 % par bootstrap sur les unités d'évaluation.", "Measured on the \""
                + card.evaluatedOn() + "\" set, never seen in training or selection; 90 % interval by bootstrap over "
                + "the evaluation units."));
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> technical = new LinkedHashMap<>();
        for (ModelCard.Metric m : card.metrics()) {
            if (!MetricLabels.has(m.name())) {
                technical.put(m.name(), m.value() == null ? Formats.MISSING : Formats.significant(m.value())
                        + (m.interval() == null ? "" : " " + Formats.interval(Formats.significant(m.interval().low()),
                        Formats.significant(m.interval().high()), lang) + " n = " + m.interval().n()));
                continue;
            }
            String interval = m.interval() == null ? Formats.MISSING
                    : Formats.interval(Formats.significant(m.interval().low()),
                    Formats.significant(m.interval().high()), lang);
            rows.add(List.of(MetricLabels.label(m.name(), lang),
                    m.value() == null ? Formats.MISSING : Formats.significant(m.value()),
                    interval, m.interval() == null ? Formats.MISSING : Integer.toString(m.interval().n())));
        }
        page.table(List.of(lang.t("Mesure", "Metric"), lang.t("Valeur", "Value"), lang.t("IC 90 %", "90 % CI"), "n"),
                rows);
        if (!card.criteria().isEmpty()) {
            List<List<String>> criteria = new ArrayList<>();
            for (Criterion.Result c : card.criteria()) {
                criteria.add(List.of(MetricLabels.label(c.metric(), lang), Formats.operator(c.operator()) + " "
                        + Formats.significant(c.target()), Formats.significant(c.value()),
                        c.met() ? UseCasePage.met(lang)
                        : UseCasePage.notMet(lang)));
            }
            page.table(List.of(lang.t("Critère", "Criterion"), lang.t("Cible", "Target"), lang.t("Mesuré", "Measured"),
                    lang.t("Statut", "Status")), criteria);
        }

        page.section("limites", lang.t("Limites", "Limitations")).list(texts.limitations());
        page.section("donnees", lang.t("Données", "Data"));
        Map<String, String> data = new LinkedHashMap<>();
        data.put(lang.t("Cible prédite", "Predicted target"), Objects.toString(p.label(), Formats.MISSING));
        data.put(lang.t("Lignes d'entraînement", "Training rows"), Long.toString(p.trainingRows()));
        data.put(lang.t("Empreinte des données", "Data fingerprint"), p.dataFingerprint());
        page.keyValues(data);
        List<List<String>> tables = new ArrayList<>();
        p.inputTables().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> tables.add(List.of(e.getKey(), Long.toString(e.getValue()))));
        page.table(List.of(lang.t("Table lue", "Table read"), lang.t("Version Delta", "Delta version")), tables);
        page.paragraph(lang.t("Variables : ", "Features: ") + String.join(", ", p.features()));

        page.section("vie-privee", lang.t("Vie privée", "Privacy")).paragraph(texts.privacy());
        page.section("chargement", lang.t("Charger le modèle", "Loading the model")).paragraph(texts.howToLoad())
                .paragraph(lang.t("Enregistré sous : ", "Saved under: ") + card.artifactPath());
        page.section("licence", lang.t("Licence", "Licence")).paragraph(card.licence().equals(ModelCard.LICENCE)
                ? lang.t(ModelCard.CARD_LICENCE + " pour la fiche et le modèle ; " + ModelCard.CODE_LICENCE
                        + " pour le code", ModelCard.CARD_LICENCE + " for the card and the model; "
                        + ModelCard.CODE_LICENCE + " for the code") : card.licence());

        page.section("provenance", "Provenance");
        if (!technical.isEmpty()) {
            page.heading(3, lang.t("Autres mesures (noms de code, jeu « ", "Other metrics (code names, \"")
                    + card.evaluatedOn() + lang.t(" »)", "\" set)"));
            page.keyValues(technical);
        }
        page.heading(3, lang.t("Modèle et découpage (noms de code)", "Model and split (code names)"));
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(lang.t("Identifiant", "Model id"), p.modelId());
        provenance.put(lang.t("Algorithme", "Algorithm"), p.algorithm());
        provenance.put(lang.t("Moteur", "Engine"), p.engine());
        provenance.put(lang.t("Graine", "Seed"), Long.toString(p.seed()));
        p.split().forEach((k, v) -> provenance.put("split." + k, v));
        p.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> provenance.put(lang.t("Paramètre · ", "Parameter · ") + e.getKey(), e.getValue()));
        provenance.put("Commit", p.gitCommit());
        provenance.put(lang.t("Entraîné le", "Trained"), Formats.timestamp(p.createdAt()));
        p.libraries().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> provenance.put(e.getKey(), e.getValue()));
        page.codeValues(provenance);
        return page.footer(UseCasePage.footer(lang)).render();
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The framing note of a use case (note de cadrage), in one language: the question and the decisions it serves, who
 * uses the result, the data it reads with their producer, licence, coverage and Delta versions, the feasibility
 * measured on the lake (coverage of each table, the items each criterion is measured on), the candidate methods,
 * the success criteria with their targets and why, and the published anchors.
 *
 * <p>The use case's own words (decisions, users, methods, why the targets, anchors) come from
 * {@code ucN/framing.fr.properties} and {@code ucN/framing.en.properties}; every figure comes from the lake's
 * catalogue and the run's result.
 */
public final class FramingNote {

    private FramingNote() {
    }

    /** The note of a use case, relative to the index: {@code uc4-framing.html}. */
    public static String page(String useCaseId) {
        return useCaseId + "-framing.html";
    }

    /**
     * One table the use case reads, as the data catalogue describes it.
     *
     * @param table     its lake path, e.g. {@code silver/load_curve}
     * @param producer  who produces its data
     * @param licence   its licence
     * @param version   the Delta version the run read; null when unknown
     * @param temporal  its temporal coverage, e.g. {@code 2023-01-01 .. 2024-12-30}; null when not measured
     * @param spatial   its spatial coverage, e.g. {@code 12 commune}; null when not measured
     */
    public record TableSource(String table, String producer, String licence, Long version, String temporal,
                              String spatial) {
    }

    /**
     * Renders the note.
     *
     * @param useCase     the use case
     * @param result      its latest result: the tables it read and the items behind each criterion
     * @param tables      the tables it read, as the catalogue describes them
     * @param synthetic   whether the region is synthetic
     * @param generatedAt when the note is made, ISO-8601
     * @param lang        the language of this version
     * @return the HTML5 document
     * @throws IllegalStateException if the use case's words are missing or lack a key
     */
    public static String render(UseCase useCase, UseCaseResult result, List<TableSource> tables, boolean synthetic,
                                String generatedAt, Lang lang) {
        Objects.requireNonNull(result, "result");
        UseCaseWords words = UseCaseWords.of(useCase, "framing", lang);
        HtmlPage page = HtmlPage.create(lang.t("Note de cadrage — ", "Framing note — ")
                        + lang.t(useCase.title(), useCase.titleEn()), lang.tag())
                .subtitle(useCase.id() + " · " + MetricLabels.kind(useCase.kind(), lang) + " · "
                        + lang.t("généré le ", "generated ") + Formats.timestamp(generatedAt))
                .alternate(UseCasePage.alternate(page(useCase.id()), lang))
                .navigation(UseCasePage.navigation(null, lang).stream()
                        .map(l -> new HtmlPage.NavLink(l.href(), l.text(), l.title(), false)).toList());
        if (synthetic) {
            page.notice(lang.t("Région synthétique : les données décrites ici sont générées ; la faisabilité est "
                    + "mesurée sur elles.", "Synthetic region: the data described here are generated; feasibility is "
                    + "measured on them."));
        }
        page.link(FinalReport.pdf(page(useCase.id())), lang.t("Version PDF (A4)", "PDF version (A4)"));
        page.section("question", lang.t("Question et décisions", "Question and decisions"))
                .paragraph(lang.t(useCase.question(), useCase.questionEn()))
                .paragraph(words.required("decisions"));
        page.section("utilisateurs", lang.t("Qui utilise le résultat", "Who uses the result"))
                .paragraph(words.required("users"));

        page.section("donnees", lang.t("Données", "Data"));
        List<List<String>> rows = new ArrayList<>();
        for (TableSource t : tables) {
            rows.add(List.of(t.table(), t.producer(), t.licence(), Objects.toString(t.version(), Formats.MISSING),
                    Objects.toString(t.temporal(), Formats.MISSING), Objects.toString(t.spatial(), Formats.MISSING)));
        }
        page.table(List.of("Table", lang.t("Producteur", "Producer"), lang.t("Licence", "Licence"),
                lang.t("Version", "Version"), lang.t("Période couverte", "Period covered"),
                lang.t("Couverture spatiale", "Spatial coverage")), rows);
        page.paragraph(lang.t("Données personnelles : les identifiants de compteurs et d'adresses sont pseudonymisés "
                + "dès "
                + "la couche silver (clé secrète, jamais publiée) ; rien d'individuel n'est publié.", "Personal data: "
                + "meter and address identifiers are pseudonymised from the silver layer on (secret key, never "
                + "published); nothing individual is published."));

        page.section("faisabilite", lang.t("Faisabilité mesurée sur le lac", "Feasibility measured on the lake"));
        page.list(feasibility(result, lang));

        page.section("methodes", lang.t("Méthodes candidates", "Candidate methods"))
                .paragraph(words.required("methods"))
                .paragraph(ModelCard.selection(useCase, lang));

        page.section("criteres", lang.t("Critères de succès", "Success criteria"));
        List<List<String>> criteria = new ArrayList<>();
        for (Criterion c : useCase.criteria()) {
            criteria.add(List.of(MetricLabels.label(c.metric(), lang), Formats.operator(c.operator()) + " "
                    + Formats.significant(c.target())));
        }
        page.table(List.of(lang.t("Critère", "Criterion"), lang.t("Cible", "Target")), criteria);
        page.paragraph(words.required("targets"));

        page.section("references", lang.t("Performances attendues et références publiées",
                "Expected performance and published anchors")).paragraph(words.required("anchors"));
        page.link(SynthesisNote.page(useCase.id()), lang.t("Note de synthèse : ce qui a été obtenu",
                "Synthesis note: what was obtained"));
        return page.footer(UseCasePage.footer(lang)).render();
    }

    /** Per criterion metric, the items it is measured on in the latest run, flagged below 30. */
    static List<String> feasibility(UseCaseResult result, Lang lang) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Criterion.Result c : UseCasePage.criteria(result)) {
            if (!seen.add(c.metric())) {
                continue; // a metric bounded on both sides is one measurement
            }
            MetricInterval i = c.model() == null ? null : result.interval(c.model(), c.metric());
            String label = ModelCard.capitalised(MetricLabels.label(c.metric(), lang));
            if (i == null) {
                out.add(lang.t(label + " : aucun élément pour le mesurer dans ces données.",
                        label + ": no item to measure it on in these data."));
            } else {
                out.add(lang.t(label + " : mesurable sur " + i.n() + " " + MetricLabels.unit(i.unit(), lang),
                        label + ": measurable on " + i.n() + " " + MetricLabels.unit(i.unit(), lang))
                        + (i.smallSample() ? lang.t(" — moins de " + MetricInterval.MIN_ITEMS + ", un résultat "
                        + "fragile.", " — fewer than " + MetricInterval.MIN_ITEMS + ", a fragile result.") : "."));
            }
        }
        return out;
    }
}

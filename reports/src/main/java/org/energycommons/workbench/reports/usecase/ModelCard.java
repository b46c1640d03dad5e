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

import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The model card of a published model, in the model-card tradition (Mitchell et al. 2019; Tribuo's provenance): what
 * it is for and not for, the data it was trained and evaluated on with their Delta versions, its metrics with their
 * 90 % intervals and sample sizes, its limitations, privacy, licence and how to load it. Written as JSON beside the
 * model ({@code model-card.json}) and as a page of the portal in each language ({@link ModelCardPage}).
 *
 * <p>The use case's own words (intended and out-of-scope uses, privacy, how to load, limitations that always hold)
 * come from {@code ucN/model-card.fr.properties} and {@code ucN/model-card.en.properties}, beside its page; the
 * limitations a run adds (a criterion not met, a headline on fewer than 30 items, a synthetic region) are written from
 * the figures.
 *
 * @param provenance  where the model comes from: use case, algorithm, parameters, seed, input table versions,
 *                    commit, libraries
 * @param artifactPath where the model is saved
 * @param evaluatedOn the evaluation set its metrics are judged on, e.g. {@code test}
 * @param metrics     its judged metrics, each with its interval where it has one
 * @param criteria    the use case's criteria as judged on this model
 * @param synthetic   whether it was trained on a synthetic region
 * @param texts       the card's words by language tag ({@code fr}, {@code en})
 * @param licence     the licence of the model and of this card
 */
public record ModelCard(ModelProvenance provenance, String artifactPath, String evaluatedOn, List<Metric> metrics,
                        List<Criterion.Result> criteria, boolean synthetic, Map<String, Texts> texts,
                        String licence) {

    /** The licence of every published model and its card. */
    public static final String CARD_LICENCE = "CC-BY-4.0";

    /** The licence of the code that loads and runs a model. */
    public static final String CODE_LICENCE = "GPL-3.0-or-later";

    /** The licences as a card's JSON records them (the page words them in its language). */
    public static final String LICENCE = CARD_LICENCE + " (card and model); " + CODE_LICENCE + " (code)";

    /** The file name of the JSON card beside the model. */
    public static final String FILE = "model-card.json";

    /**
     * One judged metric of the model.
     *
     * @param name     its code name, as in {@code ucN.json}
     * @param value    its value; null when undefined
     * @param interval its 90 % interval and the items it rests on; null without one
     */
    public record Metric(String name, Double value, MetricInterval interval) {
    }

    /**
     * The card's words in one language.
     *
     * @param intendedUse what the model is for and who uses it
     * @param outOfScope  what it must not be used for
     * @param privacy     what personal data it saw and what it can reveal
     * @param howToLoad   how to load the saved model
     * @param selection   how the use case chooses its model without the test data
     * @param limitations what a user must know before relying on it, the run's own first
     */
    public record Texts(String intendedUse, String outOfScope, String privacy, String howToLoad, String selection,
                        List<String> limitations) {
    }

    /** Checks the card. */
    public ModelCard {
        Objects.requireNonNull(provenance, "provenance");
        metrics = List.copyOf(metrics);
        criteria = List.copyOf(criteria);
        texts = Map.copyOf(texts);
    }

    /**
     * The card of a model of a result: its judged metrics and intervals from the result's entry, its criteria, and
     * the use case's words.
     *
     * @param useCase      the use case
     * @param provenance   the model's provenance, as registered
     * @param artifactPath where the model is saved
     * @param result       the run's result
     * @param synthetic    whether the region is synthetic
     * @return the card
     * @throws IllegalArgumentException if the result has no model of that name
     * @throws IllegalStateException if the use case's words are missing or lack a key
     */
    public static ModelCard of(UseCase useCase, ModelProvenance provenance, String artifactPath,
                               UseCaseResult result, boolean synthetic) {
        UseCaseResult.ModelEntry entry = UseCasePage.models(result).stream()
                .filter(m -> m.name().equals(provenance.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the " + useCase.id() + " result has no model "
                        + provenance.name()));
        Map<String, MetricInterval> intervals = entry.evaluation().judgedIntervals();
        List<Metric> metrics = new ArrayList<>();
        entry.metrics().forEach((name, value) -> metrics.add(new Metric(name,
                value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null,
                intervals.get(name))));
        List<Criterion.Result> criteria = UseCasePage.criteria(result).stream()
                .filter(c -> provenance.name().equals(c.model())).toList();
        Map<String, Texts> texts = new LinkedHashMap<>();
        for (Lang lang : Lang.ALL) {
            texts.put(lang.tag(), texts(UseCaseWords.of(useCase, "model-card", lang), lang, metrics, criteria,
                    synthetic));
        }
        return new ModelCard(provenance, artifactPath, entry.evaluation().judged(), metrics, criteria, synthetic,
                texts, LICENCE);
    }

    /** The card's words in a language. */
    public Texts texts(Lang lang) {
        return texts.get(lang.tag());
    }

    /**
     * How a use case chooses its model without the test data, in a language: the use case's own words, the same for
     * every run.
     *
     * @throws IllegalStateException if the use case's words are missing
     */
    public static String selection(UseCase useCase, Lang lang) {
        return UseCaseWords.of(useCase, "model-card", lang).required("selection");
    }

    /** The card as JSON, as written beside the model. */
    public String toJson() {
        return Json.write(this);
    }

    private static Texts texts(UseCaseWords words, Lang lang, List<Metric> metrics, List<Criterion.Result> criteria,
                               boolean synthetic) {
        List<String> limitations = new ArrayList<>();
        if (synthetic) {
            limitations.add(lang.t("Entraîné et évalué sur une région synthétique : ses performances sur des données "
                    + "réelles restent à mesurer.", "Trained and evaluated on a synthetic region: its performance on "
                    + "real data is still to be measured."));
        }
        for (Criterion.Result c : criteria) {
            if (!c.met()) {
                limitations.add(lang.t("Critère non atteint : ", "Criterion not met: ")
                        + MetricLabels.label(c.metric(), lang) + " = " + Formats.significant(c.value())
                        + lang.t(" (cible ", " (target ") + Formats.operator(c.operator()) + " "
                        + Formats.significant(c.target()) + ").");
            }
        }
        for (Metric m : metrics) {
            boolean headline = criteria.stream().anyMatch(c -> c.metric().equals(m.name()));
            if (headline && m.interval() != null && m.interval().smallSample()) {
                limitations.add(capitalised(MetricLabels.label(m.name(), lang)) + lang.t(" repose sur ", " rests on ")
                        + m.interval().n() + " " + MetricLabels.unit(m.interval().unit(), lang) + lang.t(
                        " seulement (moins de ", " only (fewer than ") + MetricInterval.MIN_ITEMS + ").");
            }
        }
        for (String line : words.optional("limitations").split("\\s*\\|\\s*")) {
            if (!line.isBlank()) {
                limitations.add(line.strip());
            }
        }
        return new Texts(words.required("intended_use"), words.required("out_of_scope"), words.required("privacy"),
                words.required("how_to_load"), words.required("selection"), limitations);
    }

    /** A sentence's first letter in upper case. */
    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

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
 * The synthesis note of a use case (note de synthèse), for a steering committee, in one language: the verdict on
 * each criterion with its measured value, 90 % interval and sample size, what the use case's figures say for the
 * region, the limits and caveats (every figure on fewer than 30 items says so), what failed or is fragile, and the
 * next steps.
 *
 * <p>Every sentence is written from the figures by conditions (a criterion met or not, an interval crossing its
 * target, a small sample, a synthetic region); nothing is a hard-coded result. What the figures mean for the region
 * is the use case's own {@link Territory}, the reading (and map) its technical page gives too.
 */
public final class SynthesisNote {

    private SynthesisNote() {
    }

    /** The note of a use case, relative to the index: {@code uc4-synthesis.html}. */
    public static String page(String useCaseId) {
        return useCaseId + "-synthesis.html";
    }

    /**
     * Renders the note.
     *
     * @param useCase     the use case
     * @param result      its result, with criteria and intervals
     * @param territory   what its figures mean for the region, in this language
     * @param synthetic   whether the region is synthetic
     * @param generatedAt when the note is made, ISO-8601
     * @param lang        the language of this version
     * @return the HTML5 document
     */
    public static String render(UseCase useCase, UseCaseResult result, Territory territory, boolean synthetic,
                                String generatedAt, Lang lang) {
        Objects.requireNonNull(result, "result");
        HtmlPage page = HtmlPage.create(lang.t("Note de synthèse — ", "Synthesis note — ")
                        + lang.t(useCase.title(), useCase.titleEn()), lang.tag())
                .subtitle(lang.t("Question : " + useCase.question(), "Question: " + useCase.questionEn()))
                .subtitle(useCase.id() + " · " + lang.t("généré le ", "generated ") + Formats.timestamp(generatedAt))
                .alternate(UseCasePage.alternate(page(useCase.id()), lang))
                .navigation(UseCasePage.navigation(null, lang).stream()
                        .map(l -> new HtmlPage.NavLink(l.href(), l.text(), l.title(), false)).toList());
        if (synthetic) {
            page.notice(lang.t("Région synthétique : ces résultats montrent ce que la méthode sait faire sur des "
                    + "données générées, pas l'état d'un territoire réel.", "Synthetic region: these results show "
                    + "what the method can do on generated data, not the state of a real region."));
        }
        page.link(FinalReport.pdf(page(useCase.id())), lang.t("Version PDF (A4)", "PDF version (A4)"));
        List<Criterion.Result> criteria = UseCasePage.criteria(result);
        long met = UseCasePage.metCount(result);

        page.section("verdict", lang.t("Verdict", "Verdict"));
        boolean all = !criteria.isEmpty() && met == criteria.size();
        page.status(all, all ? lang.t("Tous les critères de succès sont atteints (" + met + "/" + criteria.size() + ")",
                "Every success criterion is met (" + met + "/" + criteria.size() + ")")
                : lang.t(met + " critère(s) atteint(s) sur " + criteria.size(), met + " of " + criteria.size()
                        + " criteria met"));
        if (result.bestModel() != null) {
            page.paragraph(lang.t("Modèle retenu, choisi sans les données de test : " + result.bestModel() + ".",
                    "Selected model, chosen without the test data: " + result.bestModel() + "."));
        }
        page.list(criteria.stream().map(c -> verdict(result, c, lang)).toList());

        page.section(Territory.SECTION, Territory.heading(lang));
        territory.render(page, lang);

        page.section("limites", lang.t("Limites et précautions", "Limits and caveats"));
        List<String> limits = limits(result, synthetic, lang);
        if (limits.isEmpty()) {
            page.paragraph(lang.t("Chaque chiffre de cette note repose sur au moins " + MetricInterval.MIN_ITEMS
                    + " éléments.", "Every figure of this note rests on at least " + MetricInterval.MIN_ITEMS
                    + " items."));
        } else {
            page.list(limits);
        }

        page.section("fragile", lang.t("Ce qui a échoué ou reste fragile", "What failed or is fragile"));
        List<String> weak = weaknesses(result, lang);
        if (weak.isEmpty()) {
            page.paragraph(lang.t("Rien : chaque critère est atteint et son intervalle reste du bon côté de la cible.",
                    "Nothing: every criterion is met and its interval stays on the right side of the target."));
        } else {
            page.list(weak);
        }

        page.section("suite", lang.t("Prochaines étapes recommandées", "Recommended next steps"));
        page.list(nextSteps(result, synthetic, lang));
        page.link(UseCasePage.page(useCase.id()), lang.t("Résultats détaillés, méthode et provenance",
                "Detailed results, method and provenance"));
        return page.footer(UseCasePage.footer(lang)).render();
    }

    /** One criterion's verdict: met or not, the value, its interval and the items behind it. */
    static String verdict(UseCaseResult result, Criterion.Result c, Lang lang) {
        String label = MetricLabels.label(c.metric(), lang);
        String value = Formats.significant(c.value());
        String target = Formats.operator(c.operator()) + " " + Formats.significant(c.target());
        MetricInterval i = c.model() == null ? null : result.interval(c.model(), c.metric());
        String interval = i == null ? lang.t("sans intervalle", "no interval")
                : lang.t("IC 90 % " + Formats.significant(i.low()) + " à " + Formats.significant(i.high()) + ", sur "
                        + i.n() + " " + MetricLabels.unit(i.unit(), lang), "90 % CI " + Formats.significant(i.low())
                        + " to " + Formats.significant(i.high()) + ", on " + i.n() + " " + MetricLabels.unit(i.unit(),
                        lang));
        if (Double.isNaN(c.value())) {
            return lang.t("Non mesurable : " + label + " (cible " + target + ") — aucun élément pour le mesurer.",
                    "Not measurable: " + label + " (target " + target + ") — no item to measure it on.");
        }
        String small = i == null || !i.smallSample() ? "" : lang.t(" — moins de " + MetricInterval.MIN_ITEMS
                + " éléments : à confirmer", " — fewer than " + MetricInterval.MIN_ITEMS + " items: to be confirmed");
        return (c.met() ? lang.t("Atteint : ", "Met: ") : lang.t("Non atteint : ", "Not met: ")) + label + " = "
                + value + lang.t(" (cible ", " (target ") + target + lang.t(" ; ", "; ") + interval + ")" + small + ".";
    }

    /** The caveats: the region, then each criterion on a small sample or without an interval. */
    static List<String> limits(UseCaseResult result, boolean synthetic, Lang lang) {
        List<String> out = new ArrayList<>();
        if (synthetic) {
            out.add(lang.t("Les données sont synthétiques : les performances sur les données réelles du territoire "
                    + "restent à mesurer.", "The data are synthetic: performance on the region's real data is still "
                    + "to be measured."));
        }
        for (Criterion.Result c : UseCasePage.criteria(result)) {
            MetricInterval i = c.model() == null ? null : result.interval(c.model(), c.metric());
            String label = ModelCard.capitalised(MetricLabels.label(c.metric(), lang));
            if (i == null) {
                out.add(lang.t(label + " n'a pas d'intervalle : sa précision n'est pas connue.",
                        label + " has no interval: its precision is unknown."));
            } else if (i.smallSample()) {
                String items = i.n() + " " + MetricLabels.unit(i.unit(), lang);
                String low = Formats.significant(i.low());
                String high = Formats.significant(i.high());
                out.add(lang.t(label + " repose sur " + items + " seulement (moins de " + MetricInterval.MIN_ITEMS
                        + ") : son intervalle à 90 % va de " + low + " à " + high + ".", label + " rests on " + items
                        + " only (fewer than " + MetricInterval.MIN_ITEMS + "): its 90 % interval runs from " + low
                        + " to " + high + "."));
            }
        }
        return out;
    }

    /** What failed, and the criteria met whose interval still crosses the target. */
    static List<String> weaknesses(UseCaseResult result, Lang lang) {
        List<String> out = new ArrayList<>();
        for (Criterion.Result c : UseCasePage.criteria(result)) {
            String label = MetricLabels.label(c.metric(), lang);
            MetricInterval i = c.model() == null ? null : result.interval(c.model(), c.metric());
            if (!c.met()) {
                out.add(lang.t("Échec : " + label + " n'atteint pas sa cible (" + Formats.significant(c.value())
                        + " pour " + Formats.operator(c.operator()) + " " + Formats.significant(c.target()) + ").",
                        "Failed: " + label + " misses its target (" + Formats.significant(c.value()) + " for "
                        + Formats.operator(c.operator()) + " " + Formats.significant(c.target()) + ")."));
            } else if (i != null && i.low() <= c.target() && c.target() <= i.high()) {
                out.add(lang.t("Fragile : " + label + " est atteint, mais son intervalle à 90 % contient la cible "
                        + Formats.significant(c.target()) + " : sur d'autres données, il pourrait ne pas l'être.",
                        "Fragile: " + label + " is met, but its 90 % interval contains the target "
                        + Formats.significant(c.target()) + ": on other data it might not be."));
            }
        }
        return out;
    }

    /** The next steps the figures call for, then the ones every run calls for. */
    static List<String> nextSteps(UseCaseResult result, boolean synthetic, Lang lang) {
        List<String> out = new ArrayList<>();
        for (Criterion.Result c : UseCasePage.criteria(result)) {
            MetricInterval i = c.model() == null ? null : result.interval(c.model(), c.metric());
            String label = MetricLabels.label(c.metric(), lang);
            if (!c.met()) {
                out.add(lang.t("Chercher la cause de l'échec sur " + label + " avant tout usage opérationnel.",
                        "Find the cause of the failure on " + label + " before any operational use."));
            }
            if (i != null && i.smallSample()) {
                out.add(lang.t("Réunir plus de " + MetricLabels.unit(i.unit(), lang) + " pour mesurer " + label
                        + " sur au moins " + MetricInterval.MIN_ITEMS + " éléments.", "Gather more "
                        + MetricLabels.unit(i.unit(), lang) + " to measure " + label + " on at least "
                        + MetricInterval.MIN_ITEMS + " items."));
            }
        }
        if (synthetic) {
            out.add(lang.t("Rejouer le cas d'usage sur les données réelles du territoire (connecteurs d'ingestion) et "
                    + "comparer à ces résultats.", "Run the use case again on the region's real data (ingestion "
                    + "connectors) and compare with these results."));
        }
        out.add(lang.t("Faire relire les résultats par les utilisateurs du cas d'usage avant de décider.",
                "Have the use case's users review the results before deciding."));
        return out;
    }
}

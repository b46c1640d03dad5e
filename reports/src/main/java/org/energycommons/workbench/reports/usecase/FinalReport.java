/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;

/**
 * The final report of a programme run (rapport final), in one language, covering every use case: an executive
 * summary (question, verdict, headline figures with their 90 % intervals and sample sizes), the modelling report
 * (models tried, how each use case chose its model without test data, the cross-source method), data governance
 * (sources and licences, pseudonymisation, statistical secrecy) and reproducibility (commands, commit, libraries,
 * Delta table versions). Every figure is read from the use cases' results and the data catalogue.
 */
public final class FinalReport {

    /** The report's page, relative to the index. */
    public static final String PAGE = "final-report.html";

    private FinalReport() {
    }

    /**
     * One run use case and its result.
     *
     * @param useCase the use case
     * @param result  its result
     */
    public record Outcome(UseCase useCase, UseCaseResult result) {
    }

    /**
     * Renders the report.
     *
     * @param outcomes    the use cases run, in order
     * @param catalogue   the data catalogue (its sources are listed)
     * @param guard       the statistical-secrecy rule every published aggregate passed
     * @param run         the run's information (command, commit, ...), in order
     * @param synthetic   how the synthetic region was generated; null for real data
     * @param generatedAt when the report is made, ISO-8601
     * @param lang        the language of this version
     * @return the HTML5 document
     */
    public static String render(List<Outcome> outcomes, List<CatalogueEntry> catalogue, SecrecyGuard guard,
                                Map<String, String> run, SiteIndex.SyntheticRegion synthetic, String generatedAt,
                                Lang lang) {
        Objects.requireNonNull(outcomes, "outcomes");
        HtmlPage page = HtmlPage.create(lang.t("Rapport final", "Final report"), lang.tag())
                .subtitle(lang.t("Energy Commons Workbench — six cas d'usage énergétiques du territoire",
                        "Energy Commons Workbench — six regional energy use cases"))
                .subtitle(lang.t("généré le ", "generated ") + Formats.timestamp(generatedAt))
                .alternate(UseCasePage.alternate(PAGE, lang))
                .navigation(UseCasePage.navigation(null, lang).stream()
                        .map(l -> new HtmlPage.NavLink(l.href(), l.text(), l.title(), false)).toList());
        if (synthetic != null) {
            page.notice(lang.t("Région synthétique : toutes les données de ce rapport sont générées (",
                    "Synthetic region: every figure of this report comes from generated data (")
                    + synthetic.describe(lang) + lang.t(").", ")."));
        }
        page.link(pdf(PAGE), lang.t("Version PDF (A4)", "PDF version (A4)"));
        page.section("sommaire", lang.t("Sommaire", "Contents"))
                .html("<ol class=\"toc\">"
                        + tocEntry("resume", lang.t("Résumé exécutif", "Executive summary"))
                        + tocEntry("modelisation", lang.t("Rapport de modélisation", "Modelling report"))
                        + tocEntry("gouvernance", lang.t("Gouvernance des données", "Data governance"))
                        + tocEntry("reproductibilite", lang.t("Reproductibilité", "Reproducibility")) + "</ol>");
        summary(page, outcomes, lang);
        modelling(page, outcomes, lang);
        governance(page, catalogue.stream().filter(CatalogueEntry::isSource).toList(), guard, lang);
        reproducibility(page, outcomes, run, lang);
        return page.footer(UseCasePage.footer(lang)).render();
    }

    /** The PDF beside a page of the site: {@code uc4-synthesis.pdf} for {@code uc4-synthesis.html}. */
    public static String pdf(String page) {
        return page.replaceFirst("\\.html$", "") + ".pdf";
    }

    private static String tocEntry(String id, String text) {
        return "<li><a href=\"#" + id + "\">" + HtmlPage.escape(text) + "</a></li>";
    }

    private static void summary(HtmlPage page, List<Outcome> outcomes, Lang lang) {
        page.section("resume", lang.t("1. Résumé exécutif", "1. Executive summary"));
        long allMet = outcomes.stream().filter(o -> o.result().allCriteriaMet()).count();
        page.status(allMet == outcomes.size() && !outcomes.isEmpty(), lang.t(allMet + " cas d'usage sur "
                + outcomes.size() + " atteignent tous leurs critères", allMet + " of " + outcomes.size()
                + " use cases meet all their criteria"));
        List<List<String>> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            UseCaseResult r = o.result();
            List<String> figures = new ArrayList<>();
            for (Criterion.Result c : UseCasePage.criteria(r)) {
                MetricInterval i = c.model() == null ? null : r.interval(c.model(), c.metric());
                figures.add(MetricLabels.label(c.metric(), lang) + " " + Formats.significant(c.value())
                        + (i == null ? "" : " " + Formats.interval(Formats.significant(i.low()),
                        Formats.significant(i.high()), lang) + " n = " + i.n()) + (c.met() ? " \u2713" : " \u2717"));
            }
            rows.add(List.of(o.useCase().id() + " · " + lang.t(o.useCase().title(), o.useCase().titleEn()),
                    lang.t(o.useCase().question(), o.useCase().questionEn()),
                    UseCasePage.metCount(r) + "/" + UseCasePage.criteria(r).size(), String.join(" ; ", figures)));
        }
        page.table(List.of(lang.t("Cas d'usage", "Use case"), "Question", lang.t("Critères atteints", "Criteria met"),
                lang.t("Chiffres clés, IC 90 % et effectif", "Headline figures, 90 % CI and sample size")), rows);
        page.paragraph(lang.t("Chaque cas d'usage a sa note de synthèse (verdict, limites, suites) et sa page "
                + "technique ; les intervalles sont des bootstraps sur les unités d'évaluation ; un chiffre sur "
                + "moins de "
                + MetricInterval.MIN_ITEMS + " éléments est signalé dans sa note.", "Each use case has its synthesis "
                + "note (verdict, limits, next steps) and its technical page; the intervals are bootstraps over the "
                + "evaluation units; a figure on fewer than " + MetricInterval.MIN_ITEMS + " items is flagged in its "
                + "note."));
        for (Outcome o : outcomes) {
            page.link(SynthesisNote.page(o.useCase().id()), lang.t("Note de synthèse ", "Synthesis note ")
                    + o.useCase().id());
        }
    }

    private static void modelling(HtmlPage page, List<Outcome> outcomes, Lang lang) {
        page.section("modelisation", lang.t("2. Rapport de modélisation", "2. Modelling report"));
        page.paragraph(lang.t("Pour chaque cas d'usage : les modèles essayés, le modèle retenu et la façon dont il a "
                + "été choisi sans les données de test, puis la valeur de chaque modèle sur le premier critère.",
                "For each use case: the models tried, the selected model and how it was chosen without the test data, "
                + "then each model's value on the first criterion."));
        for (Outcome o : outcomes) {
            UseCaseResult r = o.result();
            page.heading(3, o.useCase().id() + " · " + lang.t(o.useCase().title(), o.useCase().titleEn()));
            page.paragraph(ModelCard.selection(o.useCase(), lang) + " " + lang.t("Modèle retenu : ", "Selected model: ")
                    + Objects.toString(r.bestModel(), Formats.MISSING) + ".");
            List<Criterion.Result> criteria = UseCasePage.criteria(r);
            String first = criteria.isEmpty() ? null : criteria.get(0).metric();
            List<List<String>> rows = new ArrayList<>();
            for (UseCaseResult.ModelEntry m : UseCasePage.models(r)) {
                rows.add(List.of((UseCasePage.isBest(r, m) ? UseCasePage.BEST_MARK : "") + m.name(),
                        Objects.toString(m.engine(), Formats.MISSING),
                        first == null ? Formats.MISSING : Formats.significant(Formats.metric(m.metrics(), first))));
            }
            page.table(List.of(lang.t("Modèle", "Model"), lang.t("Moteur", "Engine"), first == null ? "—"
                    : MetricLabels.label(first, lang)), rows);
        }
        page.heading(3, lang.t("Méthode transverse", "Cross-source method"));
        page.paragraph(lang.t("Les modèles sont ajustés à travers les bâtiments et les sources plutôt que bâtiment par "
                + "bâtiment quand c'est possible : la consommation attendue des bâtiments publics (uc2) est un seul "
                + "modèle d'arbres boostés appris sur tous les bâtiments suivis, avec la météo, le calendrier et les "
                + "caractéristiques de chaque bâtiment ; l'intensité énergétique et la classe DPE (uc5) sont apprises "
                + "sur tous les logements certifiés à partir des compteurs électriques, du gaz, des bâtiments et de la "
                + "météo. Un bâtiment ou un logement avec peu d'historique profite ainsi de ce que le modèle a appris "
                + "des autres. La mesure des économies (uc3) reste bâtiment par bâtiment, comme le veulent CalTRACK et "
                + "ASHRAE Guideline 14.", "Models are fitted across buildings and sources rather than building by "
                + "building where possible: the expected consumption of public buildings (uc2) is one boosted-tree "
                + "model learnt on every watched building, with weather, calendar and each building's "
                + "characteristics; energy intensity and DPE class (uc5) are learnt on every certified dwelling from "
                + "electricity meters, gas, buildings and weather. A building or dwelling with little history thus "
                + "benefits from what the model learnt from the others. Savings measurement (uc3) stays building by "
                + "building, as CalTRACK and ASHRAE Guideline 14 require."));
    }

    private static void governance(HtmlPage page, List<CatalogueEntry> sources, SecrecyGuard guard, Lang lang) {
        page.section("gouvernance", lang.t("3. Gouvernance des données", "3. Data governance"));
        page.heading(3, lang.t("Sources et licences", "Sources and licences"));
        List<List<String>> rows = new ArrayList<>();
        for (CatalogueEntry s : sources) {
            rows.add(List.of(s.name(), s.producer(), s.licence(), Boolean.TRUE.equals(s.personalData())
                    ? lang.t("oui", "yes") : lang.t("non", "no")));
        }
        page.table(List.of("Source", lang.t("Producteur", "Producer"), lang.t("Licence", "Licence"),
                lang.t("Données personnelles", "Personal data")), rows);
        page.link(CataloguePage.PAGE, lang.t("Le catalogue complet : sources et tables du lac",
                "The full catalogue: sources and lake tables"));
        page.heading(3, lang.t("Pseudonymisation", "Pseudonymisation"));
        page.paragraph(lang.t("Les identifiants de compteurs, de points de livraison et d'adresses sont remplacés dès "
                + "la couche silver par un pseudonyme calculé avec une clé secrète (HMAC-SHA-256) qui n'est jamais "
                + "publiée ; "
                + "la couche bronze, qui les garde en clair, n'alimente ni les caractéristiques ni les pages.",
                "Meter, delivery-point and address identifiers are replaced from the silver layer on by a pseudonym "
                + "computed with a secret key (HMAC-SHA-256) that is never published; the bronze layer, which keeps "
                + "them in clear, feeds neither features nor pages."));
        page.heading(3, lang.t("Secret statistique", "Statistical secrecy"));
        page.paragraph(lang.t("Chaque agrégat publié réunit au moins " + guard.minPoints() + " points et aucun ne "
                + "dépasse " + Formats.significant(100 * guard.maxShare()) + " % du total ; une cellule qui ne passe "
                + "pas "
                + "la règle n'est pas publiée, et la page le dit. Aucune courbe ni valeur individuelle n'est publiée.",
                "Every published aggregate gathers at least " + guard.minPoints() + " points and none above "
                + Formats.significant(100 * guard.maxShare()) + " % of the total; a cell that fails the rule is not "
                + "published, and the page says so. No individual curve or value is published."));
        page.paragraph(lang.t("Licences des productions : rapports et fiches CC-BY-4.0, données produites etalab-2.0, "
                + "code GPL-3.0-or-later.", "Licences of the outputs: reports and cards CC-BY-4.0, produced data "
                + "etalab-2.0, code GPL-3.0-or-later."));
    }

    private static void reproducibility(HtmlPage page, List<Outcome> outcomes, Map<String, String> run, Lang lang) {
        page.section("reproductibilite", lang.t("4. Reproductibilité", "4. Reproducibility"));
        page.paragraph(lang.t("Tout ce rapport se refait avec ./workbench demo (ou generate, features, train et "
                + "publish) à partir du même commit ; chaque modèle enregistré garde sa provenance (paramètres, "
                + "graine, "
                + "versions des tables lues).", "This whole report is rebuilt with ./workbench demo (or generate, "
                + "features, train and publish) from the same commit; every registered model keeps its provenance "
                + "(parameters, seed, versions of the tables read)."));
        if (run != null && !run.isEmpty()) {
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            run.forEach((k, v) -> shown.put(SiteIndex.runKey(k, lang),
                    Formats.isInstant(v) ? Formats.timestamp(v) : v));
            page.keyValues(shown);
        }
        Map<String, Object> libraries = new TreeMap<>();
        Map<String, Object> tables = new TreeMap<>();
        for (Outcome o : outcomes) {
            Map<String, Object> p = o.result().provenance() == null ? Map.of() : o.result().provenance();
            if (p.get("libraries") instanceof Map<?, ?> l) {
                l.forEach((k, v) -> libraries.put(String.valueOf(k), v));
            }
            if (p.get("input_tables") instanceof Map<?, ?> t) {
                t.forEach((k, v) -> tables.merge(String.valueOf(k), v,
                        (a, b) -> Objects.equals(a, b) ? a : a + ", " + b));
            }
        }
        if (!libraries.isEmpty()) {
            page.heading(3, lang.t("Bibliothèques", "Libraries"));
            Map<String, String> versions = new java.util.LinkedHashMap<>();
            libraries.forEach((k, v) -> versions.put(k, String.valueOf(v)));
            page.keyValues(versions);
        }
        if (!tables.isEmpty()) {
            page.heading(3, lang.t("Versions Delta des tables lues", "Delta versions of the tables read"));
            List<List<String>> rows = new ArrayList<>();
            tables.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
            page.table(List.of("Table", lang.t("Version Delta", "Delta version")), rows);
        }
    }
}

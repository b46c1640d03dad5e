/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.usecase.PageSections.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.SvgCharts;

/**
 * The renderer of the uc2 report page (anomaly alerts for public buildings): one self-contained HTML document,
 * French first with English subtitles. It only formats what {@link AnomalyReportData} holds: ratios with three
 * decimals, days with one, {@code "—"} for a missing value.
 */
public final class AnomalyReport {

    /** Why no single building's curve is shown. */
    public static final String NO_SINGLE_BUILDING = "La courbe d'un seul bâtiment est celle d'un seul point de "
            + "livraison : par prudence (règles de publication du projet), seule la somme de tous les bâtiments "
            + "publics suivis est publiée, et seulement les jours où elle réunit au moins 10 points sans qu'aucun "
            + "ne dépasse 85 % du total. · A single building's curve is one delivery point: only the total of all "
            + "watched public buildings is published, on days when it gathers at least 10 points, none above 85 %.";

    private AnomalyReport() {
    }

    /** Renders the uc2 page. */
    public static String render(AnomalyReportData data) {
        Objects.requireNonNull(data, "data");
        UseCase useCase = Objects.requireNonNull(data.useCase(), "data.useCase");
        UseCaseResult result = Objects.requireNonNull(data.result(), "data.result");
        List<Criterion.Result> criteria = Objects.requireNonNullElse(result.criteria(), List.of());
        HtmlPage page = HtmlPage.create(useCase.title(), "fr")
                .subtitle(useCase.titleEn() + " — generated " + Objects.toString(data.generatedAt(), "—"));

        section(page, "resume", "Synthèse", "Summary");
        page.paragraph("Question : " + useCase.question());
        page.paragraph(summary(data, result, criteria));

        section(page, "criteres", "Critères de succès", "Success criteria");
        List<List<String>> rows = new ArrayList<>();
        for (Criterion.Result c : criteria) {
            rows.add(List.of(c.metric(), Objects.toString(c.model(), "—"), op(c.operator()) + " "
                    + ForecastReport.ratio(c.target()), ForecastReport.ratio(c.value()),
                    c.met() ? ForecastReport.MET : ForecastReport.NOT_MET));
        }
        page.table(List.of("Métrique · Metric", "Détecteur · Detector", "Cible · Target", "Mesuré · Measured",
                "Statut · Status"), rows);
        boolean all = !criteria.isEmpty() && criteria.stream().allMatch(Criterion.Result::met);
        page.status(all, all ? "Tous les critères sont atteints · All criteria met"
                : criteria.stream().filter(Criterion.Result::met).count() + "/" + criteria.size()
                        + " critères atteints · criteria met");

        timelineSection(page, data.timeline());
        detectorsSection(page, result);
        faultTypesSection(page, data.faultTypes());
        delaySection(page, data.delayBins());
        rulesSection(page, data.rules(), data.alertsByRule());
        methodSection(page);
        dataSection(page, data, result);
        return page.footer(ForecastReport.FOOTER).render();
    }

    private static String summary(AnomalyReportData data, UseCaseResult result, List<Criterion.Result> criteria) {
        if (!"ok".equals(data.outcome())) {
            return "Données insuffisantes : " + data.outcome() + ". Aucune métrique n'est calculée. · Insufficient "
                    + "data: no metric computed.";
        }
        Map<String, Object> m = best(result);
        long met = criteria.stream().filter(Criterion.Result::met).count();
        return "Le détecteur retenu sur la période de réglage est « " + result.bestModel() + " ». Sur la période "
                + "d'évaluation, il détecte " + ForecastReport.percent(ForecastReport.metric(m, "recall"))
                + " des défauts injectés (précision " + ForecastReport.percent(ForecastReport.metric(m, "precision"))
                + ", F1 " + ForecastReport.ratio(ForecastReport.metric(m, "f1")) + "), avec un délai médian de "
                + ForecastReport.fixed(ForecastReport.metric(m, "median_detection_delay_days"), 1) + " jour(s) et "
                + ForecastReport.fixed(ForecastReport.metric(m, "false_alerts_per_building_year"), 2)
                + " fausse(s) alerte(s) par bâtiment et par an. " + met + "/" + criteria.size()
                + " critères atteints. · Best detector chosen on the tuning period; evaluation-period recall, "
                + "precision, F1, median delay and false alerts per building-year as above.";
    }

    private static void timelineSection(HtmlPage page, AnomalyReportData.Timeline t) {
        section(page, "chronologie", "Consommation, attendu et alertes", "Consumption, expected and alerts");
        page.paragraph(NO_SINGLE_BUILDING);
        if (t == null || t.epochMillis().length == 0) {
            page.paragraph("Aucun jour ne passe le contrôle du secret statistique : rien n'est tracé. · No day passes "
                    + "the statistical-secrecy guard: nothing is drawn.");
            return;
        }
        String energy = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart("Bâtiments publics — consommation "
                + "journalière totale", "kWh / jour", List.of(
                        new SvgCharts.Series("Mesuré · metered", t.epochMillis(), t.actualKwh()),
                        new SvgCharts.Series("Attendu · expected", t.epochMillis(), t.expectedKwh())),
                null, null, SvgCharts.DEFAULT_WIDTH, SvgCharts.DEFAULT_HEIGHT));
        page.figure(energy, "Somme des bâtiments publics suivis (au moins " + t.minBuildings() + " points de "
                + "livraison chaque jour) et somme des consommations attendues par le modèle. · Total of the watched "
                + "public buildings and of the expected consumption.");
        String alerts = SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart("Bâtiments en alerte par jour",
                "bâtiments", List.of(new SvgCharts.Series("Détecteur retenu · best detector", t.epochMillis(),
                        t.buildingsWithAlert())), null, null, SvgCharts.DEFAULT_WIDTH, 240));
        page.figure(alerts, "Nombre de bâtiments avec au moins une alerte du détecteur retenu, par jour. · Buildings "
                + "with an alert of the best detector, per day.");
    }

    private static void detectorsSection(HtmlPage page, UseCaseResult result) {
        section(page, "detecteurs", "Détecteurs", "Detectors");
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : result.models()) {
            Map<String, Object> t = m.metrics() == null ? Map.of() : m.metrics();
            Map<String, Object> v = m.validationMetrics() == null ? Map.of() : m.validationMetrics();
            if (!t.containsKey("f1")) {
                rows.add(List.of(m.name(), m.engine(), "—", "—", "—", "—", "—", "—",
                        "MAPE " + ForecastReport.percent(ForecastReport.metric(t, "mape_daily_kwh"))));
                continue;
            }
            rows.add(List.of((m.name().equals(result.bestModel()) ? "\u2605 " : "") + m.name(), m.engine(),
                    ForecastReport.ratio(ForecastReport.metric(t, "precision")),
                    ForecastReport.ratio(ForecastReport.metric(t, "recall")),
                    ForecastReport.ratio(ForecastReport.metric(t, "f1")),
                    ForecastReport.fixed(ForecastReport.metric(t, "median_detection_delay_days"), 1),
                    ForecastReport.fixed(ForecastReport.metric(t, "false_alerts_per_building_year"), 2),
                    ForecastReport.ratio(ForecastReport.metric(v, "f1")),
                    Objects.toString(m.notes() == null ? null : m.notes().get("threshold_quantile"), "—")));
        }
        page.table(List.of("Modèle", "Moteur", "Précision", "Rappel", "F1", "Délai médian (j)", "Fausses alertes / "
                + "bât.-an", "F1 réglage", "Seuil (quantile)"), rows);
        page.paragraph("\u2605 détecteur retenu : meilleur F1 sur la période de réglage. Colonnes sur la période "
                + "d'évaluation sauf « F1 réglage ». Le modèle de consommation attendue n'est pas un détecteur : il "
                + "fournit les résidus des règles et de la forêt (sa MAPE journalière est indiquée). · Best detector "
                + "= best tuning-period F1; other columns on the evaluation period.");
    }

    private static void faultTypesSection(HtmlPage page, List<AnomalyReportData.FaultTypeRow> types) {
        section(page, "types", "Par type de défaut", "By fault type");
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] recall = new double[types == null ? 0 : types.size()];
        double[] precision = new double[recall.length];
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                AnomalyReportData.FaultTypeRow r = types.get(i);
                rows.add(List.of(r.faultType(), Long.toString(r.faults()), ForecastReport.ratio(r.recall()),
                        ForecastReport.ratio(r.precision()), ForecastReport.ratio(r.f1()),
                        ForecastReport.fixed(r.medianDelayDays(), 1)));
                names.add(r.faultType());
                recall[i] = Double.isFinite(r.recall()) ? r.recall() : 0;
                precision[i] = Double.isFinite(r.precision()) ? r.precision() : 0;
            }
        }
        page.table(List.of("Type", "Défauts", "Rappel", "Précision", "F1", "Délai médian (j)"), rows);
        if (!names.isEmpty()) {
            page.figure(SvgCharts.bars(new SvgCharts.BarChart("Rappel et précision par type de défaut", "type",
                    "ratio", names, List.of(new SvgCharts.BarSeries("rappel · recall", recall),
                            new SvgCharts.BarSeries("précision · precision", precision)))),
                    "Détecteur retenu, période d'évaluation. La précision d'un type compte les épisodes qui touchent "
                            + "un défaut de ce type contre toutes les fausses alertes. · Best detector, evaluation "
                            + "period.");
        }
    }

    private static void delaySection(HtmlPage page, Map<String, Long> bins) {
        section(page, "delais", "Délais de détection", "Detection delays");
        if (bins == null || bins.isEmpty()) {
            page.paragraph("Aucun défaut évalué. · No fault evaluated.");
            return;
        }
        List<String> labels = new ArrayList<>(bins.keySet());
        double[] counts = bins.values().stream().mapToDouble(Long::doubleValue).toArray();
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Délai entre le début du défaut et la première alerte",
                "jours · days", "défauts · faults", labels, List.of(new SvgCharts.BarSeries("défauts", counts)))),
                "Détecteur retenu, défauts commençant dans la période d'évaluation ; la dernière barre compte les "
                        + "défauts manqués. · Best detector; the last bar counts missed faults.");
    }

    private static void rulesSection(HtmlPage page, List<AnomalyReportData.RuleRow> rules,
                                     Map<String, Map<String, Long>> byRule) {
        section(page, "regles", "Règles et alertes", "Rules and alerts");
        List<List<String>> rows = new ArrayList<>();
        if (rules != null) {
            for (AnomalyReportData.RuleRow r : rules) {
                rows.add(List.of(r.id(), r.severity(), r.condition(), r.kept() ? "oui · yes" : "non · no"));
            }
        }
        page.table(List.of("Règle", "Gravité", "Condition", "Gardée au réglage"), rows);
        if (byRule == null || byRule.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(byRule.values().iterator().next().keySet());
        List<String> headers = new ArrayList<>();
        headers.add("Règle · Rule");
        columns.forEach(c -> headers.add(c.equals("none") ? "hors défaut · no fault" : c));
        List<List<String>> counts = new ArrayList<>();
        byRule.forEach((rule, row) -> {
            List<String> line = new ArrayList<>();
            line.add(rule);
            columns.forEach(c -> line.add(Long.toString(row.getOrDefault(c, 0L))));
            counts.add(line);
        });
        page.table(headers, counts);
        page.paragraph("Jours d'alerte de la période d'évaluation par règle (toutes règles, gardées ou non, et la "
                + "forêt d'isolement) selon le type du défaut dont la fenêtre les contient. · Evaluation-period alert "
                + "days per rule and fault type.");
    }

    private static void methodSection(HtmlPage page) {
        section(page, "methode", "Comment c'est calculé", "How it was computed");
        page.list(List.of(
                "Caractéristiques : pour chaque bâtiment public (écoles, mairies) et chaque jour local, consommation, "
                        + "puissance de nuit (01 h–05 h) et de jour (10 h–16 h), pics (demi-heure rapportée à la "
                        + "plus forte voisine), part de relevés identiques au précédent, météo et calendrier "
                        + "(vacances zone B, fériés), jours de fermeture déclarés par usage.",
                "Consommation attendue : arbres boostés Smile (perte de Huber) entraînés sur tous les bâtiments de la "
                        + "période de réglage (météo, calendrier, caractéristiques et niveaux de référence du "
                        + "bâtiment) ; résidus log(mesuré/attendu) centrés-réduits par bâtiment et jours "
                        + "ouvert/fermé (médiane, 1,4826 × MAD).",
                "Règles déclaratives lues d'un fichier modifiable (workbench.uc2.rules) ; forêt d'isolement Smile sur "
                        + "le vecteur journalier (résidus, moyenne 7 jours de nuit, pics, relevés plats, fermeture).",
                "Réglage sur la première période seulement : on retire une à une les règles dont le retrait améliore "
                        + "le F1, puis on choisit le seuil de la forêt parmi des quantiles de ses scores ; la "
                        + "période d'évaluation n'est jamais lue pour régler.",
                "Appariement : un défaut est détecté si une alerte de son bâtiment tombe dans sa fenêtre ; délai = "
                        + "premier jour d'alerte − début du défaut ; un épisode de jours d'alerte consécutifs hors de "
                        + "toute fenêtre de défaut du bâtiment compte pour une fausse alerte ; précision = épisodes "
                        + "vrais / épisodes ; fausses alertes par bâtiment-an = fausses alertes / (jours-bâtiments "
                        + "suivis / 365,25).",
                "The truth table of injected faults is read for tuning-period thresholds and evaluation only, never "
                        + "as a feature."));
    }

    private static void dataSection(HtmlPage page, AnomalyReportData data, UseCaseResult result) {
        section(page, "donnees", "Données et provenance", "Data and provenance");
        page.paragraph("Région · Region : " + Objects.toString(data.region(), "—"));
        page.keyValues(data.split() == null ? Map.of() : data.split());
        List<List<String>> rows = new ArrayList<>();
        if (data.tables() != null) {
            data.tables().forEach((path, version) -> rows.add(List.of(path, Objects.toString(version, "—"))));
        }
        page.table(List.of("Table", "Version Delta · Delta version"), rows);
        Map<String, String> flat = new LinkedHashMap<>();
        ForecastReport.flatten(result.provenance()).forEach((k, v) -> {
            if (!k.startsWith("detections") && !k.startsWith("alerts_by_rule")) {
                flat.put(k, v);
            }
        });
        page.keyValues(flat);
        Map<String, String> ids = new LinkedHashMap<>();
        result.models().forEach(m -> ids.put(m.name(), Objects.toString(m.modelId(), "—")));
        page.keyValues(ids);
    }

    private static Map<String, Object> best(UseCaseResult result) {
        return result.models().stream().filter(m -> m.name().equals(result.bestModel())).findFirst()
                .map(UseCaseResult.ModelEntry::metrics).orElse(Map.of());
    }

    private static String op(String op) {
        return ">=".equals(op) ? "\u2265" : "<=".equals(op) ? "\u2264" : Objects.toString(op, "—");
    }
}

package org.energycommons.workbench.reports.usecase.uc1;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.percentNumber;
import static org.energycommons.workbench.reports.render.Formats.ratio;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc1 report page (load-profile segmentation): one self-contained HTML document, French first
 * with English subtitles, that shows what {@link Uc1PageData} holds and only formats it.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own.
 */
public final class Uc1Page {

    /** The statistical-secrecy rule under the published aggregates. */
    public static final String SECRECY_RULE = "Seuls sont publiés les profils et les effectifs d'au moins 10 points "
            + "de livraison dont aucun ne représente plus de 85 % de l'énergie (secret statistique, Code de "
            + "l'énergie, art. D.111-52 et D.111-53). · Only profiles and counts of at least 10 delivery points, none "
            + "above 85 % of the energy, are published (statistical secrecy).";

    /** The local day the half-hours of the profile charts are drawn on (no DST change, a Monday). */
    private static final LocalDate CHART_DAY = LocalDate.of(2024, 1, 8);
    private static final List<String[]> PROFILE_CHARTS = List.of(
            new String[] {"winter_workday", "Jour ouvré d'hiver (nov.–mars)", "winter working day"},
            new String[] {"summer_workday", "Jour ouvré d'été (avr.–oct.)", "summer working day"},
            new String[] {"summer_saturday", "Samedi d'été", "summer Saturday"});

    private Uc1Page() {
    }

    /** Renders the uc1 page from its figures, already computed and passed through the secrecy guard. */
    public static String render(Uc1PageData data, Lang lang) {
        UseCasePage page = UseCasePage.of(data, lang);
        UseCaseResult result = data.result();
        page.summary(summary(result));
        Object insufficient = result.provenance() == null ? null : result.provenance().get("insufficient_data");
        if (insufficient != null) {
            page.warning("Données insuffisantes · Insufficient data: " + insufficient);
        }
        return page.metricFormat(Uc1Page::formatMetric)
                .section("profils", "Profils types des segments", "Segment centroid profiles", p -> profiles(p, data))
                .section("silhouette", "Silhouette selon k", "Silhouette vs k",
                        p -> silhouette(p, result, data.silhouetteByK()))
                .section("nrmse", "Erreur du profil contre les profils réglementaires",
                        "Profile error vs regulatory-style profiles", p -> nrmse(p, result))
                .models(List.of("k", "ARI", "Silhouette", "NRMSE (%)", "NRMSE base (%)", "Réduction (%)"),
                        Uc1Page::modelCells, p -> p.paragraph(UseCasePage.BEST_MARK + "segmentation retenue (plus "
                                + "forte silhouette sur les compteurs d'apprentissage, sans regarder la vérité). "
                                + "Métriques sur les compteurs tenus à l'écart. Le classifieur affecte un nouveau "
                                + "compteur à un segment de la segmentation retenue. · Best segmentation by "
                                + "silhouette on fitted meters; metrics on held-out meters; the classifier assigns "
                                + "new meters."))
                .section("communes", "Segments par commune", "Segment mix per commune",
                        p -> communes(p, data.communeMix()))
                .methodOf(Uc1Page.class, Map.of())
                .dataDetails(p -> exclusions(p, data.exclusions()))
                .leaveOutOfProvenance("insufficient_data")
                .render();
    }

    private static String summary(UseCaseResult result) {
        UseCaseResult.ModelEntry best = UseCasePage.best(result);
        if (best == null) {
            return "Aucune segmentation n'a pu être calculée. · No segmentation could be computed.";
        }
        Map<String, Object> m = best.metrics();
        return "En résumé : la segmentation retenue (plus forte silhouette sur les compteurs d'apprentissage) est "
                + best.name() + " avec " + k(best) + " segments. Sur les compteurs "
                + "tenus à l'écart, l'indice de Rand ajusté avec les archétypes vrais est de "
                + ratio(metric(m, "ari")) + " et l'erreur NRMSE du profil de segment, "
                + "calé sur le début d'heures creuses du compteur, est de "
                + percent(metric(m, "nrmse")) + " contre " + percent(metric(m, "nrmse_baseline"))
                + " pour le profil moyen de la classe tarifaire (segments sans calage : "
                + percent(metric(m, "nrmse_segment_only")) + " ; classes tarifaires "
                + "calées : " + percent(metric(m, "nrmse_tariff_offpeak"))
                + "). · Best segmentation " + best.name() + "; held-out ARI, placed segment-profile NRMSE and "
                + "tariff-class baseline NRMSE above, with the pooled-segment and placed-tariff references.";
    }

    /** A uc1 metric as in the criteria table: NRMSE and its reduction as percentages, the rest as ratios. */
    static String formatMetric(String metric, double value) {
        return metric.startsWith("nrmse") ? percent(value) : ratio(value);
    }

    private static String k(UseCaseResult.ModelEntry m) {
        return m.notes() == null ? MISSING : m.notes().getOrDefault("k", MISSING);
    }

    private static void profiles(HtmlPage page, Uc1PageData data) {
        List<Uc1PageData.SegmentProfile> profiles = Objects.requireNonNullElse(data.profiles(), List.of());
        if (profiles.isEmpty()) {
            page.paragraph("Aucun profil publiable. · No publishable profile.");
        }
        long[] t = new long[48];
        long start = CHART_DAY.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().toEpochMilli();
        for (int i = 0; i < 48; i++) {
            t[i] = start + i * 30L * 60_000L;
        }
        for (String[] chart : PROFILE_CHARTS) {
            if (profiles.isEmpty()) {
                break;
            }
            List<SvgCharts.Series> series = new ArrayList<>();
            for (Uc1PageData.SegmentProfile p : profiles) {
                double[] v = p.shapes().get(chart[0]);
                if (v != null) {
                    series.add(new SvgCharts.Series("S" + p.segment() + " (" + p.meters() + ")", t, v));
                }
            }
            page.figure(SvgCharts.timeSeries(new SvgCharts.TimeSeriesChart(chart[1] + " · " + chart[2],
                    "× moyenne du compteur", series)), "Journée moyenne normalisée de chaque segment (1 = demi-heure "
                    + "moyenne du compteur), " + chart[1].toLowerCase(java.util.Locale.ROOT) + ", heure locale ; "
                    + "entre parenthèses, les compteurs d'apprentissage du segment. · Normalised mean day of each "
                    + "segment, " + chart[2] + ", local time.");
        }
        if (data.withheldSegments() > 0) {
            page.paragraph(data.withheldSegments() + " segment(s) non publié(s) : moins de 10 compteurs ou un "
                    + "compteur dominant. · segment(s) withheld by the secrecy guard.");
        }
        page.paragraph(SECRECY_RULE);
    }

    private static void silhouette(HtmlPage page, UseCaseResult result, Map<String, Map<Integer, Double>> curves) {
        if (curves == null || curves.isEmpty()) {
            page.paragraph("Pas de courbe. · No curve.");
            return;
        }
        TreeSet<Integer> ks = new TreeSet<>();
        curves.values().forEach(c -> ks.addAll(c.keySet()));
        List<String> categories = ks.stream().map(k -> "k=" + k).toList();
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        curves.forEach((name, curve) -> series.add(new SvgCharts.BarSeries(name,
                ks.stream().mapToDouble(k -> curve.getOrDefault(k, Double.NaN)).toArray())));
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("Silhouette moyenne des compteurs d'apprentissage",
                "Nombre de segments k", "Silhouette", categories, series)), "Chaque algorithme retient le k de plus "
                + "forte silhouette ; la segmentation retenue est celle de plus forte silhouette. · Each algorithm "
                + "keeps the k with the highest silhouette; the best model has the highest silhouette overall.");
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            if (curves.containsKey(m.name())) {
                rows.add(List.of(m.name(), k(m), ratio(metric(m.trainMetrics(), "silhouette"))));
            }
        }
        page.table(List.of("Modèle · Model", "k retenu · chosen k", "Silhouette (apprentissage · fitted)"), rows);
    }

    private static void nrmse(HtmlPage page, UseCaseResult result) {
        List<UseCaseResult.ModelEntry> models = UseCasePage.models(result);
        if (models.isEmpty()) {
            page.paragraph("Pas de modèle. · No model.");
            return;
        }
        List<String> names = models.stream().map(UseCaseResult.ModelEntry::name).toList();
        double[] nrmse = percentOf(models, "nrmse");
        double[] baseline = percentOf(models, "nrmse_baseline");
        double[] segmentOnly = percentOf(models, "nrmse_segment_only");
        double[] tariffOffPeak = percentOf(models, "nrmse_tariff_offpeak");
        page.figure(SvgCharts.bars(new SvgCharts.BarChart("NRMSE par compteur tenu à l'écart (%)", "Modèle",
                "NRMSE (%)", names, List.of(
                        new SvgCharts.BarSeries("segment calé sur les heures creuses · segment, placed", nrmse),
                        new SvgCharts.BarSeries("segment, tous débuts confondus · segment, pooled", segmentOnly),
                        new SvgCharts.BarSeries("classe tarifaire calée · tariff class, placed", tariffOffPeak),
                        new SvgCharts.BarSeries("classe tarifaire (référence) · tariff class (baseline)",
                                baseline)))),
                "NRMSE moyen par compteur tenu à l'écart entre ses journées moyennes normalisées (saison × type de "
                        + "jour × demi-heure) et le profil de son segment calé sur son début d'heures creuses, ou le "
                        + "profil moyen de sa classe tarifaire (RES1, RES2, PRO1, PRO2) comme le font les profils "
                        + "réglementaires. Les deux barres du milieu séparent les gains : segments sans calage, "
                        + "calage sans segments. · Mean per-meter NRMSE, held-out meters: placed segment profile, "
                        + "the same pooled over off-peak starts, tariff-class profiles placed the same way, and the "
                        + "tariff-class baseline.");
    }

    private static double[] percentOf(List<UseCaseResult.ModelEntry> models, String metric) {
        return models.stream().mapToDouble(m -> 100 * metric(m.metrics(), metric)).toArray();
    }

    private static List<String> modelCells(UseCaseResult.ModelEntry m) {
        Map<String, Object> test = m.metrics();
        return List.of(k(m), ratio(metric(test, "ari")), ratio(metric(test, "silhouette")),
                percentNumber(metric(test, "nrmse")), percentNumber(metric(test, "nrmse_baseline")),
                percentNumber(metric(test, "nrmse_reduction_vs_baseline")));
    }

    private static void communes(HtmlPage page, List<Uc1PageData.CommuneCell> cells) {
        List<List<String>> rows = new ArrayList<>();
        for (Uc1PageData.CommuneCell c : Objects.requireNonNullElse(cells,
                List.<Uc1PageData.CommuneCell>of())) {
            rows.add(List.of(c.communeCode(), "S" + c.segment(), Integer.toString(c.meters()),
                    Integer.toString(c.communeMeters()), percentNumber(c.share())));
        }
        page.table(List.of("Commune", "Segment", "Compteurs", "Compteurs de la commune", "Part (%)"), rows);
        page.paragraph(SECRECY_RULE);
    }

    private static void exclusions(HtmlPage page, Map<String, Long> exclusions) {
        page.heading(3, "Compteurs écartés · Meters kept out");
        Map<String, String> excl = new LinkedHashMap<>();
        Objects.requireNonNullElse(exclusions, Map.<String, Long>of())
                .forEach((reason, n) -> excl.put(reason, Long.toString(n)));
        if (excl.isEmpty()) {
            page.paragraph("Aucun. · None.");
        } else {
            page.keyValues(excl);
        }
    }
}

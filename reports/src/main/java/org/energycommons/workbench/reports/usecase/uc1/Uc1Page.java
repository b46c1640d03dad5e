/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc1;

import static org.energycommons.workbench.reports.render.Formats.MISSING;
import static org.energycommons.workbench.reports.render.Formats.metric;
import static org.energycommons.workbench.reports.render.Formats.percent;
import static org.energycommons.workbench.reports.render.Formats.percentNumber;
import static org.energycommons.workbench.reports.render.Formats.ratio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;
import org.energycommons.workbench.reports.usecase.MetricLabels;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The renderer of the uc1 report page (load-profile segmentation): one self-contained HTML document per
 * {@link Lang language}, wholly in that language, that shows what {@link Uc1PageData} holds and only formats it.
 *
 * <p>It fills the {@link UseCasePage} skeleton (header, criteria, models, method, data, provenance) with the
 * sections of its own. Figures name the models by short reader names ({@link #readerName}); the models table
 * keeps their code names and says which is which.
 */
public final class Uc1Page {

    /**
     * The width of a bar chart whose categories are model names: wide enough for the reader names of five models to
     * sit unbroken under their bars (the chart scales down with the page).
     */
    private static final int WIDE_CHART = 1000;

    /** The half-hours of a typical day, the length of each profile. */
    private static final int HALF_HOURS = 48;

    /** Segments the map tells apart (the largest); the others share one colour. */
    private static final int MAP_SEGMENTS = 6;

    /** The typical days drawn: the {@code season_daytype} key of the shapes, the title in French and English. */
    private static final List<String[]> PROFILE_CHARTS = List.of(
            new String[] {"winter_workday", "Jour ouvré d'hiver (nov.–mars)", "Winter working day (Nov–Mar)"},
            new String[] {"summer_workday", "Jour ouvré d'été (avr.–oct.)", "Summer working day (Apr–Oct)"},
            new String[] {"summer_saturday", "Samedi d'été (avr.–oct.)", "Summer Saturday (Apr–Oct)"});

    /** Model code name → short reader name in French and English, short enough to sit under a bar unbroken. */
    private static final Map<String, String[]> READER_NAMES = Map.of(
            "kmeans-mllib", new String[] {"k-means", "k-means"},
            "bisecting-kmeans-mllib", new String[] {"k-means bissectif", "bisecting k-means"},
            "gmm-mllib", new String[] {"mélange gaussien", "Gaussian mixture"},
            "hierarchical-ward-smile", new String[] {"Ward hiérarchique", "Ward hierarchical"},
            "segment-classifier-rf-mllib", new String[] {"forêt aléatoire", "random forest"});

    /** Season and day-type words of the job's reasons ({@code winter workday}) → French. */
    private static final Map<String, String> SEASONS_FR = Map.of("winter", "d'hiver", "summer", "d'été");
    private static final Map<String, String> DAY_TYPES_FR = Map.of("workday", "jour ouvré", "wednesday", "mercredi",
            "school holiday", "vacances scolaires", "saturday", "samedi", "sunday holiday", "dimanche ou férié");

    private static final Pattern ONLY_DAYS = Pattern.compile("only (\\d+) complete days \\(at least (\\d+) needed\\)");
    private static final Pattern MISSING_TYPES = Pattern.compile("no complete day of type (.+)");
    private static final Pattern TOO_FEW_METERS = Pattern.compile("insufficient data: (\\d+) usable meters \\((\\d+) "
            + "to fit, (\\d+) held out\\); at least (\\d+) to fit and (\\d+) held out are needed.*", Pattern.DOTALL);
    private static final String INSUFFICIENT = "insufficient data: ";

    /** The population the commune mix counts, as its cells name it for the publication audit. */
    public static final String METERS_COUNTED = "meters";

    private Uc1Page() {
    }

    /**
     * Renders the uc1 page from its figures, already computed and passed through the secrecy guard.
     *
     * @param data the page's figures
     * @param lang the language of this version of the page
     * @return the HTML5 document
     */
    public static String render(Uc1PageData data, Lang lang) {
        return page(data, lang).render();
    }

    /**
     * What the segmentation means for the region, in a language: the mix of segments in each commune whose cells
     * pass the secrecy guard, as sentences and as a map of pies; the synthesis note reports it too.
     */
    public static Territory territory(Uc1PageData data, Lang lang) {
        List<Uc1PageData.CommuneCell> cells = Objects.requireNonNullElse(data.communeMix(), List.of());
        UseCaseResult.ModelEntry best = UseCasePage.best(data.result());
        if (best == null || cells.isEmpty()) {
            return new Territory(List.of(lang.t("Aucune commune n'a de segment publiable : pas de lecture "
                    + "territoriale.", "No commune has a publishable segment: no reading for the region.")), null,
                    null);
        }
        // Segments by their published meters, largest first: the map's categories, the rest pooled.
        Map<Integer, Integer> bySegment = new LinkedHashMap<>();
        Map<String, Integer> communeMeters = new LinkedHashMap<>();
        Map<String, Uc1PageData.CommuneCell> dominant = new LinkedHashMap<>();
        for (Uc1PageData.CommuneCell c : cells) {
            bySegment.merge(c.segment(), c.meters(), Integer::sum);
            communeMeters.put(c.communeCode(), c.communeMeters());
            dominant.merge(c.communeCode(), c, (a, b) -> b.share() > a.share() ? b : a);
        }
        List<Integer> segments = bySegment.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        List<Integer> shown = segments.subList(0, Math.min(segments.size(), MAP_SEGMENTS));
        int meters = communeMeters.values().stream().mapToInt(Integer::intValue).sum();
        int top = bySegment.get(segments.get(0));
        Map<String, String> names = Territory.names(data.region());
        List<String> perCommune = new ArrayList<>();
        dominant.forEach((code, c) -> perCommune.add(Territory.commune(names, code) + " S" + c.segment() + " "
                + percent(c.share())));
        List<String> paragraphs = List.of(
                lang.t("Les compteurs se répartissent en " + k(best) + " segments de comportement. Dans les "
                                + communeMeters.size() + " communes où au moins un segment est publiable (" + meters
                                + " compteurs), le plus répandu est S" + segments.get(0) + " (" + percent(
                                (double) top / meters) + " de leurs compteurs).",
                        "The meters fall into " + k(best) + " behaviour segments. In the " + communeMeters.size()
                                + " communes where at least one segment is publishable (" + meters + " meters), the "
                                + "most common is S" + segments.get(0) + " (" + percent((double) top / meters)
                                + " of their meters)."),
                lang.t("Segment dominant par commune : ", "Leading segment by commune: ")
                        + String.join(lang.t(" ; ", "; "), perCommune) + ". " + lang.t("Un gestionnaire de réseau "
                        + "ou une collectivité peut adresser ses actions (effacement, information des usagers) par "
                        + "segment, là où le segment est présent.", "A network operator or a local authority can "
                        + "aim its actions (demand response, information) at a segment, where that segment is."));
        List<String> categories = shown.stream().map(segment -> "S" + segment).toList();
        List<CommuneMap.Mark> marks = new ArrayList<>();
        communeMeters.forEach((code, n) -> {
            double[] parts = new double[categories.size() + 1];
            double published = 0;
            for (Uc1PageData.CommuneCell c : cells) {
                int at = shown.indexOf(c.segment());
                if (c.communeCode().equals(code) && at >= 0) {
                    parts[at] = c.meters();
                    published += c.meters();
                }
            }
            parts[parts.length - 1] = Math.max(0, n - published);
            marks.add(new CommuneMap.Mark(code, parts, n, n + lang.t(" compteurs", " meters")));
        });
        String title = lang.t("Segments par commune", "Segment mix by commune");
        CommuneMap.Legend legend = Territory.legend(lang.t("Part des compteurs de la commune par segment",
                "Share of the commune's meters by segment"), lang.t("Aire du disque : compteurs de la commune",
                "Disc area: the commune's meters"), lang);
        String rest = lang.t("autres ou non publiés", "others or withheld");
        return Territory.withMap(paragraphs, data.region(), places -> CommuneMap.pies(title, places, marks,
                        categories, rest, legend),
                lang.t("Chaque disque est une commune ; ses parts sont celles du tableau « Segments par commune ». "
                        + "Un segment de moins de 10 compteurs dans une commune n'est pas publié : il est compté "
                        + "avec « autres ».", "Each disc is a commune; its slices are those of the table “Segment "
                        + "mix per commune”. A segment of fewer than 10 meters in a commune is not published: it "
                        + "counts under “others”."), lang);
    }

    private static UseCasePage page(Uc1PageData data, Lang lang) {
        UseCasePage page = UseCasePage.of(data, lang);
        UseCaseResult result = data.result();
        page.summary(summary(result, lang)).territory(territory(data, lang));
        Object insufficient = result.provenance() == null ? null : result.provenance().get("insufficient_data");
        if (insufficient != null) {
            page.warning(insufficient(String.valueOf(insufficient), lang));
        }
        return page.metricFormat(Uc1Page::formatMetric)
                .section("profils", "Profils types des segments", "Typical profiles of the segments",
                        p -> profiles(p, data, lang))
                .section("silhouette", "Silhouette selon k", "Silhouette by k",
                        p -> silhouette(p, result, data.silhouetteByK(), lang))
                .section("nrmse", "Erreur du profil contre les profils réglementaires",
                        "Profile error against regulatory-style profiles", p -> nrmse(p, result, lang))
                .models(List.of("k", "ARI", "Silhouette", "NRMSE (%)", lang.t("NRMSE réf. (%)", "Baseline NRMSE (%)"),
                        lang.t("Réduction (%)", "Reduction (%)")), Uc1Page::modelCells, p -> modelNotes(p, result,
                        lang))
                .section("communes", "Segments par commune", "Segment mix per commune",
                        p -> communes(p, data.communeMix(), lang))
                .methodOf(Uc1Page.class, Map.of())
                .dataDetails(p -> exclusions(p, data.exclusions(), lang))
                .leaveOutOfProvenance("insufficient_data");
    }

    /**
     * The statistical-secrecy rule under the published aggregates, in a language.
     *
     * @param lang the language of the page
     * @return one paragraph
     */
    public static String secrecyRule(Lang lang) {
        return lang.t("Seuls sont publiés les profils et les effectifs d'au moins 10 points de livraison dont aucun "
                        + "ne représente plus de 85 % de l'énergie (secret statistique, Code de l'énergie, "
                        + "art. D.111-52 et D.111-53).",
                "Only profiles and counts of at least 10 delivery points, none of which accounts for more than 85 % "
                        + "of the energy, are published (statistical secrecy, French Energy Code, "
                        + "art. D.111-52 and D.111-53).");
    }

    /**
     * The short name a reader sees for a model in the figures and the summary, e.g. "Ward hiérarchique" for
     * {@code hierarchical-ward-smile}; the code name itself for a model without one.
     *
     * @param model the model's code name
     * @param lang  the language of the page
     * @return the name shown
     */
    public static String readerName(String model, Lang lang) {
        String[] names = READER_NAMES.get(model);
        return names == null ? Objects.toString(model, MISSING) : lang.t(names[0], names[1]);
    }

    private static String summary(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry best = UseCasePage.best(result);
        if (best == null) {
            return lang.t("Aucune segmentation n'a pu être calculée.", "No segmentation could be computed.");
        }
        Map<String, Object> m = best.metrics();
        String name = readerName(best.name(), lang) + " (" + best.name() + ")";
        String ari = MetricLabels.label("ari", lang);
        return lang.t("En résumé : la segmentation retenue (plus forte silhouette sur les compteurs d'apprentissage) "
                        + "est " + name + ", avec " + k(best) + " segments. Sur les compteurs tenus à l'écart, l'"
                        + ari + " est de " + ratio(metric(m, "ari")) + ", et l'erreur NRMSE du profil de segment, "
                        + "calé sur le début d'heures creuses du compteur, est de " + percent(metric(m, "nrmse"))
                        + " contre " + percent(metric(m, "nrmse_baseline")) + " pour le profil moyen de sa classe "
                        + "tarifaire, la référence : une réduction de "
                        + percent(metric(m, "nrmse_reduction_vs_baseline")) + " (segments sans calage : "
                        + percent(metric(m, "nrmse_segment_only")) + " ; classes tarifaires calées : "
                        + percent(metric(m, "nrmse_tariff_offpeak")) + ").",
                "In short: the chosen segmentation (highest silhouette on the fitted meters) is " + name + ", with "
                        + k(best) + " segments. On the held-out meters, the " + ari + " is "
                        + ratio(metric(m, "ari")) + ", and the NRMSE of the segment profile, placed on the meter's "
                        + "off-peak start, is " + percent(metric(m, "nrmse")) + " against "
                        + percent(metric(m, "nrmse_baseline")) + " for the mean profile of its tariff class, the "
                        + "baseline: a reduction of " + percent(metric(m, "nrmse_reduction_vs_baseline"))
                        + " (segments without placement: " + percent(metric(m, "nrmse_segment_only"))
                        + "; tariff classes placed: " + percent(metric(m, "nrmse_tariff_offpeak")) + ").");
    }

    /** Why no model was fitted, from the job's reason, in the page's language (the reason as is when unknown). */
    static String insufficient(String reason, Lang lang) {
        Matcher few = TOO_FEW_METERS.matcher(reason);
        if (few.matches()) {
            return lang.t("Données insuffisantes : " + few.group(1) + " compteurs utilisables (" + few.group(2)
                            + " pour l'apprentissage, " + few.group(3) + (few.group(3).equals("1") ? " tenu"
                            : " tenus") + " à l'écart) ; il en faut au moins "
                            + few.group(4) + " pour l'apprentissage et " + few.group(5) + " tenus à l'écart. Les "
                            + "compteurs écartés sont comptés dans la section Données.",
                    "Insufficient data: " + few.group(1) + " usable meters (" + few.group(2) + " to fit, "
                            + few.group(3) + " held out); at least " + few.group(4) + " to fit and " + few.group(5)
                            + " held out are needed. The meters kept out are counted in the Data section.");
        }
        if (reason.equals(INSUFFICIENT + "no clustering could be fitted")) {
            return lang.t("Données insuffisantes : aucune segmentation n'a pu être ajustée.",
                    "Insufficient data: no clustering could be fitted.");
        }
        String rest = reason.startsWith(INSUFFICIENT) ? reason.substring(INSUFFICIENT.length()) : reason;
        return lang.t("Données insuffisantes (message du calcul : « " + rest + " »)", "Insufficient data: " + rest);
    }

    /** A uc1 metric as in the criteria table: NRMSE and its reduction as percentages, the rest as ratios. */
    static String formatMetric(String metric, double value) {
        return metric.startsWith("nrmse") ? percent(value) : ratio(value);
    }

    private static String k(UseCaseResult.ModelEntry m) {
        return m.notes() == null ? MISSING : m.notes().getOrDefault("k", MISSING);
    }

    /**
     * The typical-day charts: hours of the day on a numeric axis (a typical day has no date), one series per
     * publishable segment.
     */
    private static void profiles(HtmlPage page, Uc1PageData data, Lang lang) {
        List<Uc1PageData.SegmentProfile> profiles = Objects.requireNonNullElse(data.profiles(), List.of());
        if (profiles.isEmpty()) {
            page.paragraph(lang.t("Aucun profil publiable.", "No publishable profile."));
        }
        double[] hours = new double[HALF_HOURS];
        for (int i = 0; i < HALF_HOURS; i++) {
            hours[i] = i / 2.0;
        }
        for (String[] chart : PROFILE_CHARTS) {
            List<SvgCharts.XySeries> series = new ArrayList<>();
            for (Uc1PageData.SegmentProfile p : profiles) {
                double[] v = p.shapes() == null ? null : p.shapes().get(chart[0]);
                if (v != null && v.length == HALF_HOURS) {
                    series.add(new SvgCharts.XySeries("S" + p.segment() + " (" + p.meters() + ")", hours, v));
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            String day = lang.t(chart[1], chart[2]);
            page.figure(SvgCharts.lines(new SvgCharts.ScatterChart(day,
                    lang.t("Heure locale (h, début de la demi-heure)", "Local time (h, start of the half-hour)"),
                    lang.t("× demi-heure moyenne du compteur", "× meter's mean half-hour"), series, false)),
                    lang.t("Journée type normalisée de chaque segment, " + lowerFirst(day) + " : une valeur par "
                                    + "demi-heure, 1 = demi-heure moyenne du compteur, heure locale (0 = minuit). "
                                    + "Entre parenthèses, les compteurs d'apprentissage du segment.",
                            "Normalised typical day of each segment, " + lowerFirst(day) + ": one value per "
                                    + "half-hour, 1 = the meter's mean half-hour, local time (0 = midnight). In "
                                    + "brackets, the segment's fitted meters."));
        }
        int withheld = data.withheldSegments();
        if (withheld > 0) {
            page.paragraph(lang.t(withheld + (withheld > 1 ? " segments non publiés" : " segment non publié")
                            + " : moins de 10 compteurs ou un compteur dominant.",
                    withheld + (withheld > 1 ? " segments withheld" : " segment withheld")
                            + ": fewer than 10 meters, or one meter dominant."));
        }
        page.paragraph(secrecyRule(lang));
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static void silhouette(HtmlPage page, UseCaseResult result, Map<String, Map<Integer, Double>> curves,
                                   Lang lang) {
        if (curves == null || curves.isEmpty()) {
            page.paragraph(lang.t("Pas de courbe.", "No curve."));
            return;
        }
        TreeSet<Integer> ks = new TreeSet<>();
        curves.values().forEach(c -> ks.addAll(c.keySet()));
        List<String> categories = ks.stream().map(k -> "k = " + k).toList();
        List<SvgCharts.BarSeries> series = new ArrayList<>();
        UseCasePage.modelsFirst(result, curves.keySet()).forEach(name -> series.add(new SvgCharts.BarSeries(
                readerName(name, lang), ks.stream().mapToDouble(k -> curves.get(name).getOrDefault(k, Double.NaN))
                .toArray())));
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Silhouette moyenne des compteurs d'apprentissage",
                        "Mean silhouette of the fitted meters"), lang.t("Nombre de segments k", "Number of segments k"),
                        "Silhouette", categories, series)),
                lang.t("Chaque algorithme retient le k de plus forte silhouette ; la segmentation retenue est celle "
                                + "de plus forte silhouette. Une barre absente : l'ajustement a échoué pour ce k.",
                        "Each algorithm keeps the k with the highest silhouette; the chosen segmentation is the one "
                                + "with the highest silhouette. A missing bar: the fit failed for that k."));
        List<List<String>> rows = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            if (curves.containsKey(m.name())) {
                rows.add(List.of((UseCasePage.isBest(result, m) ? UseCasePage.BEST_MARK : "")
                        + readerName(m.name(), lang), k(m), ratio(metric(m.trainMetrics(), "silhouette"))));
            }
        }
        page.table(List.of(lang.t("Algorithme", "Algorithm"), lang.t("k retenu", "Chosen k"),
                lang.t("Silhouette (compteurs d'apprentissage)", "Silhouette (fitted meters)")), rows);
    }

    private static void nrmse(HtmlPage page, UseCaseResult result, Lang lang) {
        List<UseCaseResult.ModelEntry> models = UseCasePage.models(result);
        if (models.isEmpty()) {
            page.paragraph(lang.t("Pas de modèle.", "No model."));
            return;
        }
        List<String> names = models.stream().map(m -> readerName(m.name(), lang)).toList();
        double[] nrmse = percentOf(models, "nrmse");
        double[] baseline = percentOf(models, "nrmse_baseline");
        double[] segmentOnly = percentOf(models, "nrmse_segment_only");
        double[] tariffOffPeak = percentOf(models, "nrmse_tariff_offpeak");
        page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("NRMSE par compteur tenu à l'écart (%)",
                        "NRMSE per held-out meter (%)"), lang.t("Modèle", "Model"), "NRMSE (%)", names, List.of(
                        new SvgCharts.BarSeries(lang.t("segment calé sur les heures creuses",
                                "segment, placed on the off-peak start"), nrmse),
                        new SvgCharts.BarSeries(lang.t("segment, tous débuts confondus",
                                "segment, all starts pooled"), segmentOnly),
                        new SvgCharts.BarSeries(lang.t("classe tarifaire calée", "tariff class, placed"),
                                tariffOffPeak),
                        new SvgCharts.BarSeries(lang.t("classe tarifaire (référence)", "tariff class (baseline)"),
                                baseline)), WIDE_CHART, SvgCharts.DEFAULT_HEIGHT)),
                lang.t("NRMSE moyen par compteur tenu à l'écart entre ses journées moyennes normalisées (saison × "
                                + "type de jour × demi-heure) et le profil de son segment calé sur son début d'heures "
                                + "creuses, ou le profil moyen de sa classe tarifaire (RES1, RES2, PRO1, PRO2) comme "
                                + "le font les profils réglementaires. Les deux barres du milieu séparent les gains : "
                                + "segments sans calage, calage sans segments. « Forêt aléatoire » : le classifieur "
                                + "qui affecte un nouveau compteur à un segment de la segmentation retenue.",
                        "Mean NRMSE per held-out meter between its normalised mean days (season × day type × "
                                + "half-hour) and its segment's profile placed on its off-peak start, or the mean "
                                + "profile of its tariff class (RES1, RES2, PRO1, PRO2) as regulatory profiles do. "
                                + "The two middle bars tell the gains apart: segments without placement, placement "
                                + "without segments. \"Random forest\": the classifier that assigns a new meter to "
                                + "a segment of the chosen segmentation."));
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

    private static void modelNotes(HtmlPage page, UseCaseResult result, Lang lang) {
        page.paragraph(UseCasePage.BEST_MARK + lang.t("segmentation retenue (plus forte silhouette sur les compteurs "
                        + "d'apprentissage, sans regarder la vérité). Métriques sur les compteurs tenus à l'écart ; "
                        + "« NRMSE réf. » : celle du profil moyen de la classe tarifaire. Le classifieur affecte un "
                        + "nouveau compteur à un segment de la segmentation retenue.",
                "chosen segmentation (highest silhouette on the fitted meters, without looking at the truth). "
                        + "Metrics on the held-out meters; \"Baseline NRMSE\": that of the tariff class's mean "
                        + "profile. The classifier assigns a new meter to a segment of the chosen segmentation."));
        List<String> names = new ArrayList<>();
        for (UseCaseResult.ModelEntry m : UseCasePage.models(result)) {
            if (READER_NAMES.containsKey(m.name())) {
                names.add(m.name() + lang.t(" : ", ": ") + readerName(m.name(), lang));
            }
        }
        if (!names.isEmpty()) {
            page.paragraph(lang.t("Dans les figures : ", "In the figures: ") + String.join(lang.t(" ; ", "; "), names)
                    + ".");
        }
    }

    private static void communes(HtmlPage page, List<Uc1PageData.CommuneCell> cells, Lang lang) {
        List<List<String>> rows = new ArrayList<>();
        for (Uc1PageData.CommuneCell c : Objects.requireNonNullElse(cells,
                List.<Uc1PageData.CommuneCell>of())) {
            rows.add(List.of(c.communeCode(), "S" + c.segment(), Integer.toString(c.meters()),
                    Integer.toString(c.communeMeters()), percentNumber(c.share())));
        }
        page.table(List.of("Commune", "Segment", lang.t("Compteurs", "Meters"),
                lang.t("Compteurs de la commune", "Meters in the commune"), lang.t("Part (%)", "Share (%)")), rows,
                Map.of(2, METERS_COUNTED, 3, METERS_COUNTED));
        page.paragraph(secrecyRule(lang));
    }

    private static void exclusions(HtmlPage page, Map<String, Long> exclusions, Lang lang) {
        page.heading(3, lang.t("Compteurs écartés", "Meters kept out"));
        Map<String, String> excl = new LinkedHashMap<>();
        Objects.requireNonNullElse(exclusions, Map.<String, Long>of())
                .forEach((reason, n) -> excl.put(exclusionReason(reason, lang), Long.toString(n)));
        if (excl.isEmpty()) {
            page.paragraph(lang.t("Aucun.", "None."));
        } else {
            page.keyValues(excl);
        }
    }

    /** Why meters were kept out, from the job's reason (in English), in the page's language. */
    static String exclusionReason(String reason, Lang lang) {
        if (lang == Lang.EN || reason == null) {
            return reason;
        }
        Matcher only = ONLY_DAYS.matcher(reason);
        if (only.matches()) {
            return "seulement " + only.group(1) + " jours complets (au moins " + only.group(2) + " requis)";
        }
        Matcher types = MISSING_TYPES.matcher(reason);
        if (types.matches()) {
            List<String> days = new ArrayList<>();
            for (String day : types.group(1).split(",\\s*")) {
                days.add(dayFr(day.strip()));
            }
            return "aucun jour complet de type " + String.join(", ", days);
        }
        return switch (reason) {
            case "no complete day of readings" -> "aucun jour complet de relevés";
            case "heating degree-days do not vary" -> "les degrés-jours de chauffe ne varient pas";
            case "a ratio is undefined (zero consumption)" -> "un rapport est indéfini (consommation nulle)";
            default -> reason;
        };
    }

    /** {@code winter saturday} → {@code samedi d'hiver}; the words as given when not a season and a day type. */
    private static String dayFr(String day) {
        int space = day.indexOf(' ');
        String season = space < 0 ? null : SEASONS_FR.get(day.substring(0, space));
        String type = space < 0 ? null : DAY_TYPES_FR.get(day.substring(space + 1));
        return season == null || type == null ? day : type + " " + season;
    }
}

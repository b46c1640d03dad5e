package org.energycommons.workbench.jobs.usecase.uc1;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc1.Uc1Features;
import org.energycommons.workbench.models.uc1.Uc1Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.uc1.Uc1Page;
import org.energycommons.workbench.reports.usecase.uc1.Uc1PageData;

/** The data of the uc1 page: the best segmentation's profiles and commune mix, only aggregates the guard allows. */
final class Uc1PageQueries {

    private Uc1PageQueries() {
    }

    /** The page's HTML: its data from the result and the gold tables, rendered. */
    static UseCasePipeline.Rendered page(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                         RegionDescription region) {
        return UseCasePipeline.Rendered.of(pageData(ctx, result, guard, region), Uc1Page::render,
                Uc1Page::territory);
    }

    /** The index headline, from the best model's metrics. */
    static String headline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry m = UseCasePage.best(result);
        return String.format(Locale.ROOT, lang.t("%s segments, ARI %.2f, erreur de profil %.1f %% contre %.1f %% "
                + "(classes tarifaires)", "%s segments, ARI %.2f, profile error %.1f %% against %.1f %% (tariff "
                + "classes)"), m.notes().get("k"), m.judged().value("ari"), 100 * m.judged().value("nrmse"),
                100 * m.judged().value("nrmse_baseline"));
    }

    /** The uc1 page's data, from the gold tables and the result, through the guard. */
    static Uc1PageData pageData(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                RegionDescription region) {
        Lake lake = ctx.lake();
        List<Uc1PageData.SegmentProfile> profiles = new ArrayList<>();
        int withheld = 0;
        if (result.bestModel() != null && lake.exists(Uc1Tables.CENTROIDS)) {
            Map<Integer, Map<String, double[]>> shapes = new TreeMap<>();
            Map<Integer, Integer> meters = new TreeMap<>();
            Map<Integer, Boolean> allowed = new TreeMap<>();
            for (Row r : lake.read(Uc1Tables.CENTROIDS)
                    .filter(col("model").equalTo(result.bestModel()).and(col("offpeak_start_hh").isNull()))
                    .select("segment", "season", "day_type", "hh", "value", "n_meters", "largest_share")
                    .collectAsList()) {
                int segment = r.getInt(0);
                meters.put(segment, r.getInt(5));
                allowed.put(segment, guard.allows(r.getInt(5), r.getDouble(6)));
                shapes.computeIfAbsent(segment, s -> new LinkedHashMap<>())
                        .computeIfAbsent(r.getString(1) + "_" + r.getString(2),
                                k -> new double[Uc1Features.HALF_HOURS])[r.getInt(3)] = r.getDouble(4);
            }
            for (Map.Entry<Integer, Map<String, double[]>> e : shapes.entrySet()) {
                if (allowed.get(e.getKey())) {
                    profiles.add(new Uc1PageData.SegmentProfile(e.getKey(), meters.get(e.getKey()),
                            e.getValue()));
                } else {
                    withheld++;
                }
            }
        }
        List<Uc1PageData.CommuneCell> cells = new ArrayList<>();
        if (lake.exists(Uc1Tables.COMMUNE_MIX)) {
            // The table holds only guarded cells already; the guard is applied again in case its settings changed.
            for (Row r : guard.publishable(lake.read(Uc1Tables.COMMUNE_MIX), "n_meters", "largest_share")
                    .orderBy("commune_code", "segment")
                    .select("commune_code", "segment", "n_meters", "commune_meters", "share")
                    .collectAsList()) {
                cells.add(new Uc1PageData.CommuneCell(r.getString(0), r.getInt(1), r.getInt(2),
                        r.getInt(3), r.getDouble(4)));
            }
        }
        Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();
        for (UseCaseResult.ModelEntry m : result.models()) {
            String text = m.notes() == null ? null : m.notes().get("silhouette_by_k");
            if (text != null) {
                curves.put(m.name(), Uc1Pipeline.parseCurve(text));
            }
        }
        Map<String, Long> exclusions = new LinkedHashMap<>();
        if (result.provenance().get("exclusions") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> exclusions.put(String.valueOf(k), ((Number) v).longValue()));
        }
        return new Uc1PageData(UseCases.UC1, result, RunProvenance.fromMap(result.provenance()).inputTables(),
                region, profiles, curves,
                cells, exclusions, withheld, Instant.now().toString());
    }
}

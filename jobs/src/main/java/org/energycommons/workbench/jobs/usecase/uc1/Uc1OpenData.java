package org.energycommons.workbench.jobs.usecase.uc1;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Field;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Text;
import org.energycommons.workbench.models.uc1.Uc1Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The open datasets of uc1: the load profile of each segment of the best segmentation, and the segment mix of each
 * commune; only segments and commune cells of at least the guard's number of meters, none above its share.
 */
final class Uc1OpenData {

    private Uc1OpenData() {
    }

    static List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        List<OpenDataset> out = new ArrayList<>();
        if (result.bestModel() == null) {
            return out;
        }
        if (lake.exists(Uc1Tables.CENTROIDS)) {
            // The profile over all of a segment's meters (no off-peak split): the sub-profiles by off-peak start
            // gather too few meters to pass the guard in most segments.
            out.add(new OpenDataset("uc1_segment_profiles", "uc1",
                    new Text("Profils de charge types des segments de consommateurs",
                            "Typical load profiles of the consumer segments"),
                    new Text("Une ligne par segment, saison, type de jour et demi-heure : la courbe moyenne des "
                            + "compteurs du segment, normalisée par leur consommation moyenne (1 = moyenne). Seuls "
                            + "les segments d'au moins " + guard.minPoints() + " compteurs sont publiés.",
                            "One row per segment, season, day type and half-hour: the mean curve of the segment's "
                            + "meters, normalised by their mean use (1 = mean). Only segments of at least "
                            + guard.minPoints() + " meters are published."),
                    List.of(Field.of("segment", "segment number in the best segmentation"),
                            Field.of("season", "summer or winter"),
                            Field.of("day_type", "workday, wednesday, saturday, sunday_holiday or school_holiday"),
                            Field.of("half_hour", "half-hour of the local day, 0 = 00:00-00:30 ... 47"),
                            Field.measured("relative_load", "mean load relative to the meters' mean load", "1"),
                            Field.count("meters", "meters in the segment", "meters")),
                    List.of("segment", "season", "day_type", "half_hour"), "segment",
                    List.of(Uc1Tables.CENTROIDS),
                    guard.publishable(lake.read(Uc1Tables.CENTROIDS)
                                    .filter(col("model").equalTo(result.bestModel())
                                            .and(col("offpeak_start_hh").isNull())),
                                    "n_meters", "largest_share")
                            .select(col("segment"), col("season"), col("day_type"), col("hh").as("half_hour"),
                                    col("value").as("relative_load"), col("n_meters").cast("bigint").as("meters"))));
        }
        if (lake.exists(Uc1Tables.COMMUNE_MIX)) {
            out.add(new OpenDataset("uc1_segments_by_commune", "uc1",
                    new Text("Répartition des segments de consommateurs par commune",
                            "Consumer segments by commune"),
                    new Text("Une ligne par commune et segment : le nombre de compteurs du segment et leur part "
                            + "parmi les compteurs de la commune. Seules les cellules d'au moins "
                            + guard.minPoints() + " compteurs sont publiées.",
                            "One row per commune and segment: the segment's meters and their share of the "
                            + "commune's meters. Only cells of at least " + guard.minPoints()
                            + " meters are published."),
                    List.of(Field.of("commune_code", "INSEE code of the commune"),
                            Field.of("segment", "segment number in the best segmentation"),
                            Field.count("meters", "meters of the commune in the segment", "meters"),
                            Field.count("commune_meters", "segmented meters of the commune; empty when the meters "
                                    + "left out of its published cells would fall below the threshold", "meters"),
                            Field.measured("share", "meters / commune_meters; empty with commune_meters", "1")),
                    List.of("commune_code", "segment"), "commune",
                    List.of(Uc1Tables.COMMUNE_MIX),
                    withoutSmallRemainder(guard.publishable(lake.read(Uc1Tables.COMMUNE_MIX)
                                    .filter(col("model").equalTo(result.bestModel())),
                                    "n_meters", "largest_share"), guard)));
        }
        return out;
    }

    /**
     * The published cells of a commune with the commune's total only when the meters left out of its published
     * cells are none or at least the guard's minimum: otherwise the total minus the published cells would give away
     * an aggregate below the threshold.
     */
    private static Dataset<Row> withoutSmallRemainder(Dataset<Row> cells, SecrecyGuard guard) {
        Column remainder = col("commune_meters").minus(sum("n_meters").over(Window.partitionBy("commune_code")));
        Column safe = remainder.equalTo(0).or(remainder.geq(guard.minPoints()));
        return cells
                .select(col("commune_code"), col("segment"), col("n_meters").cast("bigint").as("meters"),
                        when(safe, col("commune_meters").cast("bigint")).as("commune_meters"),
                        when(safe, col("share")).as("share"));
    }
}

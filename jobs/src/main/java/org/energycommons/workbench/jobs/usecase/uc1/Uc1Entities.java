package org.energycommons.workbench.jobs.usecase.uc1;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.federation.EntityModels;
import org.energycommons.workbench.jobs.federation.EntitySet;
import org.energycommons.workbench.jobs.federation.NgsiEntity;
import org.energycommons.workbench.models.uc1.Uc1Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The NGSI-LD entities of uc1: a {@code LoadProfile} per segment, season and day type of the chosen segmentation,
 * its 48 half-hourly values; only segments that pass the guard on their meters (as in the open dataset).
 */
final class Uc1Entities {

    private Uc1Entities() {
    }

    static List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc1Tables.CENTROIDS)) {
            return List.of();
        }
        List<Row> rows = guard.publishable(lake.read(Uc1Tables.CENTROIDS)
                                .filter(col("model").equalTo(result.bestModel())),
                        "n_meters", "largest_share")
                .select("segment", "season", "day_type", "hh", "value", "n_meters", "offpeak_start_hh")
                .orderBy("segment", "season", "day_type", "hh")
                .collectAsList();
        // One profile per segment, season and day type: its half-hours in order.
        Map<String, List<Row>> profiles = new TreeMap<>();
        for (Row r : rows) {
            profiles.computeIfAbsent(r.getInt(0) + ":" + r.getString(1) + ":" + r.getString(2),
                    k -> new ArrayList<>()).add(r);
        }
        List<NgsiEntity> out = new ArrayList<>();
        profiles.forEach((key, halfHours) -> {
            Row first = halfHours.get(0);
            List<Double> shape = halfHours.stream().map(r -> Math.round(r.getDouble(4) * 1e6) / 1e6).toList();
            out.add(NgsiEntity.of(EntityModels.LOAD_PROFILE.type(), result.bestModel() + ":" + key)
                    .property("segment", first.getInt(0))
                    .property("season", first.getString(1))
                    .property("dayType", first.getString(2))
                    .property("halfHourlyShape", shape)
                    .property("meters", first.getInt(5))
                    .property("offPeakStartHalfHour", first.isNullAt(6) ? null : first.getInt(6))
                    .property("segmentationModel", result.bestModel()));
        });
        return List.of(new EntitySet(EntityModels.LOAD_PROFILE, "uc1", List.of(Uc1Tables.CENTROIDS), out));
    }
}

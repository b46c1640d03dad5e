package org.energycommons.workbench.jobs.usecase.uc2;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.federation.EntityModels;
import org.energycommons.workbench.jobs.federation.EntitySet;
import org.energycommons.workbench.jobs.federation.EntityValues;
import org.energycommons.workbench.jobs.federation.NgsiEntity;
import org.energycommons.workbench.models.uc2.Uc2Features;
import org.energycommons.workbench.models.uc2.Uc2Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The NGSI-LD entities of uc2: an {@code Anomaly} per alert of the chosen detector on a public building over the
 * evaluation period, with the rule, its condition and the features it read that day, related to the building.
 * Public buildings are not personal data (docs/publication-policy.md); an alert on any other building is never
 * exported.
 */
final class Uc2Entities {

    private Uc2Entities() {
    }

    static List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc2Tables.ALERTS)) {
            return List.of();
        }
        List<Row> alerts = lake.read(Uc2Tables.ALERTS)
                .filter(col("model").equalTo(result.bestModel()).and(col("period").equalTo("evaluation")))
                // Only public buildings, whatever the detector was run on.
                .join(lake.read(Tables.BUILDINGS)
                        .filter(col("building_use").isin(Uc2Features.PUBLIC_USES.toArray()))
                        .select("building_id"), "building_id")
                .select("building_id", "local_date", "rule", "severity", "condition", "evidence", "explanation")
                .orderBy("building_id", "local_date", "rule")
                .collectAsList();
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : alerts) {
            String building = r.getString(0);
            java.time.LocalDate day = r.getDate(1).toLocalDate();
            Map<String, Double> evidence = new LinkedHashMap<>();
            if (!r.isNullAt(5)) {
                r.<String, Double>getJavaMap(5).forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        evidence.put(k, Math.round(v * 1e6) / 1e6);
                    }
                });
            }
            out.add(NgsiEntity.of(EntityModels.ANOMALY.type(), building + ":" + day + ":" + r.getString(2))
                    .property("anomalousProperty", "dailyElectricityConsumption")
                    // Detected once the day's readings are in: at its end.
                    .dateTime("dateDetected", EntityValues.endOf(day))
                    .property("description", r.getString(6))
                    .relationship("refBuilding", NgsiEntity.id(EntityModels.BUILDING.type(), building))
                    .property("alertRule", r.getString(2))
                    .property("severity", r.getString(3))
                    .property("condition", r.getString(4))
                    .property("evidence", evidence.isEmpty() ? null : evidence)
                    .property("detectionModel", result.bestModel()));
        }
        return List.of(new EntitySet(EntityModels.ANOMALY, "uc2", List.of(Uc2Tables.ALERTS, Tables.BUILDINGS), out));
    }
}

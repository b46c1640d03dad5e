package org.energycommons.workbench.jobs.usecase.uc5;

import java.util.ArrayList;
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
import org.energycommons.workbench.models.uc5.Uc5Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The NGSI-LD entities of uc5: an {@code EnergyPerformanceStatistics} per commune of at least the guard's number of
 * dwellings, with the counts of the open dataset and the same suppression (a suppressed count is a member left
 * out). A dwelling's certificate or estimated class is never exported.
 */
final class Uc5Entities {

    private Uc5Entities() {
    }

    static List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc5Tables.COMMUNE_FG)) {
            return List.of();
        }
        List<Row> rows = Uc5OpenData.suppressed(lake.read(Uc5Tables.COMMUNE_FG), guard.minPoints())
                .orderBy("commune_code")
                .collectAsList();
        Map<String, EntityValues.Commune> communes = EntityValues.communes(lake);
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : rows) {
            String code = r.getString(r.fieldIndex("commune_code"));
            NgsiEntity e = NgsiEntity.of(EntityModels.PERFORMANCE_STATISTICS.type(), code)
                    .property("communeCode", code)
                    .property("communeName", r.getString(r.fieldIndex("commune_name")))
                    .property("dwellings", count(r, "dwellings"))
                    .property("certified", count(r, "certified"))
                    .property("uncertified", count(r, "uncertified"))
                    .property("certifiedFG", count(r, "certified_fg"))
                    .property("predictedFGUncertified", count(r, "predicted_fg_uncertified"))
                    .property("estimatedFG", count(r, "estimated_fg"))
                    .property("estimatedFGShare", EntityValues.round(EntityValues.number(r, "estimated_fg_share")))
                    .property("classificationModel", result.bestModel());
            EntityValues.Commune commune = communes.get(code);
            out.add(commune == null ? e : commune.locate(e));
        }
        return List.of(new EntitySet(EntityModels.PERFORMANCE_STATISTICS, "uc5",
                List.of(Uc5Tables.COMMUNE_FG, Tables.COMMUNES), out));
    }

    private static Long count(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : ((Number) r.get(i)).longValue();
    }
}

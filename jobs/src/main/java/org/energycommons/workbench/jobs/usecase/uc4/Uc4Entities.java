package org.energycommons.workbench.jobs.usecase.uc4;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.LocalDate;
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
import org.energycommons.workbench.models.uc4.Uc4Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The NGSI-LD entities of uc4: a {@code LoadForecast} per substation and hour of the test period, the chosen
 * model's P10, P50 and P90 of the mean load over the hour; only the hours whose load passes the guard (as in the
 * open dataset). A day-ahead forecast uses the data up to the end of the day before: that is its issue time.
 */
final class Uc4Entities {

    private Uc4Entities() {
    }

    static List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc4Tables.PREDICTIONS)) {
            return List.of();
        }
        List<Row> rows = guard.publishable(lake.read(Uc4Tables.PREDICTIONS)
                                .filter(col("model").equalTo(result.bestModel()).and(col("split").equalTo("test"))),
                        "n_meters", "max_meter_share")
                .join(lake.read(Tables.SUBSTATIONS).select("substation_id", "commune_code"), "substation_id")
                .select("substation_id", "ts_utc", "local_date", "p10_kw", "p50_kw", "p90_kw", "capacity_kva",
                        "commune_code")
                .orderBy("substation_id", "ts_utc")
                .collectAsList();
        Map<String, EntityValues.Commune> communes = EntityValues.communes(lake);
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : rows) {
            String substation = r.getString(0);
            Instant from = r.getTimestamp(1).toInstant();
            LocalDate day = r.getDate(2).toLocalDate();
            NgsiEntity e = NgsiEntity.of(EntityModels.LOAD_FORECAST.type(), "uc4:" + substation + ":" + from)
                    .property("gridArea", substation)
                    .property("gridAreaKind", "substation")
                    .property("forecastedQuantity", "meanLoad")
                    .dateTime("dateIssued", EntityValues.startOf(day))
                    .dateTime("validFrom", from)
                    .dateTime("validTo", from.plusSeconds(3600))
                    .property("p10", EntityValues.round(EntityValues.number(r, "p10_kw")), "KWT", null)
                    .property("p50", EntityValues.round(EntityValues.number(r, "p50_kw")), "KWT", null)
                    .property("p90", EntityValues.round(EntityValues.number(r, "p90_kw")), "KWT", null)
                    .property("capacity", EntityValues.number(r, "capacity_kva"), "KVA", null)
                    .property("forecastModel", result.bestModel())
                    .property("communeCode", r.getString(7));
            EntityValues.Commune commune = communes.get(r.getString(7));
            out.add(commune == null ? e : commune.locate(e));
        }
        return List.of(new EntitySet(EntityModels.LOAD_FORECAST, "uc4",
                List.of(Uc4Tables.PREDICTIONS, Tables.SUBSTATIONS, Tables.COMMUNES), out));
    }
}

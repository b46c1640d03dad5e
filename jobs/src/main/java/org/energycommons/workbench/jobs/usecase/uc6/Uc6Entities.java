package org.energycommons.workbench.jobs.usecase.uc6;

import static org.apache.spark.sql.functions.col;

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
import org.energycommons.workbench.models.uc6.Uc6Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The NGSI-LD entities of uc6: a {@code LoadForecast} per gas area, issue day and horizon (D+1 to D+7) of the test
 * period, the chosen model's P10, P50 and P90 of the area's daily demand. A gas area's demand is published as such
 * by the gas operators (see the open dataset). A forecast uses the issue day's demand: it is issued at its end.
 */
final class Uc6Entities {

    private Uc6Entities() {
    }

    static List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc6Tables.FORECASTS)) {
            return List.of();
        }
        List<Row> rows = lake.read(Uc6Tables.FORECASTS)
                .filter(col("model").equalTo(result.bestModel()).and(col("split").equalTo("test")))
                .join(lake.read(Tables.GAS_AREAS).select("area_id", "commune_code"), "area_id")
                .select("area_id", "issue_date", "horizon", "target_date", "p10_kwh", "p50_kwh", "p90_kwh",
                        "capacity_kwh_per_day", "commune_code")
                .orderBy("area_id", "issue_date", "horizon")
                .collectAsList();
        Map<String, EntityValues.Commune> communes = EntityValues.communes(lake);
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : rows) {
            String area = r.getString(0);
            LocalDate issued = r.getDate(1).toLocalDate();
            LocalDate target = r.getDate(3).toLocalDate();
            NgsiEntity e = NgsiEntity.of(EntityModels.LOAD_FORECAST.type(),
                            "uc6:" + area + ":" + issued + ":D+" + r.getInt(2))
                    .property("gridArea", area)
                    .property("gridAreaKind", "gasArea")
                    .property("forecastedQuantity", "dailyConsumption")
                    .dateTime("dateIssued", EntityValues.endOf(issued))
                    .dateTime("validFrom", EntityValues.startOf(target))
                    .dateTime("validTo", EntityValues.endOf(target))
                    .property("horizonDays", r.getInt(2))
                    .property("p10", EntityValues.round(EntityValues.number(r, "p10_kwh")), "KWH", null)
                    .property("p50", EntityValues.round(EntityValues.number(r, "p50_kwh")), "KWH", null)
                    .property("p90", EntityValues.round(EntityValues.number(r, "p90_kwh")), "KWH", null)
                    .property("capacity", EntityValues.number(r, "capacity_kwh_per_day"), "KWH", null)
                    .property("forecastModel", result.bestModel())
                    .property("communeCode", r.getString(8));
            EntityValues.Commune commune = communes.get(r.getString(8));
            out.add(commune == null ? e : commune.locate(e));
        }
        return List.of(new EntitySet(EntityModels.LOAD_FORECAST, "uc6",
                List.of(Uc6Tables.FORECASTS, Tables.GAS_AREAS, Tables.COMMUNES), out));
    }
}

package org.energycommons.workbench.jobs.usecase.uc3;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
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
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The NGSI-LD entities of uc3: an {@code EnergySavingsEstimate} per public building with works, by the chosen
 * method, with its 90 % interval; a dwelling's or a business's savings are never exported (they are in the
 * open dataset only as groups that pass the guard).
 */
final class Uc3Entities {

    private Uc3Entities() {
    }

    static List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc3Tables.SAVINGS)) {
            return List.of();
        }
        List<Row> rows = lake.read(Uc3Tables.SAVINGS)
                .filter(col("method").equalTo(result.bestModel())
                        .and(col("role").equalTo(Assignment.TREATED))
                        .and(col("status").equalTo(BuildingFit.FITTED)))
                .join(lake.read(Tables.BUILDINGS)
                        .filter(col("building_use").isin(Uc2Features.PUBLIC_USES.toArray()))
                        .select("building_id"), "building_id")
                .orderBy("building_id")
                .collectAsList();
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : rows) {
            String building = r.getString(r.fieldIndex("building_id"));
            if (EntityValues.number(r, "savings_kwh") == null || EntityValues.number(r, "lower_90_kwh") == null
                    || EntityValues.number(r, "upper_90_kwh") == null) {
                continue; // a fit without an estimate: nothing to tell a federation
            }
            out.add(NgsiEntity.of(EntityModels.SAVINGS_ESTIMATE.type(), building + ":" + result.bestModel())
                    .relationship("refBuilding", NgsiEntity.id(EntityModels.BUILDING.type(), building))
                    .property("worksType", r.getString(r.fieldIndex("works_type")))
                    .property("interventionDate", r.getDate(r.fieldIndex("intervention_date")).toLocalDate())
                    .property("reportingEnd", r.getDate(r.fieldIndex("reporting_end")).toLocalDate())
                    .property("savings", EntityValues.round(EntityValues.number(r, "savings_kwh")), "KWH", null)
                    .property("savingsLower90", EntityValues.round(EntityValues.number(r, "lower_90_kwh")), "KWH",
                            null)
                    .property("savingsUpper90", EntityValues.round(EntityValues.number(r, "upper_90_kwh")), "KWH",
                            null)
                    .property("savingsFraction", EntityValues.round(EntityValues.number(r, "savings_fraction")))
                    .property("counterfactual", EntityValues.round(EntityValues.number(r, "counterfactual_kwh")),
                            "KWH", null)
                    .property("metered", EntityValues.round(EntityValues.number(r, "metered_kwh")), "KWH", null)
                    .property("method", result.bestModel()));
        }
        return List.of(new EntitySet(EntityModels.SAVINGS_ESTIMATE, "uc3",
                List.of(Uc3Tables.SAVINGS, Tables.BUILDINGS), out));
    }
}

package org.energycommons.workbench.jobs.usecase.uc6;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Field;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Text;
import org.energycommons.workbench.models.uc6.Uc6Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The open dataset of uc6: the best model's D+1 forecasts of each gas area's daily demand over the test period,
 * beside the metered demand and the cold-peak alerts. A gas area's daily demand is an aggregate of a whole
 * distribution area, published as such by the gas operators, so it needs no further guard.
 */
final class Uc6OpenData {

    private Uc6OpenData() {
    }

    static List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (result.bestModel() == null || !lake.exists(Uc6Tables.FORECASTS)) {
            return List.of();
        }
        return List.of(new OpenDataset("uc6_gas_area_forecasts", "uc6",
                new Text("Prévisions J+1 de la demande journalière de gaz par zone de distribution",
                        "Day-ahead forecasts of the daily gas demand by distribution area"),
                new Text("Une ligne par zone gaz et jour de la période de test : la demande mesurée, les prévisions "
                        + "P10, P50 et P90 du modèle retenu (" + result.bestModel() + ") émises la veille, et "
                        + "l'alerte de pointe de froid avec ce qui s'est produit.",
                        "One row per gas area and day of the test period: the metered demand, the P10, P50 and P90 "
                        + "forecasts of the chosen model (" + result.bestModel() + ") issued the day before, and "
                        + "the cold-peak alert with what happened."),
                List.of(Field.of("area_id", "gas distribution area"),
                        Field.of("target_date", "the forecast day"),
                        Field.of("issue_date", "the day the forecast was issued"),
                        Field.measured("actual_kwh", "metered demand of the day", "kWh"),
                        Field.measured("p10_kwh", "10 % quantile forecast", "kWh"),
                        Field.measured("p50_kwh", "median forecast", "kWh"),
                        Field.measured("p90_kwh", "90 % quantile forecast", "kWh"),
                        Field.measured("capacity_kwh_per_day", "the area's daily capacity", "kWh"),
                        Field.of("cold_peak_alert", "whether a cold-peak alert was raised the day before"),
                        Field.of("actual_cold_peak", "whether the day was a cold peak")),
                List.of("area_id", "target_date"), "zone gaz",
                List.of(Uc6Tables.FORECASTS),
                lake.read(Uc6Tables.FORECASTS)
                        .filter(col("model").equalTo(result.bestModel()).and(col("split").equalTo("test"))
                                .and(col("horizon").equalTo(1)))
                        .select("area_id", "target_date", "issue_date", "actual_kwh", "p10_kwh", "p50_kwh",
                                "p90_kwh", "capacity_kwh_per_day", "cold_peak_alert", "actual_cold_peak")));
    }
}

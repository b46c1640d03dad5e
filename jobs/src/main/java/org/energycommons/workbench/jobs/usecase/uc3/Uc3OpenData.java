package org.energycommons.workbench.jobs.usecase.uc3;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Field;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Text;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The open dataset of uc3: the measured savings of the renovated buildings by works type and for all of them, with
 * the 90 % interval of the total; a group is published when it passes the guard on the counterfactual use (at
 * least its count of buildings, none above its share).
 */
final class Uc3OpenData {

    /** The works type of the row that gathers every renovated building. */
    static final String ALL = "all";

    private Uc3OpenData() {
    }

    static List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (result.bestModel() == null || !lake.exists(Uc3Tables.SAVINGS)) {
            return List.of();
        }
        Dataset<Row> fitted = lake.read(Uc3Tables.SAVINGS)
                .filter(col("method").equalTo(result.bestModel()).and(col("status").equalTo(BuildingFit.FITTED)));
        Column[] totals = {count(lit(1)).as("buildings"), sum("counterfactual_kwh").as("counterfactual_kwh"),
            sum("metered_kwh").as("metered_kwh"), sum("savings_kwh").as("savings_kwh"),
            // Independent buildings: the half-widths add in quadrature (ASHRAE Guideline 14, aggregated savings).
            sqrt(sum(pow(col("half_width_90_kwh"), 2))).as("half_width_90_kwh"),
            max("counterfactual_kwh").as("largest_kwh")};
        Dataset<Row> groups = fitted.groupBy("works_type").agg(totals[0], java.util.Arrays.copyOfRange(totals, 1, 6))
                .unionByName(fitted.withColumn("works_type", lit(ALL)).groupBy("works_type")
                        .agg(totals[0], java.util.Arrays.copyOfRange(totals, 1, 6)))
                .withColumn("largest_share", col("largest_kwh").divide(col("counterfactual_kwh")));
        Dataset<Row> published = guard.publishable(groups, "buildings", "largest_share");
        // All renovated buildings minus the published types must not give away a group below the threshold.
        long typed = 0;
        long all = 0;
        for (Row r : published.select("works_type", "buildings").collectAsList()) {
            if (ALL.equals(r.getString(0))) {
                all = r.getLong(1);
            } else {
                typed += r.getLong(1);
            }
        }
        long remainder = all - typed;
        if (remainder > 0 && remainder < guard.minPoints()) {
            published = published.filter(col("works_type").notEqual(ALL));
        }
        Dataset<Row> rows = published
                .select(col("works_type"), col("buildings"), col("counterfactual_kwh"), col("metered_kwh"),
                        col("savings_kwh"), col("savings_kwh").minus(col("half_width_90_kwh")).as("savings_low_90_kwh"),
                        col("savings_kwh").plus(col("half_width_90_kwh")).as("savings_high_90_kwh"),
                        col("savings_kwh").divide(col("counterfactual_kwh")).as("savings_fraction"));
        return List.of(new OpenDataset("uc3_savings_by_works_type", "uc3",
                new Text("Économies mesurées après travaux de rénovation, par type de travaux",
                        "Measured savings after renovation works, by works type"),
                new Text("Une ligne par type de travaux et une pour l'ensemble (« all ») : la consommation qu'auraient "
                        + "eue les bâtiments sans travaux (contrefactuel de la méthode retenue, " + result.bestModel()
                        + "), la consommation mesurée, les économies et leur intervalle à 90 % sur l'année après "
                        + "travaux. Seuls les groupes d'au moins " + guard.minPoints() + " bâtiments sont publiés.",
                        "One row per works type and one for all (\"all\"): the use the buildings would have had "
                        + "without works (counterfactual of the chosen method, " + result.bestModel() + "), the "
                        + "metered use, the savings and their 90 % interval over the year after works. Only groups "
                        + "of at least " + guard.minPoints() + " buildings are published."),
                List.of(Field.of("works_type", "type of works, or all"),
                        Field.count("buildings", "renovated buildings with a fitted baseline", "renovated buildings"),
                        Field.measured("counterfactual_kwh", "predicted use without works, reporting period", "kWh"),
                        Field.measured("metered_kwh", "metered use, reporting period", "kWh"),
                        Field.measured("savings_kwh", "counterfactual minus metered", "kWh"),
                        Field.measured("savings_low_90_kwh", "lower bound of the 90 % interval of the savings",
                                "kWh"),
                        Field.measured("savings_high_90_kwh", "upper bound of the 90 % interval of the savings",
                                "kWh"),
                        Field.measured("savings_fraction", "savings / counterfactual", "1")),
                List.of("works_type"), "région",
                List.of(Uc3Tables.SAVINGS), rows));
    }
}

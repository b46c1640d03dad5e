package org.energycommons.workbench.jobs.usecase.uc2;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Field;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Text;
import org.energycommons.workbench.models.uc2.Uc2Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The open dataset of uc2: the best detector's alerts on public buildings over the evaluation period, by commune,
 * month and rule; a commune is published when its public buildings pass the guard on their consumption (as on the
 * page), and no building is named.
 */
final class Uc2OpenData {

    private Uc2OpenData() {
    }

    static List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (result.bestModel() == null || !lake.exists(Uc2Tables.ALERTS) || !lake.exists(Uc2Tables.FEATURES)) {
            return List.of();
        }
        Dataset<Row> buildings = lake.read(Tables.BUILDINGS).select("building_id", "commune_code");
        // Communes whose public buildings pass the guard on their consumption: count and largest share.
        Dataset<Row> communes = guard.publishable(lake.read(Uc2Tables.FEATURES)
                        .groupBy("building_id")
                        .agg(sum("daily_kwh").as("kwh"))
                        .join(buildings, "building_id")
                        .groupBy("commune_code")
                        .agg(count(lit(1)).as("public_buildings"), max("kwh").as("largest"), sum("kwh").as("total"))
                        .withColumn("largest_share", col("largest").divide(col("total"))),
                        "public_buildings", "largest_share")
                .select("commune_code", "public_buildings");
        Dataset<Row> rows = lake.read(Uc2Tables.ALERTS)
                .filter(col("model").equalTo(result.bestModel()).and(col("period").equalTo("evaluation")))
                .join(buildings, "building_id")
                .join(communes, "commune_code")
                .groupBy(col("commune_code"), trunc(col("local_date"), "month").as("month"), col("rule"),
                        col("public_buildings"))
                .agg(countDistinct("building_id").as("buildings_in_alert"),
                        countDistinct("building_id", "local_date").as("alert_days"))
                .select(col("commune_code"), col("month"), col("rule"), col("public_buildings"),
                        col("buildings_in_alert"), col("alert_days"));
        return List.of(new OpenDataset("uc2_alerts_by_commune", "uc2",
                new Text("Alertes sur les bâtiments publics par commune et par mois",
                        "Alerts on public buildings by commune and month"),
                new Text("Une ligne par commune, mois et règle d'alerte sur la période d'évaluation : le nombre de "
                        + "bâtiments publics en alerte et de journées d'alerte. Une commune n'est publiée que si ses "
                        + "bâtiments publics passent le secret statistique sur leur consommation (au moins "
                        + guard.minPoints() + "). Aucun bâtiment n'est nommé.",
                        "One row per commune, month and alert rule over the evaluation period: the public buildings "
                        + "in alert and the alert days. A commune is published only when its public buildings pass "
                        + "statistical secrecy on their consumption (at least " + guard.minPoints()
                        + "). No building is named."),
                List.of(Field.of("commune_code", "INSEE code of the commune"),
                        Field.of("month", "first day of the month of the alerts"),
                        Field.of("rule", "the alert rule that fired (see the uc2 page)"),
                        Field.count("public_buildings", "public buildings of the commune that were scored",
                                "public buildings"),
                        Field.count("buildings_in_alert", "public buildings with at least one alert of this rule "
                                + "in the month", "public buildings"),
                        Field.count("alert_days", "building-days with an alert of this rule in the month",
                                "public buildings")),
                List.of("commune_code", "month", "rule"), "commune",
                List.of(Uc2Tables.ALERTS, Uc2Tables.FEATURES,
                        Tables.BUILDINGS),
                rows));
    }
}

package org.energycommons.workbench.jobs.usecase.uc4;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Field;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Text;
import org.energycommons.workbench.models.uc4.Uc4Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The open datasets of uc4: the best model's day-ahead forecasts of each substation's hourly load over the test
 * period, beside the metered load, for the hours whose load passes the guard; and every model's metrics.
 */
final class Uc4OpenData {

    private Uc4OpenData() {
    }

    static List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        List<OpenDataset> out = new ArrayList<>();
        if (result.bestModel() == null) {
            return out;
        }
        if (lake.exists(Uc4Tables.PREDICTIONS)) {
            out.add(new OpenDataset("uc4_substation_forecasts", "uc4",
                    new Text("Prévisions J+1 de la charge horaire des postes sources",
                            "Day-ahead forecasts of the substations' hourly load"),
                    new Text("Une ligne par poste source et heure de la période de test : la charge mesurée et les "
                            + "prévisions P10, P50 et P90 du modèle retenu (" + result.bestModel() + "), émises la "
                            + "veille. Seules les heures dont la charge agrège au moins " + guard.minPoints()
                            + " points de livraison, aucun au-delà de " + Math.round(100 * guard.maxShare())
                            + " %, sont publiées.",
                            "One row per substation and hour of the test period: the metered load and the P10, P50 "
                            + "and P90 forecasts of the chosen model (" + result.bestModel() + "), issued the day "
                            + "before. Only hours whose load gathers at least " + guard.minPoints()
                            + " delivery points, none above " + Math.round(100 * guard.maxShare())
                            + " %, are published."),
                    List.of(Field.of("substation_id", "substation (poste source) identifier"),
                            Field.of("ts_utc", "start of the hour, UTC"),
                            Field.of("local_date", "local (Europe/Paris) date of the hour"),
                            Field.of("local_hour", "local hour of the day, 0-23"),
                            Field.measured("load_kw", "metered mean load over the hour", "kW"),
                            Field.measured("p10_kw", "10 % quantile forecast", "kW"),
                            Field.measured("p50_kw", "median forecast", "kW"),
                            Field.measured("p90_kw", "90 % quantile forecast", "kW"),
                            Field.measured("capacity_kva", "substation capacity", "kVA"),
                            Field.count("meters", "delivery points aggregated in the hour's load", "meters")),
                    List.of("substation_id", "ts_utc"), "poste source",
                    List.of(Uc4Tables.PREDICTIONS),
                    guard.publishable(lake.read(Uc4Tables.PREDICTIONS)
                                    .filter(col("model").equalTo(result.bestModel())
                                            .and(col("split").equalTo("test"))),
                                    "n_meters", "max_meter_share")
                            .select(col("substation_id"), col("ts_utc"), col("local_date"), col("local_hour"),
                                    col("load_kw"), col("p10_kw"), col("p50_kw"), col("p90_kw"), col("capacity_kva"),
                                    col("n_meters").cast("bigint").as("meters"))));
        }
        if (lake.exists(Uc4Tables.METRICS)) {
            out.add(new OpenDataset("uc4_metrics", "uc4",
                    new Text("Qualité des modèles de prévision de charge des postes sources",
                            "Quality of the substation load forecasting models"),
                    new Text("Une ligne par modèle, jeu (entraînement, validation, test) et mesure : erreurs, "
                            + "couverture des intervalles P10-P90 et gain par rapport à la persistance.",
                            "One row per model, split (train, validation, test) and metric: errors, coverage of the "
                            + "P10-P90 intervals and skill against persistence."),
                    List.of(Field.of("model", "forecasting model"),
                            Field.of("split", "train, validation or test"),
                            Field.of("metric", "metric name (see the uc4 page)"),
                            Field.of("value", "metric value")),
                    List.of("model", "split", "metric"), "région",
                    List.of(Uc4Tables.METRICS),
                    lake.read(Uc4Tables.METRICS).select("model", "split", "metric", "value")));
        }
        return out;
    }
}

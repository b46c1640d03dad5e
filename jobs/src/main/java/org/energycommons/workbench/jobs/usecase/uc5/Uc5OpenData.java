package org.energycommons.workbench.jobs.usecase.uc5;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

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
import org.energycommons.workbench.models.uc5.Uc5Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The open dataset of uc5: the dwellings probably rated F or G ("passoires") of each commune, by certificate and by
 * the model. Communes of at least the guard's number of dwellings; a count of dwellings below that number is
 * suppressed (empty), with the counts it could be recomputed from.
 */
final class Uc5OpenData {

    private Uc5OpenData() {
    }

    static List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        if (result.bestModel() == null || !lake.exists(Uc5Tables.COMMUNE_FG)) {
            return List.of();
        }
        return List.of(new OpenDataset("uc5_passoires_by_commune", "uc5",
                new Text("Logements probablement classés F ou G (passoires thermiques) par commune",
                        "Dwellings probably rated F or G (energy sieves) by commune"),
                new Text("Une ligne par commune d'au moins " + guard.minPoints() + " logements : les logements, ceux "
                        + "qui ont un DPE, ceux classés F ou G par leur DPE, ceux que le modèle (" + result.bestModel()
                        + ") classe F ou G parmi les logements sans DPE, et l'estimation totale. Un effectif de "
                        + "logements inférieur à " + guard.minPoints() + " est masqué (cellule vide), avec ceux "
                        + "qui permettraient de le retrouver.",
                        "One row per commune of at least " + guard.minPoints() + " dwellings: the dwellings, those "
                        + "with a certificate (DPE), those rated F or G by it, those the model (" + result.bestModel()
                        + ") rates F or G among the uncertified, and the estimated total. A count of dwellings below "
                        + guard.minPoints() + " is suppressed (empty cell), with the counts it could be recomputed "
                        + "from."),
                List.of(Field.of("commune_code", "INSEE code of the commune"),
                        Field.of("commune_name", "name of the commune"),
                        Field.count("dwellings", "dwellings of the commune", "dwellings"),
                        Field.count("certified", "dwellings with an energy performance certificate", "dwellings"),
                        Field.count("uncertified", "dwellings without a certificate", "dwellings"),
                        Field.count("certified_fg", "certified dwellings rated F or G", "dwellings"),
                        Field.count("predicted_fg_uncertified", "uncertified dwellings the model rates F or G",
                                "dwellings"),
                        Field.count("estimated_fg", "certified_fg + predicted_fg_uncertified", "dwellings"),
                        Field.measured("estimated_fg_share", "estimated_fg / dwellings", "1")),
                List.of("commune_code"), "commune",
                List.of(Uc5Tables.COMMUNE_FG),
                suppressed(lake.read(Uc5Tables.COMMUNE_FG), guard.minPoints())));
    }

    /**
     * The communes of at least {@code min} dwellings with every count of dwellings in 1..min-1 emptied, and the
     * counts that would give it back: certified and uncertified sum to the dwellings; F/G by certificate and by
     * model sum to the estimate, which with the dwellings gives the share.
     */
    static Dataset<Row> suppressed(Dataset<Row> communes, int min) {
        Column smallSplit = small(col("certified"), min).or(small(col("uncertified"), min));
        Column smallEstimate = small(col("estimated_fg"), min);
        Column smallParts = smallEstimate.or(small(col("certified_fg"), min))
                .or(small(col("predicted_fg_uncertified"), min));
        return communes
                .filter(col("dwellings").geq(min))
                .select(col("commune_code"), col("commune_name"), col("dwellings").cast("bigint").as("dwellings"),
                        when(not(smallSplit), col("certified").cast("bigint")).as("certified"),
                        when(not(smallSplit), col("uncertified").cast("bigint")).as("uncertified"),
                        when(not(smallParts), col("certified_fg").cast("bigint")).as("certified_fg"),
                        when(not(smallParts), col("predicted_fg_uncertified").cast("bigint"))
                                .as("predicted_fg_uncertified"),
                        when(not(smallEstimate), col("estimated_fg").cast("bigint")).as("estimated_fg"),
                        when(not(smallEstimate), col("estimated_fg_share")).as("estimated_fg_share"));
    }

    private static Column small(Column count, int min) {
        return count.gt(0).and(count.lt(min));
    }
}

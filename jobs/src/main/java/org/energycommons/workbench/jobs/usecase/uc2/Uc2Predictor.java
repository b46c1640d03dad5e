package org.energycommons.workbench.jobs.usecase.uc2;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.models.uc2.AlertRules;
import org.energycommons.workbench.models.uc2.AnomalyForest;
import org.energycommons.workbench.models.uc2.ExpectedConsumptionModel;
import org.energycommons.workbench.models.uc2.Uc2ModelStore;
import org.energycommons.workbench.models.uc2.Uc2Tables;

/**
 * A uc2 detector reloaded with the expected-consumption model it was tuned on: each public building-day with its
 * expected use, the rules that fire, the isolation-forest score and whether the detector raises an alert; or the
 * expected-consumption model alone, with the expected use.
 *
 * @param expected  the expected-consumption model (its folder is named in the detector's provenance)
 * @param rules     the rules the detector kept, or null for the forest alone
 * @param forest    the isolation forest, or null for the rules alone
 * @param threshold the forest's alert threshold (unused without a forest)
 */
record Uc2Predictor(ExpectedConsumptionModel expected, AlertRules rules, AnomalyForest forest, double threshold)
        implements Predictor {

    static Uc2Predictor load(String dir, LakeFiles files) {
        Uc2ModelStore.Loaded detector = Uc2ModelStore.load(dir, files);
        if (detector.file().type().equals(Uc2ModelStore.EXPECTED)) {
            // The expected-consumption model alone: it predicts each building-day's expected use.
            return new Uc2Predictor((ExpectedConsumptionModel) detector.model(), null, null, Double.NaN);
        }
        String expectedId = detector.file().provenance().params().get("expected_model");
        if (expectedId == null) {
            throw new IllegalArgumentException(dir + " is not a uc2 model: its provenance names no expected model");
        }
        String parent = dir.replaceAll("/+$", "").replaceAll("/[^/]+$", "");
        ExpectedConsumptionModel expected = (ExpectedConsumptionModel) Uc2ModelStore.load(parent + "/" + expectedId,
                files).model();
        String threshold = detector.file().settings().get("threshold");
        return new Uc2Predictor(expected, detector.rules(),
                detector.model() instanceof AnomalyForest f ? f : null,
                threshold == null ? Double.NaN : Double.parseDouble(threshold));
    }

    @Override
    public TableId features() {
        return Uc2Tables.FEATURES;
    }

    /** Whether it is the expected-consumption model alone, without a detector. */
    boolean expectedOnly() {
        return rules == null && forest == null;
    }

    @Override
    public List<String> predictionColumns() {
        return expectedOnly() ? ExpectedConsumptionModel.scoreColumns() : List.of("alert_rules", "if_score", "alert");
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        Dataset<Row> scored = expected.score(features);
        if (expectedOnly()) {
            return scored;
        }
        Column alert = lit(false);
        if (forest != null) {
            scored = forest.score(AnomalyForest.withVector(scored));
            alert = col("if_score").geq(threshold);
        } else {
            scored = scored.withColumn("if_score", lit(null).cast("double"));
        }
        if (rules != null) {
            Dataset<Row> fired = rules.evaluate(scored)
                    .groupBy("building_id", "local_date")
                    .agg(concat_ws(",", sort_array(collect_set("rule"))).as("alert_rules"));
            scored = scored.join(fired, new String[] {"building_id", "local_date"}, "left");
            alert = alert.or(col("alert_rules").isNotNull());
        } else {
            scored = scored.withColumn("alert_rules", lit(null).cast("string"));
        }
        return scored.withColumn("alert", coalesce(alert, lit(false)));
    }
}

package org.energycommons.workbench.models.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.energycommons.workbench.models.forecast.ForecastMetrics;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MapMetrics;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelRegistry#row}: the metrics column holds every evaluation set, from the fit to the judged one; the
 * provenance read back from a row is the one written.
 */
class ModelRegistryTest {

    private static final ModelProvenance PROVENANCE = ModelProvenance.create("uc4", "persistence", "spark", "lag",
            Map.of(), 7, Map.of("t", 1L), List.of("lag_d7_kw"), "load_kw", Map.of("train", "a..b"), 10, "fp");

    @Test
    void metricsColumnListsTheSetsFromFitToJudgedWithUndefinedAsNull() {
        ForecastMetrics m = new ForecastMetrics(10, 0.1, 2, 0, 0.8, Double.NaN, Double.NaN, 0, 0, 1, 1, 1, 2);
        Row row = ModelRegistry.row(PROVENANCE, EvaluationSets.ofTimeSplit(m, m, m), "/models/x");
        String metrics = row.getString(ModelRegistry.SCHEMA.fieldIndex("metrics_json"));
        String one = "{ \"mape\" : 0.1, \"rmse\" : 2.0, \"skill_vs_persistence\" : 0.0, \"coverage_p10_p90\" : 0.8, "
                + "\"congestion_recall\" : null, \"congestion_precision\" : null, \"congestion_hours\" : 0, "
                + "\"alert_hours\" : 0, \"pinball_p10\" : 1.0, \"pinball_p50\" : 1.0, \"pinball_p90\" : 1.0, "
                + "\"crps\" : 2.0, \"rows\" : 10 }";
        assertEquals("{ \"train\" : " + one + ", \"validation\" : " + one + ", \"test\" : " + one + " }", metrics);
        assertEquals("/models/x", row.getString(ModelRegistry.SCHEMA.fieldIndex("artifact_path")));

        Row heldOut = ModelRegistry.row(PROVENANCE, EvaluationSets.ofHeldOut(new MapMetrics(Map.of("k", 3)),
                new MapMetrics(Map.of("ari", 0.9))), "/models/y");
        assertEquals("{ \"fitted\" : { \"k\" : 3 }, \"held_out\" : { \"ari\" : 0.9 } }",
                heldOut.getString(ModelRegistry.SCHEMA.fieldIndex("metrics_json")));
    }

    @Test
    void theProvenanceReadBackFromARowIsTheOneWritten() {
        ModelProvenance p = ModelProvenance.create("uc5", "ridge-intensity", "workbench", "ridge",
                Map.of("pe.lambda", "3.0", "lambdas", "[0.3, 1.0]"), 42, Map.of("silver/dpe", 3L, "gold/x", 0L),
                List.of("surface_m2", "zone_h1"), "certificate_pe_kwh_m2", Map.of("folds", "4"), 1234, "abc");
        Row written = ModelRegistry.row(p, EvaluationSets.ofHeldOut(new MapMetrics(Map.of("k", 3)),
                new MapMetrics(Map.of("ari", 0.9))), "/models/z");
        Row read = new GenericRowWithSchema(((org.apache.spark.sql.catalyst.expressions.GenericRow) written).values(),
                ModelRegistry.SCHEMA);
        assertEquals(p, ModelRegistry.provenance(read));
    }
}

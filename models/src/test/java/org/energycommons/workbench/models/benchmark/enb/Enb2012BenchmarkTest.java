package org.energycommons.workbench.models.benchmark.enb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** The whole protocol on a small synthetic data set (no file is read). */
class Enb2012BenchmarkTest {

    @Test
    void runsEveryModelOnBothTargetsAndWritesTheAgreedJson() throws Exception {
        double[][] x = SmileModelsTest.rows(120, 11);
        double[] y1 = SmileModelsTest.known(x);
        double[] y2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y2[i] = 0.5 * y1[i] + 3;
        }
        EnbData data = new EnbData(x, y1, y2);
        List<ModelSpec> models = List.of(
                new SmileBoost("gbt", FeatureSet.RAW, Map.of(SmileBoost.TREES, "40")),
                new TunedModel("gbt-tuned", List.of(
                        new SmileBoost("a", FeatureSet.RAW, Map.of(SmileBoost.TREES, "20")),
                        new SmileBoost("b", FeatureSet.CATEGORICAL, Map.of(SmileBoost.TREES, "20"))), 3));
        Enb2012Benchmark.Options options = new Enb2012Benchmark.Options(5, 42, 2, 2);
        Enb2012Benchmark.Result result = Enb2012Benchmark.run(data, models, options, line -> { });
        Enb2012Benchmark.Result again = Enb2012Benchmark.run(data, models, options, line -> { });

        assertEquals(4, result.results().size());
        assertEquals(result.results().stream().map(Enb2012Benchmark.Row::mae).toList(),
                again.results().stream().map(Enb2012Benchmark.Row::mae).toList(), "deterministic");
        Enb2012Benchmark.Row row = result.row("gbt-tuned", "Y2");
        assertEquals(2, row.maeRepeats().size());
        assertEquals(10, row.chosen().values().stream().mapToInt(Integer::intValue).sum(), "5 folds x 2 repeats");
        assertTrue(row.mae() > 0 && row.rmse() >= row.mae());

        JsonNode json = Json.mapper().readTree(result.toJson());
        JsonNode first = json.get("results").get(0);
        for (String field : List.of("model", "target", "mae", "rmse", "mae_sd")) {
            assertTrue(first.has(field), field);
        }
        assertEquals("random forest (Tsanas & Xifara 2012)", json.get("published").get(0).get("model").asText());
        assertEquals(1.42, json.get("published").get(1).get("mae").asDouble());
        assertEquals(5, json.get("protocol").get("folds").asInt());
        assertEquals(42, json.get("protocol").get("seed").asLong());
        assertEquals(2, json.get("protocol").get("repeats").asInt());
        assertTrue(Enb2012Benchmark.table(result).contains("gbt-tuned"));
    }
}

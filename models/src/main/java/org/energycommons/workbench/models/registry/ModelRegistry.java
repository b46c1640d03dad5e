package org.energycommons.workbench.models.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.EvaluationSets;

/**
 * Rows of the model registry table: one per trained model, keyed by {@code model_id}, with its full provenance,
 * its metrics and where its artifact is saved. Retraining the same model on the same data updates its row.
 */
public final class ModelRegistry {

    /** Key of the registry table. */
    public static final List<String> KEY = List.of("model_id");

    /** Schema of the registry table. */
    public static final StructType SCHEMA = StructType.fromDDL("""
            model_id STRING NOT NULL, use_case STRING NOT NULL, name STRING NOT NULL, engine STRING NOT NULL,
            algorithm STRING NOT NULL, params_json STRING NOT NULL, seed BIGINT NOT NULL,
            input_tables_json STRING NOT NULL, features_json STRING NOT NULL, label STRING,
            split_json STRING NOT NULL, training_rows BIGINT NOT NULL, data_fingerprint STRING NOT NULL,
            git_commit STRING NOT NULL, libraries_json STRING NOT NULL, created_at STRING NOT NULL,
            artifact_path STRING NOT NULL, metrics_json STRING NOT NULL""");

    private ModelRegistry() {
    }

    /**
     * The registry row of a saved model, with its metrics by evaluation set in the {@code metrics_json} column:
     * set name → metric name → value, from what the model saw to what it is judged on (e.g. {@code train},
     * {@code validation}, {@code test}); undefined (non-finite) values are null.
     */
    public static Row row(ModelProvenance p, EvaluationSets evaluation, String artifactPath) {
        return RowFactory.create(p.modelId(), p.useCase(), p.name(), p.engine(), p.algorithm(), compact(p.params()),
                p.seed(), compact(p.inputTables()), compact(p.features()), p.label(), compact(p.split()),
                p.trainingRows(), p.dataFingerprint(), p.gitCommit(), compact(p.libraries()), p.createdAt(),
                artifactPath, compact(metricsColumn(evaluation)));
    }

    /** The {@code metrics_json} value: the sets in reverse order of {@link EvaluationSets#sets()}, NaN as null. */
    static Map<String, Map<String, Object>> metricsColumn(EvaluationSets evaluation) {
        List<String> sets = new ArrayList<>(evaluation.sets().keySet());
        Collections.reverse(sets);
        Map<String, Map<String, Object>> column = new LinkedHashMap<>();
        for (String set : sets) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            evaluation.get(set).toMap().forEach((k, v) -> metrics.put(k,
                    v instanceof Double d && !Double.isFinite(d) ? null : v));
            column.put(set, metrics);
        }
        return column;
    }

    /**
     * The provenance a registry row holds, as {@link #row} wrote it.
     *
     * @param row a row of the registry table (any column order)
     * @return the model's provenance
     */
    public static ModelProvenance provenance(Row row) {
        var mapper = Json.mapper();
        var strings = mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class);
        var longs = mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Long.class);
        var list = mapper.getTypeFactory().constructCollectionType(ArrayList.class, String.class);
        try {
            return new ModelProvenance(row.getAs("model_id"), row.getAs("use_case"), row.getAs("name"),
                    row.getAs("engine"), row.getAs("algorithm"), mapper.readValue((String) row.getAs("params_json"),
                            strings), row.<Long>getAs("seed"), mapper.readValue((String) row.getAs("input_tables_json"),
                            longs), mapper.readValue((String) row.getAs("features_json"), list), row.getAs("label"),
                    mapper.readValue((String) row.getAs("split_json"), strings), row.<Long>getAs("training_rows"),
                    row.getAs("data_fingerprint"), row.getAs("git_commit"),
                    mapper.readValue((String) row.getAs("libraries_json"), strings), row.getAs("created_at"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("registry row of " + row.getAs("model_id") + " has malformed JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Registry rows as a table. */
    public static Dataset<Row> rows(SparkSession spark, List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static String compact(Object value) {
        return Json.write(value).replaceAll("\\s*\\n\\s*", " ");
    }
}

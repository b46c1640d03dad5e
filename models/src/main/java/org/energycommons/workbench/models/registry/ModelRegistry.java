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

    /** Registry rows as a table. */
    public static Dataset<Row> rows(SparkSession spark, List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static String compact(Object value) {
        return Json.write(value).replaceAll("\\s*\\n\\s*", " ");
    }
}

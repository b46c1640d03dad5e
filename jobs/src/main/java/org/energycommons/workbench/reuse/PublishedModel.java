package org.energycommons.workbench.reuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.reports.usecase.ModelCard;
import tech.tablesaw.api.Table;

/**
 * A registered model loaded outside the workbench's jobs, with its model card, that predicts on a Tablesaw table or
 * a Spark DataFrame of its use case's feature rows.
 *
 * <pre>{@code
 * PublishedModel model = PublishedModel.load(Path.of("out/lake/models/uc4/uc4-gbt-xgboost-quantile-1a2b3c"));
 * Table predictions = model.predict(features);   // the feature columns + p10_kw, p50_kw, p90_kw
 * }</pre>
 */
public final class PublishedModel {

    /** The model description every saved model folder holds. */
    static final String MODEL_FILE = "model.json";

    private final Path folder;
    private final String useCase;
    private final Map<String, Object> card;
    private final Predictor predictor;
    private final SparkSession spark;

    private PublishedModel(Path folder, String useCase, Map<String, Object> card, Predictor predictor,
                           SparkSession spark) {
        this.folder = folder;
        this.useCase = useCase;
        this.card = card;
        this.predictor = predictor;
        this.spark = spark;
    }

    /**
     * Loads the model saved in {@code folder} (a folder of {@code DIR/lake/models/ucN/}) on the active Spark
     * session, or a local one.
     *
     * @throws IllegalArgumentException when the folder holds no model of the workbench
     */
    public static PublishedModel load(Path folder) {
        return load(folder, Workbench.session());
    }

    /** Loads the model saved in {@code folder} on a given Spark session. */
    @SuppressWarnings("unchecked")
    public static PublishedModel load(Path folder, SparkSession spark) {
        Objects.requireNonNull(folder, "folder");
        Path description = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(description)) {
            throw new IllegalArgumentException("no model in " + folder + " (" + MODEL_FILE + " is missing)");
        }
        Map<String, Object> model = Json.read(read(description), Map.class);
        Object provenance = model.get("provenance");
        String useCase = provenance instanceof Map<?, ?> p && p.get("useCase") != null ? p.get("useCase").toString()
                : null;
        if (useCase == null || UseCasePipelines.find(useCase).isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no model of a known use case (" + useCase + ")");
        }
        Path cardFile = folder.resolve(ModelCard.FILE);
        Map<String, Object> card = Files.isRegularFile(cardFile) ? Json.read(read(cardFile), Map.class)
                : Map.of("use_case", useCase, "provenance", provenance);
        Predictor predictor = UseCasePipelines.require(useCase)
                .predictor(folder.toAbsolutePath().toString(), new LakeFiles(spark));
        return new PublishedModel(folder, useCase, card, predictor, spark);
    }

    /** The folder it was loaded from. */
    public Path folder() {
        return folder;
    }

    /** Its use case, e.g. {@code uc4}. */
    public String useCase() {
        return useCase;
    }

    /**
     * Its model card: use case, algorithm, parameters, seed, input table versions, commit, libraries and metrics
     * ({@code model-card.json}, written by {@code publish}); its provenance alone when it was never published.
     */
    public Map<String, Object> card() {
        return card;
    }

    /** Its algorithm, as its provenance names it (e.g. {@code GradientTreeBoost (quantile loss)}). */
    public String algorithm() {
        Object provenance = card.get("provenance");
        return provenance instanceof Map<?, ?> p && p.get("algorithm") != null ? p.get("algorithm").toString() : "";
    }

    /** The lake table it predicts on. */
    public TableId features() {
        return predictor.features();
    }

    /** The columns its predictions add. */
    public List<String> predictionColumns() {
        return predictor.predictionColumns();
    }

    /** Predictions on Spark rows of its feature table: the rows with the prediction columns added. */
    public Dataset<Row> predict(Dataset<Row> features) {
        return predictor.predict(features);
    }

    /**
     * Predictions on a Tablesaw table of feature rows (as {@link Workbench#features} gives them), in the schema of
     * the feature table of the lake the model folder belongs to ({@code DIR/lake/models/ucN/<model>}).
     *
     * @throws IllegalStateException when the folder is not inside a lake with that table: then pass the schema
     */
    public Table predict(Table features) {
        Path lake = folder.toAbsolutePath().normalize().getParent().getParent().getParent();
        Path table = lake.resolve(predictor.features().relativePath());
        if (!Files.isDirectory(table.resolve("_delta_log"))) {
            throw new IllegalStateException("the model folder is not inside a lake holding "
                    + predictor.features().relativePath() + ": use predict(table, schema)");
        }
        StructType schema = spark.read().format("delta").load(table.toString()).schema();
        return predict(features, schema);
    }

    /**
     * Predictions on a Tablesaw table of feature rows: converted to the feature table's schema, predicted by Spark,
     * collected back.
     *
     * @param features the feature rows; every column of the feature table the model reads must be present
     * @param schema   the feature table's schema
     */
    public Table predict(Table features, StructType schema) {
        return TableConversions.toTablesaw(predict(TableConversions.toSpark(spark, features, schema)),
                features.name() + "_predictions");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.energycommons.workbench.reuse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SparkSessions;
import org.energycommons.workbench.jobs.opendata.OpenDataExport;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A workspace opened for reuse, the entry point of hackathon teams and notebooks: its published open datasets as
 * Tablesaw tables or Spark DataFrames, its metrics, and every use case's best model ready to predict.
 *
 * <pre>{@code
 * try (Workbench wb = Workbench.open(Path.of("out"))) {
 *     PublishedModel model = wb.model("uc4");
 *     Table predictions = model.predict(wb.features("uc4", 500));
 * }
 * }</pre>
 *
 * <p>Datasets are read from {@code DIR/publish/} (written by {@code workbench publish}); models and feature rows from
 * the workspace's lake, which holds personal data and stays with whoever ran the workbench.
 */
public final class Workbench implements AutoCloseable {

    private final Path dir;
    private final JsonNode dataPackage;
    private SparkSession spark;
    private boolean ownsSpark;

    private Workbench(Path dir, JsonNode dataPackage) {
        this.dir = dir;
        this.dataPackage = dataPackage;
    }

    /**
     * Opens a workspace: the folder given to {@code --out} (or its {@code publish/} folder).
     *
     * @throws IllegalArgumentException when the folder is neither a workspace nor a publication
     */
    public static Workbench open(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("publish")
                && Files.exists(dir.resolve(OpenDataExport.DATAPACKAGE))) {
            dir = dir.getParent();
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no workspace at " + path);
        }
        Path pkg = dir.resolve("publish").resolve(OpenDataExport.DATAPACKAGE);
        if (!Files.isDirectory(dir.resolve("lake")) && !Files.exists(pkg)) {
            throw new IllegalArgumentException(path + " is not a workspace: it has neither lake/ nor "
                    + "publish/datapackage.json (run ./workbench demo --out " + path + ")");
        }
        try {
            return new Workbench(dir, Files.exists(pkg) ? Json.mapper().readTree(pkg.toFile()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pkg + ": " + e.getMessage(), e);
        }
    }

    /** Opens a workspace by its path. */
    public static Workbench open(String path) {
        return open(Path.of(path));
    }

    /** The workspace folder. */
    public Path dir() {
        return dir;
    }

    // ---- published datasets --------------------------------------------------------------------------------

    /** The published datasets' names, in the Data Package's order; empty before {@code publish}. */
    public List<String> datasets() {
        List<String> names = new ArrayList<>();
        if (dataPackage != null) {
            dataPackage.get("resources").forEach(r -> names.add(r.get("name").asText()));
        }
        return names;
    }

    /** The Data Package entry of a dataset: title, description, licence, schema with units. */
    public JsonNode describe(String name) {
        if (dataPackage != null) {
            for (JsonNode r : dataPackage.get("resources")) {
                if (r.get("name").asText().equals(name)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("no published dataset '" + name + "'; published: " + datasets());
    }

    /** A published dataset as a Tablesaw table, typed from its Table Schema, read from its CSV (no Spark). */
    public Table table(String name) {
        JsonNode resource = describe(name);
        JsonNode fields = resource.get("schema").get("fields");
        ColumnType[] types = new ColumnType[fields.size()];
        List<String> instants = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String type = fields.get(i).get("type").asText();
            types[i] = TableConversions.columnType(type);
            if (type.equals("datetime")) {
                instants.add(fields.get(i).get("name").asText());
            }
        }
        Path csv = dir.resolve("publish").resolve(resource.get("path").asText());
        try {
            Table table = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types)
                    .missingValueIndicator("").tableName(name).build());
            for (String column : instants) {
                StringColumn text = table.stringColumn(column);
                InstantColumn parsed = InstantColumn.create(column);
                text.forEach(v -> parsed.append(v == null || v.isEmpty() ? null : Instant.parse(v)));
                table.replaceColumn(column, parsed);
            }
            return table;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** A published dataset as a Spark DataFrame, read from its Parquet file. */
    public Dataset<Row> dataset(String name) {
        JsonNode resource = describe(name);
        return spark().read().parquet(dir.resolve("publish").resolve(resource.get("x-parquet").get("path").asText())
                .toString());
    }

    // ---- results and models -------------------------------------------------------------------------------

    /** A use case's published result, {@code DIR/metrics/ucN.json}, as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metrics(String useCase) {
        return Json.read(readMetrics(useCase), Map.class);
    }

    /** The use cases whose best model is registered in the workspace, in order. */
    public List<String> models() {
        List<String> ucs = new ArrayList<>();
        for (UseCasePipeline p : UseCasePipelines.all()) {
            String id = p.useCase().id();
            if (Files.exists(metricsFile(id)) && bestModelFolder(id) != null) {
                ucs.add(id);
            }
        }
        return ucs;
    }

    /** A use case's best model, as its result names it, loaded from the workspace's lake. */
    public PublishedModel model(String useCase) {
        Path folder = bestModelFolder(useCase);
        if (folder == null) {
            throw new IllegalArgumentException("no registered best model for " + useCase + " in " + dir
                    + "; models: " + models());
        }
        return PublishedModel.load(folder, spark());
    }

    /** The first {@code limit} rows of the feature table a use case's best model predicts on, as Tablesaw. */
    public Table features(String useCase, int limit) {
        return TableConversions.toTablesaw(featureFrame(useCase).limit(limit), useCase + "_features");
    }

    /** The feature table a use case's best model predicts on, as a Spark DataFrame (personal data: stays here). */
    public Dataset<Row> featureFrame(String useCase) {
        String table = model(useCase).features().relativePath();
        return spark().read().format("delta").load(dir.resolve("lake").resolve(table).toString());
    }

    private Path bestModelFolder(String useCase) {
        if (!Files.exists(metricsFile(useCase))) {
            return null;
        }
        UseCaseResult result = UseCasePipelines.require(useCase).readResult(readMetrics(useCase));
        for (UseCaseResult.ModelEntry m : result.models()) {
            if (m.name().equals(result.bestModel()) && m.modelId() != null) {
                Path folder = dir.resolve("lake/models").resolve(useCase).resolve(m.modelId());
                return Files.isDirectory(folder) ? folder : null;
            }
        }
        return null;
    }

    private Path metricsFile(String useCase) {
        return dir.resolve("metrics").resolve(useCase + ".json");
    }

    private String readMetrics(String useCase) {
        UseCasePipelines.require(useCase);
        try {
            return Files.readString(metricsFile(useCase));
        } catch (IOException e) {
            throw new IllegalArgumentException("no result for " + useCase + " in " + dir + " (metrics/" + useCase
                    + ".json): run ./workbench train " + useCase + " --out " + dir, e);
        }
    }

    // ---- Spark ------------------------------------------------------------------------------------------------

    /** The Spark session it reads with: the active one, else a local one it starts (and {@link #close} stops). */
    public synchronized SparkSession spark() {
        if (spark == null) {
            ownsSpark = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
            spark = session();
        }
        return spark;
    }

    /** The active Spark session or a local one with the workbench's settings (Delta, UTC, two cores). */
    static SparkSession session() {
        return SparkSessions.getOrCreate("workbench-reuse", "local[2]");
    }

    /** Stops the Spark session if this workbench started it. */
    @Override
    public synchronized void close() {
        if (spark != null && ownsSpark) {
            spark.stop();
        }
        spark = null;
    }

    /** What a workspace offers, for a quick look: its folder and published datasets. */
    @Override
    public String toString() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workspace", dir.toString());
        m.put("datasets", datasets());
        return "Workbench" + m;
    }
}

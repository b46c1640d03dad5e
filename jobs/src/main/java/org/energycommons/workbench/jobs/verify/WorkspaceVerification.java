package org.energycommons.workbench.jobs.verify;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.privacy.ErasureRecord;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The health check of a workspace, {@code workbench verify}: every catalogued table readable with its declared
 * schema and all its data files; the latest ingest run of every source accounted for (accepted + rejected = read,
 * an erased household's records aside, and as many rows in bronze and rejects); every registered model's folder
 * present and loadable; every {@code metrics/ucN.json} consistent with the registry and the tables it wrote; and the
 * publication audit when something was published. It only reads.
 */
public final class WorkspaceVerification {

    private final JobContext ctx;
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> checked = new LinkedHashMap<>();

    private WorkspaceVerification(JobContext ctx) {
        this.ctx = ctx;
    }

    /**
     * What the verification found.
     *
     * @param findings one line per problem, {@code what: why}
     * @param checked  how many of each thing were checked, in order
     */
    public record Report(List<String> findings, Map<String, Integer> checked) {

        /** Whether the workspace is healthy. */
        public boolean passed() {
            return findings.isEmpty();
        }

        /** Prints one line per finding, or the line that says it passed. */
        public void print(PrintWriter out) {
            findings.forEach(out::println);
            StringBuilder what = new StringBuilder();
            checked.forEach((k, v) -> what.append(what.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
            out.println(passed() ? "verify passed: " + what
                    : "verify failed: " + findings.size() + " finding(s) over " + what);
        }
    }

    /** Verifies the workspace of a context. */
    public static Report run(JobContext ctx) {
        WorkspaceVerification v = new WorkspaceVerification(ctx);
        v.tables();
        v.ingestRuns();
        v.models();
        v.results();
        v.audit();
        return new Report(List.copyOf(v.findings), v.checked);
    }

    private void count(String what) {
        checked.merge(what, 1, Integer::sum);
    }

    // ---- tables -------------------------------------------------------------------------------------------

    /** Every table of the catalogue: present, readable, with the schema the catalogue declares and all its files. */
    private void tables() {
        Lake lake = ctx.lake();
        LakeFiles files = new LakeFiles(ctx.spark());
        Set<String> catalogued = new HashSet<>();
        if (lake.exists(Tables.CATALOG)) {
            catalogued(lake, files, catalogued);
        }
        // Tables the catalogue does not list yet: a command that writes refreshes the catalogue at its end, so one
        // that was stopped before leaves tables the catalogue has not seen. They must be readable all the same.
        boolean any = !catalogued.isEmpty();
        for (TableId table : Catalog.knownTables()) {
            if (catalogued.contains(table.relativePath()) || table.equals(Tables.CATALOG) || !lake.exists(table)) {
                continue;
            }
            any = true;
            count("tables");
            try {
                checkFiles(table.relativePath(), lake.read(table), files);
            } catch (Exception e) { // Spark's SparkException is checked, yet thrown from unchecked calls
                findings.add(table.relativePath() + ": unreadable: " + firstLine(e));
            }
        }
        if (!any) {
            findings.add("registry/catalog: missing: the lake has no table (run generate, ingest or demo)");
        }
    }

    private void checkFiles(String path, Dataset<Row> data, LakeFiles files) {
        for (String file : data.inputFiles()) {
            if (!files.exists(file)) {
                findings.add(path + ": data file missing: " + file.replaceAll(".*/", ""));
            }
        }
    }

    /** The tables the catalogue lists: present, readable, with the declared schema and all their files. */
    @SuppressWarnings("unchecked")
    private void catalogued(Lake lake, LakeFiles files, Set<String> catalogued) {
        for (Row entry : lake.read(Tables.CATALOG).filter(col("kind").equalTo("table")).orderBy("name")
                .collectAsList()) {
            String path = entry.<String>getAs("name").substring("table:".length());
            catalogued.add(path);
            count("tables");
            TableId table = tableId(path);
            if (table == null || !lake.exists(table)) {
                findings.add(path + ": missing: the catalogue lists it, the lake has no such Delta table");
                continue;
            }
            try {
                Dataset<Row> data = lake.read(table);
                Map<String, String> actual = new LinkedHashMap<>();
                for (StructField f : data.schema().fields()) {
                    actual.put(f.name(), f.dataType().simpleString());
                }
                Map<String, String> declared = new LinkedHashMap<>();
                for (Object o : Json.read(entry.<String>getAs("schema_json"), List.class)) {
                    Map<String, Object> column = (Map<String, Object>) o;
                    declared.put(String.valueOf(column.get("name")), String.valueOf(column.get("type")));
                }
                if (!actual.equals(declared)) {
                    findings.add(path + ": schema differs from the catalogue's: " + difference(declared, actual));
                }
                checkFiles(path, data, files);
            } catch (Exception e) { // Spark's SparkException is checked, yet thrown from unchecked calls
                findings.add(path + ": unreadable: " + firstLine(e));
            }
        }
    }

    private static TableId tableId(String path) {
        for (Layer layer : Layer.values()) {
            String prefix = layer.folder() + "/";
            if (path.startsWith(prefix) && !path.substring(prefix.length()).contains("/")) {
                return new TableId(layer, path.substring(prefix.length()));
            }
        }
        return null;
    }

    private static String difference(Map<String, String> declared, Map<String, String> actual) {
        Set<String> names = new TreeSet<>(declared.keySet());
        names.addAll(actual.keySet());
        List<String> diffs = new ArrayList<>();
        for (String n : names) {
            String d = declared.get(n);
            String a = actual.get(n);
            if (d == null) {
                diffs.add(n + " not declared");
            } else if (a == null) {
                diffs.add(n + " missing");
            } else if (!d.equals(a)) {
                diffs.add(n + " " + a + " instead of " + d);
            }
        }
        return String.join(", ", diffs);
    }

    // ---- ingest ----------------------------------------------------------------------------------------------

    /** The latest run of every source: its accounting, and its rows in bronze and rejects. */
    private void ingestRuns() {
        Lake lake = ctx.lake();
        if (!lake.exists(Tables.INGEST_RUNS)) {
            return;
        }
        // Rows an erasure deleted (right to erasure) were accepted or rejected all the same.
        Map<String, Long> erased = new HashMap<>();
        for (ErasureRecord e : ErasureRecord.all(lake)) {
            e.ingestRows().forEach((table, runs) -> runs.forEach((run, n) -> erased.merge(table + " " + run, n,
                    Long::sum)));
        }
        Map<String, Row> latest = new HashMap<>();
        for (Row r : lake.read(Tables.INGEST_RUNS).orderBy("finished_at").collectAsList()) {
            latest.put(r.getAs("source"), r);
        }
        for (Row r : latest.values()) {
            count("ingest runs");
            String source = r.getAs("source");
            String run = r.getAs("ingest_run");
            long read = r.getAs("read");
            long accepted = r.getAs("accepted");
            long rejected = r.getAs("rejected");
            // An erased household's records, read and kept nowhere (a run made before they were counted: none).
            int at = java.util.Arrays.asList(r.schema().fieldNames()).indexOf("erased");
            long erasedOnRead = at < 0 || r.isNullAt(at) ? 0 : r.getLong(at);
            String what = "ingest " + source + " " + run;
            if (accepted + rejected + erasedOnRead != read) {
                findings.add(what + ": accepted " + accepted + " + rejected " + rejected
                        + (erasedOnRead == 0 ? "" : " + erased " + erasedOnRead) + " != read " + read);
            }
            String table = source.replace('-', '_');
            TableId bronze = new TableId(Layer.BRONZE, table);
            TableId rejects = new TableId(Layer.REJECTS, table);
            compare(what, "bronze", bronze, run, accepted - erased.getOrDefault(bronze + " " + run, 0L));
            compare(what, "rejects", rejects, run, rejected - erased.getOrDefault(rejects + " " + run, 0L));
        }
    }

    private void compare(String what, String name, TableId table, String run, long expected) {
        long rows;
        try {
            rows = ctx.lake().exists(table) ? ctx.lake().read(table).filter(col("ingest_run").equalTo(run)).count()
                    : 0;
        } catch (Exception e) { // a lost data file: found by the table check too
            findings.add(what + ": " + table + " unreadable: " + firstLine(e));
            return;
        }
        if (rows != expected) {
            findings.add(what + ": " + rows + " rows of the run in " + table + ", " + expected + " accounted as "
                    + (name.equals("bronze") ? "accepted" : "rejected"));
        }
    }

    // ---- models ---------------------------------------------------------------------------------------------

    /** Every registered model: its folder present and loadable by its use case. */
    private void models() {
        Lake lake = ctx.lake();
        if (!lake.exists(Tables.MODEL_REGISTRY)) {
            return;
        }
        LakeFiles files = new LakeFiles(ctx.spark());
        for (Row r : lake.read(Tables.MODEL_REGISTRY).select("model_id", "use_case", "artifact_path")
                .orderBy("model_id").collectAsList()) {
            count("models");
            String id = r.getString(0);
            String dir = r.isNullAt(2) ? null : ctx.workspace().artifact(r.getString(2));
            if (dir == null || !files.exists(dir)) {
                findings.add("model " + id + ": artefact missing: " + dir);
                continue;
            }
            try {
                UseCasePipelines.require(r.getString(1)).predictor(dir, files);
            } catch (Exception e) {
                findings.add("model " + id + ": artefact not loadable: " + firstLine(e));
            }
        }
    }

    // ---- results ----------------------------------------------------------------------------------------------

    /** Every {@code metrics/ucN.json}: readable, its models registered, the tables it wrote at least that version. */
    private void results() {
        Path metrics = ctx.workspace().metrics();
        Set<String> registered = new TreeSet<>();
        if (ctx.lake().exists(Tables.MODEL_REGISTRY)) {
            ctx.lake().read(Tables.MODEL_REGISTRY).select("model_id").collectAsList()
                    .forEach(r -> registered.add(r.getString(0)));
        }
        for (UseCasePipeline p : UseCasePipelines.all()) {
            Path file = metrics.resolve(p.useCase().id() + ".json");
            if (!Files.exists(file)) {
                continue;
            }
            count("results");
            String what = "metrics/" + file.getFileName();
            UseCaseResult result;
            try {
                result = p.readResult(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                findings.add(what + ": unreadable: " + firstLine(e));
                continue;
            }
            for (UseCaseResult.ModelEntry m : result.models()) {
                if (m.modelId() != null && !registered.contains(m.modelId())) {
                    findings.add(what + ": model " + m.modelId() + " is not in the registry");
                }
            }
            if (result.bestModel() != null && result.models().stream()
                    .noneMatch(m -> m.name().equals(result.bestModel()))) {
                findings.add(what + ": best model " + result.bestModel() + " is not among its models");
            }
            if (result.provenance().get("output_tables") instanceof Map<?, ?> written) {
                written.forEach((table, version) -> {
                    TableId id = tableId(String.valueOf(table));
                    if (id == null || !ctx.lake().exists(id)) {
                        findings.add(what + ": wrote " + table + ", which is missing");
                    } else if (version instanceof Number v && ctx.lake().version(id) < v.longValue()) {
                        findings.add(what + ": wrote " + table + " at version " + v + ", the lake has "
                                + ctx.lake().version(id));
                    }
                });
            }
        }
    }

    // ---- publication ------------------------------------------------------------------------------------------

    /** The publication audit, when something was published. */
    private void audit() {
        Path out = ctx.workspace().out();
        if (!Files.isDirectory(out.resolve("site")) && !Files.isDirectory(out.resolve("publish"))) {
            return;
        }
        try {
            PublicationAudit.Report audit = PublicationAudit.run(ctx);
            checked.put("published files", audit.filesChecked());
            audit.findings().forEach(f -> findings.add("audit: " + f));
        } catch (Exception e) { // e.g. the lake's identifiers cannot be read: a finding of its own, found above
            findings.add("audit: could not run: " + firstLine(e));
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

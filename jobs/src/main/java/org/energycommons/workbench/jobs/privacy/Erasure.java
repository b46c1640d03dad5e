package org.energycommons.workbench.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.jobs.Catalog;
import org.energycommons.workbench.datasets.FewAtOnce;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.jobs.WorkspaceLock;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc3.BaselineSet;

/**
 * The right to erasure of one household, named by its delivery point number or its meter's pseudonym: every row
 * of it leaves every table of the lake, the fitted runs of its dwelling leave the saved models, each table's
 * history is cut so that no earlier version still holds it, and a scan of the whole workspace proves it.
 *
 * <p>Which rows are the household's, by column: {@code meter_id} its pseudonym, {@code prm} its number in clear
 * (bronze; found with the workspace's key when only the pseudonym is given), {@code raw} a rejected record's text
 * that quotes that number, and {@code building_id} its dwelling when the meter is the building's only one (the
 * building rows of a block of flats are everyone's in it, and stay). A meter that is not a dwelling's is no
 * household's: refused. Aggregates (substation and commune totals, published statistics) keep no row of it and
 * stay until the next {@code features} and {@code train}; every model trained on a table it was deleted from is
 * listed to retrain in the record.
 *
 * <p>Order, so that running it again finishes an erasure that was stopped: the record is written
 * {@code pending} first; {@code silver/meters}, which finds the household's dwelling, is the last table deleted
 * from; the record is written {@code done} after the scan.
 */
public final class Erasure {

    /** Rows of a table without ingest runs. */
    private static final String NO_RUN = "";

    private Erasure() {
    }

    /**
     * What an erasure did, or would do ({@code dryRun}).
     *
     * @param dryRun whether nothing was changed
     * @param record the record written (for a dry run: the one that would be, with the rows found)
     */
    public record Outcome(boolean dryRun, ErasureRecord record) {
    }

    /** Erases the household {@code meter} names, or only says what it would erase ({@code dryRun}). */
    public static Outcome run(JobContext ctx, String meter, boolean dryRun) {
        Lake lake = ctx.lake();
        HouseholdMeter household = HouseholdMeter.find(ctx, meter, "erasure");
        String hash = ErasureRecord.hash(household.meterId());
        ErasureRecord earlier = ErasureRecord.latest(lake, hash);
        boolean resuming = earlier != null && !earlier.done();
        if (!household.known() && !resuming) {
            throw new IllegalArgumentException(earlier != null ? "that household was erased on "
                    + earlier.finishedAt() + ": the lake holds nothing of it" : household.unknownMessage());
        }
        if (household.known() && !household.dwelling()) {
            throw new IllegalArgumentException("that meter is not a dwelling's (its building's use is "
                    + household.buildingUse() + "): the right to erasure is a household's; nothing was erased");
        }

        ctx.progress().step("erase: find the household's rows in every table");
        Pseudonymizer key = PseudoKeys.existing(ctx.workspace(), "erasure");
        String prm = household.prm() != null ? household.prm() : clearNumber(lake, household.meterId(), key);
        String dwelling = household.known() && onlyMeterOf(lake, household) ? household.buildingId() : null;
        Dataset<Row> person = keys(lake, household.meterId(), prm, dwelling);
        Map<TableId, String> conditions = conditions(lake, prm != null, dwelling != null);
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Map<String, Long>> ingestRows = new LinkedHashMap<>();
        List<TableId> tables = new ArrayList<>(conditions.keySet());
        List<Map<String, Long>> found = FewAtOnce.map(tables, t -> rowsOf(lake, t, person, conditions.get(t)));
        for (int i = 0; i < tables.size(); i++) {
            String t = tables.get(i).relativePath();
            Map<String, Long> byRun = new LinkedHashMap<>(found.get(i));
            rows.put(t, byRun.values().stream().mapToLong(Long::longValue).sum());
            byRun.remove(NO_RUN);
            if (!byRun.isEmpty()) {
                ingestRows.put(t, byRun);
            }
        }
        List<String> models = modelsToRetrain(lake, rows);
        Map<String, Integer> artefacts = new LinkedHashMap<>();
        List<String> fitted = fittedRuns(ctx);
        for (String dir : fitted) {
            int runs = dwelling == null ? 0 : BaselineSet.load(dir, ctx.files()).runsOf(dwelling);
            if (runs > 0) {
                artefacts.put(relative(ctx, dir), runs);
            }
        }
        if (dryRun) {
            return new Outcome(true, new ErasureRecord(hash, ErasureRecord.PENDING, Instant.now(), null, rows,
                    ingestRows, artefacts, models, Map.of(), List.of()));
        }
        if (resuming) {
            // A stopped erasure: what was there before it began is what it recorded; some is already deleted.
            rows.clear();
            rows.putAll(earlier.rowsDeleted());
            ingestRows.clear();
            ingestRows.putAll(earlier.ingestRows());
            artefacts.clear();
            artefacts.putAll(earlier.artefacts());
            models = union(earlier.modelsToRetrain(), models);
        }
        Instant started = resuming ? earlier.startedAt() : Instant.now();
        new ErasureRecord(hash, ErasureRecord.PENDING, started, null, rows, ingestRows, artefacts, models, Map.of(),
                List.of()).save(lake, ctx.runId());

        ctx.progress().step("erase: delete the household's rows, table by table");
        // The tables holding rows of it (every table that may, when finishing a stopped erasure).
        List<TableId> order = new ArrayList<>(conditions.keySet().stream()
                .filter(t -> resuming || rows.getOrDefault(t.relativePath(), 0L) > 0).toList());
        // The meters table last: until it is done, running the erasure again finds the household's dwelling.
        if (order.remove(Tables.METERS)) {
            order.add(Tables.METERS);
        }
        erasedArtefacts(ctx, fitted, dwelling);
        for (TableId t : order) {
            long deleted = lake.deleteMatching(t, person, conditions.get(t), ctx.runId());
            if (deleted > 0) {
                ctx.progress().info(String.format("%s: %,d rows deleted", t, deleted));
            }
            if (!resuming) {
                rows.put(t.relativePath(), deleted);
            }
        }
        // Earlier versions still hold the rows, and their commit files the first 32 characters of a pseudonym in
        // their column statistics. (Finishing a stopped erasure: the tables it had found, its building's included,
        // which this run can no longer tell from silver/meters.)
        List<TableId> cut = Catalog.knownTables().stream()
                .filter(t -> rows.getOrDefault(t.relativePath(), 0L) > 0 && lake.exists(t)).toList();
        ctx.progress().step("erase: cut the history of the " + cut.size() + " tables deleted from");
        Map<String, Long> history = cutHistory(lake, cut);
        Catalog.refresh(ctx);

        ctx.progress().step("erase: prove it: no file of the workspace holds the household");
        List<String> identifiers = new ArrayList<>(List.of(household.meterId()));
        if (prm != null) {
            identifiers.add(prm);
        }
        if (dwelling != null) {
            identifiers.add(dwelling);
        }
        IdentifierScan scan = new IdentifierScan(ctx.spark(), identifiers);
        List<String> first = scan(ctx, scan);
        // A table without a row of the household now may have held some in an earlier version (a feature table
        // rebuilt since): its history is cut too, then scanned again.
        List<TableId> stale = Catalog.knownTables().stream()
                .filter(t -> lake.exists(t) && first.stream().anyMatch(f -> f.contains(lake.path(t) + "/")))
                .toList();
        history.putAll(cutHistory(lake, stale));
        List<String> remaining = stale.isEmpty() ? first : scan(ctx, scan);
        ctx.progress().info("history cut in " + history.size() + " tables: " + ErasureRecord.RETENTION_OVERRIDE);
        ErasureRecord done = new ErasureRecord(hash, ErasureRecord.DONE, started, Instant.now(), rows, ingestRows,
                artefacts, models, history, remaining);
        done.save(lake, ctx.runId());
        return new Outcome(false, done);
    }

    /** Cuts the history of tables: table → its first readable version. */
    private static Map<String, Long> cutHistory(Lake lake, List<TableId> tables) {
        Map<String, Long> byPath = DeltaHistory.keepLatestOnly(lake.spark(),
                tables.stream().map(lake::path).toList());
        Map<String, Long> history = new LinkedHashMap<>();
        tables.forEach(t -> history.put(t.relativePath(), byPath.get(lake.path(t))));
        return history;
    }

    /** The files of the workspace (its lake too, when elsewhere) that hold an identifier; its key never read. */
    private static List<String> scan(JobContext ctx, IdentifierScan scan) {
        String secrets = ctx.workspace().secrets().toAbsolutePath().normalize().toUri().getPath();
        List<String> found = scan.filesHolding(ctx.workspace().out().toString(),
                p -> p.contains(stripSlash(secrets)) || p.endsWith("/" + WorkspaceLock.FILE));
        if (!ctx.workspace().lake().startsWith(ctx.workspace().out().toString())) {
            found = union(found, scan.filesHolding(ctx.workspace().lake(), p -> false));
        }
        return found;
    }

    /** The household's number in clear, from the bronze tables that hold numbers; null when none holds it. */
    private static String clearNumber(Lake lake, String meterId, Pseudonymizer key) {
        for (TableId t : Catalog.knownTables()) {
            if (lake.exists(t) && Arrays.asList(lake.read(t).columns()).contains("prm")) {
                for (Row r : lake.read(t).select("prm").distinct().collectAsList()) {
                    if (!r.isNullAt(0) && key.pseudonym(r.getString(0)).equals(meterId)) {
                        return r.getString(0);
                    }
                }
            }
        }
        return null;
    }

    private static boolean onlyMeterOf(Lake lake, HouseholdMeter household) {
        return lake.read(Tables.METERS).filter(col("building_id").equalTo(household.buildingId())).count() == 1;
    }

    /** The household as one row of keys; null where it has no such identifier. */
    private static Dataset<Row> keys(Lake lake, String meterId, String prm, String dwelling) {
        StructType schema = StructType.fromDDL("meter_id STRING, prm STRING, building_id STRING");
        return lake.spark().createDataFrame(List.of(RowFactory.create(meterId, prm, dwelling)), schema);
    }

    /** Every table of the lake that may hold the household, with the condition matching its rows. */
    private static Map<TableId, String> conditions(Lake lake, boolean clearNumber, boolean dwelling) {
        Map<TableId, String> conditions = new LinkedHashMap<>();
        for (TableId t : Catalog.knownTables()) {
            if (t.equals(Tables.ERASURES) || !lake.exists(t)) {
                continue;
            }
            Set<String> columns = Set.of(lake.read(t).columns());
            List<String> match = new ArrayList<>();
            if (columns.contains("meter_id")) {
                match.add("t.meter_id = s.meter_id");
            }
            if (clearNumber && columns.contains("prm")) {
                match.add("t.prm = s.prm");
            }
            if (clearNumber && columns.contains("raw")) {
                match.add("instr(t.raw, s.prm) > 0");
            }
            if (dwelling && columns.contains("building_id")) {
                match.add("t.building_id = s.building_id");
            }
            if (!match.isEmpty()) {
                conditions.put(t, String.join(" OR ", match));
            }
        }
        return conditions;
    }

    /** The household's rows in a table, by ingest run where the table has runs ({@link #NO_RUN} otherwise). */
    private static Map<String, Long> rowsOf(Lake lake, TableId table, Dataset<Row> person, String condition) {
        Dataset<Row> rows = lake.read(table).as("t").join(person.as("s"), expr(condition), "left_semi");
        Map<String, Long> byRun = new LinkedHashMap<>();
        if (Arrays.asList(rows.columns()).contains("ingest_run")) {
            rows.groupBy("ingest_run").count().orderBy("ingest_run").collectAsList()
                    .forEach(r -> byRun.put(r.isNullAt(0) ? NO_RUN : r.getString(0), r.getLong(1)));
        } else {
            long n = rows.count();
            if (n > 0) {
                byRun.put(NO_RUN, n);
            }
        }
        return byRun;
    }

    /** The registered models that read a table the household's rows are deleted from. */
    private static List<String> modelsToRetrain(Lake lake, Map<String, Long> rows) {
        if (!lake.exists(Tables.MODEL_REGISTRY)) {
            return List.of();
        }
        List<String> models = new ArrayList<>();
        for (Row r : lake.read(Tables.MODEL_REGISTRY).orderBy("model_id").collectAsList()) {
            if (ModelRegistry.provenance(r).inputTables().keySet().stream()
                    .anyMatch(t -> rows.getOrDefault(t, 0L) > 0)) {
                models.add(r.getAs("model_id"));
            }
        }
        return models;
    }

    /** The saved model folders that keep fitted runs per building (uc3's baselines). */
    private static List<String> fittedRuns(JobContext ctx) {
        Lake lake = ctx.lake();
        if (!lake.exists(Tables.MODEL_REGISTRY)) {
            return List.of();
        }
        List<String> dirs = new ArrayList<>();
        for (Row r : lake.read(Tables.MODEL_REGISTRY).select("artifact_path").orderBy("artifact_path")
                .collectAsList()) {
            String dir = ctx.workspace().artifact(r.getString(0));
            if (ctx.files().exists(dir + "/" + BaselineSet.BASELINES_FILE)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private static void erasedArtefacts(JobContext ctx, List<String> fitted, String dwelling) {
        if (dwelling == null) {
            return;
        }
        for (String dir : fitted) {
            int removed = BaselineSet.eraseBuilding(dir, ctx.files(), dwelling);
            if (removed > 0) {
                ctx.progress().info(relative(ctx, dir) + ": " + removed + " fitted runs removed");
            }
        }
    }

    private static String relative(JobContext ctx, String dir) {
        String root = ctx.workspace().lake() + "/";
        return dir.startsWith(root) ? dir.substring(root.length()) : dir;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}

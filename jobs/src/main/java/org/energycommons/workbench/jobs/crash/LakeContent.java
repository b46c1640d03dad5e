package org.energycommons.workbench.jobs.crash;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * What a lake holds, table by table: every Delta table found under the lake folder, read at its latest version,
 * with its row count and a hash of its content, so that two lakes written by the same commands can be compared.
 *
 * <p>The content hash is a sum of row hashes (the order of rows and files does not matter) over the columns that say
 * what the data is, leaving out those that say when and where it was written: run ids, creation times, commits,
 * artefact paths and the Delta versions recorded in provenance (a command killed and run again commits more versions
 * than one run). Doubles are hashed at single precision: the last bits of a Spark sum depend on the order rows met
 * in, which follows the names of the files read. A map column (Spark refuses to hash maps, whose entries have no
 * order) is hashed as the JSON of its entries sorted by key. The registry tables are logs a killed command may have
 * appended to before it died: they are compared as sets of distinct rows.
 *
 * @param tables table path under the lake → its content, or why it could not be read
 */
public record LakeContent(Map<String, Table> tables) {

    /** Columns that record the run, not the data. */
    public static final Set<String> RUN_COLUMNS = Set.of("ingest_run", "run_id", "created_at", "git_commit",
            "artifact_path", "delta_version", "input_tables_json", "provenance_json", "metrics_json",
            "libraries_json", "started_at", "finished_at", "location");

    /**
     * One table's content.
     *
     * @param rows rows at the latest version (distinct rows for registry tables)
     * @param hash content hash (see {@link LakeContent}); null when unreadable
     * @param error why it could not be read; null when it could
     */
    public record Table(long rows, String hash, String error) {

        /** Whether the table could be read. */
        public boolean readable() {
            return error == null;
        }
    }

    /** Reads every Delta table under a local lake folder (none when the folder does not exist). */
    public static LakeContent of(SparkSession spark, Path lake) {
        Map<String, Table> tables = new TreeMap<>();
        for (Path table : deltaTables(lake)) {
            String name = lake.relativize(table).toString().replace('\\', '/');
            tables.put(name, read(spark, table, name.startsWith("registry/")));
        }
        return new LakeContent(tables);
    }

    /** The tables whose content differs from {@code reference}'s, or that one of the two lakes lacks. */
    public List<String> differences(LakeContent reference) {
        List<String> out = new ArrayList<>();
        TreeMap<String, Table> all = new TreeMap<>(reference.tables());
        tables.forEach(all::putIfAbsent);
        for (String name : all.keySet()) {
            Table mine = tables.get(name);
            Table theirs = reference.tables().get(name);
            if (mine == null) {
                out.add(name + ": missing");
            } else if (theirs == null) {
                out.add(name + ": not in the reference");
            } else if (mine.rows() != theirs.rows() || !java.util.Objects.equals(mine.hash(), theirs.hash())) {
                out.add(name + ": " + mine.rows() + " rows, the reference " + theirs.rows()
                        + (mine.rows() == theirs.rows() ? " (same count, other content)" : ""));
            }
        }
        return out;
    }

    /** The unreadable tables, one line each. */
    public List<String> unreadable() {
        return tables.entrySet().stream().filter(e -> !e.getValue().readable())
                .map(e -> e.getKey() + ": " + e.getValue().error()).toList();
    }

    private static Table read(SparkSession spark, Path table, boolean distinct) {
        try {
            Dataset<Row> rows = spark.read().format("delta").load(table.toUri().toString());
            List<Column> kept = new ArrayList<>();
            for (StructField f : rows.schema().fields()) {
                if (RUN_COLUMNS.contains(f.name()) || f.name().endsWith("_at")) {
                    continue;
                }
                Column c = col("`" + f.name() + "`");
                kept.add(f.dataType().equals(DataTypes.DoubleType) ? c.cast(DataTypes.FloatType)
                        : f.dataType() instanceof MapType ? to_json(array_sort(map_entries(c))).as(f.name()) : c);
            }
            Dataset<Row> content = rows.select(kept.toArray(Column[]::new));
            if (distinct) {
                content = content.distinct();
            }
            Column[] hashed = java.util.Arrays.stream(content.columns()).map(n -> col("`" + n + "`"))
                    .toArray(Column[]::new);
            Row r = content.agg(count(lit(1)), sum(xxhash64(hashed).cast("decimal(38,0)")))
                    .first();
            return new Table(r.getLong(0), r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString(), null);
        } catch (Exception e) { // Spark's SparkException is checked, yet thrown from unchecked calls
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            return new Table(-1, null, e.getClass().getSimpleName() + ": " + message);
        }
    }

    private static boolean hasCommit(Path log) {
        try (Stream<Path> files = Files.list(log)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("\\d{20}\\.(json|checkpoint.*parquet)"));
        } catch (IOException e) {
            return true; // listed as a table, and reported unreadable when read
        }
    }

    private static List<Path> deltaTables(Path lake) {
        if (!Files.isDirectory(lake)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(lake)) {
            // A log without a commit is a table whose first write never committed: no table at all.
            return walk.filter(p -> p.getFileName().toString().equals("_delta_log") && Files.isDirectory(p))
                    .filter(LakeContent::hasCommit)
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lake + ": " + e.getMessage(), e);
        }
    }
}

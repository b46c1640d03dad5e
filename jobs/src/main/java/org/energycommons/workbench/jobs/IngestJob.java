package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.energycommons.workbench.datasets.ingest.Ingestion;
import org.energycommons.workbench.datasets.ingest.SilverMapping;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.jobs.privacy.ErasedHouseholds;

/**
 * Ingests files of one source: parse (one Spark task per file), account for every record, write accepted rows
 * to bronze and rejected ones to the rejects table with their reason, then conform them to silver.
 *
 * <p>Duplicate rule: within one ingest, the first record of a key (by file name, then line) is accepted and
 * later ones are rejected as duplicates; a record whose key is already in bronze from an earlier ingest is
 * accepted and merged (it replaces the stored row, so re-ingesting a file changes nothing). Both count in
 * {@code duplicates}. An earlier ingest is one that recorded its run in {@code registry/ingest_runs}: rows left in
 * bronze by an ingest killed before that are taken over, so that running it again records what an uninterrupted run
 * would have.
 *
 * <p>A record of a household erased from the workspace (right to erasure, {@link ErasedHouseholds}) is not taken in
 * again: it is counted as {@code erased} and written nowhere, not even to the rejects, whose text would quote its
 * number. Always {@code accepted + rejected + erased = read}.
 */
public final class IngestJob {

    private IngestJob() {
    }

    /** What an ingest read and kept; written to {@code --report} as JSON, its components in order. */
    public record Report(String source, List<String> files, long read, long accepted, long rejected, long erased,
                         long duplicates, @JsonProperty("per_file") Map<String, Map<String, Long>> perFile) {
    }

    /** Schema of {@code registry/ingest_runs}. */
    static final StructType INGEST_RUNS_SCHEMA = StructType.fromDDL("ingest_run STRING NOT NULL, source STRING NOT "
            + "NULL, files ARRAY<STRING>, read BIGINT NOT NULL, accepted BIGINT NOT NULL, rejected BIGINT NOT NULL, "
            + "duplicates BIGINT NOT NULL, finished_at TIMESTAMP, erased BIGINT");

    /** The bronze table of a source. */
    public static TableId bronzeTable(SourceConnector connector) {
        return new TableId(Layer.BRONZE, connector.name().replace('-', '_'));
    }

    /** The rejects table of a source. */
    public static TableId rejectsTable(SourceConnector connector) {
        return new TableId(Layer.REJECTS, connector.name().replace('-', '_'));
    }

    /** Runs the ingest. */
    public static Report run(JobContext ctx, SourceConnector connector, SilverMapping silver, List<String> paths,
                             Pseudonymizer pseudonymizer) {
        Lake lake = ctx.lake();
        List<String> files = Ingestion.expand(ctx.spark(), paths);
        Map<String, String> stamps = Ingestion.stamps(ctx.spark(), files);
        ctx.progress().step("ingest " + connector.name() + ": parsing " + files.size() + " file(s)");
        // An erased household's records are marked before anything is counted: they are read, and kept nowhere.
        ErasedHouseholds erasedHouseholds = ErasedHouseholds.of(lake, pseudonymizer);
        Dataset<Row> parsed = Ingestion.parse(ctx.spark(), connector, files)
                .withColumn(ERASED, erasedHouseholds.matching(connector.schema(), Ingestion.ACCEPTED, Ingestion.RAW,
                        Ingestion.FILE));

        // Duplicates across the files of this ingest: first by file name then line wins.
        Column[] key = connector.key().stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> ranked = parsed
                .withColumn("_rank", when(col(Ingestion.ACCEPTED),
                        row_number().over(Window.partitionBy(key).orderBy(col(Ingestion.FILE), col(Ingestion.LINE)))))
                .withColumn("_first", when(col(Ingestion.ACCEPTED), first(concat(col(Ingestion.FILE), lit(":"),
                        col(Ingestion.LINE).cast("string"))).over(Window.partitionBy(key)
                        .orderBy(col(Ingestion.FILE), col(Ingestion.LINE)))));
        Column crossDuplicate = col(Ingestion.ACCEPTED).and(col("_rank").gt(1));
        Dataset<Row> records = ranked
                .withColumn(Ingestion.REASON, when(crossDuplicate, concat(lit("duplicate of "), col("_first")))
                        .otherwise(col(Ingestion.REASON)))
                .withColumn("_duplicate", crossDuplicate.or(col(Ingestion.REASON).startsWith("duplicate of")))
                .withColumn(Ingestion.ACCEPTED, col(Ingestion.ACCEPTED).and(col("_rank").equalTo(1)))
                .drop("_rank", "_first")
                .persist(StorageLevel.MEMORY_AND_DISK());

        // One action parses everything; a file of another source fails here, before anything is written.
        Map<String, Map<String, Long>> perFile = new LinkedHashMap<>();
        long read = 0;
        long accepted = 0;
        long erased = 0;
        long duplicatesInBatch = 0;
        Column kept = col(ERASED).equalTo(false);
        for (Row r : records.groupBy(Ingestion.FILE)
                .agg(count(lit(1)), sum(when(col(Ingestion.ACCEPTED).and(kept), 1).otherwise(0)),
                        sum(when(col("_duplicate").and(kept), 1).otherwise(0)),
                        sum(when(col(ERASED), 1).otherwise(0)))
                .orderBy(Ingestion.FILE).collectAsList()) {
            Map<String, Long> c = new LinkedHashMap<>();
            c.put("read", r.getLong(1));
            c.put("accepted", r.getLong(2));
            c.put("rejected", r.getLong(1) - r.getLong(2) - r.getLong(4));
            c.put("erased", r.getLong(4));
            perFile.put(r.getString(0), c);
            read += r.getLong(1);
            accepted += r.getLong(2);
            duplicatesInBatch += r.getLong(3);
            erased += r.getLong(4);
        }
        // The parse is persisted and read once: if no file changed while it ran, what is written is each file whole.
        Ingestion.requireUnchanged(stamps, Ingestion.stamps(ctx.spark(), files));
        for (String f : files) {
            perFile.computeIfAbsent(f, k -> new LinkedHashMap<>(Map.of("read", 0L, "accepted", 0L, "rejected", 0L,
                    "erased", 0L)));
        }

        List<String> columns = new ArrayList<>();
        for (var f : connector.schema().fields()) {
            columns.add(f.name());
        }
        Dataset<Row> bronze = records.filter(col(Ingestion.ACCEPTED).and(kept))
                .select(concatColumns(columns, Ingestion.FILE, Ingestion.LINE))
                .withColumn("ingest_run", lit(ctx.runId()));
        TableId bronzeTable = bronzeTable(connector);
        long alreadyKnown = 0;
        if (lake.exists(bronzeTable)) {
            // Known = in bronze from an ingest that recorded its run. Rows an ingest wrote before it died (bronze
            // commits first, the run's row last) are taken over by this run, not counted as duplicates: the
            // recovery then records what an uninterrupted run would have.
            Dataset<Row> known = lake.read(bronzeTable);
            known = lake.exists(Tables.INGEST_RUNS)
                    ? known.join(lake.read(Tables.INGEST_RUNS).select("ingest_run").distinct(), "ingest_run",
                            "left_semi")
                    : known.limit(0);
            alreadyKnown = bronze.join(known.select(key), connector.key().toArray(String[]::new), "left_semi")
                    .count();
        }

        ctx.progress().step("ingest " + connector.name() + ": bronze, rejects and silver");
        lake.merge(bronzeTable, bronze, connector.key(), ctx.runId());
        Dataset<Row> rejects = records.filter(col(Ingestion.ACCEPTED).equalTo(false).and(kept))
                .select(lit(connector.name()).as("source"), col(Ingestion.FILE), col(Ingestion.LINE),
                        col(Ingestion.RAW), col(Ingestion.REASON), lit(ctx.runId()).as("ingest_run"));
        lake.merge(rejectsTable(connector), rejects, List.of(Ingestion.FILE, Ingestion.LINE), ctx.runId());
        lake.merge(silver.table(), silver.transform().apply(bronze, pseudonymizer), silver.key(), ctx.runId());
        records.unpersist();

        // A file named after an erased household's delivery point is not named in the run's record or report.
        Map<String, String> nameOf = new LinkedHashMap<>();
        for (String f : files) {
            nameOf.put(f, erasedHouseholds.quotedIn(f.substring(f.lastIndexOf('/') + 1))
                    ? WITHHELD + " " + (nameOf.size() + 1) : f);
        }
        List<String> named = List.copyOf(nameOf.values());
        Map<String, Map<String, Long>> perNamedFile = new LinkedHashMap<>();
        perFile.forEach((f, c) -> perNamedFile.put(nameOf.getOrDefault(f, f), c));
        Report report = new Report(connector.name(), named, read, accepted, read - accepted - erased, erased,
                duplicatesInBatch + alreadyKnown, perNamedFile);
        // Last: the run's accounting, which workbench verify checks against bronze and rejects.
        addErasedColumn(ctx);
        lake.merge(Tables.INGEST_RUNS, ctx.spark().createDataFrame(List.of(RowFactory.create(ctx.runId(),
                connector.name(), named.toArray(String[]::new), read, accepted, report.rejected(),
                report.duplicates(), new java.sql.Timestamp(System.currentTimeMillis()), erased)),
                INGEST_RUNS_SCHEMA), List.of("ingest_run", "source"), ctx.runId());
        ctx.progress().info(String.format("%s: read %,d, accepted %,d, rejected %,d, duplicates %,d%s",
                connector.name(), report.read(), report.accepted(), report.rejected(), report.duplicates(),
                erased == 0 ? "" : String.format(", erased households' records %,d (kept nowhere)", erased)));
        return report;
    }

    /** What names a file named after an erased household's delivery point, with its rank among the run's files. */
    static final String WITHHELD = "(name withheld: an erased household's) file";

    /** Column of the parsed records that marks an erased household's. */
    private static final String ERASED = "_erased";

    /**
     * Gives {@code registry/ingest_runs} of a workspace made before erased records were counted its {@code erased}
     * column (null in the runs before, which erased nothing).
     */
    private static void addErasedColumn(JobContext ctx) {
        Lake lake = ctx.lake();
        if (lake.exists(Tables.INGEST_RUNS)
                && !java.util.Arrays.asList(lake.read(Tables.INGEST_RUNS).columns()).contains("erased")) {
            ctx.spark().sql("ALTER TABLE delta.`" + lake.path(Tables.INGEST_RUNS) + "` ADD COLUMNS (erased BIGINT)");
        }
    }

    private static Column[] concatColumns(List<String> columns, String... more) {
        List<Column> all = new ArrayList<>();
        columns.forEach(c -> all.add(col(c)));
        for (String m : more) {
            all.add(col(m));
        }
        return all.toArray(Column[]::new);
    }
}

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

/**
 * Ingests files of one source: parse (one Spark task per file), account for every record, write accepted rows
 * to bronze and rejected ones to the rejects table with their reason, then conform them to silver.
 *
 * <p>Duplicate rule: within one ingest, the first record of a key (by file name, then line) is accepted and
 * later ones are rejected as duplicates; a record whose key is already in bronze from an earlier ingest is
 * accepted and merged (it replaces the stored row, so re-ingesting a file changes nothing). Both count in
 * {@code duplicates}. Always {@code accepted + rejected = read}. An earlier ingest is one that recorded its run in
 * {@code registry/ingest_runs}: rows left in bronze by an ingest killed before that are taken over, so that running
 * it again records what an uninterrupted run would have.
 */
public final class IngestJob {

    private IngestJob() {
    }

    /** What an ingest read and kept; written to {@code --report} as JSON, its components in order. */
    public record Report(String source, List<String> files, long read, long accepted, long rejected, long duplicates,
                         @JsonProperty("per_file") Map<String, Map<String, Long>> perFile) {
    }

    /** Schema of {@code registry/ingest_runs}. */
    static final StructType INGEST_RUNS_SCHEMA = StructType.fromDDL("ingest_run STRING NOT NULL, source STRING NOT "
            + "NULL, files ARRAY<STRING>, read BIGINT NOT NULL, accepted BIGINT NOT NULL, rejected BIGINT NOT NULL, "
            + "duplicates BIGINT NOT NULL, finished_at TIMESTAMP");

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
        Dataset<Row> parsed = Ingestion.parse(ctx.spark(), connector, files);

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
        long duplicatesInBatch = 0;
        for (Row r : records.groupBy(Ingestion.FILE)
                .agg(count(lit(1)), sum(when(col(Ingestion.ACCEPTED), 1).otherwise(0)),
                        sum(when(col("_duplicate"), 1).otherwise(0)))
                .orderBy(Ingestion.FILE).collectAsList()) {
            Map<String, Long> c = new LinkedHashMap<>();
            c.put("read", r.getLong(1));
            c.put("accepted", r.getLong(2));
            c.put("rejected", r.getLong(1) - r.getLong(2));
            perFile.put(r.getString(0), c);
            read += r.getLong(1);
            accepted += r.getLong(2);
            duplicatesInBatch += r.getLong(3);
        }
        // The parse is persisted and read once: if no file changed while it ran, what is written is each file whole.
        Ingestion.requireUnchanged(stamps, Ingestion.stamps(ctx.spark(), files));
        for (String f : files) {
            perFile.computeIfAbsent(f, k -> new LinkedHashMap<>(Map.of("read", 0L, "accepted", 0L, "rejected", 0L)));
        }

        List<String> columns = new ArrayList<>();
        for (var f : connector.schema().fields()) {
            columns.add(f.name());
        }
        Dataset<Row> bronze = records.filter(col(Ingestion.ACCEPTED))
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
        Dataset<Row> rejects = records.filter(col(Ingestion.ACCEPTED).equalTo(false))
                .select(lit(connector.name()).as("source"), col(Ingestion.FILE), col(Ingestion.LINE),
                        col(Ingestion.RAW), col(Ingestion.REASON), lit(ctx.runId()).as("ingest_run"));
        lake.merge(rejectsTable(connector), rejects, List.of(Ingestion.FILE, Ingestion.LINE), ctx.runId());
        lake.merge(silver.table(), silver.transform().apply(bronze, pseudonymizer), silver.key(), ctx.runId());
        records.unpersist();

        Report report = new Report(connector.name(), files, read, accepted, read - accepted,
                duplicatesInBatch + alreadyKnown, perFile);
        // Last: the run's accounting, which workbench verify checks against bronze and rejects.
        lake.merge(Tables.INGEST_RUNS, ctx.spark().createDataFrame(List.of(RowFactory.create(ctx.runId(),
                connector.name(), files.toArray(String[]::new), read, accepted, read - accepted, report.duplicates(),
                new java.sql.Timestamp(System.currentTimeMillis()))), INGEST_RUNS_SCHEMA),
                List.of("ingest_run", "source"), ctx.runId());
        ctx.progress().info(String.format("%s: read %,d, accepted %,d, rejected %,d, duplicates %,d",
                connector.name(), report.read(), report.accepted(), report.rejected(), report.duplicates()));
        return report;
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

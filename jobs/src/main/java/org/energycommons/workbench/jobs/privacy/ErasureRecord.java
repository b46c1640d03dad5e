package org.energycommons.workbench.jobs.privacy;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.models.provenance.Json;

/**
 * The record of one erasure in {@code registry/erasures}: the SHA-256 of the household's pseudonym (never the
 * pseudonym or the delivery point number), what was deleted where, the models to retrain, how far each table's
 * history was cut, and the files that still hold the household if any. Written {@code pending} before the first
 * delete and {@code done} after the proof, so that an erasure stopped half-way is finished by running it again.
 *
 * @param pseudonymHash SHA-256 of the meter's pseudonym, hex
 * @param status {@link #PENDING} or {@link #DONE}
 * @param startedAt when the erasure began (with the hash, the record's key)
 * @param finishedAt when it was proven, null while pending
 * @param rowsDeleted table → rows deleted
 * @param ingestRows table → ingest run → rows deleted, for the accounting of ingest runs ({@code verify})
 * @param artefacts saved model folder → fitted runs removed
 * @param modelsToRetrain models trained on a table rows were deleted from
 * @param history table → its first readable version after the cut
 * @param remaining files that still hold the household after the erasure (empty when it is complete)
 */
public record ErasureRecord(String pseudonymHash, String status, Instant startedAt, Instant finishedAt,
                            Map<String, Long> rowsDeleted, Map<String, Map<String, Long>> ingestRows,
                            Map<String, Integer> artefacts, List<String> modelsToRetrain, Map<String, Long> history,
                            List<String> remaining) {

    /** An erasure begun and not yet proven. */
    public static final String PENDING = "pending";
    /** An erasure done and proven by a scan of the workspace. */
    public static final String DONE = "done";
    /** What the vacuum overrides, as the record and the progress display say it. */
    public static final String RETENTION_OVERRIDE = "VACUUM RETAIN 0 HOURS with "
            + DeltaHistory.RETENTION_CHECK + "=false, then the commit files before a new checkpoint deleted: "
            + "earlier versions of these tables can no longer be read";

    /** Key of the table. */
    public static final List<String> KEY = List.of("pseudonym_hash", "started_at");

    /** Schema of {@code registry/erasures}. */
    public static final StructType SCHEMA = StructType.fromDDL("""
            pseudonym_hash STRING NOT NULL, status STRING NOT NULL, started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP, rows_deleted_json STRING NOT NULL, ingest_rows_json STRING NOT NULL,
            artefacts_json STRING NOT NULL, models_to_retrain ARRAY<STRING> NOT NULL,
            history_json STRING NOT NULL, remaining_json STRING NOT NULL, retention_override STRING NOT NULL""");

    public ErasureRecord {
        // In the order given: the record lists tables as the erasure went through them.
        rowsDeleted = Collections.unmodifiableMap(new LinkedHashMap<>(rowsDeleted));
        ingestRows = Collections.unmodifiableMap(new LinkedHashMap<>(ingestRows));
        artefacts = Collections.unmodifiableMap(new LinkedHashMap<>(artefacts));
        modelsToRetrain = List.copyOf(modelsToRetrain);
        history = Collections.unmodifiableMap(new LinkedHashMap<>(history));
        remaining = List.copyOf(remaining);
    }

    /** Whether the erasure was proven. */
    public boolean done() {
        return DONE.equals(status);
    }

    /** SHA-256 of a pseudonym, hex: how the records name a household. */
    public static String hash(String pseudonym) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(pseudonym.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The row of this record. */
    public Row row() {
        return RowFactory.create(pseudonymHash, status, Timestamp.from(startedAt),
                finishedAt == null ? null : Timestamp.from(finishedAt), json(rowsDeleted), json(ingestRows),
                json(artefacts), modelsToRetrain,
                json(history), json(remaining), RETENTION_OVERRIDE);
    }

    /** Writes (or replaces) this record. */
    public void save(Lake lake, String runId) {
        lake.merge(Tables.ERASURES, lake.spark().createDataFrame(List.of(row()), SCHEMA), KEY, runId);
    }

    /** The latest record of a household, null when it was never erased. */
    public static ErasureRecord latest(Lake lake, String pseudonymHash) {
        if (!lake.exists(Tables.ERASURES)) {
            return null;
        }
        List<Row> rows = lake.read(Tables.ERASURES).filter(col("pseudonym_hash").equalTo(pseudonymHash))
                .orderBy(col("started_at").desc()).limit(1).collectAsList();
        return rows.isEmpty() ? null : of(rows.get(0));
    }

    /** Every record, oldest first. */
    public static List<ErasureRecord> all(Lake lake) {
        if (!lake.exists(Tables.ERASURES)) {
            return List.of();
        }
        return lake.read(Tables.ERASURES).orderBy("started_at").collectAsList().stream()
                .map(ErasureRecord::of).toList();
    }

    @SuppressWarnings("unchecked")
    private static ErasureRecord of(Row r) {
        var mapper = Json.mapper();
        var tf = mapper.getTypeFactory();
        try {
            Map<String, Long> rows = mapper.readValue(r.<String>getAs("rows_deleted_json"),
                    tf.constructMapType(LinkedHashMap.class, String.class, Long.class));
            Map<String, Map<String, Long>> ingest = mapper.readValue(r.<String>getAs("ingest_rows_json"),
                    tf.constructMapType(LinkedHashMap.class, tf.constructType(String.class),
                            tf.constructMapType(LinkedHashMap.class, String.class, Long.class)));
            Map<String, Integer> artefacts = mapper.readValue(r.<String>getAs("artefacts_json"),
                    tf.constructMapType(LinkedHashMap.class, String.class, Integer.class));
            Map<String, Long> history = mapper.readValue(r.<String>getAs("history_json"),
                    tf.constructMapType(LinkedHashMap.class, String.class, Long.class));
            List<String> remaining = mapper.readValue(r.<String>getAs("remaining_json"), List.class);
            Timestamp finished = r.getAs("finished_at");
            return new ErasureRecord(r.getAs("pseudonym_hash"), r.getAs("status"),
                    r.<Timestamp>getAs("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                    rows, ingest, artefacts, r.<String>getList(r.fieldIndex("models_to_retrain")), history,
                    remaining);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("registry/erasures has a malformed record: " + e.getMessage(), e);
        }
    }

    private static String json(Object value) {
        return Json.write(value).replaceAll("\\s*\\n\\s*", " ");
    }
}

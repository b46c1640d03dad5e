package org.energycommons.workbench.datasets.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/**
 * A connector for one real open-data format: parses one file, record by record, into typed rows of
 * {@link #schema()}, and accounts for every record read: each goes to exactly one of
 * {@link RecordSink#accept} or {@link RecordSink#reject} (nothing is dropped silently).
 *
 * <p>Connectors are pure parsers (no Spark, no I/O beyond the stream they are given), so the ingest job can run
 * them on executors, one file per task, and tests can feed them bytes.
 */
public interface SourceConnector extends Serializable {

    /** The source name used on the command line, e.g. {@code enedis-load-curve-csv}. */
    String name();

    /** The catalogue entry of the source. */
    SourceDescription description();

    /** Schema of accepted rows, in the order of the values passed to {@link RecordSink#accept}. */
    StructType schema();

    /**
     * Columns that identify a row of this source: a second row with the same key is a duplicate (rejected within
     * one ingest, merged across ingests).
     */
    java.util.List<String> key();

    /**
     * Parses one file.
     *
     * @param fileName the file's name (for messages and for format variants such as {@code .csv.gz})
     * @param content the raw bytes; encoding (UTF-8 with or without BOM, or Latin-1) is the connector's concern
     * @param sink receives every record
     * @throws SchemaMismatchException when the file does not have this source's columns: the caller then keeps
     *     nothing from the file
     * @throws IOException when the stream cannot be read
     */
    void parse(String fileName, InputStream content, RecordSink sink) throws IOException;
}

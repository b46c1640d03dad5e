package org.energycommons.workbench.datasets.ingest;

/** Where a connector sends each record it reads: accepted with typed values, or rejected with a reason. */
public interface RecordSink {

    /**
     * An accepted record.
     *
     * @param line 1-based physical line number of the record in the file (its first line for multi-line records;
     *     for JSON, the 1-based index of the element in its array)
     * @param values typed values in the order of {@link SourceConnector#schema()}: {@code String},
     *     {@code Double}, {@code Long}, {@code Integer}, {@code Boolean}, {@code java.sql.Timestamp} (a UTC
     *     instant), {@code java.sql.Date}; {@code null} for a missing optional value
     */
    void accept(long line, Object... values);

    /**
     * A rejected record, kept in the rejects table.
     *
     * @param line 1-based line number
     * @param raw the raw text of the record (truncated by the caller if very long)
     * @param reason one short sentence saying what is wrong, e.g. {@code "Valeur: not a number: 'abc'"}
     */
    void reject(long line, String raw, String reason);
}

package org.energycommons.workbench.jobs.engines;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An in-process DuckDB database reached through its JDBC driver, to run a workload's query and write its result
 * as parquet. The driver is on the classpath of {@code ./workbench} (Maven test scope) and never in the cluster
 * jar: nothing in the workbench's own path uses it.
 */
public final class DuckDb implements AutoCloseable {

    private final Connection connection;

    private DuckDb(Connection connection) {
        this.connection = connection;
    }

    /** A fresh in-memory database with {@code threads} threads and UTC as its time zone (as the Spark session). */
    public static DuckDb open(int threads) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("DuckDB's JDBC driver is not on the classpath: the engines benchmark "
                    + "runs from ./workbench (it is kept out of the cluster jar)");
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = " + threads);
                s.execute("SET TimeZone = 'UTC'");
                s.execute("SET preserve_insertion_order = false");
            }
            return new DuckDb(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /** Runs {@code query} and writes its rows to one parquet file. */
    public void copyToParquet(String query, Path file) {
        execute("COPY (" + query + ") TO '" + quoted(file) + "' (FORMAT parquet)");
    }

    /** The rows of a parquet file. */
    public long rows(Path file) {
        try (Statement s = connection.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM read_parquet('" + quoted(file) + "')")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static String quoted(Path file) {
        return file.toString().replace("'", "''");
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("DuckDB failed: " + e.getMessage().lines().findFirst().orElse(""), e);
    }

    /** DuckDB's version, e.g. {@code v1.4.4}. */
    public String version() {
        try (Statement s = connection.createStatement(); var r = s.executeQuery("SELECT version()")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing an in-memory database: nothing to keep
        }
    }
}

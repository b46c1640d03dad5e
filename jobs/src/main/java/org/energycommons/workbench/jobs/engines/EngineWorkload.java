package org.energycommons.workbench.jobs.engines;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;

/**
 * One computation of the workbench measured in two engines: the production Spark code on the lake's tables, and
 * the same result written in DuckDB's SQL over the parquet files of the same table versions.
 *
 * @param name short name, e.g. {@code uc4-substation-hourly}
 * @param what what it computes, for the report
 * @param inputs the silver tables it reads, by the name the SQL refers to them with ({@code {name}}); the first is
 *     the one whose rows the report gives as the workload's input rows
 * @param spark the production code: tables in, result out
 * @param duckDbSql the same computation as one DuckDB query; {@code {name}} stands for the list of an input's
 *     parquet files
 * @param keys the columns that identify a result row
 */
public record EngineWorkload(String name, String what, Map<String, TableId> inputs,
                             Function<Lake, Dataset<Row>> spark, String duckDbSql, List<String> keys) {

    /** The query with each input's parquet files in place of {@code {name}}. */
    public String duckDbQuery(Map<String, List<String>> files) {
        String sql = duckDbSql;
        for (String input : inputs.keySet()) {
            List<String> paths = files.get(input);
            if (paths == null || paths.isEmpty()) {
                throw new IllegalArgumentException("no parquet file for input " + input + " of " + name);
            }
            sql = sql.replace("{" + input + "}", "read_parquet([" + String.join(", ", paths.stream()
                    .map(p -> "'" + p.replace("'", "''") + "'").toList()) + "])");
        }
        return sql;
    }
}

package org.energycommons.workbench.models.provenance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** An order-independent fingerprint of rows: the count and the sum of 64-bit row hashes, in one Spark pass. */
public final class DataFingerprint {

    private DataFingerprint() {
    }

    /** Fingerprint of the given columns of the rows, e.g. {@code n=1234;h=5f3a...}. */
    public static String of(Dataset<Row> rows, String... columns) {
        Column[] cols = Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new);
        Row r = rows.agg(count(lit(1)), sum(xxhash64(cols).cast("decimal(38,0)"))).first();
        return "n=" + r.getLong(0) + ";h=" + (r.isNullAt(1) ? "0" : r.get(1).toString());
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The rows shared by the two personal load-curve connectors ({@link EnedisLoadCurveJson},
 * {@link EnedisLoadCurveCsv}), which both feed {@code silver/load_curve}: schema, key, bounds and the duplicate
 * check of one file.
 */
final class EnedisLoadCurveRows {

    /** Columns of an accepted reading. */
    static final StructType SCHEMA = StructType.fromDDL("""
            prm STRING NOT NULL, interval_start_utc TIMESTAMP NOT NULL, interval_end_utc TIMESTAMP NOT NULL,
            step_minutes INT NOT NULL, value_w DOUBLE NOT NULL, kwh DOUBLE NOT NULL, measure_type STRING""");

    /** A delivery point has one reading per interval end. */
    static final List<String> KEY = List.of("prm", "interval_end_utc");

    /** Unit and description of each column of {@link #SCHEMA}. */
    static final String[][] DOCS = {
        {"", "delivery point (PRM, 14 digits), in clear at bronze, pseudonymised at silver"},
        {"UTC", "start of the interval (end minus the step)"},
        {"UTC", "end of the interval, the instant Enedis time-stamps the reading with"},
        {"min", "interval length: 10, 15, 30 or 60"},
        {"W", "average active power drawn over the interval"},
        {"kWh", "energy drawn over the interval (value_w × step_minutes / 60 / 1000)"},
        {"", "Enedis measure nature (e.g. B raw, C corrected, E estimated), null when not given"},
    };

    private final Map<String, Long> seen = new HashMap<>();

    /**
     * The values of an accepted reading, after the bounds (0 ≤ W ≤ {@link EnedisFormats#MAX_POINT_POWER_W}) and
     * the duplicate check; the reading is then remembered as accepted at {@code line}.
     */
    Object[] row(long line, String valueField, String prm, Instant end, int stepMinutes, double valueW,
                 String measureType) {
        EnedisFormats.bounded(valueField, valueW, 0, EnedisFormats.MAX_POINT_POWER_W, " W");
        String key = prm + "|" + end.getEpochSecond() + "." + end.getNano();
        Long first = seen.get(key);
        if (first != null) {
            throw new EnedisFormats.Bad("duplicate of line " + first);
        }
        seen.put(key, line);
        Instant start = end.minusSeconds(60L * stepMinutes);
        double kwh = valueW * stepMinutes / 60.0 / 1000.0;
        return new Object[] {prm, Timestamp.from(start), Timestamp.from(end), stepMinutes, valueW, kwh,
            measureType == null || measureType.isBlank() ? null : measureType.strip()};
    }
}

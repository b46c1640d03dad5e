package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A time-ordered train / validation / test split on target days: train before {@code validationStart},
 * validation before {@code testStart}, test from {@code testStart} to {@code end}. Models are fitted on train,
 * tuned and calibrated on validation, and scored once on test; no row of an earlier split has a later day.
 *
 * @param start first target day
 * @param validationStart first validation day
 * @param testStart first test day
 * @param end last target day, inclusive
 */
public record TimeSplit(LocalDate start, LocalDate validationStart, LocalDate testStart, LocalDate end) {

    /** Split names, in time order. */
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    public TimeSplit {
        if (!(start.isBefore(validationStart) && validationStart.isBefore(testStart) && !testStart.isAfter(end))) {
            throw new IllegalArgumentException("split dates must be ordered start < validation < test <= end, got "
                    + start + ", " + validationStart + ", " + testStart + ", " + end);
        }
    }

    /** Splits {@code start..end} by fractions of days: e.g. 0.70 train, 0.15 validation, the rest test. */
    public static TimeSplit byFractions(LocalDate start, LocalDate end, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1)) {
            throw new IllegalArgumentException("fractions must be positive and leave room for a test split");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days < 3) {
            throw new IllegalArgumentException("need at least 3 target days to split, got " + days);
        }
        long trainDays = Math.max(1, Math.round(days * trainFraction));
        long validationDays = Math.max(1, Math.round(days * validationFraction));
        if (trainDays + validationDays >= days) {
            validationDays = Math.max(1, days - trainDays - 1);
        }
        LocalDate validationStart = start.plusDays(trainDays);
        return new TimeSplit(start, validationStart, validationStart.plusDays(validationDays), end);
    }

    /** The split a target day belongs to, as a Spark column over a date column. */
    public Column splitOf(String dateColumn) {
        Column d = col(dateColumn);
        return when(d.lt(lit(java.sql.Date.valueOf(validationStart))), lit(TRAIN))
                .when(d.lt(lit(java.sql.Date.valueOf(testStart))), lit(VALIDATION))
                .otherwise(lit(TEST));
    }

    /** Rows of one split. */
    public Dataset<Row> rows(Dataset<Row> features, String dateColumn, String split) {
        return features.filter(splitOf(dateColumn).equalTo(split));
    }

    /** The bounds as strings, for provenance and reports. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("train", start + ".." + validationStart.minusDays(1));
        m.put("validation", validationStart + ".." + testStart.minusDays(1));
        m.put("test", testStart + ".." + end);
        return m;
    }
}

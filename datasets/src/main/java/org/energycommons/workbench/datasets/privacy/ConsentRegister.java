package org.energycommons.workbench.datasets.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The consent register's rule, as queries over {@code silver/consents}: a per-meter output (the household report,
 * any per-meter export) may be made for a meter only when it holds a valid consent for that output's purpose on
 * the day it is made. Aggregates published under statistical secrecy ({@link SecrecyGuard}) need no consent.
 *
 * <p>A consent is valid on a day when its purpose is the one asked, {@code valid_from <= day} and
 * {@code valid_to} is empty or {@code >= day}: both bounds are inclusive. Purposes are not nested: a
 * {@code research} consent does not allow a {@code household_report}, nor the reverse. The queries are pure: they
 * take the consents as a Dataset (rows of {@link #SCHEMA}) and read nothing else. See {@code docs/consent.md}.
 */
public final class ConsentRegister {

    /** Purpose of the household report: one dwelling's own consumption, sent to that household. */
    public static final String HOUSEHOLD_REPORT = "household_report";
    /** Purpose of research: one meter's rows used in studies and models, never published as such. */
    public static final String RESEARCH = "research";
    /** Purpose of publication: one meter's rows published outside the programme. */
    public static final String PUBLICATION = "publication";
    /** Every purpose, in the order of the documentation. */
    public static final List<String> PURPOSES = List.of(HOUSEHOLD_REPORT, RESEARCH, PUBLICATION);

    /** Columns of {@code silver/consents}: the pseudonymised meter, the purpose and the days of validity. */
    public static final StructType SCHEMA = StructType.fromDDL("meter_id STRING NOT NULL, purpose STRING NOT NULL, "
            + "valid_from DATE NOT NULL, valid_to DATE, source STRING NOT NULL");

    private static final String CONSENTING = "_consenting_meter_id";

    private ConsentRegister() {
    }

    /**
     * The purpose if it is one of {@link #PURPOSES}.
     *
     * @throws IllegalArgumentException {@code "unknown consent purpose 'x' (expected household_report, research or
     *     publication)"}
     */
    public static String requirePurpose(String purpose) {
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw new IllegalArgumentException("unknown consent purpose '" + purpose + "' (expected "
                    + expected() + ")");
        }
        return purpose;
    }

    /** The purposes as a message lists them: {@code household_report, research or publication}. */
    public static String expected() {
        return String.join(", ", PURPOSES.subList(0, PURPOSES.size() - 1)) + " or " + PURPOSES.get(PURPOSES.size() - 1);
    }

    /** The condition on consents rows: for this purpose and valid on this day (both bounds inclusive). */
    public static Column validOn(String purpose, LocalDate day) {
        requirePurpose(purpose);
        Objects.requireNonNull(day, "day");
        Column d = lit(day.toString()).cast("date");
        return col("purpose").equalTo(purpose)
                .and(col("valid_from").leq(d))
                .and(col("valid_to").isNull().or(col("valid_to").geq(d)));
    }

    /** The distinct {@code meter_id}s that hold a valid consent for a purpose on a day. */
    public static Dataset<Row> consenting(Dataset<Row> consents, String purpose, LocalDate day) {
        return consents.filter(validOn(purpose, day)).select("meter_id").distinct();
    }

    /**
     * Whether a meter holds a valid consent for a purpose on a day.
     *
     * @param consents rows of {@code silver/consents}
     * @param meterId the meter's pseudonym
     * @throws IllegalArgumentException for an unknown purpose
     */
    public static boolean holds(Dataset<Row> consents, String meterId, String purpose, LocalDate day) {
        Objects.requireNonNull(meterId, "meterId");
        return !consents.filter(validOn(purpose, day).and(col("meter_id").equalTo(meterId))).isEmpty();
    }

    /**
     * The rows of the meters that hold a valid consent for a purpose on a day; the others are left out. The rows
     * keep their columns and are not duplicated when a meter holds several consents.
     *
     * @param consents rows of {@code silver/consents}
     * @param rows per-meter rows, e.g. a load curve or a report's lines
     * @param meterColumn the column of {@code rows} holding the meter's pseudonym
     * @param purpose the purpose of the output the rows are for
     * @param day the day the output is made
     * @throws IllegalArgumentException for an unknown purpose or a column {@code rows} does not have
     */
    public static Dataset<Row> withConsent(Dataset<Row> consents, Dataset<Row> rows, String meterColumn,
                                           String purpose, LocalDate day) {
        requirePurpose(purpose);
        if (!Arrays.asList(rows.columns()).contains(meterColumn)) {
            throw new IllegalArgumentException("no column '" + meterColumn + "' in the rows to filter by consent; "
                    + "columns: " + String.join(", ", rows.columns()));
        }
        Dataset<Row> allowed = consenting(consents, purpose, day).withColumnRenamed("meter_id", CONSENTING);
        return rows.join(allowed, rows.col(meterColumn).equalTo(allowed.col(CONSENTING)), "left_semi");
    }
}

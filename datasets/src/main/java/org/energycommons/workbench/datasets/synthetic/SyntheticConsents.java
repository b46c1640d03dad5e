package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.privacy.ConsentRegister;

/**
 * The consent register of the synthetic region: which dwellings' households gave which consent, and when.
 *
 * <p>Only dwellings ({@code building_use = 'residential'}) consent. Each purpose is drawn on its own: about
 * {@value #HOUSEHOLD_REPORT_SHARE} of dwellings consent to the household report, about {@value #RESEARCH_SHARE}
 * to research, and none to publication ({@link #SHARES}). A consent starts on a day drawn uniformly from
 * {@value #DAYS_BEFORE_START} days before the region's first day to its last day (so some precede the region);
 * about {@value #EXPIRING_SHARE} of them end after {@value #MIN_DAYS_VALID} to {@value #MAX_DAYS_VALID} days
 * (expired and expiring consents exist), the others are open-ended.
 *
 * <p>Every draw is a hash of the seed, a salt and the delivery point's number (PRM) in clear, which the seed alone
 * fixes: the same seed gives the same consents, and no draw reads a pseudonym or the pseudonymisation key, so the
 * consents do not depend on the key ({@link #consents} does not even take it; only {@link #silver} maps PRMs to
 * pseudonyms).
 */
public final class SyntheticConsents {

    /** Share of dwellings whose household consents to the household report. */
    public static final double HOUSEHOLD_REPORT_SHARE = 0.40;
    /** Share of dwellings whose household consents to research. */
    public static final double RESEARCH_SHARE = 0.60;
    /** Share of dwellings whose household consents to publication: none. */
    public static final double PUBLICATION_SHARE = 0.0;
    /** Share of each purpose, in {@link ConsentRegister#PURPOSES} order. */
    public static final Map<String, Double> SHARES = shares();
    /** Days before the region's first day a consent may start on. */
    public static final int DAYS_BEFORE_START = 365;
    /** Share of consents with an end day. */
    public static final double EXPIRING_SHARE = 0.20;
    /** Fewest days a consent with an end day lasts (both days included). */
    public static final int MIN_DAYS_VALID = 30;
    /** Most days a consent with an end day lasts (both days included). */
    public static final int MAX_DAYS_VALID = 365;

    private SyntheticConsents() {
    }

    private static Map<String, Double> shares() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(ConsentRegister.HOUSEHOLD_REPORT, HOUSEHOLD_REPORT_SHARE);
        m.put(ConsentRegister.RESEARCH, RESEARCH_SHARE);
        m.put(ConsentRegister.PUBLICATION, PUBLICATION_SHARE);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What a synthetic consent's {@code source} says: the region's seed stands for the form. */
    static String source(RegionConfig config) {
        return "synthetic region (seed " + config.seed() + ")";
    }

    /**
     * The consents of the region's dwellings, PRM in clear (generator-internal, as bronze would hold them).
     *
     * @param meters the {@link SyntheticRegion#meters()} rows
     * @return {@code prm, purpose, valid_from date, valid_to date (null when open-ended), source}, one row per
     *     dwelling and purpose it consented to
     */
    public static Dataset<Row> consents(RegionConfig config, Dataset<Row> meters) {
        long seed = config.seed();
        Dataset<Row> dwellings = meters.filter(col("building_use").equalTo("residential")).select("prm");
        Dataset<Row> all = null;
        for (Map.Entry<String, Double> e : SHARES.entrySet()) {
            String salt = "consents." + e.getKey();
            Column prm = col("prm");
            Column offset = floor(SyntheticColumns.uniform(seed, salt + ".from", -DAYS_BEFORE_START, config.days(),
                    prm)).cast("int");
            Column validFrom = date_add(lit(config.start().toString()).cast("date"), offset);
            Column length = floor(SyntheticColumns.uniform(seed, salt + ".length", MIN_DAYS_VALID,
                    MAX_DAYS_VALID + 1, prm)).cast("int");
            Column expires = SyntheticColumns.uniform(seed, salt + ".expires", prm).lt(EXPIRING_SHARE);
            Dataset<Row> one = dwellings
                    .filter(SyntheticColumns.uniform(seed, salt, prm).lt(e.getValue()))
                    .select(prm, lit(e.getKey()).as("purpose"), validFrom.as("valid_from"),
                            when(expires, date_add(validFrom, length.minus(1))).as("valid_to"),
                            lit(source(config)).as("source"));
            all = all == null ? one : all.unionByName(one);
        }
        return all;
    }

    /**
     * The consents as {@code silver/consents} holds them: the PRM replaced by its pseudonym.
     *
     * @param consents rows of {@link #consents}
     * @param prmToMeter {@code prm} and {@code meter_id}, from {@link SyntheticRegion#prmToMeter}
     * @return rows of {@link ConsentRegister#SCHEMA}'s columns
     */
    public static Dataset<Row> silver(Dataset<Row> consents, Dataset<Row> prmToMeter) {
        return consents.join(broadcast(prmToMeter), "prm")
                .select(col("meter_id"), col("purpose"), col("valid_from"), col("valid_to"), col("source"));
    }
}

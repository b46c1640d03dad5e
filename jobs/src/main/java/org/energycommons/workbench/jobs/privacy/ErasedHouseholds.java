package org.energycommons.workbench.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;

/**
 * The households erased from a workspace, as an ingest sees them: a delivery point number (PRM) is an erased
 * household's when the SHA-256 of its pseudonym is in {@code registry/erasures}. The register holds only those
 * hashes, so a number is matched with the workspace's key. A record of a source that carries the number
 * ({@code prm}: Enedis load curves, the consent register) is matched by it; a rejected record, which has no parsed
 * number, by every 14-digit number its text or its file's name quotes (exports are often named after their
 * delivery point). Sources without a delivery point number are not matched: see {@code docs/consent.md}.
 */
public final class ErasedHouseholds {

    /** The column that carries a delivery point number in the sources that have one. */
    public static final String PRM = "prm";

    private static final String NUMBER = "[0-9]{14}";
    private static final Pattern NUMBERS = Pattern.compile(NUMBER);

    private final Set<String> hashes;
    private final Pseudonymizer key;

    private ErasedHouseholds(Set<String> hashes, Pseudonymizer key) {
        this.hashes = hashes;
        this.key = key;
    }

    /** The households erased from the lake's workspace, matched with {@code key}; none when nothing was erased. */
    public static ErasedHouseholds of(Lake lake, Pseudonymizer key) {
        List<String> hashes = lake.exists(Tables.ERASURES)
                ? lake.read(Tables.ERASURES).select("pseudonym_hash").distinct().as(Encoders.STRING()).collectAsList()
                : List.of();
        return new ErasedHouseholds(Set.copyOf(hashes), key);
    }

    /** Whether no household was ever erased. */
    public boolean none() {
        return hashes.isEmpty();
    }

    /**
     * A boolean column, true on an erased household's record; {@code false} for every record when the source has no
     * {@link #PRM} column or nothing was ever erased (then nothing is computed per record).
     *
     * @param source the source's schema
     * @param accepted the boolean column that says a record was parsed (its {@code prm} is then set)
     * @param raw the column with a record's text, for rejected records
     * @param file the column with the record's file
     */
    public Column matching(StructType source, String accepted, String raw, String file) {
        if (none() || !Arrays.asList(source.fieldNames()).contains(PRM)) {
            return lit(false);
        }
        UserDefinedFunction pseudonym = key.asUdf();
        Object[] erased = hashes.toArray();
        return when(col(accepted), sha2(pseudonym.apply(col(PRM)), 256).isin(erased))
                .otherwise(exists(regexp_extract_all(concat_ws(" ", col(raw), col(file)), lit(NUMBER), lit(0)),
                        number -> sha2(pseudonym.apply(number), 256).isin(erased)));
    }

    /** Whether a text (a file's name) quotes an erased household's delivery point number. */
    public boolean quotedIn(String text) {
        Matcher m = NUMBERS.matcher(text);
        while (m.find()) {
            if (hashes.contains(ErasureRecord.hash(key.pseudonym(m.group())))) {
                return true;
            }
        }
        return false;
    }
}

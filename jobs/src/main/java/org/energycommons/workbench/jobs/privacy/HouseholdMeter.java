package org.energycommons.workbench.jobs.privacy;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;

/**
 * One person's delivery point as a command names it ({@code --meter}): its pseudonym, its number in clear when the
 * command was given it, and its building as {@code silver/meters} and {@code silver/buildings} hold them.
 *
 * @param meterId the meter's pseudonym ({@code meter_id})
 * @param prm the delivery point number in clear when given, else null
 * @param buildingId its building, null when {@code silver/meters} no longer holds the meter
 * @param buildingUse that building's use ({@code residential}, ...), null when unknown
 * @param communeCode that building's commune, null when unknown
 */
public record HouseholdMeter(String meterId, String prm, String buildingId, String buildingUse,
                             String communeCode) {

    /** A delivery point number (PRM): 14 digits. */
    public static final Pattern PRM = Pattern.compile("\\d{14}");
    /** A meter's pseudonym: HMAC-SHA256 as 64 lower-case hex characters. */
    public static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    /** Whether the meter is a dwelling's (its building is residential). */
    public boolean dwelling() {
        return "residential".equals(buildingUse);
    }

    /** Whether the lake still lists the meter in {@code silver/meters}. */
    public boolean known() {
        return buildingId != null;
    }

    /**
     * The pseudonym of what {@code --meter} names: a PRM pseudonymised with the workspace's key, or a pseudonym as
     * it is. A value that is neither is one line ({@link IllegalArgumentException}).
     */
    public static String pseudonym(String meter, Pseudonymizer key) {
        String m = meter.strip().toLowerCase(Locale.ROOT);
        String id = PRM.matcher(m).matches() ? key.pseudonym(m) : m;
        if (!PSEUDONYM.matcher(id).matches()) {
            throw new IllegalArgumentException("--meter must be a delivery point number (14 digits) or a meter's "
                    + "pseudonym (64 hex characters)");
        }
        return id;
    }

    /**
     * Finds the meter {@code --meter} names with the workspace's key ({@link PseudoKeys#existing}); its building
     * is null when {@code silver/meters} does not list it.
     *
     * @param what the command, for the message when the key is missing
     */
    public static HouseholdMeter find(JobContext ctx, String meter, String what) {
        Pseudonymizer key = PseudoKeys.existing(ctx.workspace(), what);
        String m = meter.strip().toLowerCase(Locale.ROOT);
        String meterId = pseudonym(m, key);
        String prm = PRM.matcher(m).matches() ? m : null;
        Lake lake = ctx.lake();
        if (!lake.exists(Tables.METERS)) {
            return new HouseholdMeter(meterId, prm, null, null, null);
        }
        List<Row> found = lake.read(Tables.METERS).filter(col("meter_id").equalTo(meterId))
                .select("building_id").collectAsList();
        if (found.isEmpty()) {
            return new HouseholdMeter(meterId, prm, null, null, null);
        }
        String building = found.get(0).getString(0);
        List<Row> use = !lake.exists(Tables.BUILDINGS) ? List.of()
                : lake.read(Tables.BUILDINGS).filter(col("building_id").equalTo(building))
                .select("building_use", "commune_code").collectAsList();
        return new HouseholdMeter(meterId, prm, building, use.isEmpty() ? null : use.get(0).getString(0),
                use.isEmpty() ? null : use.get(0).getString(1));
    }

    /** The line for a meter the lake does not list. */
    public String unknownMessage() {
        return "no meter " + (prm != null ? "with that delivery point number" : "with that pseudonym")
                + " in this workspace (with its pseudonymisation key)";
    }
}

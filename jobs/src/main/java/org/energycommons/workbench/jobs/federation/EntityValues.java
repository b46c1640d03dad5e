package org.energycommons.workbench.jobs.federation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;

/** What the use cases' entity builders share: local days as instants, and the communes' centres and names. */
public final class EntityValues {

    /** The region's time zone: local days start at its midnight. */
    public static final ZoneId LOCAL = ZoneId.of("Europe/Paris");

    private EntityValues() {
    }

    /** The start of a local day (Europe/Paris midnight). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LOCAL).toInstant();
    }

    /** The end of a local day: the next local midnight. */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /**
     * A commune of the region: its name and the centre the lake gives it (the workbench has no building
     * coordinates, so a public building, a substation or a gas area is placed at its commune's centre).
     */
    public record Commune(String code, String name, double longitude, double latitude) {

        /** The commune's centre as the {@code location} of an entity. */
        public NgsiEntity locate(NgsiEntity entity) {
            return entity.point("location", longitude, latitude);
        }
    }

    /** The communes of {@code silver/communes}, by INSEE code. */
    public static Map<String, Commune> communes(Lake lake) {
        Map<String, Commune> out = new HashMap<>();
        List<Row> rows = lake.read(Tables.COMMUNES).select("commune_code", "name", "longitude", "latitude")
                .collectAsList();
        for (Row r : rows) {
            out.put(r.getString(0), new Commune(r.getString(0), r.getString(1), r.getDouble(2), r.getDouble(3)));
        }
        return out;
    }

    /** A nullable double column as a finite value or null (NGSI-LD has no null: the member is left out). */
    public static Double number(Row r, String column) {
        Object v = r.get(r.fieldIndex(column));
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** A number rounded to 6 significant decimals, for a readable payload (null stays null). */
    public static Double round(Double v) {
        return v == null ? null : Math.round(v * 1e6) / 1e6;
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/**
 * The Enedis open-data half-hourly consumption aggregates by segment ("Agrégats segmentés de consommation
 * électrique au pas 1/2 h des points de soutirage ≤36 kVA" and "&gt;36 kVA"): per half-hour, profile, subscribed
 * power range (and, above 36 kVA, activity sector), the number of delivery points, their total energy and the
 * mean curve. The two sources are {@link EnedisConsoInf36} ({@value #NAME_INF36}) and {@link EnedisConsoSup36}
 * ({@value #NAME_SUP36}).
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code ;}-separated, UTF-8 (with or without BOM) or Windows-1252. Columns are found by normalised name,
 *       with the French labels ({@code Horodate;Profil;Plage de puissance souscrite;[Secteur activité;]Nb points
 *       soutirage;Total énergie soutirée (Wh);…;Courbe Moyenne n°1 + n°2 (Wh);…}) or the snake-case names of the
 *       open-data API ({@code horodate;profil;plage_de_puissance_souscrite;[secteur_activite;]
 *       nb_points_soutirage;total_energie_soutiree_wh;…;courbe_moyenne_n1_n2_wh;…}); extra columns are
 *       tolerated. Required: Horodate, Profil, Plage de puissance souscrite, Nb points soutirage, Total énergie
 *       soutirée (Wh), and Secteur activité for &gt;36 kVA; a ≤36 kVA source refuses a file with a
 *       Secteur activité column (a &gt;36 kVA file).</li>
 *   <li>{@code Horodate} is the START of the half-hour (Enedis aggregates are time-stamped at the interval
 *       start), ISO 8601 with an offset (taken as the instant) or a Europe/Paris local time (resolved per
 *       profile, power range and sector by {@link FrenchText.LocalTimes}: spring DST gap rejected, repeated
 *       autumn hour summer offset first, which assumes each series is listed in time order). It must fall on a
 *       half-hour boundary: the aggregates have a fixed 30-minute step, so a time stamp at any other minute (a
 *       10-minute series, say) is rejected.</li>
 *   <li>Bounds: 0 ≤ Nb points soutirage ≤ 50 000 000 (more than every delivery point in France), a whole
 *       number; 0 ≤ Total énergie soutirée ≤ Nb points × the most one point can draw in half an hour
 *       (18 000 Wh below 36 kVA: 36 kVA for 30 minutes; 20 000 000 Wh above: 40 MW for 30 minutes); the mean
 *       curve (optional, null when blank) between 0 and that same per-point maximum.</li>
 *   <li>A second row with the same half-hour, profile, power range and sector is rejected as
 *       {@code "duplicate of line N"}.</li>
 * </ul>
 */
public abstract sealed class EnedisAggregatedCurve extends CataloguedConnector
        permits EnedisConsoInf36, EnedisConsoSup36 {

    private static final long serialVersionUID = 1L;

    /** Source name of the aggregates of delivery points ≤36 kVA. */
    public static final String NAME_INF36 = "enedis-conso-inf36";
    /** Source name of the aggregates of delivery points &gt;36 kVA. */
    public static final String NAME_SUP36 = "enedis-conso-sup36";

    /** Most delivery points in one aggregate row. */
    static final long MAX_POINTS = 50_000_000L;
    /** Most energy one point ≤36 kVA draws in half an hour: 36 kVA × 0.5 h. */
    static final double MAX_POINT_WH_INF36 = 18_000;
    /** Most energy one point &gt;36 kVA draws in half an hour: 40 MW × 0.5 h. */
    static final double MAX_POINT_WH_SUP36 = 20_000_000;

    private static final StructType SCHEMA = StructType.fromDDL("""
            ts_utc TIMESTAMP NOT NULL, profile STRING NOT NULL, power_range STRING NOT NULL, sector STRING,
            n_points BIGINT NOT NULL, total_energy_kwh DOUBLE NOT NULL, mean_curve_kwh DOUBLE""");

    private static final List<String> KEY = List.of("ts_utc", "profile", "power_range", "sector");

    private static final String[][] DOCS = {
        {"UTC", "start of the half-hour"},
        {"", "Enedis load profile (e.g. RES1, PRO1, ENT1)"},
        {"", "subscribed power range, as labelled by Enedis"},
        {"", "activity sector (>36 kVA only; null for ≤36 kVA)"},
        {"", "number of delivery points in the aggregate"},
        {"kWh", "total energy drawn by these points over the half-hour (Total énergie soutirée / 1000)"},
        {"kWh", "mean curve n°1 + n°2: mean energy per point over the half-hour (/ 1000), null when not given"},
    };

    private static final int TIME = 0;
    private static final int PROFILE = 1;
    private static final int RANGE = 2;
    private static final int SECTOR = 3;
    private static final int POINTS = 4;
    private static final int TOTAL = 5;
    private static final int MEAN = 6;

    private final boolean sup36;

    EnedisAggregatedCurve(boolean sup36) {
        super(description(sup36), SCHEMA, KEY);
        this.sup36 = sup36;
    }

    private static SourceDescription description(boolean sup36) {
        String dataset = sup36 ? "conso-sup36" : "conso-inf36";
        return new SourceDescription(sup36 ? NAME_SUP36 : NAME_INF36,
                "Half-hourly consumption aggregates by segment of delivery points " + (sup36 ? ">" : "≤")
                        + "36 kVA",
                "Enedis",
                "etalab-2.0",
                "https://data.enedis.fr/explore/dataset/" + dataset + "/",
                "';'-separated CSV, UTF-8 or Windows-1252, French labels or snake-case column names; Horodate is "
                        + "the half-hour start, ISO with offset or Europe/Paris local time; energies in Wh",
                "silver/aggregated_load_curve",
                false,
                columns(SCHEMA, DOCS));
    }

    private List<EnedisCsv.Column> columns() {
        return List.of(
                new EnedisCsv.Column("Horodate", true, "Date - Heure", "Date Heure"),
                new EnedisCsv.Column("Profil", true),
                new EnedisCsv.Column("Plage de puissance souscrite", true, "Plage puissance souscrite"),
                new EnedisCsv.Column("Secteur activité", sup36, "Secteur d'activité", "Secteur activite"),
                new EnedisCsv.Column("Nb points soutirage", true, "Nombre de points de soutirage",
                        "Nombre points soutirage", "Nb points"),
                new EnedisCsv.Column("Total énergie soutirée (Wh)", true, "Total energie soutiree wh",
                        "Total énergie soutirée"),
                new EnedisCsv.Column("Courbe Moyenne n°1 + n°2 (Wh)", false, "courbe_moyenne_n1_n2_wh",
                        "Courbe moyenne n°1 + n°2"));
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        EnedisCsv csv = EnedisCsv.open(fileName, name(), content, columns());
        if (!sup36 && csv.index(SECTOR) >= 0) {
            throw new SchemaMismatchException(fileName + ": not a " + name()
                    + " file: has column [Secteur activité] of a " + NAME_SUP36 + " file");
        }
        int iTime = csv.index(TIME);
        int iProfile = csv.index(PROFILE);
        int iRange = csv.index(RANGE);
        int iSector = csv.index(SECTOR);
        int iPoints = csv.index(POINTS);
        int iTotal = csv.index(TOTAL);
        int iMean = csv.index(MEAN);
        double maxPointWh = sup36 ? MAX_POINT_WH_SUP36 : MAX_POINT_WH_INF36;
        FrenchText.LocalTimes times = new FrenchText.LocalTimes(EnedisFormats.PARIS);
        Map<String, Long> seen = new HashMap<>();
        csv.forEach(sink, (line, raw, f) -> {
            String profile = nonEmpty("Profil", EnedisCsv.field(f, iProfile));
            String range = nonEmpty("Plage de puissance souscrite", EnedisCsv.field(f, iRange));
            String sector = sup36 ? nonEmpty("Secteur activité", EnedisCsv.field(f, iSector)) : null;
            String series = profile + "|" + range + "|" + sector;
            Instant ts = EnedisFormats.instant("Horodate", EnedisCsv.field(f, iTime), times, series);
            if (ts.getEpochSecond() % 1800 != 0 || ts.getNano() != 0) {
                throw new EnedisFormats.Bad("Horodate: " + ts + " is not on a half-hour boundary");
            }
            long points = EnedisFormats.whole("Nb points soutirage", EnedisCsv.field(f, iPoints));
            EnedisFormats.bounded("Nb points soutirage", points, 0, MAX_POINTS, "");
            double total = EnedisFormats.number("Total énergie soutirée (Wh)", EnedisCsv.field(f, iTotal));
            if (total < 0) {
                throw new EnedisFormats.Bad("Total énergie soutirée (Wh): negative value "
                        + EnedisFormats.plain(total) + " Wh");
            }
            if (total > points * maxPointWh) {
                throw new EnedisFormats.Bad("Total énergie soutirée (Wh): absurd value " + EnedisFormats.plain(total)
                        + " Wh (max " + EnedisFormats.plain(points * maxPointWh) + " Wh for " + points
                        + " points)");
            }
            Double mean = EnedisFormats.optionalNumber("Courbe Moyenne n°1 + n°2 (Wh)", EnedisCsv.field(f, iMean));
            if (mean != null) {
                EnedisFormats.bounded("Courbe Moyenne n°1 + n°2 (Wh)", mean, 0, maxPointWh, " Wh");
            }
            String key = ts.getEpochSecond() + "|" + series;
            Long first = seen.get(key);
            if (first != null) {
                throw new EnedisFormats.Bad("duplicate of line " + first);
            }
            seen.put(key, line);
            sink.accept(line, Timestamp.from(ts), profile, range, sector, points, EnedisFormats.shift(total, -3),
                    mean == null ? null : EnedisFormats.shift(mean, -3));
        });
    }

    private static String nonEmpty(String field, String value) {
        if (value.isEmpty()) {
            throw new EnedisFormats.Bad(field + ": empty");
        }
        return value;
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.SourceDescription.Column;
import org.energycommons.workbench.datasets.ingest.connectors.SemicolonCsv.Problem;

/**
 * Connector for Météo-France's hourly basic climatological data ("données climatologiques de base horaires"):
 * per station and UTC hour, the air temperature and the global radiation.
 *
 * <p>Format: one file per department and period, e.g. {@code H_69_latest-2023-2024.csv.gz} (gzip, detected from
 * the magic bytes) or plain {@code .csv}; {@code ;}-separated, UTF-8 or Windows-1252, decimal point or comma; a
 * long header starting {@code NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJHH;RR1;QRR1;...}, each parameter followed by
 * its quality code. Only {@code NUM_POSTE, NOM_USUEL, LAT, LON, ALTI, AAAAMMJJHH, T, GLO} are read, found by name;
 * the other parameters and the quality codes are ignored.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code NUM_POSTE} is the 8-digit station number, kept as text with its leading zeros (a number that lost
 *       them is rejected, not guessed); {@code NOM_USUEL} is required.</li>
 *   <li>{@code AAAAMMJJHH} ({@code 2023010100}) is a UTC hour, 00..23, in a year 1850..2100; {@code ts_utc} is
 *       that instant. {@code T} is the air temperature read at that instant; {@code GLO} is summed over the hour
 *       that ends at it, so {@code irradiance_w_m2} is the mean over {@code [ts_utc − 1 h, ts_utc)}.</li>
 *   <li>{@code T} in °C, plausible −60..+60. {@code GLO} in J/cm² over the hour, plausible 0..500 (the top of
 *       the atmosphere receives at most ~490 J/cm² in an hour), converted to a mean irradiance in W/m² by
 *       ÷ 0.36 (× 10 000 cm²/m², ÷ 3 600 s).</li>
 *   <li>Station coordinates: {@code LAT} −90..90 and {@code LON} −180..180 decimal degrees, {@code ALTI}
 *       −500..5 000 m; all three required.</li>
 *   <li>An empty {@code T} or {@code GLO} is {@code null}. A row with neither is still accepted: the station
 *       reports other parameters that hour (rain, wind...), and keeping the row records that it was observed.</li>
 *   <li>Key: station and instant; a repeat within a file is rejected as {@code duplicate of line N}.</li>
 * </ul>
 */
public final class MeteoFranceHourly extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = "meteofrance-hourly";
    /** Plausible temperatures, °C. */
    public static final double MIN_TEMPERATURE_C = -60;
    public static final double MAX_TEMPERATURE_C = 60;
    /** Plausible hourly global radiation, J/cm² (≈ 1 389 W/m², above the solar constant). */
    public static final double MAX_GLO_J_CM2 = 500;
    /** Plausible station altitudes, m. */
    public static final double MIN_ALTITUDE_M = -500;
    public static final double MAX_ALTITUDE_M = 5_000;
    static final int MIN_YEAR = 1850;
    static final int MAX_YEAR = 2100;

    static final SemicolonCsv.Column NUM_POSTE = SemicolonCsv.Column.of("NUM_POSTE");
    static final SemicolonCsv.Column NOM_USUEL = SemicolonCsv.Column.of("NOM_USUEL");
    static final SemicolonCsv.Column LAT = SemicolonCsv.Column.of("LAT");
    static final SemicolonCsv.Column LON = SemicolonCsv.Column.of("LON");
    static final SemicolonCsv.Column ALTI = SemicolonCsv.Column.of("ALTI");
    static final SemicolonCsv.Column AAAAMMJJHH = SemicolonCsv.Column.of("AAAAMMJJHH");
    static final SemicolonCsv.Column T = SemicolonCsv.Column.of("T");
    static final SemicolonCsv.Column GLO = SemicolonCsv.Column.of("GLO");

    private static final StructType SCHEMA = StructType.fromDDL("""
            station_id STRING NOT NULL, station_name STRING NOT NULL, latitude DOUBLE NOT NULL,
            longitude DOUBLE NOT NULL, altitude_m DOUBLE NOT NULL, ts_utc TIMESTAMP NOT NULL, temperature_c DOUBLE,
            irradiance_w_m2 DOUBLE""");

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Hourly basic climatological data (Météo-France)",
            "Météo-France",
            "etalab-2.0",
            "https://meteo.data.gouv.fr/datasets/donnees-climatologiques-de-base-horaires",
            "';'-separated CSV, gzip or plain, UTF-8 or Windows-1252, decimal point or comma; one file per"
                    + " department and period; AAAAMMJJHH is a UTC hour; empty value = null",
            "silver/weather_hourly",
            false,
            List.of(
                    new Column("station_id", "string", "", "station number, 8 digits with leading zeros (NUM_POSTE)"),
                    new Column("station_name", "string", "", "station name (NOM_USUEL)"),
                    new Column("latitude", "double", "°", "latitude, decimal degrees (LAT)"),
                    new Column("longitude", "double", "°", "longitude, decimal degrees (LON)"),
                    new Column("altitude_m", "double", "m", "station altitude (ALTI), -500..5000"),
                    new Column("ts_utc", "timestamp", "",
                            "UTC hour (AAAAMMJJHH): instant of T, end of the hour GLO is summed over"),
                    new Column("temperature_c", "double", "°C", "air temperature (T), -60..60, null when missing"),
                    new Column("irradiance_w_m2", "double", "W/m²",
                            "mean global irradiance over the hour ending at ts_utc (GLO J/cm² ÷ 0.36),"
                                    + " null when missing")));

    public MeteoFranceHourly() {
        super(DESCRIPTION, SCHEMA, List.of("station_id", "ts_utc"));
    }

    /** Mean irradiance in W/m² of a global radiation in J/cm² summed over one hour (÷ 0.36). */
    public static double irradianceWm2(double gloJoulesPerCm2) {
        return gloJoulesPerCm2 * 10_000.0 / 3_600.0;
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        SemicolonCsv csv = SemicolonCsv.open(fileName, content);
        csv.refuseIfMissing(NAME, csv.missing(List.of(NUM_POSTE, NOM_USUEL, LAT, LON, ALTI, AAAAMMJJHH, T, GLO)));

        int iStation = csv.index(NUM_POSTE);
        int iName = csv.index(NOM_USUEL);
        int iLat = csv.index(LAT);
        int iLon = csv.index(LON);
        int iAlti = csv.index(ALTI);
        int iHour = csv.index(AAAAMMJJHH);
        int iT = csv.index(T);
        int iGlo = csv.index(GLO);

        csv.forEachRecord(sink, f -> {
            String station = f[iStation].strip();
            if (station.isEmpty()) {
                throw new Problem(NUM_POSTE.label() + ": missing");
            }
            if (!station.matches("\\d{8}")) {
                throw new Problem(NUM_POSTE.label() + ": not an 8-digit station number: "
                        + SemicolonCsv.quote(station));
            }
            String name = SemicolonCsv.requiredText(f[iName], NOM_USUEL.label());
            double lat = SemicolonCsv.requiredMeasure(f[iLat], LAT.label(), -90, 90);
            double lon = SemicolonCsv.requiredMeasure(f[iLon], LON.label(), -180, 180);
            double alti = SemicolonCsv.requiredMeasure(f[iAlti], ALTI.label(), MIN_ALTITUDE_M, MAX_ALTITUDE_M);
            Instant ts = hour(f[iHour]);
            Double t = SemicolonCsv.measure(f[iT], T.label(), MIN_TEMPERATURE_C, MAX_TEMPERATURE_C);
            Double glo = SemicolonCsv.measure(f[iGlo], GLO.label(), 0, MAX_GLO_J_CM2);
            return new Object[] {
                station, name, lat, lon, alti, Timestamp.from(ts), t, glo == null ? null : irradianceWm2(glo),
            };
        }, values -> new SemicolonCsv.SeenKeys.Key((String) values[0], ((Timestamp) values[5]).toInstant()));
    }

    /** The UTC instant of an {@code AAAAMMJJHH} field. */
    private static Instant hour(String field) throws Problem {
        String s = field.strip();
        String label = AAAAMMJJHH.label();
        if (s.isEmpty()) {
            throw new Problem(label + ": missing");
        }
        if (!s.matches("\\d{10}")) {
            throw new Problem(label + ": not a UTC hour: " + SemicolonCsv.quote(s));
        }
        Instant ts;
        try {
            ts = LocalDateTime.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)), 0)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new Problem(label + ": not a UTC hour: " + SemicolonCsv.quote(s));
        }
        SemicolonCsv.checkInstant(ts, label, s, MIN_YEAR, MAX_YEAR, 3600);
        return ts;
    }
}

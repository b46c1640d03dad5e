package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.SourceDescription.Column;

/**
 * Connector for RTE's éCO2mix regional data published on ODRE (Open Data Réseaux Énergies): consumption,
 * production by kind and physical exchanges of each administrative region, every 15 or 30 minutes.
 *
 * <p>Format: {@code ;}-separated text, UTF-8 with or without BOM or Windows-1252, header
 * {@code Code INSEE région;Région;Nature;Date;Heure;Date - Heure;Consommation (MW);Thermique (MW);Nucléaire (MW);
 * Eolien (MW);Solaire (MW);Hydraulique (MW);Pompage (MW);Bioénergies (MW);Ech. physiques (MW)}, or its snake_case
 * variant ({@code code_insee_region;libelle_region;nature;date;heure;date_heure;consommation;thermique;...}; the
 * region column may also be {@code region}). Columns are found by name; extra columns ({@code Stockage batterie},
 * {@code TCO ...}, {@code TCH ...}) are ignored.
 *
 * <p>Rules:
 * <ul>
 *   <li>Time: {@code Date - Heure} is an ISO date-time with offset ({@code 2023-01-01T00:30:00+01:00}). When the
 *       column is absent or the field empty, {@code Date} ({@code 2023-01-01} or {@code 01/01/2023}) and
 *       {@code Heure} ({@code 00:30}) are Europe/Paris civil time, resolved by {@link FrenchText.LocalTimes} with
 *       the region code as series: a time in the spring DST gap is rejected; the repeated autumn hour takes the
 *       summer offset the first time and the winter offset the second time. The instant must fall on a whole
 *       quarter hour (steps are 15 or 30 minutes, mixed in a file) in a year 2000..2100.</li>
 *   <li>Region: {@code Code INSEE région} is two digits (e.g. {@code 11}, {@code 84}); {@code Région} and
 *       {@code Nature} ("Données consolidées", "Données définitives", "Données temps réel"...) are required
 *       text.</li>
 *   <li>Values in MW (mean power over the step); an empty value is {@code null} (no production of that kind in
 *       the region, e.g. nuclear, or not yet consolidated), never a rejection. Plausible bounds for a French
 *       region: consumption and every production kind 0..100 000 MW; pumping −100 000..0 MW (a consumption,
 *       counted negative); physical exchanges −100 000..100 000 MW (negative: exports). Anything else, and
 *       NaN or text, rejects the record with a reason naming the column.</li>
 *   <li>Key: region code and instant; a repeat within a file is rejected as {@code duplicate of line N}.</li>
 * </ul>
 */
public final class OdreEco2mixRegional extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = "odre-eco2mix-regional";
    /** Largest plausible regional power in MW, whatever its kind (the largest region peaks below 25 000 MW). */
    public static final double MAX_REGIONAL_MW = 100_000;
    /** Plausible years. */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** Steps are whole quarter hours. */
    static final int STEP_SECONDS = 15 * 60;

    static final SemicolonCsv.Column REGION_CODE = SemicolonCsv.Column.of("Code INSEE région", "code_insee_region");
    static final SemicolonCsv.Column REGION = SemicolonCsv.Column.of("Région", "libelle_region", "region");
    static final SemicolonCsv.Column NATURE = SemicolonCsv.Column.of("Nature", "nature");
    static final SemicolonCsv.Column DATE = SemicolonCsv.Column.of("Date", "date");
    static final SemicolonCsv.Column HEURE = SemicolonCsv.Column.of("Heure", "heure");
    static final SemicolonCsv.Column DATE_HEURE = SemicolonCsv.Column.of("Date - Heure", "date_heure");

    /** A measured column with its schema field and plausible bounds (MW, inclusive). */
    private record Measure(SemicolonCsv.Column column, String field, double min, double max, String description)
            implements java.io.Serializable {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure(SemicolonCsv.Column.of("Consommation (MW)", "consommation"), "consumption_mw",
                    0, MAX_REGIONAL_MW, "regional consumption"),
            new Measure(SemicolonCsv.Column.of("Thermique (MW)", "thermique"), "thermal_mw",
                    0, MAX_REGIONAL_MW, "fossil thermal production"),
            new Measure(SemicolonCsv.Column.of("Nucléaire (MW)", "nucleaire"), "nuclear_mw",
                    0, MAX_REGIONAL_MW, "nuclear production (null in regions without plants)"),
            new Measure(SemicolonCsv.Column.of("Eolien (MW)", "eolien"), "wind_mw",
                    0, MAX_REGIONAL_MW, "wind production"),
            new Measure(SemicolonCsv.Column.of("Solaire (MW)", "solaire"), "solar_mw",
                    0, MAX_REGIONAL_MW, "solar production"),
            new Measure(SemicolonCsv.Column.of("Hydraulique (MW)", "hydraulique"), "hydro_mw",
                    0, MAX_REGIONAL_MW, "hydro production"),
            new Measure(SemicolonCsv.Column.of("Pompage (MW)", "pompage"), "pumping_mw",
                    -MAX_REGIONAL_MW, 0, "pumped-storage consumption, ≤ 0"),
            new Measure(SemicolonCsv.Column.of("Bioénergies (MW)", "bioenergies"), "bioenergy_mw",
                    0, MAX_REGIONAL_MW, "bioenergy production"),
            new Measure(SemicolonCsv.Column.of("Ech. physiques (MW)", "ech_physiques", "echanges_physiques"),
                    "physical_exchanges_mw", -MAX_REGIONAL_MW, MAX_REGIONAL_MW,
                    "physical exchanges with neighbouring regions and countries, negative for exports"));

    private static final StructType SCHEMA;

    static {
        StructType s = new StructType()
                .add("region_code", DataTypes.StringType, false)
                .add("region", DataTypes.StringType, false)
                .add("nature", DataTypes.StringType, false)
                .add("ts_utc", DataTypes.TimestampType, false);
        for (Measure m : MEASURES) {
            s = s.add(m.field(), DataTypes.DoubleType, true);
        }
        SCHEMA = s;
    }

    private static final SourceDescription DESCRIPTION;

    static {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("region_code", "string", "", "INSEE region code, two digits (Code INSEE région)"));
        columns.add(new Column("region", "string", "", "region name (Région)"));
        columns.add(new Column("nature", "string", "",
                "data status: Données temps réel, Données consolidées or Données définitives (Nature)"));
        columns.add(new Column("ts_utc", "timestamp", "",
                "UTC instant of the value (Date - Heure, else Date and Heure as Europe/Paris time)"));
        for (Measure m : MEASURES) {
            columns.add(new Column(m.field(), "double", "MW",
                    m.description() + ", mean power over the step (" + m.column().label() + "), plausible "
                            + SemicolonCsv.format(m.min()) + ".." + SemicolonCsv.format(m.max()) + ", null when empty"));
        }
        DESCRIPTION = new SourceDescription(NAME,
                "éCO2mix regional electricity consumption and production (RTE, ODRE)",
                "RTE (Réseau de transport d'électricité), published on ODRE (Open Data Réseaux Énergies)",
                "etalab-2.0",
                "https://odre.opendatasoft.com/explore/dataset/eco2mix-regional-cons-def/",
                "';'-separated CSV, UTF-8 (BOM or not) or Windows-1252, French or snake_case headers; 'Date - Heure'"
                        + " ISO with offset, else Date + Heure in Europe/Paris time; 15- or 30-minute steps;"
                        + " decimal comma or point; empty value = null",
                "silver/regional_power",
                false,
                columns);
    }

    public OdreEco2mixRegional() {
        super(DESCRIPTION, SCHEMA, List.of("region_code", "ts_utc"));
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        SemicolonCsv csv = SemicolonCsv.open(fileName, content);
        List<String> missing = csv.missing(List.of(REGION_CODE, REGION, NATURE));
        if (!csv.has(DATE_HEURE) && !(csv.has(DATE) && csv.has(HEURE))) {
            missing.add(DATE_HEURE.label() + " (or " + DATE.label() + " and " + HEURE.label() + ")");
        }
        missing.addAll(csv.missing(MEASURES.stream().map(Measure::column).toList()));
        csv.refuseIfMissing(NAME, missing);

        int iCode = csv.index(REGION_CODE);
        int iRegion = csv.index(REGION);
        int iNature = csv.index(NATURE);
        int iDateHeure = csv.index(DATE_HEURE);
        int iDate = csv.index(DATE);
        int iHeure = csv.index(HEURE);
        int[] iMeasures = MEASURES.stream().mapToInt(m -> csv.index(m.column())).toArray();
        FrenchText.LocalTimes localTimes = new FrenchText.LocalTimes(ZoneId.of("Europe/Paris"));

        csv.forEachRecord(sink, f -> {
            String code = SemicolonCsv.regionCode(f[iCode], REGION_CODE.label());
            String region = SemicolonCsv.requiredText(f[iRegion], REGION.label());
            String nature = SemicolonCsv.requiredText(f[iNature], NATURE.label());
            Instant ts = SemicolonCsv.odreInstant(f, code, iDateHeure, iDate, iHeure, localTimes, MIN_YEAR, MAX_YEAR,
                    STEP_SECONDS);
            Object[] values = new Object[4 + MEASURES.size()];
            values[0] = code;
            values[1] = region;
            values[2] = nature;
            values[3] = Timestamp.from(ts);
            for (int k = 0; k < MEASURES.size(); k++) {
                Measure m = MEASURES.get(k);
                values[4 + k] = SemicolonCsv.measure(f[iMeasures[k]], m.column().label(), m.min(), m.max());
            }
            return values;
        }, values -> new SemicolonCsv.SeenKeys.Key((String) values[0], ((Timestamp) values[3]).toInstant()));
    }
}

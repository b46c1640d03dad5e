package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Column;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Row;

/**
 * The connector for ADEME's open data on energy performance certificates (DPE, "diagnostics de performance
 * énergétique") of existing dwellings, 2021 method: one row per certificate.
 *
 * <p>Two header generations are read alike, columns being matched by {@link
 * org.energycommons.workbench.datasets.ingest.FrenchText#headerKey normalised name}: the current
 * {@code dpe03existant} export ({@code numero_dpe}, {@code conso_5_usages_par_m2_ep}, ...) and the older
 * {@code dpe-v2-logements-existants} export with accented headers ({@code N°DPE} → {@code n_dpe},
 * {@code Conso_5_usages_par_m²_é_primaire} → {@code conso_5_usages_par_m_e_primaire},
 * {@code Conso_5_usages/m²_é_finale} → {@code conso_5_usages_m_e_finale}, {@code Emission_GES_5_usages_par_m²} →
 * {@code emission_ges_5_usages_par_m}; the other headers normalise to the current names). Files are separated by
 * {@code ,} or {@code ;} (detected from the header), UTF-8 with or without BOM or Windows-1252, possibly gzipped;
 * the 200-odd other columns of real exports are ignored. The reading rules shared with other building sources are
 * those of {@link BuildingCsv}.
 *
 * <p>Required: certificate number, issue date, energy class, GHG class, primary energy per m², surface. Plausible
 * bounds (a value outside rejects the record, naming the field):
 * <ul>
 *   <li>certificate number: 1 to 32 letters or digits;</li>
 *   <li>issue date written {@code 2023-05-17} or {@code 17/05/2023}, from 2021-07-01 (the 2021 method) to
 *       today;</li>
 *   <li>energy and GHG classes: A to G, any case, trimmed;</li>
 *   <li>primary and final energy: 0 to 2 000 kWh/m²/yr;</li>
 *   <li>GHG emissions: 0 to 1 000 kgCO2e/m²/yr;</li>
 *   <li>surface: 1 to 100 000 m²;</li>
 *   <li>construction year: 1000 to the current year (may be blank, e.g. when only the period is
 *       known);</li>
 *   <li>building type: {@code maison}, {@code appartement} or {@code immeuble} (lower-cased);</li>
 *   <li>commune code: 5 digits or 2A/2B + 3 digits (4 digits are zero-padded); postcode: 5 digits (likewise).</li>
 * </ul>
 * The address is personal data: it is kept here (bronze) and pseudonymised at silver.
 */
public final class AdemeDpe implements SourceConnector {

    private static final long serialVersionUID = 1L;

    /** The source name on the command line. */
    public static final String NAME = "ademe-dpe";

    /** First issue date accepted: the 2021 DPE method applies from this day. */
    static final LocalDate FIRST_ISSUE = LocalDate.of(2021, 7, 1);
    /** Highest plausible primary or final energy use, kWh/m²/yr. */
    static final double MAX_ENERGY_KWH_M2 = 2_000;
    /** Highest plausible GHG emissions, kgCO2e/m²/yr. */
    static final double MAX_GHG_KG_M2 = 1_000;
    /** Smallest plausible surface, m². */
    static final double MIN_SURFACE_M2 = 1;
    /** Largest plausible surface, m². */
    static final double MAX_SURFACE_M2 = 100_000;
    /** Earliest plausible construction year. */
    static final int MIN_YEAR = 1000;

    private static final Pattern DPE_NUMBER = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final Set<String> BUILDING_TYPES = Set.of("maison", "appartement", "immeuble");

    static final Column ID = Column.required("numero_dpe", "n_dpe");
    static final Column ISSUED = Column.required("date_etablissement_dpe");
    static final Column ENERGY_CLASS = Column.required("etiquette_dpe");
    static final Column GHG_CLASS = Column.required("etiquette_ges");
    static final Column PRIMARY = Column.required("conso_5_usages_par_m2_ep", "conso_5_usages_par_m_e_primaire");
    static final Column FINAL = Column.optional("conso_5_usages_par_m2_ef", "conso_5_usages_m_e_finale",
            "conso_5_usages_par_m_e_finale");
    static final Column GHG = Column.optional("emission_ges_5_usages_par_m2", "emission_ges_5_usages_par_m");
    static final Column SURFACE = Column.required("surface_habitable_logement");
    static final Column YEAR = Column.optional("annee_construction");
    static final Column PERIOD = Column.optional("periode_construction");
    static final Column TYPE = Column.optional("type_batiment");
    static final Column COMMUNE = Column.optional("code_insee_ban");
    static final Column POSTCODE = Column.optional("code_postal_ban");
    static final Column ADDRESS = Column.optional("adresse_ban");
    static final Column HEATING = Column.optional("type_energie_principale_chauffage");

    private static final List<Column> COLUMNS = List.of(ID, ISSUED, ENERGY_CLASS, GHG_CLASS, PRIMARY, FINAL, GHG,
            SURFACE, YEAR, PERIOD, TYPE, COMMUNE, POSTCODE, ADDRESS, HEATING);

    private static final List<SourceDescription.Column> DESCRIBED = List.of(
            new SourceDescription.Column("dpe_id", "string", "", "certificate number (numero_dpe / N°DPE)"),
            new SourceDescription.Column("issued_on", "date", "", "issue date of the certificate"),
            new SourceDescription.Column("energy_class", "string", "", "energy label A-G as printed (etiquette_dpe)"),
            new SourceDescription.Column("ghg_class", "string", "", "climate label A-G as printed (etiquette_ges)"),
            new SourceDescription.Column("primary_energy_kwh_m2", "double", "kWh/m²/yr",
                    "primary energy use, 5 uses (heating, hot water, cooling, lighting, auxiliaries)"),
            new SourceDescription.Column("final_energy_kwh_m2", "double", "kWh/m²/yr", "final energy use, 5 uses"),
            new SourceDescription.Column("ghg_kg_m2", "double", "kgCO2e/m²/yr", "GHG emissions, 5 uses"),
            new SourceDescription.Column("surface_m2", "double", "m²", "living (reference) surface"),
            new SourceDescription.Column("construction_year", "int", "", "year of construction, when known"),
            new SourceDescription.Column("construction_period", "string", "", "construction period, e.g. 1948-1974"),
            new SourceDescription.Column("building_type", "string", "", "maison, appartement or immeuble"),
            new SourceDescription.Column("commune_code", "string", "", "INSEE commune code (BAN), 5 characters"),
            new SourceDescription.Column("postcode", "string", "", "postcode (BAN)"),
            new SourceDescription.Column("address", "string", "", "address (BAN); personal, pseudonymised at silver"),
            new SourceDescription.Column("heating_energy", "string", "", "main heating energy"));

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "ADEME energy performance certificates (DPE) of existing dwellings",
            "ADEME", "etalab-2.0", "https://data.ademe.fr/datasets/dpe03existant",
            "CSV export of dpe03existant (snake_case headers) or of the older dpe-v2-logements-existants (accented "
                    + "headers); ',' or ';' separated with quoted fields, UTF-8 (often with BOM) or Windows-1252, "
                    + "decimal point or comma, dates ISO or dd/MM/yyyy; 200+ columns of which 15 are read",
            "silver/dpe", true, DESCRIBED);

    private static final StructType SCHEMA = new StructType(new StructField[] {
        field("dpe_id", DataTypes.StringType, false),
        field("issued_on", DataTypes.DateType, false),
        field("energy_class", DataTypes.StringType, false),
        field("ghg_class", DataTypes.StringType, false),
        field("primary_energy_kwh_m2", DataTypes.DoubleType, false),
        field("final_energy_kwh_m2", DataTypes.DoubleType, true),
        field("ghg_kg_m2", DataTypes.DoubleType, true),
        field("surface_m2", DataTypes.DoubleType, false),
        field("construction_year", DataTypes.IntegerType, true),
        field("construction_period", DataTypes.StringType, true),
        field("building_type", DataTypes.StringType, true),
        field("commune_code", DataTypes.StringType, true),
        field("postcode", DataTypes.StringType, true),
        field("address", DataTypes.StringType, true),
        field("heating_energy", DataTypes.StringType, true),
    });

    public AdemeDpe() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SourceDescription description() {
        return DESCRIPTION;
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public List<String> key() {
        return List.of("dpe_id");
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        LocalDate today = BuildingCsv.today();
        BuildingCsv.parse(fileName, content, sink, NAME, COLUMNS, row -> values(row, today), 0);
    }

    private static Object[] values(Row row, LocalDate today) {
        String id = BuildingCsv.requiredText(row, ID);
        if (!DPE_NUMBER.matcher(id).matches()) {
            throw BuildingCsv.invalid(row, ID, "not a DPE number", id);
        }
        LocalDate issued = BuildingCsv.requiredDate(row, ISSUED, FIRST_ISSUE, today);
        String energyClass = BuildingCsv.requiredDpeClass(row, ENERGY_CLASS);
        String ghgClass = BuildingCsv.requiredDpeClass(row, GHG_CLASS);
        double primary = BuildingCsv.requiredDecimal(row, PRIMARY, 0, MAX_ENERGY_KWH_M2);
        Double finalEnergy = BuildingCsv.decimal(row, FINAL, 0, MAX_ENERGY_KWH_M2);
        Double ghg = BuildingCsv.decimal(row, GHG, 0, MAX_GHG_KG_M2);
        double surface = BuildingCsv.requiredDecimal(row, SURFACE, MIN_SURFACE_M2, MAX_SURFACE_M2);
        Integer year = BuildingCsv.whole(row, YEAR, MIN_YEAR, today.getYear());
        String period = BuildingCsv.text(row, PERIOD);
        String type = BuildingCsv.text(row, TYPE);
        if (type != null) {
            String normalised = type.toLowerCase(Locale.ROOT);
            if (!BUILDING_TYPES.contains(normalised)) {
                throw BuildingCsv.invalid(row, TYPE, "not a building type", type);
            }
            type = normalised;
        }
        String commune = BuildingCsv.communeCode(row, COMMUNE);
        String postcode = BuildingCsv.postcode(row, POSTCODE);
        String address = BuildingCsv.text(row, ADDRESS);
        String heating = BuildingCsv.text(row, HEATING);
        return new Object[] {id, java.sql.Date.valueOf(issued), energyClass, ghgClass, primary, finalEnergy, ghg,
            surface, year, period, type, commune, postcode, address, heating};
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The official class of a dwelling

    /** Certificates issued from this day use the small-surface thresholds of the arrêté of 25 March 2024. */
    public static final LocalDate SMALL_SURFACE_RULE_FROM = LocalDate.of(2024, 7, 1);

    /** Upper bounds (inclusive) of classes A to F, primary energy in kWh/m²/yr, 40 m² and more. */
    private static final int[] ENERGY_BOUNDS = {70, 110, 180, 250, 330, 420};
    /** Upper bounds (inclusive) of classes A to F, GHG emissions in kgCO2e/m²/yr, 40 m² and more. */
    private static final int[] GHG_BOUNDS = {6, 11, 30, 50, 70, 100};

    /**
     * Upper bounds of classes A to F, primary energy in kWh/m²/yr, for a reference surface of 8 (row 0) to 39 m²
     * (row 31), from the arrêté of 25 March 2024.
     */
    private static final int[][] SMALL_ENERGY_BOUNDS = {
        {146, 186, 386, 505, 622, 739}, // 8 m² (and less)
        {134, 174, 355, 464, 574, 685}, // 9
        {124, 164, 329, 428, 533, 640}, // 10
        {117, 157, 311, 403, 503, 607}, // 11
        {112, 152, 296, 381, 478, 578}, // 12
        {108, 148, 283, 363, 456, 554}, // 13
        {104, 144, 273, 348, 437, 532}, // 14
        {100, 140, 263, 333, 421, 514}, // 15
        {97, 137, 255, 325, 412, 504}, // 16
        {95, 135, 248, 318, 404, 496}, // 17
        {92, 132, 241, 311, 397, 489}, // 18
        {90, 130, 235, 305, 390, 482}, // 19
        {88, 128, 230, 300, 385, 476}, // 20
        {87, 127, 225, 295, 380, 471}, // 21
        {85, 125, 221, 291, 375, 466}, // 22
        {84, 124, 217, 287, 371, 462}, // 23
        {82, 122, 214, 284, 367, 458}, // 24
        {81, 121, 210, 280, 363, 454}, // 25
        {80, 120, 207, 277, 360, 451}, // 26
        {79, 119, 204, 274, 357, 447}, // 27
        {78, 118, 202, 272, 354, 444}, // 28
        {77, 117, 199, 269, 351, 442}, // 29
        {76, 116, 197, 267, 349, 439}, // 30
        {76, 116, 195, 265, 346, 437}, // 31
        {75, 115, 193, 263, 344, 434}, // 32
        {74, 114, 191, 261, 342, 432}, // 33
        {74, 114, 189, 259, 340, 430}, // 34
        {73, 113, 188, 258, 338, 428}, // 35
        {72, 112, 186, 256, 337, 427}, // 36
        {72, 112, 185, 255, 335, 425}, // 37
        {71, 111, 183, 253, 333, 423}, // 38
        {71, 111, 182, 252, 332, 422}, // 39
    };

    /**
     * Upper bounds of classes A to F, GHG emissions in kgCO2e/m²/yr, for a reference surface of 8 (row 0) to 39 m²
     * (row 31), from the arrêté of 25 March 2024.
     */
    private static final int[][] SMALL_GHG_BOUNDS = {
        {11, 16, 44, 68, 90, 122}, // 8 m² (and less)
        {11, 16, 42, 65, 87, 118}, // 9
        {10, 15, 40, 62, 84, 115}, // 10
        {10, 15, 39, 61, 82, 113}, // 11
        {9, 14, 38, 59, 81, 111}, // 12
        {9, 14, 37, 58, 79, 110}, // 13
        {9, 14, 37, 58, 78, 108}, // 14
        {8, 13, 36, 56, 76, 107}, // 15
        {8, 13, 35, 55, 76, 106}, // 16
        {8, 13, 35, 55, 75, 105}, // 17
        {8, 13, 34, 54, 75, 105}, // 18
        {8, 13, 34, 54, 74, 105}, // 19
        {8, 13, 34, 54, 74, 104}, // 20
        {8, 13, 33, 53, 74, 104}, // 21
        {7, 12, 33, 53, 73, 103}, // 22
        {7, 12, 33, 53, 73, 103}, // 23
        {7, 12, 33, 53, 73, 103}, // 24
        {7, 12, 32, 52, 73, 103}, // 25
        {7, 12, 32, 52, 72, 103}, // 26
        {7, 12, 32, 52, 72, 102}, // 27
        {7, 12, 32, 52, 72, 102}, // 28
        {7, 12, 32, 52, 72, 102}, // 29
        {7, 12, 32, 52, 72, 102}, // 30
        {7, 12, 31, 51, 72, 102}, // 31
        {7, 12, 31, 51, 71, 101}, // 32
        {7, 12, 31, 51, 71, 101}, // 33
        {7, 12, 31, 51, 71, 101}, // 34
        {7, 12, 31, 51, 71, 101}, // 35
        {7, 12, 31, 51, 71, 101}, // 36
        {7, 12, 31, 51, 71, 101}, // 37
        {7, 12, 31, 51, 71, 101}, // 38
        {7, 12, 31, 51, 71, 101}, // 39
    };

    private static final String CLASSES = "ABCDEFG";

    /**
     * The official energy-performance class of a dwelling by the double-threshold rule of the 2021 DPE (arrêté of
     * 31 March 2021 on the DPE of dwellings in metropolitan France): the dwelling gets the worse of its
     * energy class and its climate class, where
     * <ul>
     *   <li>energy class (primary energy, 5 uses, kWh/m²/yr): A ≤ 70, B ≤ 110, C ≤ 180, D ≤ 250, E ≤ 330,
     *       F ≤ 420, G above;</li>
     *   <li>climate class (GHG emissions, 5 uses, kgCO2e/m²/yr): A ≤ 6, B ≤ 11, C ≤ 30, D ≤ 50, E ≤ 70, F ≤ 100,
     *       G above.</li>
     * </ul>
     * For certificates issued from {@link #SMALL_SURFACE_RULE_FROM 1 July 2024} of dwellings whose reference
     * surface, rounded to the nearest m², is under 40 m², the thresholds of the arrêté of 25 March 2024 (JORF of
     * 20 April 2024, JORFTEXT000049446315) apply instead: they are tabulated per whole m² from 8 to 39 m² and rise
     * as the surface falls (surfaces under 8 m² take the 8 m² row). For example, at 20 m² the energy bounds are
     * A ≤ 88, B ≤ 128, C ≤ 230, D ≤ 300, E ≤ 385, F ≤ 476 and the climate bounds A ≤ 8, B ≤ 13, C ≤ 34, D ≤ 54,
     * E ≤ 74, F ≤ 104; at 8 m² and less, 146 / 186 / 386 / 505 / 622 / 739 and 11 / 16 / 44 / 68 / 90 / 122. The
     * table is transcribed from the one distributed with the open-source 3CL engine (Open3CL,
     * {@code dpe_ges_limit_values}), which selects the row by the surface rounded to the nearest m², as here.
     *
     * <p>Bounds are inclusive as written above (a value equal to a bound is in the better class); the 3CL engine
     * compares with a strict {@code <}, so the two differ only for a value exactly equal to a bound. Not covered:
     * the higher E/F bounds for dwellings above 800 m of altitude in climate zones H1b, H1c and H2d, and overseas
     * departments, which have their own method.
     *
     * @param primaryEnergyKwhM2 primary energy use, 5 uses, kWh/m²/yr
     * @param ghgKgM2 GHG emissions, 5 uses, kgCO2e/m²/yr
     * @param surfaceM2 reference (living) surface, m²
     * @param issuedOn issue date of the certificate
     * @return the class, {@code "A"} to {@code "G"}
     * @throws IllegalArgumentException for a negative or non-finite value or a surface that is not positive
     */
    public static String officialClass(double primaryEnergyKwhM2, double ghgKgM2, double surfaceM2,
                                       LocalDate issuedOn) {
        Objects.requireNonNull(issuedOn, "issuedOn");
        if (!(primaryEnergyKwhM2 >= 0) || Double.isInfinite(primaryEnergyKwhM2)) {
            throw new IllegalArgumentException("primary energy must be a finite number >= 0: " + primaryEnergyKwhM2);
        }
        if (!(ghgKgM2 >= 0) || Double.isInfinite(ghgKgM2)) {
            throw new IllegalArgumentException("GHG emissions must be a finite number >= 0: " + ghgKgM2);
        }
        if (!(surfaceM2 > 0) || Double.isInfinite(surfaceM2)) {
            throw new IllegalArgumentException("surface must be a finite number > 0: " + surfaceM2);
        }
        int[] energyBounds = ENERGY_BOUNDS;
        int[] ghgBounds = GHG_BOUNDS;
        long rounded = Math.round(surfaceM2);
        if (rounded < 40 && !issuedOn.isBefore(SMALL_SURFACE_RULE_FROM)) {
            int row = (int) Math.max(rounded, 8) - 8;
            energyBounds = SMALL_ENERGY_BOUNDS[row];
            ghgBounds = SMALL_GHG_BOUNDS[row];
        }
        int worst = Math.max(classIndex(primaryEnergyKwhM2, energyBounds), classIndex(ghgKgM2, ghgBounds));
        return String.valueOf(CLASSES.charAt(worst));
    }

    private static int classIndex(double value, int[] bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                return i;
            }
        }
        return bounds.length;
    }

    /** Guards the tables: bounds increase along each row and do not rise as the surface grows. */
    static void checkTables() {
        int[][][] tables = {SMALL_ENERGY_BOUNDS, SMALL_GHG_BOUNDS};
        int[][] base = {ENERGY_BOUNDS, GHG_BOUNDS};
        for (int t = 0; t < tables.length; t++) {
            int[][] table = tables[t];
            if (table.length != 32) {
                throw new IllegalStateException("expected rows for 8..39 m², got " + table.length);
            }
            for (int r = 0; r < table.length; r++) {
                int[] next = r + 1 < table.length ? table[r + 1] : base[t];
                for (int c = 0; c < 6; c++) {
                    if (c > 0 && table[r][c] <= table[r][c - 1]) {
                        throw new IllegalStateException("bounds not increasing at " + (r + 8) + " m²");
                    }
                    if (next[c] > table[r][c]) {
                        throw new IllegalStateException("bounds rising with surface after " + (r + 8) + " m²");
                    }
                }
            }
        }
    }
}

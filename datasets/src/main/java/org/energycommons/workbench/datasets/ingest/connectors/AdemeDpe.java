package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.datasets.ingest.RecordSink;
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
public final class AdemeDpe extends CataloguedConnector {

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

    /** Unit and description of each column of {@link #SCHEMA}, in its order. */
    private static final String[][] DOCS = {
        {"", "certificate number (numero_dpe / N°DPE)"},
        {"", "issue date of the certificate"},
        {"", "energy label A-G as printed (etiquette_dpe)"},
        {"", "climate label A-G as printed (etiquette_ges)"},
        {"kWh/m²/yr", "primary energy use, 5 uses (heating, hot water, cooling, lighting, auxiliaries)"},
        {"kWh/m²/yr", "final energy use, 5 uses"},
        {"kgCO2e/m²/yr", "GHG emissions, 5 uses"},
        {"m²", "living (reference) surface"},
        {"", "year of construction, when known"},
        {"", "construction period, e.g. 1948-1974"},
        {"", "maison, appartement or immeuble"},
        {"", "INSEE commune code (BAN), 5 characters"},
        {"", "postcode (BAN)"},
        {"", "address (BAN); personal, pseudonymised at silver"},
        {"", "main heating energy"},
    };

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "ADEME energy performance certificates (DPE) of existing dwellings",
            "ADEME", "etalab-2.0", "https://data.ademe.fr/datasets/dpe03existant",
            "CSV export of dpe03existant (snake_case headers) or of the older dpe-v2-logements-existants (accented "
                    + "headers); ',' or ';' separated with quoted fields, UTF-8 (often with BOM) or Windows-1252, "
                    + "decimal point or comma, dates ISO or dd/MM/yyyy; 200+ columns of which 15 are read",
            "silver/dpe", true, columns(SCHEMA, DOCS));

    public AdemeDpe() {
        super(DESCRIPTION, SCHEMA, List.of("dpe_id"));
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

    // ---------------------------------------------------------------------------------------------------------
    // The official class of a dwelling

    /** Certificates issued from this day use the small-surface thresholds: {@link DpeThresholds}. */
    public static final LocalDate SMALL_SURFACE_RULE_FROM = DpeThresholds.SMALL_SURFACE_RULE_FROM;

    /**
     * The official energy-performance class of a dwelling by the double-threshold rule of the 2021 DPE, with the
     * small-surface thresholds from 1 July 2024: {@link DpeThresholds#officialClass(double, double, double,
     * LocalDate)}, kept here because certificates are checked against it where they are read.
     *
     * @return the class, {@code "A"} to {@code "G"}
     * @throws IllegalArgumentException for a negative or non-finite value or a surface that is not positive
     */
    public static String officialClass(double primaryEnergyKwhM2, double ghgKgM2, double surfaceM2,
                                       LocalDate issuedOn) {
        return DpeThresholds.officialClass(primaryEnergyKwhM2, ghgKgM2, surfaceM2, issuedOn);
    }

    /** Guards the threshold tables: {@link DpeThresholds#checkTables()}. */
    static void checkTables() {
        DpeThresholds.checkTables();
    }
}

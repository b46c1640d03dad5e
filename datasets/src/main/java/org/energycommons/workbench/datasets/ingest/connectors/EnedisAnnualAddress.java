package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/**
 * The Enedis open data "Consommation annuelle résidentielle par adresse": per year and address, the number of
 * dwellings and their annual electricity consumption.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code ;}-separated, UTF-8 (with or without BOM) or Windows-1252, with the French labels
 *       ({@code Année;Code IRIS;Nom IRIS;Numéro de voie;Indice de répétition;Type de voie;Libellé de voie;Code
 *       Commune;Nom Commune;Segment de client;Nombre de logements;Consommation annuelle totale de l'adresse
 *       (MWh);Consommation annuelle moyenne par logement de l'adresse (MWh);Consommation annuelle moyenne de la
 *       commune (MWh);Adresse;Code EIC;Tri des adresses}) or their snake-case names ({@code annee;code_iris;…;
 *       nombre_de_logements;consommation_annuelle_totale_de_l_adresse_mwh;…;adresse}); columns are found by
 *       normalised name and extra columns are tolerated. Required: Année, Code Commune, Nombre de logements,
 *       Consommation annuelle totale de l'adresse (MWh), and Adresse or, failing it, Libellé de voie.</li>
 *   <li>The address is {@code Adresse} when given, else {@code Numéro de voie, Indice de répétition, Type de
 *       voie, Libellé de voie} joined by spaces; runs of spaces are collapsed. It is personal data: the silver
 *       layer pseudonymises it.</li>
 *   <li>Codes: Code Commune is an INSEE code (5 digits, or 2A/2B and 3 digits); Code IRIS (optional) is 9
 *       characters. A code that lost its leading zero to a spreadsheet (4 digits, 8 for IRIS) is padded
 *       back.</li>
 *   <li>Bounds: 2000 ≤ Année ≤ the current year; 1 ≤ Nombre de logements ≤ 10 000 (no single address holds
 *       more); 0 ≤ total ≤ Nombre de logements × 100 MWh; 0 ≤ mean per dwelling ≤ 100 MWh (a dwelling drawing
 *       more than 100 MWh a year — twenty times a large all-electric house — is absurd). The mean per dwelling
 *       is the file's value, or total / dwellings when blank or absent.</li>
 *   <li>A second row with the same year, commune and address is rejected as {@code "duplicate of line N"}.</li>
 * </ul>
 */
public final class EnedisAnnualAddress extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = "enedis-annual-address";

    /** Most dwellings at one address. */
    static final int MAX_DWELLINGS = 10_000;
    /** Most a dwelling draws in a year, in MWh. */
    static final double MAX_MWH_PER_DWELLING = 100;

    private static final Pattern COMMUNE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern IRIS = Pattern.compile("(\\d{5}|2[AB]\\d{3})\\d{4}");

    private static final StructType SCHEMA = StructType.fromDDL("""
            year INT NOT NULL, commune_code STRING NOT NULL, iris_code STRING, address STRING NOT NULL,
            n_dwellings INT NOT NULL, total_kwh DOUBLE NOT NULL, mean_kwh_per_dwelling DOUBLE NOT NULL""");

    private static final List<String> KEY = List.of("year", "commune_code", "address");

    private static final String[][] DOCS = {
        {"", "year of consumption"},
        {"", "INSEE commune code"},
        {"", "INSEE IRIS code, null when not given"},
        {"", "postal address (personal data: pseudonymised at silver)"},
        {"", "number of dwellings at the address"},
        {"kWh", "annual consumption of the address (MWh × 1000)"},
        {"kWh", "annual consumption per dwelling (MWh × 1000)"},
    };

    private static final int YEAR = 0;
    private static final int COMMUNE_CODE = 1;
    private static final int IRIS_CODE = 2;
    private static final int ADDRESS = 3;
    private static final int NUMBER = 4;
    private static final int REPETITION = 5;
    private static final int STREET_TYPE = 6;
    private static final int STREET = 7;
    private static final int DWELLINGS = 8;
    private static final int TOTAL = 9;
    private static final int MEAN = 10;

    private static final List<EnedisCsv.Column> COLUMNS = List.of(
            new EnedisCsv.Column("Année", true, "Annee", "Annee de consommation"),
            new EnedisCsv.Column("Code Commune", true, "Code INSEE commune", "Code INSEE"),
            new EnedisCsv.Column("Code IRIS", false),
            new EnedisCsv.Column("Adresse", false),
            new EnedisCsv.Column("Numéro de voie", false, "Numero voie"),
            new EnedisCsv.Column("Indice de répétition", false, "Indice repetition"),
            new EnedisCsv.Column("Type de voie", false, "Type voie"),
            new EnedisCsv.Column("Libellé de voie", false, "Libelle voie", "Nom de voie"),
            new EnedisCsv.Column("Nombre de logements", true, "Nb logements"),
            new EnedisCsv.Column("Consommation annuelle totale de l'adresse (MWh)", true,
                    "Consommation annuelle totale de l adresse mwh"),
            new EnedisCsv.Column("Consommation annuelle moyenne par logement de l'adresse (MWh)", false,
                    "Consommation annuelle moyenne par logement de l adresse mwh"));

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Annual residential electricity consumption by address",
            "Enedis",
            "etalab-2.0",
            "https://data.enedis.fr/explore/dataset/consommation-annuelle-residentielle-par-adresse/",
            "';'-separated CSV, UTF-8 or Windows-1252, French labels or snake-case column names; "
                    + "consumptions in MWh per year",
            "silver/annual_consumption_by_address",
            true,
            columns(SCHEMA, DOCS));

    public EnedisAnnualAddress() {
        super(DESCRIPTION, SCHEMA, KEY);
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        EnedisCsv csv = EnedisCsv.open(fileName, NAME, content, COLUMNS);
        if (csv.index(ADDRESS) < 0 && csv.index(STREET) < 0) {
            throw EnedisFormats.missingColumns(fileName, NAME, List.of("Adresse"), "or its parts, Libellé de voie");
        }
        int[] ix = new int[COLUMNS.size()];
        for (int c = 0; c < ix.length; c++) {
            ix[c] = csv.index(c);
        }
        int maxYear = Year.now(ZoneOffset.UTC).getValue();
        Map<String, Long> seen = new HashMap<>();
        csv.forEach(sink, (line, raw, f) -> {
            long year = EnedisFormats.whole("Année", EnedisCsv.field(f, ix[YEAR]));
            EnedisFormats.bounded("Année", year, 2000, maxYear, "");
            String commune = code("Code Commune", EnedisCsv.field(f, ix[COMMUNE_CODE]), COMMUNE, 5,
                    "an INSEE commune code");
            String irisText = EnedisCsv.field(f, ix[IRIS_CODE]);
            String iris = irisText.isEmpty() ? null : code("Code IRIS", irisText, IRIS, 9, "an IRIS code");
            String address = address(f, ix);
            long dwellings = EnedisFormats.whole("Nombre de logements", EnedisCsv.field(f, ix[DWELLINGS]));
            EnedisFormats.bounded("Nombre de logements", dwellings, 1, MAX_DWELLINGS, "");
            String totalField = "Consommation annuelle totale de l'adresse (MWh)";
            double total = EnedisFormats.number(totalField, EnedisCsv.field(f, ix[TOTAL]));
            EnedisFormats.bounded(totalField, total, 0, dwellings * MAX_MWH_PER_DWELLING, " MWh");
            String meanField = "Consommation annuelle moyenne par logement de l'adresse (MWh)";
            Double mean = EnedisFormats.optionalNumber(meanField, EnedisCsv.field(f, ix[MEAN]));
            double meanKwh;
            if (mean == null) {
                meanKwh = total * 1000.0 / dwellings;
            } else {
                EnedisFormats.bounded(meanField, mean, 0, MAX_MWH_PER_DWELLING, " MWh");
                meanKwh = EnedisFormats.shift(mean, 3);
            }
            String key = year + "|" + commune + "|" + address;
            Long first = seen.get(key);
            if (first != null) {
                throw new EnedisFormats.Bad("duplicate of line " + first);
            }
            seen.put(key, line);
            sink.accept(line, (int) year, commune, iris, address, (int) dwellings, EnedisFormats.shift(total, 3),
                    meanKwh);
        });
    }

    private static String code(String field, String text, Pattern pattern, int length, String what) {
        String s = text.toUpperCase(java.util.Locale.ROOT);
        if (s.length() == length - 1 && s.chars().allMatch(Character::isDigit)) {
            s = "0" + s;
        }
        if (!pattern.matcher(s).matches()) {
            throw new EnedisFormats.Bad(field + ": not " + what + ": '" + FrenchText.abbreviate(text, 40) + "'");
        }
        return s;
    }

    private static String address(String[] f, int[] ix) {
        String address = EnedisCsv.field(f, ix[ADDRESS]);
        if (address.isEmpty()) {
            String street = EnedisCsv.field(f, ix[STREET]);
            if (!street.isEmpty()) {
                address = String.join(" ", EnedisCsv.field(f, ix[NUMBER]), EnedisCsv.field(f, ix[REPETITION]),
                        EnedisCsv.field(f, ix[STREET_TYPE]), street);
            }
        }
        address = address.replaceAll("\\s+", " ").strip();
        if (address.isEmpty()) {
            throw new EnedisFormats.Bad("Adresse: empty");
        }
        return address;
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Column;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Row;

/**
 * The connector for a list of French communes with the position of their centre, as data.gouv.fr publishes it: it
 * fills {@code silver/communes}, whose {@code latitude} and {@code longitude} place each commune on the portal's maps.
 *
 * <p>Two files are read as they are downloaded: "Communes et villes de France" (columns {@code code_insee},
 * {@code nom_standard}, {@code latitude_centre}, {@code longitude_centre}; {@code latitude_mairie} and
 * {@code longitude_mairie} when the centre is absent) and the older "communes-departement-region" (columns
 * {@code code_commune_INSEE}, {@code nom_commune_complet} or {@code nom_commune}, {@code latitude},
 * {@code longitude}). Columns are found by normalised header name, the first present alias winning; other columns
 * are ignored. The reading rules are those of the building sources ({@link BuildingCsv}); in particular the older
 * file repeats a commune once per postcode, and every repeat after the first is rejected as
 * {@code duplicate of line N}, kept with that reason.
 *
 * <p>Plausible bounds (a value outside rejects the record, naming the field): commune code 5 digits or 2A/2B + 3
 * digits (4 digits are zero-padded); latitude −30 to 52° and longitude −180 to 180° (WGS 84: metropolitan France,
 * the overseas départements and collectivities); a blank position is allowed (the commune is then not drawn).
 */
public final class CommuneCentres extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name on the command line. */
    public static final String NAME = "communes";

    /** Southernmost plausible latitude of a French commune (French Polynesia reaches −27.6°). */
    static final double MIN_LATITUDE = -30;
    /** Northernmost plausible latitude of a French commune (Bray-Dunes, 51.1°). */
    static final double MAX_LATITUDE = 52;

    static final Column CODE = Column.required("code_insee", "code_commune_insee", "com");
    static final Column NAME_COLUMN = Column.required("nom_standard", "nom_commune_complet", "nom_commune",
            "libelle");
    static final Column LATITUDE = Column.optional("latitude_centre", "latitude", "latitude_mairie");
    static final Column LONGITUDE = Column.optional("longitude_centre", "longitude", "longitude_mairie");

    private static final List<Column> COLUMNS = List.of(CODE, NAME_COLUMN, LATITUDE, LONGITUDE);

    private static final StructType SCHEMA = new StructType(new StructField[] {
        field("commune_code", DataTypes.StringType, false),
        field("name", DataTypes.StringType, false),
        field("latitude", DataTypes.DoubleType, true),
        field("longitude", DataTypes.DoubleType, true),
    });

    /** Unit and description of each column of {@link #SCHEMA}, in its order. */
    private static final String[][] DOCS = {
        {"", "INSEE commune code, 5 characters"},
        {"", "commune name"},
        {"°", "latitude of the commune's centre, WGS 84, −30..52"},
        {"°", "longitude of the commune's centre, WGS 84, −180..180"},
    };

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Communes of France with the position of their centre", "INSEE and IGN, published on data.gouv.fr",
            "etalab-2.0", "https://www.data.gouv.fr/fr/datasets/"
                    + "communes-et-villes-de-france-en-csv-excel-json-parquet-et-feather/",
            "CSV, ',' or ';' separated, UTF-8; one row per commune (the older file: one per commune and postcode)",
            "silver/communes", false, columns(SCHEMA, DOCS));

    public CommuneCentres() {
        super(DESCRIPTION, SCHEMA, List.of("commune_code"));
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        BuildingCsv.parse(fileName, content, sink, NAME, COLUMNS, CommuneCentres::values, 0);
    }

    private static Object[] values(Row row) {
        String code = BuildingCsv.requiredCommuneCode(row, CODE);
        String name = BuildingCsv.requiredText(row, NAME_COLUMN);
        Double latitude = BuildingCsv.decimal(row, LATITUDE, MIN_LATITUDE, MAX_LATITUDE);
        Double longitude = BuildingCsv.decimal(row, LONGITUDE, -180, 180);
        if ((latitude == null) != (longitude == null)) {
            // Half a position places nothing: the blank coordinate is reported missing.
            throw BuildingCsv.missing(row, latitude == null ? LATITUDE : LONGITUDE);
        }
        return new Object[] {code, name, latitude, longitude};
    }
}

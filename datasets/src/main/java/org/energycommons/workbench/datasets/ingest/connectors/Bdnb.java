package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Column;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Row;

/**
 * The connector for "batiment_groupe" extracts of the BDNB open (Base de données nationale des bâtiments, CSTB):
 * one row per building group, with its commune and, when the extract has them, construction year, main use,
 * footprint, dwellings, levels, representative DPE class and mean height.
 *
 * <p>Required columns: {@code batiment_groupe_id}, {@code code_commune_insee}. Optional, mapped when present (by
 * normalised header; aliases in brackets are the prefixed names of the {@code batiment_groupe_compile} table, the
 * plain name winning when both are present): {@code annee_construction} [{@code ffo_bat_annee_construction}],
 * {@code usage_principal_bdnb_open}, {@code surface_emprise_sol}, {@code s_geom_groupe}, {@code nb_log}
 * [{@code ffo_bat_nb_log}], {@code nb_niveau} [{@code ffo_bat_nb_niveau}], {@code classe_bilan_dpe},
 * {@code hauteur_mean} [{@code bdtopo_bat_hauteur_mean}]. Other columns (geometry WKT, IRIS, ...) are ignored. The
 * reading rules shared with other building sources are those of {@link BuildingCsv}.
 *
 * <p>Plausible bounds (a value outside rejects the record, naming the field):
 * <ul>
 *   <li>building group id: 1 to 64 letters, digits, {@code -} or {@code _} (e.g.
 *       {@code bdnb-bg-4QMY-PP2Z-THVX});</li>
 *   <li>commune code: 5 digits or 2A/2B + 3 digits (4 digits are zero-padded);</li>
 *   <li>construction year: 1000 to the current year;</li>
 *   <li>footprint and group area: 1 to 2 000 000 m²;</li>
 *   <li>dwellings: 0 to 10 000; levels: 0 to 150;</li>
 *   <li>DPE class: A to G; mean height: 0 to 400 m.</li>
 * </ul>
 */
public final class Bdnb extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name on the command line. */
    public static final String NAME = "bdnb";

    /** Earliest plausible construction year. */
    static final int MIN_YEAR = 1000;
    /** Smallest plausible footprint or group area, m². */
    static final double MIN_AREA_M2 = 1;
    /** Largest plausible footprint or group area, m² (the largest industrial sites are a few hundred thousand). */
    static final double MAX_AREA_M2 = 2_000_000;
    /** Most dwellings plausible in one building group. */
    static final int MAX_DWELLINGS = 10_000;
    /** Most levels plausible in one building. */
    static final int MAX_LEVELS = 150;
    /** Highest plausible mean height, m. */
    static final double MAX_HEIGHT_M = 400;

    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static final Column ID = Column.required("batiment_groupe_id");
    static final Column COMMUNE = Column.required("code_commune_insee");
    static final Column YEAR = Column.optional("annee_construction", "ffo_bat_annee_construction");
    static final Column USE = Column.optional("usage_principal_bdnb_open");
    static final Column FOOTPRINT = Column.optional("surface_emprise_sol");
    static final Column AREA = Column.optional("s_geom_groupe");
    static final Column DWELLINGS = Column.optional("nb_log", "ffo_bat_nb_log");
    static final Column LEVELS = Column.optional("nb_niveau", "ffo_bat_nb_niveau");
    static final Column DPE_CLASS = Column.optional("classe_bilan_dpe");
    static final Column HEIGHT = Column.optional("hauteur_mean", "bdtopo_bat_hauteur_mean");

    private static final List<Column> COLUMNS = List.of(ID, COMMUNE, YEAR, USE, FOOTPRINT, AREA, DWELLINGS, LEVELS,
            DPE_CLASS, HEIGHT);

    private static final StructType SCHEMA = new StructType(new StructField[] {
        field("building_group_id", DataTypes.StringType, false),
        field("commune_code", DataTypes.StringType, false),
        field("construction_year", DataTypes.IntegerType, true),
        field("main_use", DataTypes.StringType, true),
        field("footprint_m2", DataTypes.DoubleType, true),
        field("group_area_m2", DataTypes.DoubleType, true),
        field("n_dwellings", DataTypes.IntegerType, true),
        field("n_levels", DataTypes.IntegerType, true),
        field("dpe_class", DataTypes.StringType, true),
        field("mean_height_m", DataTypes.DoubleType, true),
    });

    /** Unit and description of each column of {@link #SCHEMA}, in its order. */
    private static final String[][] DOCS = {
        {"", "BDNB building group id"},
        {"", "INSEE commune code, 5 characters"},
        {"", "year of construction, when known"},
        {"", "main use (usage_principal_bdnb_open)"},
        {"m²", "ground footprint"},
        {"m²", "area of the group geometry"},
        {"", "number of dwellings"},
        {"", "number of levels"},
        {"", "representative DPE class A-G (classe_bilan_dpe)"},
        {"m", "mean height"},
    };

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "BDNB open: building groups", "CSTB", "etalab-2.0", "https://bdnb.io/",
            "CSV extract of batiment_groupe tables, usually ',' separated with quoted WKT geometries, UTF-8; "
                    + "one row per building group",
            "silver/building_groups", false, columns(SCHEMA, DOCS));

    public Bdnb() {
        super(DESCRIPTION, SCHEMA, List.of("building_group_id"));
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        int currentYear = BuildingCsv.today().getYear();
        BuildingCsv.parse(fileName, content, sink, NAME, COLUMNS, row -> values(row, currentYear), 0);
    }

    private static Object[] values(Row row, int currentYear) {
        String id = BuildingCsv.requiredText(row, ID);
        if (!GROUP_ID.matcher(id).matches()) {
            throw BuildingCsv.invalid(row, ID, "not a building group id", id);
        }
        String commune = BuildingCsv.requiredCommuneCode(row, COMMUNE);
        Integer year = BuildingCsv.whole(row, YEAR, MIN_YEAR, currentYear);
        String use = BuildingCsv.text(row, USE);
        Double footprint = BuildingCsv.decimal(row, FOOTPRINT, MIN_AREA_M2, MAX_AREA_M2);
        Double area = BuildingCsv.decimal(row, AREA, MIN_AREA_M2, MAX_AREA_M2);
        Integer dwellings = BuildingCsv.whole(row, DWELLINGS, 0, MAX_DWELLINGS);
        Integer levels = BuildingCsv.whole(row, LEVELS, 0, MAX_LEVELS);
        String dpeClass = BuildingCsv.dpeClass(row, DPE_CLASS);
        Double height = BuildingCsv.decimal(row, HEIGHT, 0, MAX_HEIGHT_M);
        return new Object[] {id, commune, year, use, footprint, area, dwellings, levels, dpeClass, height};
    }
}

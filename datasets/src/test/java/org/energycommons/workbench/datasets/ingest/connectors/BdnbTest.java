package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.junit.jupiter.api.Test;

class BdnbTest {

    private static final String DIR = "/fixtures/bdnb/";
    private static final String SAMPLE = DIR + "batiment_groupe_sample.csv";
    private static final String MALFORMED = DIR + "batiment_groupe_malformed.csv";

    private final Bdnb bdnb = new Bdnb();

    private static Map<Long, List<Object>> byLine(CollectingSink sink) {
        return sink.accepted.stream().collect(Collectors.toMap(CollectingSink.Accepted::line,
                CollectingSink.Accepted::values));
    }

    @Test
    void quotedFieldWithALineBreakIsOneRecord() throws IOException {
        String text;
        try (InputStream in = BdnbTest.class.getResourceAsStream(SAMPLE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CollectingSink sink = ConnectorFixtures.checkQuotedLineBreak(bdnb, text, StandardCharsets.UTF_8,
                "\"MULTIPOLYGON(((893000 6247000,", "\"MULTIPOLYGON(((893000 6247000,\r\n");
        assertEquals("bdnb-bg-1A2B-3C4D-5E6F", sink.accepted.get(1).values().get(0));
        assertEquals(4, sink.accepted.get(1).line());
    }

    @Test
    void describesItself() {
        assertEquals("bdnb", Bdnb.NAME);
        assertEquals(Bdnb.NAME, bdnb.name());
        SourceDescription d = bdnb.description();
        assertEquals("CSTB", d.producer());
        assertEquals("etalab-2.0", d.licence());
        assertFalse(d.personalData());
        assertEquals(List.of("building_group_id"), bdnb.key());
        assertEquals(List.of("building_group_id", "commune_code", "construction_year", "main_use", "footprint_m2",
                "group_area_m2", "n_dwellings", "n_levels", "dpe_class", "mean_height_m"),
                Arrays.asList(bdnb.schema().fieldNames()));
        assertEquals(Arrays.asList(bdnb.schema().fieldNames()),
                d.columns().stream().map(SourceDescription.Column::name).toList());
        assertEquals(DataTypes.IntegerType, bdnb.schema().apply("n_dwellings").dataType());
        assertEquals(DataTypes.DoubleType, bdnb.schema().apply("mean_height_m").dataType());
        assertFalse(bdnb.schema().apply("commune_code").nullable());
        assertTrue(bdnb.schema().apply("dpe_class").nullable());
    }

    @Test
    void readsACleanExtract() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(bdnb, SAMPLE);
        assertEquals(List.of(), sink.rejected);
        assertEquals(8, sink.read());
        Map<Long, List<Object>> rows = byLine(sink);
        // quoted WKT geometry with commas in an ignored column
        assertEquals(values("bdnb-bg-4QMY-PP2Z-THVX", "13201", 1900, "Résidentiel collectif", 180.5, 180.5, 6, 6,
                "C", 23.0), rows.get(2L));
        assertEquals(values("bdnb-bg-1A2B-3C4D-5E6F", "01053", 1975, "Résidentiel individuel", 95.2, 130.0, 1, 2,
                "D", 6.5), rows.get(3L));
        assertEquals(values("bdnb-bg-2AAA-BBBB-CCCC", "2A004", null, "Tertiaire & Autres", 410.0, 410.0, 0, 3,
                null, 11.2), rows.get(4L));
        // only the required values
        assertEquals(values("bdnb-bg-ABCD-EFGH-IJKL", "28085", null, null, null, null, null, null, null, null),
                rows.get(8L));
        // whole numbers written as decimals, lower-case class
        assertEquals(values("bdnb-bg-MNOP-QRST-UVWX", "69382", 1930, "Résidentiel collectif", 250.0, 250.0, 12, 5,
                "B", 18.75), rows.get(9L));
    }

    @Test
    void malformedCorpusIsAccountedForRecordByRecord() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(bdnb, MALFORMED);
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        // 22 physical data lines, one of them blank
        assertEquals(21, sink.read());
        assertEquals(List.of(2L, 15L, 17L, 23L), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
        assertEquals(List.of(
                "3: expected 14 fields, got 5",
                "4: expected 14 fields, got 5",
                "5: surface_emprise_sol: outside plausible range [1, 2000000]: '-12.5'",
                "6: hauteur_mean: not a number: 'NaN'",
                "7: nb_niveau: outside plausible range [0, 150]: '400'",
                "8: nb_log: not a whole number: '3.5'",
                "9: annee_construction: not a number: '1850-01-01'",
                "10: annee_construction: outside plausible range [1000, " + year + "]: '2200'",
                "11: duplicate of line 2",
                "12: classe_bilan_dpe: not a DPE class: 'Z'",
                "13: code_commune_insee: not a commune code: '123'",
                "14: code_commune_insee: missing",
                "18: batiment_groupe_id: not a building group id: 'bdnb bg 1'",
                "19: s_geom_groupe: outside plausible range [1, 2000000]: '1e9'",
                "20: repeated header line",
                "21: batiment_groupe_id: missing",
                "22: hauteur_mean: outside plausible range [0, 400]: '-1'"),
                sink.rejected.stream().map(r -> r.line() + ": " + r.reason()).toList());
        Map<Long, List<Object>> rows = byLine(sink);
        // a Latin-1 line in a UTF-8 file: both readings come out right
        assertEquals("Résidentiel collectif", rows.get(2L).get(3));
        assertEquals("Résidentiel individuel", rows.get(15L).get(3));
        assertEquals("01053", rows.get(17L).get(1));
        assertEquals(180.5, rows.get(23L).get(4));
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parseResource(bdnb, DIR + "batiment_groupe_missing_columns.csv"));
        assertEquals("batiment_groupe_missing_columns.csv: not a bdnb file: missing columns [code_commune_insee]",
                e.getMessage());
    }

    @Test
    void refusesAFileWithoutHeader() throws IOException {
        String text;
        try (InputStream in = BdnbTest.class.getResourceAsStream(SAMPLE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutHeader = text.substring(text.indexOf('\n') + 1);
        assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(bdnb, "no-header.csv", withoutHeader.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsAVeryLongLineWithItsRawTextAbbreviated() throws IOException {
        String header = "batiment_groupe_id,code_commune_insee,usage_principal_bdnb_open";
        String prefix = "bdnb-bg-LONG-0000-0001,75111,";
        String longLine = prefix + "u".repeat(100_000 - prefix.length());
        assertEquals(100_000, longLine.length());
        String text = header + "\n" + longLine + "\n" + "z,".repeat(50_000) + "\nbdnb-bg-LONG-0000-0002,75111,\n";
        CollectingSink sink = CollectingSink.parse(bdnb, "long.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, sink.read());
        assertEquals(List.of(4L), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
        assertEquals(List.of("2: usage_principal_bdnb_open: longer than 1000 characters",
                "3: expected 3 fields, got 50001"),
                sink.rejected.stream().map(r -> r.line() + ": " + r.reason()).toList());
        for (CollectingSink.Rejected r : sink.rejected) {
            assertEquals(FrenchText.MAX_RAW_CHARS + 1, r.raw().length());
        }
    }

    @Test
    void readsCompileTableNamesAndSemicolons() throws IOException {
        // batiment_groupe_compile prefixes some columns; the plain name wins when both are present
        String text = "batiment_groupe_id;code_commune_insee;ffo_bat_annee_construction;ffo_bat_nb_log;nb_log;"
                + "ffo_bat_nb_niveau;bdtopo_bat_hauteur_mean;surface_emprise_sol\n"
                + "bdnb-bg-CMPL-0000-0001;2B033;1962;40;41;9;27,5;\"1 250,5\"\n";
        CollectingSink sink = CollectingSink.parse(bdnb, "compile.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), sink.rejected);
        assertEquals(values("bdnb-bg-CMPL-0000-0001", "2B033", 1962, null, 1250.5, null, 41, 9, null, 27.5),
                sink.accepted.get(0).values());
    }
}

package org.energycommons.workbench.jobs.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Field;
import org.energycommons.workbench.jobs.opendata.OpenDataset.Text;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open-data export: CSV and Parquet files, Data Package, DCAT-AP and SCDL catalogues, licences, staging. */
class OpenDataExportTest implements SharedSparkSession {

    @TempDir
    Path out;

    private static final TableId MIX = new TableId(Layer.GOLD_RESULTS, "mix");
    private static final TableId DAILY = new TableId(Layer.GOLD_RESULTS, "daily");

    private static OpenDataset byCommune() {
        Dataset<Row> rows = SPARK.createDataFrame(List.of(
                RowFactory.create("99002", 12L, 0.25),
                RowFactory.create("99001", 40L, null)),
                StructType.fromDDL("commune_code STRING, dwellings BIGINT, share DOUBLE"));
        return new OpenDataset("by_commune", "uc5", new Text("Par commune", "By commune"),
                new Text("Une ligne par commune.", "One row per commune."),
                List.of(Field.of("commune_code", "INSEE code"), Field.count("dwellings", "dwellings", "dwellings"),
                        Field.measured("share", "a share", "1")),
                List.of("commune_code"), "commune", List.of(MIX), rows);
    }

    private static OpenDataset daily() {
        Dataset<Row> rows = SPARK.sql("SELECT 'GA-1' AS area_id, DATE'2024-01-02' AS day, 1.5D AS kwh "
                + "UNION ALL SELECT 'GA-1', DATE'2024-01-01', 2.25D");
        return new OpenDataset("daily", "uc6", new Text("Par jour", "By day"), new Text("Jour.", "Day."),
                List.of(Field.of("area_id", "gas area"), Field.of("day", "the day"),
                        Field.measured("kwh", "demand", "kWh")),
                List.of("area_id", "day"), "zone gaz", List.of(DAILY), rows);
    }

    private static final OpenDataExport.Source OPEN = new OpenDataExport.Source("meteo", "Météo", "https://x.fr",
            "etalab-2.0");
    private static final OpenDataExport.Source SHARE_ALIKE = new OpenDataExport.Source("bdnb", "BDNB",
            "https://bdnb.io", "etalab-2.0");

    private OpenDataExport.Written export(OpenDataOptions options) throws Exception {
        Path publish = out.resolve("publish");
        Files.createDirectories(publish);
        Files.writeString(publish.resolve("catalog.json"), "[]");
        Files.writeString(publish.resolve("stale.csv"), "from an older publication");
        return OpenDataExport.write(publish, List.of(
                new OpenDataExport.Entry(byCommune(), List.of(OPEN, SHARE_ALIKE), Map.of("gold/results/mix", 3L),
                        new String[] {"2024-01-01", "2024-12-31"}),
                new OpenDataExport.Entry(daily(), List.of(OPEN), Map.of("gold/results/daily", 0L),
                        new String[] {null, null})),
                options, SecrecyGuard.french(), "Région test", "abc123", LocalDate.of(2026, 12, 6),
                List.of("catalog.json"));
    }

    private static List<List<String>> csv(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    @Test
    void writesCsvSortedByKeyWithEmptyCellsForNullsAndTheSameRowsAsParquet() throws Exception {
        export(OpenDataOptions.defaults());
        Path data = out.resolve("publish/data");
        assertEquals(List.of(List.of("commune_code", "dwellings", "share"), List.of("99001", "40", ""),
                List.of("99002", "12", "0.25")), csv(data.resolve("by_commune.csv")));
        assertEquals(List.of(List.of("area_id", "day", "kwh"), List.of("GA-1", "2024-01-01", "2.25"),
                List.of("GA-1", "2024-01-02", "1.5")), csv(data.resolve("daily.csv")));
        List<Row> parquet = SPARK.read().parquet(data.resolve("by_commune.parquet").toString())
                .orderBy("commune_code").collectAsList();
        assertEquals(List.of(RowFactory.create("99001", 40L, null), RowFactory.create("99002", 12L, 0.25)), parquet);
        assertTrue(Files.exists(out.resolve("publish/catalog.json")), "the workbench catalogue is kept");
        assertFalse(Files.exists(out.resolve("publish/stale.csv")), "a republication replaces the folder");
        assertFalse(Files.exists(out.resolve(".publish-staging")), "no staging folder left");
    }

    @Test
    void theDataPackageDescribesEveryFileWithItsSchemaLicenceAndTableVersions() throws Exception {
        export(OpenDataOptions.defaults());
        JsonNode p = Json.mapper().readTree(out.resolve("publish/datapackage.json").toFile());
        assertEquals("tabular-data-package", p.get("profile").asText());
        assertEquals(10, p.get("x-secrecy").get("min_points").asInt());
        assertEquals("abc123", p.get("x-commit").asText());
        JsonNode r = p.get("resources").get(0);
        assertEquals("data/by_commune.csv", r.get("path").asText());
        assertEquals("data/by_commune.parquet", r.get("x-parquet").get("path").asText());
        assertEquals("etalab-2.0", r.get("licenses").get(0).get("name").asText());
        assertEquals(3, r.get("x-lake-tables").get("gold/results/mix").asInt());
        assertEquals("[\"commune_code\"]", r.get("schema").get("primaryKey").toString());
        JsonNode fields = r.get("schema").get("fields");
        assertEquals("string", fields.get(0).get("type").asText());
        assertEquals("integer", fields.get(1).get("type").asText());
        assertEquals("dwellings", fields.get(1).get("x-count-of").asText());
        assertEquals("number", fields.get(2).get("type").asText());
        assertEquals("1", fields.get(2).get("unit").asText());
        assertEquals("date", p.get("resources").get(1).get("schema").get("fields").get(1).get("type").asText());
        String sha = OpenDataExport.sha256(out.resolve("publish/data/by_commune.csv"));
        assertEquals("sha256:" + sha, r.get("hash").asText());
    }

    @Test
    void aDatasetFromAnOdblSourceIsPublishedUnderTheOdbl() throws Exception {
        Properties conf = new Properties();
        conf.setProperty("workbench.opendata.odbl_sources", "bdnb");
        OpenDataExport.Written w = export(OpenDataOptions.of(conf));
        assertEquals("ODbL-1.0", w.datasets().get("by_commune").licence());
        assertEquals("etalab-2.0", w.datasets().get("daily").licence());
        JsonNode p = Json.mapper().readTree(out.resolve("publish/datapackage.json").toFile());
        assertEquals(2, p.get("licenses").size(), "both licences at the package level");
    }

    @Test
    void dcatAndScdlNameTheSameDatasetsAsThePackage() throws Exception {
        Properties conf = new Properties();
        conf.setProperty("workbench.opendata.publisher_siret", "21990001200017");
        conf.setProperty("workbench.opendata.base_url", "https://data.example.org/energie/");
        OpenDataExport.Written w = export(OpenDataOptions.of(conf));
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
        JsonNode dcat = Json.mapper().readTree(out.resolve("publish/dcat.jsonld").toFile());
        assertEquals("dcat:Catalog", dcat.get("@type").asText());
        assertTrue(dcat.get("@context").get("dcat").asText().startsWith("http://www.w3.org/ns/dcat"));
        List<String> names = new ArrayList<>();
        for (JsonNode d : dcat.get("dcat:dataset")) {
            names.add(d.get("dct:identifier").asText());
            assertEquals(2, d.get("dcat:distribution").size());
            assertTrue(d.get("dct:license").get("@id").asText().contains("licence-ouverte"));
        }
        assertEquals(List.of("by_commune", "daily"), names);
        JsonNode first = dcat.get("dcat:dataset").get(0);
        assertEquals("https://data.example.org/energie/data/by_commune.csv",
                first.get("dcat:distribution").get(0).get("dcat:downloadURL").get("@id").asText());
        assertEquals("2024-01-01", first.get("dct:temporal").get("dcat:startDate").get("@value").asText(),
                "a dataset without dates takes the period its use case read");
        List<List<String>> scdl = csv(out.resolve("publish/catalogue-scdl.csv"));
        assertEquals(OpenDataExport.SCDL_COLUMNS, scdl.get(0));
        assertEquals(20, scdl.get(0).size());
        assertEquals(3, scdl.size());
        assertEquals("by_commune", scdl.get(1).get(2));
        assertEquals("21990001200017", scdl.get(1).get(1));
        assertEquals("2024-01-01", scdl.get(2).get(10), "the daily dataset's first day");
        for (List<String> row : scdl.subList(1, 3)) {
            for (int i = 0; i < row.size(); i++) {
                assertFalse(row.get(i).isBlank(), "SCDL field " + OpenDataExport.SCDL_COLUMNS.get(i) + " is set");
            }
        }
    }

    @Test
    void withoutSiretTheExportSaysWhatToSet() throws Exception {
        OpenDataExport.Written w = export(OpenDataOptions.defaults());
        assertEquals(1, w.warnings().size());
        assertTrue(w.warnings().get(0).contains("workbench.opendata.publisher_siret"), w.warnings().toString());
    }

    @Test
    void aSchemaThatDoesNotDescribeEveryColumnIsRefused() {
        Dataset<Row> rows = SPARK.sql("SELECT '99001' AS commune_code, 3L AS meters");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenDataset("x", "uc1",
                new Text("a", "b"), new Text("a", "b"), List.of(Field.of("commune_code", "code")),
                List.of("commune_code"), "commune", List.of(), rows));
        assertTrue(e.getMessage().contains("[commune_code, meters]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OpenDataset("Bad-Name", "uc1", new Text("a", "b"),
                new Text("a", "b"), List.of(), List.of(), "commune", List.of(), SPARK.emptyDataFrame()));
    }

    @Test
    void optionsAreValidatedAndUnknownKeysRefused() {
        Properties unknown = new Properties();
        unknown.setProperty("workbench.opendata.licence", "CC-BY");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpenDataOptions.of(unknown)).getMessage()
                .contains("unknown option workbench.opendata.licence"));
        Properties siret = new Properties();
        siret.setProperty("workbench.opendata.publisher_siret", "123");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpenDataOptions.of(siret)).getMessage()
                .contains("14 digits"));
        Properties frequency = new Properties();
        frequency.setProperty("workbench.opendata.accrual_periodicity", "sometimes");
        assertThrows(IllegalArgumentException.class, () -> OpenDataOptions.of(frequency));
    }
}

package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.synthetic.Geography;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.BeforeAll;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.energycommons.workbench.models.uc4.Uc4Tables;
import org.energycommons.workbench.reports.render.CommuneMap;

/**
 * {@code workbench demo} on a small region, twice on the same workspace: outputs, shapes and idempotency.
 *
 * <p>The workspace is {@link #WORKSPACE}, emptied when the test starts and left in place when it ends: the
 * notebooks' integration test ({@code NotebooksIT}, run later by {@code mvn verify}) reads it instead of running
 * the demo again.
 */
class DemoPipelineTest implements SharedSparkSession {

    /** Where the demo writes, under the module's build folder. */
    static final Path WORKSPACE = Path.of("target", "demo-workspace").toAbsolutePath();

    private static final Path workspace = WORKSPACE;
    private static CliRunner first;
    private static Map<TableId, Long> countsAfterFirst;
    private static Map<TableId, Long> versionsAfterFirst;
    private static CliRunner second;

    /** Tables whose content must be identical after a re-run (everything but timestamps of registration). */
    private static final List<TableId> DETERMINISTIC = List.of(Tables.CALENDAR, Tables.WEATHER_HOURLY, Tables.METERS,
            Tables.BUILDINGS, Tables.SUBSTATIONS, Tables.TRUTH_METERS, Tables.BRONZE_SYNTHETIC_LOAD_CURVE,
            Tables.LOAD_CURVE, Uc4Tables.SUBSTATION_LOAD_HOURLY, Uc4Tables.FEATURES, Uc4Tables.PREDICTIONS,
            Uc4Tables.METRICS);

    private static String[] demo() {
        String conf = Path.of("src/test/resources/small-models.properties").toAbsolutePath().toString();
        return new String[] {"demo", "--out", workspace.toString(), "--meters", "20", "--days", "60", "--start",
            "2024-04-01", "--seed", "3", "--conf", conf, "--master", "local[2]"};
    }

    @BeforeAll
    static void runDemoTwice() throws IOException {
        LocalFiles.deleteTree(workspace);
        first = CliRunner.run(demo());
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        countsAfterFirst = new LinkedHashMap<>();
        versionsAfterFirst = new LinkedHashMap<>();
        for (TableId t : DETERMINISTIC) {
            countsAfterFirst.put(t, lake.read(t).count());
            versionsAfterFirst.put(t, lake.version(t));
        }
        second = CliRunner.run(demo());
    }

    @Test
    void theNgsiLdExportHoldsPublicEntitiesOfTheirModelsAndNoDwelling(@TempDir Path dir) throws Exception {
        Path to = dir.resolve("ngsi-ld");
        CliRunner r = CliRunner.run("export", "ngsi-ld", "--out", workspace.toString(), "--to", to.toString(),
                "--master", "local[2]");
        assertEquals(0, r.code(), r.err());
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        // Every identifier of a dwelling, a business or a meter: none may appear in an entity.
        java.util.Set<String> forbidden = new java.util.HashSet<>();
        lake.read(Tables.BUILDINGS).filter(org.apache.spark.sql.functions.col("building_use")
                        .isin(org.energycommons.workbench.models.uc2.Uc2Features.PUBLIC_USES.toArray()).unary_$bang())
                .select("building_id").collectAsList().forEach(row -> forbidden.add(row.getString(0)));
        lake.read(Tables.METERS).select("meter_id").collectAsList().forEach(row -> forbidden.add(row.getString(0)));
        long publicBuildings = lake.read(Tables.BUILDINGS).count() - lake.read(Tables.BUILDINGS)
                .filter(org.apache.spark.sql.functions.col("building_use")
                        .isin(org.energycommons.workbench.models.uc2.Uc2Features.PUBLIC_USES.toArray()).unary_$bang())
                .count();
        assertTrue(forbidden.size() > 20, "dwellings and meters to look for: " + forbidden.size());
        Map<String, Integer> counts = org.energycommons.workbench.jobs.federation.NgsiLdFiles.check(to,
                Path.of("..", "docs").toAbsolutePath(), forbidden);
        assertEquals(publicBuildings, counts.get("Building").longValue(), "every public building, no other");
        assertTrue(counts.get("WeatherObserved") >= 60, counts.toString());
        assertTrue(counts.get("LoadForecast") > 0, "uc4 and uc6 forecasts: " + counts);
        assertTrue(r.out().contains("exported "), r.out());
        // Again into the same folder: the earlier export is replaced, not mixed with the new one.
        CliRunner again = CliRunner.run("export", "ngsi-ld", "--out", workspace.toString(), "--to", to.toString(),
                "--master", "local[2]");
        assertEquals(0, again.code(), again.err());
        assertEquals(counts, org.energycommons.workbench.jobs.federation.NgsiLdFiles.check(to,
                Path.of("..", "docs").toAbsolutePath(), forbidden));
        // A folder of the user's is never replaced.
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        CliRunner refused = CliRunner.run("export", "ngsi-ld", "--out", workspace.toString(), "--to", mine.toString());
        assertEquals(Main.EXIT_USAGE, refused.code(), refused.err());
        assertEquals(List.of("workbench: error: --to " + mine + " is not empty and holds no NGSI-LD export "
                + "(manifest.json): give a new or empty folder"), refused.errorLines());
        assertEquals(List.of(mine.resolve("notes.txt")), Files.list(mine).toList());
    }

    @Test
    void theCommuneReportShowsItsPublicBuildingsInBothLanguages(@TempDir Path dir) throws Exception {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        List<Row> publicBuildings = lake.read(Tables.BUILDINGS).filter(org.apache.spark.sql.functions.col(
                        "building_use").isin(org.energycommons.workbench.models.uc2.Uc2Features.PUBLIC_USES.toArray()))
                .select("building_id", "commune_code").collectAsList();
        String code = publicBuildings.get(0).getString(1);
        Path to = dir.resolve("commune.html");
        CliRunner r = CliRunner.run("report", "commune", "--out", workspace.toString(), "--code", code, "--to",
                to.toString(), "--master", "local[2]");
        assertEquals(0, r.code(), r.err());
        String fr = Files.readString(to);
        String en = Files.readString(dir.resolve("commune.en.html"));
        assertTrue(fr.contains("<html lang=\"fr\">") && en.contains("<html lang=\"en\">"));
        for (Row b : publicBuildings) {
            assertEquals(code.equals(b.getString(1)), fr.contains(b.getString(0)), b.getString(0) + " of "
                    + b.getString(1) + ": the commune's public buildings, and only them");
        }
        assertTrue(fr.contains("Alertes de consommation (uc2)") && en.contains("Savings potential"));
        assertTrue(fr.contains("uc2_alerts_by_commune") || fr.contains("Aucun jeu de données ouvert"),
                "the commune's published aggregates, or why there are none");
        // No dwelling, no meter: the report is for a local authority.
        lake.read(Tables.METERS).select("meter_id").collectAsList()
                .forEach(m -> assertFalse(fr.contains(m.getString(0)), "a meter's pseudonym"));

        CliRunner unknown = CliRunner.run("report", "commune", "--out", workspace.toString(), "--code", "98999",
                "--to", dir.resolve("x.html").toString(), "--master", "local[2]");
        assertEquals(Main.EXIT_USAGE, unknown.code(), unknown.err());
        assertEquals(1, unknown.errorLines().size(), unknown.err());
        assertTrue(unknown.errorLines().get(0).startsWith("workbench: error: unknown commune 98999: the "
                + "workspace's communes are "), unknown.err());
        CliRunner bad = CliRunner.run("report", "commune", "--out", workspace.toString(), "--code", "Lyon", "--to",
                dir.resolve("x.html").toString());
        assertEquals(List.of("workbench: error: --code must be an INSEE commune code (5 characters, e.g. 99001 or "
                + "2A004), got 'Lyon'"), bad.errorLines());
        assertFalse(Files.exists(dir.resolve("x.html")), "nothing written");
    }

    @Test
    void theHouseholdReportNeedsAKnownDwellingItsConsentAndItsWorks(@TempDir Path dir) throws Exception {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        List<Row> meters = lake.read(Tables.METERS).join(lake.read(Tables.BUILDINGS), "building_id")
                .select("meter_id", "building_id", "building_use").collectAsList();
        java.util.Set<String> consenting = new java.util.HashSet<>();
        org.energycommons.workbench.datasets.privacy.ConsentRegister.consenting(lake.read(Tables.CONSENTS),
                        "household_report", java.time.LocalDate.now()).collectAsList()
                .forEach(r -> consenting.add(r.getString(0)));
        java.util.Set<String> treated = new java.util.HashSet<>();
        lake.read(org.energycommons.workbench.models.uc3.Uc3Tables.SAVINGS)
                .filter(org.apache.spark.sql.functions.col("role").equalTo("treated")).select("building_id")
                .collectAsList().forEach(r -> treated.add(r.getString(0)));
        Path to = dir.resolve("household.html");
        String[] base = {"report", "household", "--out", workspace.toString(), "--to", to.toString(), "--master",
            "local[2]", "--meter"};
        java.util.function.Function<String, CliRunner> report = meter -> {
            String[] args = java.util.Arrays.copyOf(base, base.length + 1);
            args[base.length] = meter;
            return CliRunner.run(args);
        };
        // A public building's meter, a dwelling without consent, an unknown meter: one line each, nothing written.
        Row publicMeter = meters.stream().filter(r -> !"residential".equals(r.getString(2))).findFirst()
                .orElseThrow();
        CliRunner notADwelling = report.apply(publicMeter.getString(0));
        assertEquals(Main.EXIT_USAGE, notADwelling.code(), notADwelling.err());
        assertTrue(notADwelling.errorLines().get(0).contains("is not a dwelling's"), notADwelling.err());
        Row withoutConsent = meters.stream().filter(r -> "residential".equals(r.getString(2))
                && !consenting.contains(r.getString(0))).findFirst().orElseThrow();
        CliRunner refused = report.apply(withoutConsent.getString(0));
        assertEquals(Main.EXIT_USAGE, refused.code(), refused.err());
        assertEquals(1, refused.errorLines().size(), refused.err());
        assertTrue(refused.errorLines().get(0).startsWith("workbench: error: no valid consent of this household for "
                + "household_report on "), refused.err());
        CliRunner unknown = report.apply("0".repeat(64));
        assertEquals(Main.EXIT_USAGE, unknown.code(), unknown.err());
        assertTrue(unknown.errorLines().get(0).contains("no meter with that pseudonym"), unknown.err());
        CliRunner site = CliRunner.run("report", "household", "--out", workspace.toString(), "--meter", "x", "--to",
                workspace.resolve("site/fr/h.html").toString());
        assertEquals(Main.EXIT_USAGE, site.code(), site.err());
        assertTrue(site.errorLines().get(0).contains("is under the published site or open data"), site.err());
        assertFalse(Files.exists(to), "nothing written on a refusal");
        // A consenting dwelling: without works one line; with works, its page, marked as personal data.
        List<Row> consentingDwellings = meters.stream().filter(r -> "residential".equals(r.getString(2))
                && consenting.contains(r.getString(0))).toList();
        Row withWorks = consentingDwellings.stream().filter(r -> treated.contains(r.getString(1))).findFirst()
                .orElse(null);
        Row withoutWorks = consentingDwellings.stream().filter(r -> !treated.contains(r.getString(1))).findFirst()
                .orElse(null);
        assertTrue(withWorks != null || withoutWorks != null, "the region has consenting dwellings");
        if (withoutWorks != null) {
            CliRunner run = report.apply(withoutWorks.getString(0));
            assertEquals(Main.EXIT_USAGE, run.code(), run.err());
            assertTrue(run.errorLines().get(0).contains("no works recorded for this dwelling"), run.err());
        }
        if (withWorks != null) {
            CliRunner run = report.apply(withWorks.getString(0));
            assertEquals(0, run.code(), run.err());
            String fr = Files.readString(to);
            assertTrue(fr.contains("Données personnelles de ce foyer"), "the banner");
            assertTrue(Files.readString(dir.resolve("household.en.html")).contains("Personal data of this "
                    + "household"));
            assertFalse(fr.contains(withWorks.getString(0)), "not even its own pseudonym is printed");
        }
    }

    @Test
    void demoSucceedsAndWritesLakeSiteAndMetrics() throws Exception {
        assertEquals(0, first.code(), first.err());
        assertEquals(0, second.code(), second.err());
        assertTrue(first.out().contains("demo done in"), first.out());
        assertTrue(Files.readString(workspace.resolve("site/index.html")).contains("url=fr/index.html"),
                "the root opens the French version");
        for (String lang : List.of("fr", "en")) {
            String page = Files.readString(workspace.resolve("site/" + lang + "/uc4.html"));
            assertTrue(page.contains("<html lang=\"" + lang + "\">"), lang);
            assertTrue(page.contains("<svg"), "uc4 page has charts");
            assertFalse(page.contains("src=\"http"), "the page loads nothing from the network");
            assertTrue(Files.readString(workspace.resolve("site/" + lang + "/index.html"))
                    .contains("href=\"uc4.html\""));
        }
        // The test environment sets WORKBENCH_PSEUDO_KEY as a user would: it wins over a generated key.
        String key = System.getenv("WORKBENCH_PSEUDO_KEY");
        assertFalse(Files.exists(workspace.resolve(".secrets/pseudo.key")));
        List<String> published = new java.util.ArrayList<>(List.of("site/index.html", "site/fr/index.html",
                "site/en/index.html", "metrics/run.json"));
        for (UseCasePipeline p : UseCasePipelines.all()) {
            published.add("site/fr/" + p.page());
            published.add("site/en/" + p.page());
            published.add("metrics/" + p.useCase().id() + ".json");
        }
        for (String file : published) {
            assertFalse(Files.readString(workspace.resolve(file)).contains(key), file + " holds the key");
        }
        assertFalse(first.err().contains(key) || first.out().contains(key), "the key was printed");
    }

    @Test
    void everyImplementedUseCaseWritesItsResultAndPage() throws Exception {
        String index = Files.readString(workspace.resolve("site/fr/index.html"));
        assertTrue(index.contains("Région synthétique"), "the index says the region is synthetic");
        assertTrue(index.contains("href=\"final-report.html\""), "the index links the final report");
        for (String lang : List.of("fr", "en")) {
            byte[] report = Files.readAllBytes(workspace.resolve("site/" + lang + "/final-report.pdf"));
            assertEquals("%PDF", new String(report, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), lang);
        }
        for (UseCasePipeline p : UseCasePipelines.all()) {
            String id = p.useCase().id();
            JsonNode doc = Json.mapper().readTree(workspace.resolve("metrics/" + id + ".json").toFile());
            assertEquals(id, doc.get("use_case").asText());
            assertEquals(p.useCase().criteria().size(), doc.get("criteria").size(), id);
            assertFalse(doc.get("provenance").get("git_commit").asText().isBlank(), id);
            String page = Files.readString(workspace.resolve("site/fr/" + p.page()));
            for (String document : List.of(id + "-framing", id + "-synthesis")) {
                assertTrue(Files.exists(workspace.resolve("site/fr/" + document + ".html")), document);
                assertTrue(Files.size(workspace.resolve("site/en/" + document + ".pdf")) > 1000, document + " PDF");
                assertTrue(index.contains("href=\"" + document + ".html\""), document + " is linked from the index");
            }
            if (doc.get("best_model").isNull()) {
                // Too little data for this use case in the small region: the page says so instead of charts.
                assertTrue(page.toLowerCase(java.util.Locale.ROOT).contains("insuffisant")
                        || page.toLowerCase(java.util.Locale.ROOT).contains("insufficient"), id + " says why");
            } else {
                assertTrue(page.contains("<svg"), id + " page has charts");
                // Every criterion shows its 90 % interval and sample size beside the point value.
                UseCaseResult result = p.readResult(Files.readString(workspace.resolve("metrics/" + id + ".json")));
                assertTrue(result.sampleWarnings().stream().noneMatch(w -> w.endsWith("has no interval")),
                        id + ": " + result.sampleWarnings());
                for (JsonNode c : doc.get("criteria")) {
                    // A measured value rests on items; an undefined one (none in this small region) on none.
                    assertTrue(c.has("interval"), id + ": " + c);
                    assertEquals(!c.get("value").isNull(), c.get("interval").get("n").asInt() > 0, id + ": " + c);
                }
            }
            // The page and its synthesis note read the figures for the region; the lake places the communes.
            String note = Files.readString(workspace.resolve("site/fr/" + id + "-synthesis.html"));
            assertTrue(page.contains("id=\"territoire\"") && note.contains("id=\"territoire\""), id);
            assertFalse(note.contains("silver/communes"), id + ": the generated lake places every commune");
            assertFalse(page.contains("src=\"http"), id + " page loads nothing from the network");
            assertTrue(index.contains("href=\"" + p.page() + "\""), id + " is linked from the index");
        }
    }

    @Test
    void theLakePlacesEveryCommuneForTheMaps() {
        List<CommuneMap.Place> places = UseCasePipeline.communePlaces(new Lake(SPARK,
                workspace.resolve("lake").toString()));
        assertEquals(Geography.COMMUNES.stream().map(Geography.Commune::code).toList(),
                places.stream().map(CommuneMap.Place::code).toList());
        assertEquals(new CommuneMap.Place("99001", "Valbrune", Geography.COMMUNES.get(0).lat(),
                Geography.COMMUNES.get(0).lon()), places.get(0));
    }

    @Test
    void uc4JsonHasTheDocumentedShape() throws Exception {
        JsonNode doc = Json.mapper().readTree(workspace.resolve("metrics/uc4.json").toFile());
        assertEquals("uc4", doc.get("use_case").asText());
        assertFalse(doc.get("title").asText().isBlank());
        List<String> names = List.of("persistence", "gbt-mllib", "gbt-xgboost-quantile");
        assertEquals(names.size(), doc.get("models").size());
        assertTrue(names.contains(doc.get("best_model").asText()));
        for (int i = 0; i < names.size(); i++) {
            JsonNode m = doc.get("models").get(i);
            assertEquals(names.get(i), m.get("name").asText());
            assertTrue(List.of("spark-mllib", "xgboost", "baseline").contains(m.get("engine").asText()));
            for (String metric : List.of("mape", "rmse", "skill_vs_persistence", "coverage_p10_p90",
                    "congestion_recall", "congestion_precision")) {
                assertTrue(m.get("metrics").has(metric), metric);
            }
        }
        assertEquals(5, doc.get("criteria").size());
        for (JsonNode c : doc.get("criteria")) {
            for (String field : List.of("metric", "model", "operator", "target", "value", "met")) {
                assertTrue(c.has(field), field);
            }
        }
        JsonNode provenance = doc.get("provenance");
        assertFalse(provenance.get("git_commit").asText().isBlank());
        assertTrue(provenance.get("input_tables").has("silver/load_curve"));
        assertTrue(provenance.get("libraries").has("spark"));
        JsonNode backtest = doc.get("evaluations").get("rolling_origin_backtest");
        assertEquals(2, backtest.get("origins").size(), "small-models.properties asks for two origins");
        assertTrue(backtest.get("models").get("persistence").get("overall").has("crps"));
        assertTrue(doc.get("models").get(0).get("metrics").has("crps"));

        JsonNode run = Json.mapper().readTree(workspace.resolve("metrics/run.json").toFile());
        List<String> stages = Json.mapper().convertValue(run.get("stages").findValuesAsText("name"), List.class);
        List<String> expected = new java.util.ArrayList<>(List.of("spark session", "generate"));
        for (UseCasePipeline p : UseCasePipelines.all()) {
            expected.add("features " + p.useCase().id());
            expected.add("train " + p.useCase().id());
        }
        expected.addAll(List.of("catalogue", "publish"));
        assertEquals(expected, stages);
        assertTrue(run.get("total_seconds").asDouble() > 0);
        assertTrue(run.get("memory").get("peak_rss_mb").asLong() > 0);
        // Per stage, the rows Spark's tasks wrote and read: generate writes every load curve reading (bronze and
        // silver), each use case's features read some.
        long readings = new Lake(SPARK, workspace.resolve("lake").toString()).read(Tables.LOAD_CURVE).count();
        for (JsonNode stage : run.get("stages")) {
            String name = stage.get("name").asText();
            if (name.equals("generate")) {
                assertTrue(stage.get("rows_written").asLong() >= 2 * readings, stage.toString());
            } else if (name.startsWith("features ")) {
                assertTrue(stage.get("rows_read").asLong() > 0, stage.toString());
            }
            assertTrue(stage.has("heap_after_gc_max_mb"), stage.toString());
        }
    }

    @Test
    void reRunningTheDemoLeavesTheSameTablesNotDuplicates() {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        for (TableId t : DETERMINISTIC) {
            Dataset<Row> rows = lake.read(t);
            assertEquals(countsAfterFirst.get(t), rows.count(), t + " row count changed");
            assertTrue(lake.version(t) > versionsAfterFirst.get(t), t + " was rewritten in a new version");
            // Delta time travel: the first run's version against the latest, ingestion metadata aside.
            Dataset<Row> before = lake.read(t, versionsAfterFirst.get(t)).drop("ingest_run");
            Dataset<Row> after = rows.drop("ingest_run");
            assertEquals(0, before.exceptAll(after).count(), t + " lost or changed rows");
            assertEquals(0, after.exceptAll(before).count(), t + " gained or changed rows");
        }
        Dataset<Row> registry = lake.read(Tables.MODEL_REGISTRY);
        assertEquals(3, registry.filter("use_case = 'uc4'").count(), "registry holds each uc4 model once");
        assertEquals(registry.count(), registry.select("model_id").distinct().count(), "no model registered twice");
    }

    @Test
    void theDemoUsesEverySyntheticSource() {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        for (TableId t : List.of(Tables.RENOVATION_WORKS, Tables.GAS_BUILDING_DAILY, Tables.GAS_AREA_DAILY,
                Tables.GAS_AREAS, Tables.PV_INSTALLATIONS, Tables.PV_PRODUCTION, Tables.PV_SELF_CONSUMPTION,
                Tables.DPE, Tables.ANNUAL_BY_ADDRESS, Tables.TRUTH_FAULTS, Tables.TRUTH_COMPARISON_GROUP,
                Tables.TRUTH_DPE)) {
            assertTrue(lake.exists(t), t + " missing");
        }
        // Addresses are pseudonymised: no clear street name reaches silver.
        assertFalse(java.util.Arrays.asList(lake.read(Tables.ANNUAL_BY_ADDRESS).columns()).contains("address"));
        assertTrue(lake.read(Tables.GAS_BUILDING_DAILY).count() > 0);
    }

    @Test
    void theCatalogueDescribesEverySourceAndTable() throws Exception {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        Dataset<Row> catalog = lake.read(Tables.CATALOG);
        assertEquals(Connectors.all().size(), catalog.filter("kind = 'source'").count(), "every connector");
        for (TableId t : DETERMINISTIC) {
            Row entry = catalog.filter("name = 'table:" + t.relativePath() + "'").first();
            assertFalse(entry.<String>getAs("licence").isBlank(), t.toString());
            assertTrue(entry.<String>getAs("schema_json").contains("\"name\""), t.toString());
        }
        Row load = catalog.filter("name = 'table:silver/load_curve'").first();
        assertEquals("internal (personal data, not published)", load.getAs("licence"), "a per-meter table");
        assertEquals("silver/load_curve", load.getAs("location"), "a path in the lake, not of this machine");
        assertEquals("etalab-2.0", catalog.filter("name = 'table:silver/calendar'").first().getAs("licence"));
        assertTrue(load.<String>getAs("temporal_coverage").startsWith("2024-03-31 22:00:00"),
                load.<String>getAs("temporal_coverage"));
        assertTrue(load.<String>getAs("schema_json").contains("\"unit\" : \"kWh\""), load.<String>getAs("schema_json"));
        JsonNode published = Json.mapper().readTree(workspace.resolve("publish/catalog.json").toFile());
        assertEquals(catalog.count(), published.size());
    }

    @Test
    void everyRegisteredModelHasItsProvenanceAndArtifact() {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        for (Row r : lake.read(Tables.MODEL_REGISTRY).collectAsList()) {
            // Relative to the lake: a workspace copied or moved elsewhere still finds its models.
            String path = r.getAs("artifact_path");
            assertEquals("models/" + r.getAs("use_case") + "/" + r.getAs("model_id"), path);
            assertTrue(Files.exists(workspace.resolve("lake").resolve(path)), path);
            if ("uc4".equals(r.getAs("use_case"))) {
                assertTrue(Files.exists(workspace.resolve("lake").resolve(path).resolve("model.json")), path);
            }
            String tables = r.getAs("input_tables_json");
            assertTrue(tables.contains("gold/features/" + r.getAs("use_case")), tables);
            assertEquals(3L, (long) r.<Long>getAs("seed"));
            assertFalse(r.<String>getAs("git_commit").isBlank());
        }
    }

    @Test
    void publishExportsEveryOpenDatasetWithItsSchemaAndLicenceAndNoPersonalTable() throws Exception {
        Path publish = workspace.resolve("publish");
        JsonNode pkg = Json.mapper().readTree(publish.resolve("datapackage.json").toFile());
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode r : pkg.get("resources")) {
            names.add(r.get("name").asText());
            assertTrue(Files.exists(publish.resolve(r.get("path").asText())), r.get("path").asText());
            assertTrue(Files.exists(publish.resolve(r.get("x-parquet").get("path").asText())));
            assertEquals("etalab-2.0", r.get("licenses").get(0).get("name").asText(), "a synthetic region's data");
            for (JsonNode f : r.get("schema").get("fields")) {
                assertFalse(List.of("meter_id", "building_id", "address").contains(f.get("name").asText()),
                        r.get("name").asText() + " must not carry a per-person key");
                assertFalse(f.get("description").asText().isBlank());
            }
        }
        assertTrue(names.contains("uc4_substation_forecasts"), names.toString());
        try (var files = Files.list(publish.resolve("data"))) {
            assertEquals(2 * names.size(), files.count(), "a CSV and a Parquet file per dataset, nothing else");
        }
        JsonNode dcat = Json.mapper().readTree(publish.resolve("dcat.jsonld").toFile());
        List<String> catalogued = new java.util.ArrayList<>();
        dcat.get("dcat:dataset").forEach(d -> catalogued.add(d.get("dct:identifier").asText()));
        assertEquals(names, catalogued);
        List<String> scdl = Files.readAllLines(publish.resolve("catalogue-scdl.csv"));
        assertEquals(names.size() + 1, scdl.size());
        assertTrue(scdl.get(0).startsWith("COLL_NOM,COLL_SIRET,ID,TITRE"), scdl.get(0));
    }

    @Test
    void theReadmeReuseExampleRunsAsWritten() throws Exception {
        String example = Files.readString(Path.of("src/test/java/org/energycommons/workbench/reuse/ReuseExample.java"));
        String program = example.substring(example.indexOf("import java.nio.file.Path;"))
                .replace("/** The README's reuse example, kept here so that a test runs it as written. */\n", "");
        assertTrue(Files.readString(Path.of("../README.md")).contains(program), "README shows ReuseExample.java");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            org.energycommons.workbench.reuse.ReuseExample.main(new String[] {workspace.toString()});
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("open datasets: [u") && out.contains(" rows:"), out);
        List<String> models = org.energycommons.workbench.reuse.Workbench.open(workspace).models();
        assertTrue(models.contains("uc4") && models.contains("uc6"), models.toString());
        for (String uc : models) {
            assertTrue(out.contains(uc + ": "), uc + " predicted: " + out);
        }
    }

    @Test
    void verifyPassesOnTheDemoAndNamesWhatIsBrokenInACopy(@TempDir Path copy) throws Exception {
        CliRunner healthy = CliRunner.run("verify", "--out", workspace.toString());
        assertEquals(0, healthy.code(), healthy.err() + healthy.out());
        assertTrue(healthy.out().contains("verify passed: "), healthy.out());
        assertTrue(healthy.out().contains(" models") && healthy.out().contains(" tables"), healthy.out());

        LocalFiles.copyTree(workspace, copy, p -> !p.getFileName().toString().equals(WorkspaceLock.FILE));
        Lake lake = new Lake(SPARK, copy.resolve("lake").toString());
        // A lost data file, a lost model folder and a result naming a model nobody registered.
        String file = lake.read(Tables.METERS).inputFiles()[0];
        Files.delete(Path.of(java.net.URI.create(file)));
        Path metrics = copy.resolve("metrics/uc6.json");
        Files.writeString(metrics, Files.readString(metrics).replaceFirst("\"uc6-", "\"uc6-unregistered-"));
        // The registry names its models' folders relative to the lake: the copy's are the copy's own.
        Row model = lake.read(Tables.MODEL_REGISTRY).filter("use_case = 'uc4'").first();
        LocalFiles.deleteTree(copy.resolve("lake").resolve(model.<String>getAs("artifact_path")));
        CliRunner broken = CliRunner.run("verify", "--out", copy.toString());
        assertEquals(Main.EXIT_AUDIT, broken.code(), broken.err() + broken.out());
        assertTrue(broken.out().contains("silver/meters: data file missing"), broken.out());
        assertTrue(broken.out().contains("model " + model.getAs("model_id") + ": artefact missing"), broken.out());
        assertTrue(broken.out().contains("metrics/uc6.json: model uc6-unregistered-"), broken.out());
        assertTrue(broken.out().contains("verify failed: "), broken.out());
    }

    @Test
    void anErasedHouseholdIsInNoFileOfTheLakeAnyVersionAndFeaturesAndTrainRunAgain(@TempDir Path copy,
            @TempDir Path incoming) throws Exception {
        LocalFiles.copyTree(workspace, copy, p -> !p.getFileName().toString().equals(WorkspaceLock.FILE));
        Lake lake = new Lake(SPARK, copy.resolve("lake").toString());
        // A consenting dwelling: its rows are in the load curves, the consents, the features and the results.
        Row household = lake.read(Tables.METERS).join(lake.read(Tables.BUILDINGS), "building_id")
                .filter("building_use = 'residential'")
                .join(lake.read(Tables.CONSENTS).select("meter_id").distinct(), "meter_id")
                .select("meter_id", "building_id").orderBy("meter_id").first();
        String meterId = household.getString(0);
        String building = household.getString(1);
        org.energycommons.workbench.datasets.privacy.Pseudonymizer key =
                org.energycommons.workbench.datasets.privacy.Pseudonymizer.fromHex(System.getenv(PseudoKeys.ENV));
        String prm = lake.read(Tables.BRONZE_SYNTHETIC_LOAD_CURVE).select("prm").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).filter(n -> key.pseudonym(n).equals(meterId)).findFirst().orElseThrow();
        long before = lake.read(Tables.LOAD_CURVE).count();
        long own = lake.read(Tables.LOAD_CURVE).filter(org.apache.spark.sql.functions.col("meter_id")
                .equalTo(meterId)).count();
        assertTrue(own > 0, "the household has a load curve");
        String[] erase = {"erase", "--out", copy.toString(), "--master", "local[2]", "--meter", prm};

        CliRunner dry = CliRunner.run(java.util.stream.Stream.concat(java.util.Arrays.stream(erase),
                java.util.stream.Stream.of("--dry-run")).toArray(String[]::new));
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("would erase household ") && dry.out().contains("silver/load_curve"),
                dry.out());
        assertEquals(before, lake.read(Tables.LOAD_CURVE).count(), "a dry run changes nothing");
        Row publicMeter = lake.read(Tables.METERS).join(lake.read(Tables.BUILDINGS), "building_id")
                .filter("building_use = 'education'").first();
        CliRunner notAHousehold = CliRunner.run("erase", "--out", copy.toString(), "--meter",
                publicMeter.getAs("meter_id"));
        assertEquals(Main.EXIT_USAGE, notAHousehold.code(), notAHousehold.err());
        assertTrue(notAHousehold.errorLines().get(0).contains("is not a dwelling's"), notAHousehold.err());

        CliRunner erased = CliRunner.run(erase);
        assertEquals(0, erased.code(), erased.err() + erased.out());
        assertTrue(erased.out().contains("erasure proven"), erased.out());
        assertEquals(before - own, lake.read(Tables.LOAD_CURVE).count(), "its rows, and only them, deleted");
        assertFalse(erased.out().contains(meterId) || erased.out().contains(prm), "no identifier printed");

        // Every file under the lake, any version: Parquet files read with Spark (data files, checkpoints), the
        // others as text (commit files, checksums, saved models); the pseudonym by what Delta's statistics keep.
        List<String> identifiers = List.of(meterId.substring(0, 32), prm, building);
        Map<Path, List<String>> parquetByFolder = new LinkedHashMap<>();
        List<String> holding = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(copy.resolve("lake"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".parquet")) {
                    parquetByFolder.computeIfAbsent(f.getParent(), k -> new java.util.ArrayList<>()).add(f.toString());
                } else {
                    String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (identifiers.stream().anyMatch(text::contains)) {
                        holding.add(f.toString());
                    }
                }
            }
        }
        for (Map.Entry<Path, List<String>> folder : parquetByFolder.entrySet()) {
            Dataset<Row> rows = SPARK.read().option("mergeSchema", "true")
                    .parquet(folder.getValue().toArray(String[]::new));
            org.apache.spark.sql.Column json = org.apache.spark.sql.functions.to_json(
                    org.apache.spark.sql.functions.struct(org.apache.spark.sql.functions.col("*")));
            org.apache.spark.sql.Column hit = org.apache.spark.sql.functions.lit(false);
            for (String id : identifiers) {
                hit = hit.or(json.contains(id));
            }
            if (!rows.filter(hit).isEmpty()) {
                holding.add(folder.getKey().toString());
            }
        }
        assertEquals(List.of(), holding, "files still holding the household");
        assertTrue(parquetByFolder.size() > 40, "the lake's Parquet folders were read: " + parquetByFolder.size());

        // The record names it by a hash only; the models trained on its rows are to retrain.
        Row record = lake.read(Tables.ERASURES).first();
        assertEquals(org.energycommons.workbench.jobs.privacy.ErasureRecord.hash(meterId),
                record.getAs("pseudonym_hash"));
        assertEquals("done", record.getAs("status"));
        assertTrue(record.<String>getAs("rows_deleted_json").contains("\"silver/load_curve\" : " + own),
                record.<String>getAs("rows_deleted_json"));
        assertFalse(record.<java.util.List<String>>getList(record.fieldIndex("models_to_retrain")).isEmpty());
        CliRunner models = CliRunner.run("list", "models", "--out", copy.toString());
        assertTrue(models.out().contains("to retrain (erasure)"), models.out());
        CliRunner again = CliRunner.run(erase);
        assertEquals(Main.EXIT_USAGE, again.code(), again.err());
        assertTrue(again.errorLines().get(0).contains("that household was erased on "), again.err());

        // Its delivery point's readings ingested again (an export named after it, a bad line among them) are read
        // and kept nowhere; another household's in the same delivery are taken in.
        String header = "Identifiant PRM;Date de début;Date de fin;Grandeur physique;Grandeur métier;Etape métier;"
                + "Unité;Horodate;Valeur;Nature;Pas;Indice de vraisemblance;Etat complémentaire";
        String other = "30000000000009";
        for (String number : List.of(prm, other)) {
            Files.writeString(incoming.resolve(number.equals(prm) ? number + ".csv" : "other.csv"), String.join(
                    "\r\n", header,
                    number + ";2024-04-01T00:00:00+02:00;2024-04-02T00:00:00+02:00;PA;CONS;BRUT;W;;;;;;",
                    ";;;;;;;2024-04-01T00:30:00+02:00;500;B;PT30M;;",
                    ";;;;;;;2024-04-01T01:00:00+02:00;600;B;PT30M;;",
                    ";;;;;;;2024-04-01T01:30:00+02:00;abc;B;PT30M;;") + "\r\n");
        }
        CliRunner ingest = CliRunner.run("ingest", "enedis-load-curve-csv", incoming + "/*.csv", "--out",
                copy.toString(), "--master", "local[2]", "--report", incoming.resolve("report.json").toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.out().contains("read 6, accepted 2, rejected 1, duplicates 0, erased households' records 3"),
                ingest.out());
        JsonNode ingested = Json.mapper().readTree(incoming.resolve("report.json").toFile());
        assertEquals(3, ingested.get("erased").asLong());
        assertFalse(ingested.toString().contains(prm), "the file named after it is not named: " + ingested);
        TableId bronze = new TableId(org.energycommons.workbench.datasets.lake.Layer.BRONZE, "enedis_load_curve_csv");
        TableId rejects = new TableId(org.energycommons.workbench.datasets.lake.Layer.REJECTS,
                "enedis_load_curve_csv");
        assertEquals(List.of(other, other), lake.read(bronze).select("prm").collectAsList().stream()
                .map(r -> r.getString(0)).toList());
        assertEquals(1, lake.read(rejects).count(), "only the other household's bad line");
        assertEquals(before - own + 2, lake.read(Tables.LOAD_CURVE).count(), "the other household's readings only");
        assertFalse(lake.read(Tables.INGEST_RUNS).toJSON().collectAsList().toString().contains(prm));

        // The workspace stays healthy, and the features and models are rebuilt without it.
        CliRunner healthy = CliRunner.run("verify", "--out", copy.toString());
        assertEquals(0, healthy.code(), healthy.err() + healthy.out());
        for (String step : List.of("features", "train")) {
            CliRunner rerun = CliRunner.run(step, "uc1", "--out", copy.toString(), "--master", "local[2]");
            assertEquals(0, rerun.code(), step + ": " + rerun.err());
        }
        assertEquals(0, lake.read(org.energycommons.workbench.models.uc1.Uc1Tables.SEGMENTS)
                .filter(org.apache.spark.sql.functions.col("meter_id").equalTo(meterId)).count());
    }

    @Test
    void theRegionHasTheConsentsOfItsDwellingsAndListsTheirTable() throws Exception {
        Lake lake = new Lake(SPARK, workspace.resolve("lake").toString());
        Dataset<Row> consents = lake.read(Tables.CONSENTS);
        org.energycommons.workbench.datasets.synthetic.RegionConfig config = GenerateJob.regionOf(JobContext.of(SPARK,
                Workspace.of(workspace, null), WorkbenchConfig.load(null), new Progress(new java.io.PrintWriter(
                        java.io.Writer.nullWriter()), Progress.Mode.QUIET)));
        long expected = org.energycommons.workbench.datasets.synthetic.SyntheticConsents.consents(config,
                new org.energycommons.workbench.datasets.synthetic.SyntheticRegion(SPARK, config).meters()).count();
        assertTrue(expected > 0, "the seed gives consents");
        assertEquals(expected, consents.count());
        Dataset<Row> dwellings = lake.read(Tables.METERS).join(lake.read(Tables.BUILDINGS), "building_id")
                .filter("building_use = 'residential'").select("meter_id");
        assertEquals(0, consents.select("meter_id").except(dwellings).count(), "only dwellings consent");
        assertEquals(0, consents.filter("purpose = 'publication'").count());
        CliRunner tables = CliRunner.run("list", "tables", "--out", workspace.toString(), "--master", "local[2]");
        assertTrue(tables.out().lines().anyMatch(l -> l.startsWith("silver/consents ") && !l.contains(" - ")),
                tables.out());
    }
}

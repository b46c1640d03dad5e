package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SparkSessions;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.reports.render.PdfDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench audit}: a clean workspace passes (exit 0), even with SHA-256 fingerprints and commit hashes in
 * it; each kind of leak planted in a copy of it (a pseudonym, a PRM, an address, a dwelling's building id, the key,
 * an unsuppressed small count in a published CSV and in a page) is caught, one line per finding and exit 4; no
 * workspace is one line and exit 2. One small lake and one Spark session serve every case.
 */
class AuditCommandTest {

    private static final String KEY = "5a".repeat(32);
    private static final Pseudonymizer PSEUDO = Pseudonymizer.fromHex(KEY);
    private static final String METER = PSEUDO.pseudonym("25000000000001");
    private static final String ADDRESS_ID = PSEUDO.pseudonym("99001|HAMEAU DES GRANGES");
    /** A SHA-256 fingerprint of a file: 64 hex characters that are no pseudonym of the lake. */
    private static final String FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String COMMIT = "5d35956d811578c0072398ae725d67fb611eaa8e";

    @TempDir
    static Path root;
    private static Path lake;
    private static Path clean;

    @BeforeAll
    static void lakeAndCleanWorkspace() throws IOException {
        SparkSession spark = SparkSessions.forTests();
        lake = root.resolve("lake");
        Lake l = new Lake(spark, lake.toString());
        l.replace(Tables.METERS, frame(spark, "meter_id STRING, building_id STRING",
                RowFactory.create(METER, "BAT-99001-0000001"),
                RowFactory.create(PSEUDO.pseudonym("25000000000002"), "BAT-99001-0000002")), "test");
        l.replace(Tables.BUILDINGS, frame(spark, "building_id STRING, building_use STRING",
                RowFactory.create("BAT-99001-0000001", "residential"),
                RowFactory.create("BAT-99001-0000002", "education")), "test");
        l.replace(Tables.ANNUAL_BY_ADDRESS, frame(spark, "year INT, address_id STRING, n_dwellings LONG",
                RowFactory.create(2024, ADDRESS_ID, 12L)), "test");
        l.replace(new TableId(Layer.BRONZE, "enedis_annual_address"), frame(spark, "year INT, address STRING",
                RowFactory.create(2024, "HAMEAU DES GRANGES")), "test");

        clean = root.resolve("clean");
        write(clean.resolve(".secrets/pseudo.key"), KEY + "\n");
        write(clean.resolve("site/index.html"), "<!DOCTYPE html><html lang=\"fr\"><head><title>t</title></head>"
                + "<body><a href=\"fr/index.html\">fr</a></body></html>");
        write(clean.resolve("site/fr/uc2.html"), page(""));
        write(clean.resolve("site/fr/uc2.pdf"), PdfDocument.render(page("")));
        write(clean.resolve("publish/datapackage.json"), """
                {"name": "t", "x-secrecy": {"min_points": 10, "max_share": 0.85},
                 "x-commit": "%s",
                 "resources": [{"name": "uc5_passoires_by_commune", "path": "data/uc5_passoires_by_commune.csv",
                   "x-parquet": "data/uc5_passoires_by_commune.parquet", "hash": "sha256:%s",
                   "schema": {"fields": [{"name": "commune_code", "type": "string"},
                     {"name": "dwellings", "type": "integer", "x-count-of": "dwellings"},
                     {"name": "fg_dwellings", "type": "integer", "x-count-of": "dwellings"},
                     {"name": "public_buildings", "type": "integer", "x-count-of": "public buildings"}]}}]}
                """.formatted(COMMIT, FINGERPRINT));
        write(clean.resolve("publish/data/uc5_passoires_by_commune.csv"),
                "commune_code,dwellings,fg_dwellings,public_buildings\n99001,91,12,3\n99002,35,,2\n99003,40,0,1\n");
        frame(spark, "commune_code STRING, dwellings LONG, fg_dwellings LONG", RowFactory.create("99001", 91L, 12L),
                RowFactory.create("99002", 35L, null)).coalesce(1).write()
                .parquet(clean.resolve("publish/data/uc5_passoires_by_commune.parquet").toString());
    }

    /** A page: a table of counts (suppressed, public buildings, zero), a fingerprint, a commit, a public building. */
    private static String page(String extra) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><title>uc2</title></head><body><main>"
                + "<table><tr><td>99001</td><td class=\"num\" data-count-of=\"dwellings\">12</td>"
                + "<td class=\"num\" data-count-of=\"dwellings\" data-suppressed>&lt; 10</td>"
                + "<td class=\"num\" data-count-of=\"public buildings\">3</td>"
                + "<td class=\"num\" data-count-of=\"dwellings\">0</td></tr></table>"
                + "<p>Empreinte des données " + FINGERPRINT + " ; commit " + COMMIT + " ; modèle "
                + "uc5-rf-mllib-class-9dac112aee6b ; part 0,12345678901234.</p>"
                + "<p>École BAT-99001-0000002 : 3 alertes.</p>" + extra + "</main></body></html>";
    }

    private static Dataset<Row> frame(SparkSession spark, String ddl, Row... rows) {
        return spark.createDataFrame(List.of(rows), StructType.fromDDL(ddl));
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the clean workspace (its lake stays where it is: {@code --lake}). */
    private static Path copy(String name) throws IOException {
        Path to = root.resolve(name);
        try (Stream<Path> files = Files.walk(clean)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(clean.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static CliRunner audit(Path workspace, Path lakeDir) {
        return CliRunner.run("audit", "--out", workspace.toString(), "--lake", lakeDir.toString(), "--master",
                "local[2]");
    }

    /** Plants a leak in a copy of the clean workspace; the audit exits 4 and names the file and the kind. */
    private static List<String> caught(String name, String file, String content, String kind) throws IOException {
        return caught(name, file, content.getBytes(StandardCharsets.UTF_8), kind);
    }

    private static List<String> caught(String name, String file, byte[] content, String kind) throws IOException {
        Path ws = copy(name);
        write(ws.resolve(file), content);
        CliRunner r = audit(ws, lake);
        assertEquals(Main.EXIT_AUDIT, r.code(), r.out() + r.err());
        List<String> findings = r.out().lines().filter(l -> l.startsWith(file + ":")).toList();
        assertFalse(findings.isEmpty(), r.out());
        assertTrue(findings.stream().allMatch(l -> l.contains(": " + kind + ": ")), r.out());
        assertTrue(r.out().contains("audit failed: " + findings.size() + " finding(s) in 1 of "), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
        return findings;
    }

    @Test
    void aCleanWorkspacePassesWithFingerprintsCommitsAndPublicBuildings() throws IOException {
        Path ws = copy("fingerprints");
        // A bare SHA-256 fingerprint, named by nothing: with a lake, only the lake's pseudonyms are pseudonyms.
        write(ws.resolve("site/fr/provenance.html"), "<table><tr><td>" + FINGERPRINT + "</td></tr></table>");
        CliRunner r = audit(ws, lake);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().strip().matches("audit passed: \\d+ files checked"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void withoutALakeABare64HexIsTakenForAPseudonymButADeclaredDigestIsNot() throws IOException {
        Path ws = copy("no-lake");
        write(ws.resolve("site/fr/notes.txt"), "sha256: " + FINGERPRINT + "\nid " + FINGERPRINT + "\n");
        CliRunner r = audit(ws, root.resolve("absent-lake"));
        assertEquals(Main.EXIT_AUDIT, r.code(), r.out() + r.err());
        assertEquals(List.of("site/fr/notes.txt:line 2: pseudonym: 9f86d081… (64 hex characters)"),
                r.out().lines().filter(l -> l.startsWith("site/")).toList(), r.out());
    }

    @Test
    void aMetersPseudonymInAPageIsCaught() throws IOException {
        List<String> f = caught("pseudonym", "site/fr/uc1.html", page("<p>compteur " + METER + "</p>"),
                "pseudonym");
        assertEquals(List.of("site/fr/uc1.html:line 1: pseudonym: " + METER.substring(0, 8) + "…"), f);
        assertFalse(String.join("\n", f).contains(METER), "the finding does not repeat the pseudonym");
    }

    @Test
    void anAddressPseudonymInAParquetFileIsCaught() throws IOException {
        Path ws = copy("parquet");
        SparkSessions.forTests().createDataFrame(List.of(RowFactory.create(ADDRESS_ID)),
                StructType.fromDDL("address_id STRING")).coalesce(1).write()
                .parquet(ws.resolve("publish/data/addresses.parquet").toString());
        CliRunner r = audit(ws, lake);
        assertEquals(Main.EXIT_AUDIT, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("publish/data/addresses.parquet/part-")
                && l.endsWith(": pseudonym: " + ADDRESS_ID.substring(0, 8) + "…")), r.out());
    }

    @Test
    void aPrmInACsvOrAPdfIsCaught() throws IOException {
        assertEquals(List.of("publish/data/meters.csv:line 3, prm: PRM-like identifier: 25000000…"), caught("prm",
                "publish/data/meters.csv", "prm,kwh\n\"\",1.5\n25000000000001,2.5\n", "PRM-like identifier"));
        caught("prm-pdf", "site/fr/uc2.pdf", PdfDocument.render(page("<p>PRM 25000000000001</p>")),
                "PRM-like identifier");
    }

    @Test
    void aStreetAddressOrAnAddressOfTheLakeIsCaught() throws IOException {
        caught("street", "site/en/uc5.html", page("<p>Visit 12 rue des Tilleuls first.</p>"), "address");
        caught("lake-address", "publish/dcat.jsonld", "{\"@graph\": [{\"title\": \"Hameau des Granges, 2024\"}]}",
                "address");
    }

    @Test
    void aDwellingsBuildingIdIsCaughtButNotAPublicBuildings() throws IOException {
        assertEquals(List.of("site/fr/uc2.svg:line 1: building id: BAT-9900…"), caught("building",
                "site/fr/uc2.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>BAT-99001-0000001 and "
                        + "BAT-99001-0000002</title></svg>", "building id"));
    }

    @Test
    void theKeyIsCaughtInHexOrBase64WithoutBeingRepeated() throws IOException {
        List<String> hex = caught("key-hex", "site/fr/index.html", page("<!-- key " + KEY.toUpperCase() + " -->"),
                "pseudonymisation key");
        assertFalse(String.join("\n", hex).toLowerCase().contains(KEY.substring(0, 8)), hex.toString());
        caught("key-base64", "publish/notes.txt", "k=" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(KEY)) + "\n", "pseudonymisation key");
    }

    @Test
    void aSmallCountOfAProtectedPopulationIsCaughtInACsvAndInAPage() throws IOException {
        assertEquals(List.of("publish/data/uc5_passoires_by_commune.csv:line 3, fg_dwellings: unsuppressed small "
                + "count: 3 dwellings (fewer than 10, not suppressed)"), caught("csv-count",
                "publish/data/uc5_passoires_by_commune.csv", "commune_code,dwellings,fg_dwellings,public_buildings\n"
                        + "99001,91,12,3\n99002,35,3,2\n", "unsuppressed small count"));
        assertEquals(List.of("site/fr/uc5.html:line 1: unsuppressed small count: 4 dwellings (fewer than 10, not "
                + "suppressed)"), caught("html-count", "site/fr/uc5.html",
                page("<table><tr><td data-count-of=\"dwellings\">4</td></tr></table>"), "unsuppressed small count"));
    }

    @Test
    void noWorkspaceIsOneLineAndExitTwoAndTheAuditTakesNoLock() throws IOException {
        CliRunner r = CliRunner.run("audit", "--out", root.resolve("nothing").toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).startsWith("workbench: error: no workspace to audit at "), r.err());
        try (WorkspaceLock lock = WorkspaceLock.acquire(clean, "demo", false, m -> { })) {
            assertEquals(0, audit(clean, lake).code(), "a writer holds the workspace; the audit reads it anyway");
        }
    }
}

package org.energycommons.workbench.jobs.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.provenance.Json;

/**
 * Writes the open datasets to {@code DIR/publish/}: each as CSV (UTF-8, header row) and Parquet under
 * {@code data/}, described by a Frictionless Data Package ({@code datapackage.json}), a DCAT-AP catalogue in
 * JSON-LD ({@code dcat.jsonld}) and the data.gouv.fr SCDL catalogue ({@code catalogue-scdl.csv}).
 *
 * <p>The three descriptions are written by hand with Jackson and Commons CSV: no library on Maven Central writes
 * Data Packages for Java (the Frictionless Java libraries are not published there), and DCAT-AP in JSON-LD is a plain
 * JSON document once its context is fixed. Everything is written to a staging folder that replaces {@code publish/}
 * in one rename, so that a reader never sees a half-written publication.
 */
public final class OpenDataExport {

    /** The Data Package file. */
    public static final String DATAPACKAGE = "datapackage.json";
    /** The DCAT-AP catalogue file. */
    public static final String DCAT = "dcat.jsonld";
    /** The SCDL catalogue file. */
    public static final String SCDL = "catalogue-scdl.csv";
    /** The data folder under {@code publish/}. */
    public static final String DATA = "data";

    /** The 20 mandatory columns of the SCDL "catalogue" schema (version 0.1.2), in its order. */
    public static final List<String> SCDL_COLUMNS = List.of("COLL_NOM", "COLL_SIRET", "ID", "TITRE", "DESCRIPTION",
            "THEME", "PRODUCTEUR_NOM", "PRODUCTEUR_SIRET", "COUV_SPAT_MAILLE", "COUV_SPAT_NOM", "COUV_TEMP_DEBUT",
            "COUV_TEMP_FIN", "DATE_PUBL", "FREQ_MAJ", "DATE_MAJ", "MOTS_CLES", "LICENCE", "NOMBRE_RESSOURCES",
            "FORMAT_RESSOURCES", "URL");

    private static final String ETALAB = "etalab-2.0";
    private static final String ODBL = "ODbL-1.0";

    private OpenDataExport() {
    }

    /**
     * A source a dataset was computed from, as the catalogue describes it.
     *
     * @param name    connector name, or {@code synthetic-region}
     * @param title   its title
     * @param url     where it is published, or null
     * @param licence its SPDX licence
     */
    public record Source(String name, String title, String url, String licence) {
    }

    /**
     * A dataset ready to be written.
     *
     * @param dataset       the dataset
     * @param sources       the sources it was computed from
     * @param tableVersions the Delta versions of the lake tables it read, by relative path
     * @param inputPeriod   first and last day of the data its use case read ({@code yyyy-MM-dd}), the temporal
     *                      coverage of a dataset without a date column (segment profiles, metrics); nulls if unknown
     */
    public record Entry(OpenDataset dataset, List<Source> sources, Map<String, Long> tableVersions,
                        String[] inputPeriod) {
    }

    /**
     * What the export wrote: per dataset its licence, row count and files.
     *
     * @param folder   the publication folder
     * @param entries  what was written, in order
     * @param datasets name → licence, rows
     * @param warnings what a publisher should still fill in (e.g. the SIRET SCDL needs)
     */
    public record Written(Path folder, List<Entry> entries, Map<String, Exported> datasets, List<String> warnings) {
    }

    /** One exported dataset. */
    public record Exported(String licence, long rows, String csv, String parquet) {
    }

    /**
     * Writes the datasets and their three descriptions to {@code publish}, replacing what it held, and keeps the
     * files in {@code carried} (e.g. {@code catalog.json}) that were there.
     *
     * @param publish   the publication folder, {@code DIR/publish}
     * @param entries   the datasets, in publication order
     * @param options   publisher, frequency, keywords and ODbL sources
     * @param guard     the secrecy rule the datasets went through, stated in the package
     * @param region    the region's name for the spatial coverage
     * @param commit    the producing commit
     * @param today     the publication date
     * @param carried   file names under {@code publish} kept as they are
     */
    public static Written write(Path publish, List<Entry> entries, OpenDataOptions options, SecrecyGuard guard,
                                String region, String commit, LocalDate today, List<String> carried) {
        Path staging = publish.resolveSibling("." + publish.getFileName() + "-staging");
        Path old = publish.resolveSibling("." + publish.getFileName() + "-previous");
        try {
            LocalFiles.deleteTree(staging);
            LocalFiles.deleteTree(old);
            Files.createDirectories(staging.resolve(DATA));
            Map<String, String> firstPublished = firstPublished(publish.resolve(DATAPACKAGE));
            List<Map<String, Object>> resources = new ArrayList<>();
            Map<String, Exported> exported = new LinkedHashMap<>();
            List<Described> described = new ArrayList<>();
            for (Entry e : entries) {
                OpenDataset d = e.dataset();
                List<Row> rows = sorted(d);
                String csv = DATA + "/" + d.name() + ".csv";
                String parquet = DATA + "/" + d.name() + ".parquet";
                writeCsv(staging.resolve(csv), d, rows);
                writeParquet(staging.resolve(parquet), d);
                String licence = licence(e.sources(), options);
                String[] period = period(d, rows);
                if (period[0] == null && e.inputPeriod() != null) {
                    period = e.inputPeriod();
                }
                Described x = new Described(e, licence, rows.size(), period, sha256(staging.resolve(csv)),
                        Files.size(staging.resolve(csv)), sha256(staging.resolve(parquet)),
                        Files.size(staging.resolve(parquet)), firstPublished.getOrDefault(d.name(),
                        today.toString()));
                described.add(x);
                resources.add(resource(x, csv, parquet));
                exported.put(d.name(), new Exported(licence, rows.size(), csv, parquet));
            }
            writeString(staging.resolve(DATAPACKAGE), Json.write(dataPackage(resources, described, guard,
                    commit, today)));
            writeString(staging.resolve(DCAT), Json.write(dcat(described, options, region, today)));
            writeScdl(staging.resolve(SCDL), described, options, region, today);
            for (String keep : carried) {
                if (Files.exists(publish.resolve(keep))) {
                    Files.copy(publish.resolve(keep), staging.resolve(keep), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // One rename puts the new publication in place; the previous one is removed only after.
            if (Files.exists(publish)) {
                Files.move(publish, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, publish, StandardCopyOption.ATOMIC_MOVE);
            LocalFiles.deleteTree(old);
            List<String> warnings = new ArrayList<>();
            if (options.publisherSiret().isEmpty()) {
                warnings.add("catalogue-scdl.csv: COLL_SIRET and PRODUCTEUR_SIRET are empty; set "
                        + OpenDataOptions.PREFIX + "publisher_siret before uploading it to data.gouv.fr");
            }
            return new Written(publish, List.copyOf(entries), exported, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the open data to " + publish + ": " + e.getMessage(), e);
        }
    }

    /** A dataset with what the descriptions say of it. */
    private record Described(Entry entry, String licence, long rows, String[] period, String csvSha256,
                             long csvBytes, String parquetSha256, long parquetBytes, String firstPublished) {

        OpenDataset dataset() {
            return entry.dataset();
        }
    }

    /**
     * The licence of a dataset from its sources: the ODbL when one source is under it (its share-alike clause
     * follows the data), else Licence Ouverte 2.0.
     */
    static String licence(List<Source> sources, OpenDataOptions options) {
        Set<String> odbl = new LinkedHashSet<>(options.odblSourceList());
        for (Source s : sources) {
            if (odbl.contains(s.name()) || ODBL.equalsIgnoreCase(s.licence())) {
                return ODBL;
            }
        }
        return ETALAB;
    }

    private static String licenceTitle(String spdx) {
        return ODBL.equals(spdx) ? "Open Data Commons Open Database License 1.0" : "Licence Ouverte / Open Licence 2.0";
    }

    private static String licenceUrl(String spdx) {
        return ODBL.equals(spdx) ? "https://opendatacommons.org/licenses/odbl/1-0/"
                : "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    }

    /** The rows ordered by the primary key, so that two exports of the same tables give the same files. */
    private static List<Row> sorted(OpenDataset d) {
        Dataset<Row> rows = d.rows();
        if (!d.primaryKey().isEmpty()) {
            rows = rows.orderBy(d.primaryKey().stream().map(org.apache.spark.sql.functions::col)
                    .toArray(Column[]::new));
        }
        return rows.collectAsList();
    }

    private static void writeCsv(Path file, OpenDataset d, List<Row> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader(d.rows().columns()).get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, format)) {
            for (Row r : rows) {
                List<String> cells = new ArrayList<>(r.size());
                for (int i = 0; i < r.size(); i++) {
                    cells.add(cell(r.get(i)));
                }
                p.printRecord(cells);
            }
        }
    }

    /** A cell as text: empty for null (missing or suppressed), ISO dates, UTC instants, plain numbers. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double x) {
            return Double.isFinite(x) ? java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() : "";
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Date day) {
            return day.toLocalDate().toString();
        }
        return v.toString();
    }

    /** One Parquet file: Spark writes a folder of parts, of which the single one is moved in place. */
    private static void writeParquet(Path file, OpenDataset d) throws IOException {
        Path parts = file.resolveSibling(file.getFileName() + ".parts");
        d.rows().coalesce(1).write().mode("overwrite").option("compression", "snappy")
                .parquet(parts.toUri().toString());
        try (Stream<Path> s = Files.list(parts)) {
            Path part = s.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(".parquet")).findFirst()
                    .orElseThrow(() -> new IOException("Spark wrote no Parquet part for " + d.name()));
            Files.move(part, file);
        }
        LocalFiles.deleteTree(parts);
    }

    /** First and last day of the first date or timestamp column, or nulls. */
    private static String[] period(OpenDataset d, List<Row> rows) {
        List<StructField> fields = d.sparkFields();
        for (int i = 0; i < fields.size(); i++) {
            String type = fields.get(i).dataType().simpleString();
            if (type.equals("date") || type.startsWith("timestamp")) {
                final int c = i;
                List<String> days = rows.stream().filter(r -> !r.isNullAt(c)).map(r -> day(r.get(c))).sorted()
                        .toList();
                if (!days.isEmpty()) {
                    return new String[] {days.get(0), days.get(days.size() - 1)};
                }
            }
        }
        return new String[] {null, null};
    }

    private static String day(Object v) {
        return v instanceof Timestamp t ? t.toInstant().toString().substring(0, 10) : v.toString();
    }

    // ---- Frictionless Data Package -------------------------------------------------------------------------

    private static Map<String, Object> resource(Described x, String csv, String parquet) {
        OpenDataset d = x.dataset();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", d.name());
        r.put("path", csv);
        r.put("profile", "tabular-data-resource");
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        r.put("title", d.title().fr() + " / " + d.title().en());
        r.put("description", d.description().fr() + "\n\n" + d.description().en());
        r.put("hash", "sha256:" + x.csvSha256());
        r.put("bytes", x.csvBytes());
        r.put("licenses", List.of(licence(x.licence())));
        r.put("sources", sources(x.entry().sources()));
        r.put("x-use-case", d.useCase());
        r.put("x-rows", x.rows());
        r.put("x-granularity", d.granularity());
        r.put("x-lake-tables", x.entry().tableVersions());
        r.put("x-parquet", Map.of("path", parquet, "hash", "sha256:" + x.parquetSha256(), "bytes",
                x.parquetBytes()));
        if (x.period()[0] != null) {
            r.put("x-temporal", Map.of("start", x.period()[0], "end", x.period()[1]));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        List<Map<String, Object>> fields = new ArrayList<>();
        List<StructField> spark = d.sparkFields();
        for (int i = 0; i < spark.size(); i++) {
            OpenDataset.Field f = d.fields().get(i);
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            String type = OpenDataset.tableSchemaType(spark.get(i).dataType().simpleString());
            field.put("type", type);
            if (type.equals("datetime")) {
                field.put("format", "any");
            }
            field.put("description", f.description());
            if (!f.unit().isEmpty()) {
                field.put("unit", f.unit());
            }
            if (!f.countOf().isEmpty()) {
                field.put("x-count-of", f.countOf());
            }
            fields.add(field);
        }
        schema.put("fields", fields);
        schema.put("missingValues", List.of(""));
        if (!d.primaryKey().isEmpty()) {
            schema.put("primaryKey", d.primaryKey());
        }
        r.put("schema", schema);
        return r;
    }

    private static Map<String, Object> licence(String spdx) {
        return Map.of("name", spdx, "title", licenceTitle(spdx), "path", licenceUrl(spdx));
    }

    private static List<Map<String, Object>> sources(List<Source> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Source s : sources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", s.title());
            if (s.url() != null) {
                m.put("path", s.url());
            }
            m.put("x-licence", s.licence());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> dataPackage(List<Map<String, Object>> resources, List<Described> described,
                                                   SecrecyGuard guard, String commit, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("profile", "tabular-data-package");
        p.put("name", "energy-commons-open-data");
        p.put("title", "Données ouvertes du programme énergie / Open data of the energy programme");
        p.put("description", "Agrégats publiés par l'Energy Commons Workbench : par commune, poste source, zone gaz, "
                + "segment ou type de travaux, passés par le secret statistique (au moins " + guard.minPoints()
                + " points, aucun au-delà de " + Math.round(100 * guard.maxShare()) + " %). Aucune donnée "
                + "individuelle. / Aggregates published by the Energy Commons Workbench, through statistical secrecy; "
                + "no individual data.");
        p.put("created", today.toString());
        Set<String> licences = new LinkedHashSet<>();
        described.forEach(x -> licences.add(x.licence()));
        p.put("licenses", licences.stream().map(OpenDataExport::licence).toList());
        Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        for (Described x : described) {
            for (Map<String, Object> s : sources(x.entry().sources())) {
                sources.putIfAbsent(String.valueOf(s.get("title")), s);
            }
        }
        p.put("sources", new ArrayList<>(sources.values()));
        p.put("x-commit", commit);
        p.put("x-secrecy", Map.of("min_points", guard.minPoints(), "max_share", guard.maxShare()));
        p.put("x-first-published", described.stream().collect(LinkedHashMap::new,
                (m, x) -> m.put(x.dataset().name(), x.firstPublished()), Map::putAll));
        p.put("resources", resources);
        return p;
    }

    /** The first publication day of each dataset in a previous Data Package, so republishing keeps it. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> firstPublished(Path previous) {
        if (!Files.exists(previous)) {
            return Map.of();
        }
        try {
            Map<String, Object> p = Json.read(Files.readString(previous), Map.class);
            return p.get("x-first-published") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // an unreadable previous package only loses the first-publication days
        }
    }

    // ---- DCAT-AP --------------------------------------------------------------------------------------------

    private static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
    private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

    private static Map<String, Object> dcat(List<Described> described, OpenDataOptions options, String region,
                                            LocalDate today) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("skos", "http://www.w3.org/2004/02/skos/core#");
        context.put("spdx", "http://spdx.org/rdf/terms#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        context.put("locn", "http://www.w3.org/ns/locn#");
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "foaf:Agent");
        publisher.put("foaf:name", options.publisher());
        if (!options.publisherSiret().isEmpty()) {
            publisher.put("dct:identifier", options.publisherSiret());
        }
        String frequency = FREQUENCY + OpenDataOptions.FREQUENCIES.get(options.accrualPeriodicity())[0];
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Described x : described) {
            OpenDataset d = x.dataset();
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("@id", url(options, "datapackage.json#" + d.name()));
            ds.put("@type", "dcat:Dataset");
            ds.put("dct:identifier", d.name());
            ds.put("dct:title", List.of(lang(d.title().fr(), "fr"), lang(d.title().en(), "en")));
            ds.put("dct:description", List.of(lang(d.description().fr(), "fr"), lang(d.description().en(), "en")));
            ds.put("dct:publisher", publisher);
            ds.put("dct:license", Map.of("@id", licenceUrl(x.licence())));
            ds.put("dct:accrualPeriodicity", Map.of("@id", frequency));
            ds.put("dcat:theme", Map.of("@id", "http://publications.europa.eu/resource/authority/data-theme/ENER"));
            ds.put("dcat:keyword", options.keywordList());
            ds.put("dct:issued", typed(x.firstPublished(), "xsd:date"));
            ds.put("dct:modified", typed(today.toString(), "xsd:date"));
            ds.put("dct:spatial", Map.of("@type", "dct:Location", "skos:prefLabel", region,
                    "locn:geographicName", d.granularity()));
            if (x.period()[0] != null) {
                ds.put("dct:temporal", Map.of("@type", "dct:PeriodOfTime",
                        "dcat:startDate", typed(x.period()[0], "xsd:date"),
                        "dcat:endDate", typed(x.period()[1], "xsd:date")));
            }
            ds.put("dcat:distribution", List.of(
                    distribution(options, d.name() + ".csv", "CSV", "text/csv", x.csvBytes(), x.csvSha256(),
                            x.licence()),
                    distribution(options, d.name() + ".parquet", "PARQUET", "application/vnd.apache.parquet",
                            x.parquetBytes(), x.parquetSha256(), x.licence())));
            datasets.add(ds);
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", context);
        catalog.put("@id", url(options, DCAT));
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", List.of(lang("Données ouvertes du programme énergie", "fr"),
                lang("Open data of the energy programme", "en")));
        catalog.put("dct:description", List.of(lang("Agrégats publiés, passés par le secret statistique.", "fr"),
                lang("Published aggregates, through statistical secrecy.", "en")));
        catalog.put("dct:publisher", publisher);
        catalog.put("dct:modified", typed(today.toString(), "xsd:date"));
        catalog.put("dcat:dataset", datasets);
        return catalog;
    }

    private static Map<String, Object> distribution(OpenDataOptions options, String file, String type,
                                                    String mediaType, long bytes, String sha256, String licence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "dcat:Distribution");
        m.put("dcat:accessURL", Map.of("@id", url(options, DATA + "/" + file)));
        m.put("dcat:downloadURL", Map.of("@id", url(options, DATA + "/" + file)));
        m.put("dct:format", Map.of("@id", FILE_TYPE + type));
        m.put("dcat:mediaType", Map.of("@id", "https://www.iana.org/assignments/media-types/" + mediaType));
        m.put("dct:license", Map.of("@id", licenceUrl(licence)));
        m.put("dcat:byteSize", typed(Long.toString(bytes), "xsd:nonNegativeInteger"));
        m.put("spdx:checksum", Map.of("@type", "spdx:Checksum", "spdx:algorithm",
                Map.of("@id", "spdx:checksumAlgorithm_sha256"), "spdx:checksumValue", sha256));
        return m;
    }

    private static String url(OpenDataOptions options, String relative) {
        return options.baseUrl().isEmpty() ? relative
                : options.baseUrl().replaceAll("/+$", "") + "/" + relative;
    }

    private static Map<String, String> lang(String text, String lang) {
        return Map.of("@value", text, "@language", lang);
    }

    private static Map<String, String> typed(String value, String type) {
        return Map.of("@value", value, "@type", type);
    }

    // ---- SCDL catalogue ---------------------------------------------------------------------------------------

    private static void writeScdl(Path file, List<Described> described, OpenDataOptions options, String region,
                                  LocalDate today) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader(SCDL_COLUMNS.toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, format)) {
            for (Described x : described) {
                OpenDataset d = x.dataset();
                p.printRecord(options.publisher(), options.publisherSiret(), d.name(), d.title().fr(),
                        d.description().fr(), "Énergie", options.publisher(), options.publisherSiret(),
                        d.granularity(), region, x.period()[0] == null ? "" : x.period()[0],
                        x.period()[1] == null ? "" : x.period()[1], x.firstPublished(), OpenDataOptions.FREQUENCIES
                                .get(options.accrualPeriodicity())[1], today.toString(),
                        String.join(";", options.keywordList()), licenceTitle(x.licence()), 2, "csv;parquet",
                        url(options, DATA + "/" + d.name() + ".csv"));
            }
        }
    }

    // ---- files -------------------------------------------------------------------------------------------------

    private static void writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}

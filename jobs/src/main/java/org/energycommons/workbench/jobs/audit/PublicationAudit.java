package org.energycommons.workbench.jobs.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The publication audit: reads every file under {@code DIR/site/} and {@code DIR/publish/} and lists what must not
 * be there (docs/publication-policy.md): a pseudonym, a PRM-like number, an address, the id of a building that is not
 * a public building, the pseudonymisation key, and a count of a protected population from 1 to the secrecy threshold
 * - 1 that is not suppressed.
 *
 * <p>Each file is read by its kind: HTML and SVG with jsoup (every text, every attribute, and the count cells marked
 * {@value HtmlPage#COUNT_OF}), JSON and JSON-LD with Jackson (every key and value), CSV with Commons CSV (every cell;
 * the count columns that {@code publish/datapackage.json} marks {@code x-count-of}), Parquet with Spark (every
 * value; the same count columns), PDF with PDFBox (the text of every page), anything else as text. It only reads.
 */
public final class PublicationAudit {

    /** The populations whose counts are not protected: no person or household stands behind them. */
    public static final Set<String> UNPROTECTED = Set.of("public buildings", "substations", "gas areas", "communes",
            "weather stations", "days", "hours", "models");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final TextScanner scanner;
    private final int minPoints;
    private final SparkSession spark;
    private final Set<Finding> findings = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> countColumns = new LinkedHashMap<>();
    private int packageMinPoints;
    private int files;

    private PublicationAudit(Path dir, Identifiers ids, List<byte[]> keys, int minPoints, SparkSession spark) {
        this.dir = dir;
        this.scanner = new TextScanner(ids, keys);
        this.minPoints = minPoints;
        this.packageMinPoints = minPoints;
        this.spark = spark;
    }

    /** What the audit found, and how many files it read. */
    public record Report(List<Finding> findings, int filesChecked) {

        /** Whether nothing was found. */
        public boolean passed() {
            return findings.isEmpty();
        }

        /** The files with a finding, relative to the workspace, in order. */
        public List<String> leakingFiles() {
            return findings.stream().map(Finding::file).distinct().toList();
        }

        /** One line per finding, then a verdict line. */
        public void print(PrintWriter out) {
            findings.forEach(out::println);
            out.println(summary());
        }

        /** {@code audit passed: N files checked}, or how many findings in which files. */
        public String summary() {
            if (passed()) {
                return "audit passed: " + filesChecked + " files checked";
            }
            List<String> leaking = leakingFiles();
            return "audit failed: " + findings.size() + " finding(s) in " + leaking.size() + " of " + filesChecked
                    + " files: " + String.join(", ", leaking);
        }
    }

    /**
     * Audits the workspace of a job context: its lake's identifiers, its key ({@code WORKBENCH_PSEUDO_KEY} and
     * {@code DIR/.secrets/pseudo.key}), its secrecy threshold ({@code workbench.secrecy.min_points}, or the
     * datapackage's {@code x-secrecy.min_points} for published datasets).
     */
    public static Report run(JobContext ctx) {
        Path out = ctx.workspace().out();
        return run(out, Identifiers.fromLake(ctx.lake()), keys(out), SecrecyGuard.of(ctx.config()).minPoints(),
                ctx.spark());
    }

    /**
     * Audits {@code dir/site} and {@code dir/publish}.
     *
     * @param ids the lake's identifiers, or {@link Identifiers#none()}
     * @param keys the pseudonymisation keys to look for
     * @param minPoints the least count of a protected population that may be published
     * @param spark reads Parquet files
     */
    public static Report run(Path dir, Identifiers ids, List<byte[]> keys, int minPoints, SparkSession spark) {
        PublicationAudit audit = new PublicationAudit(dir, ids, keys, minPoints, spark);
        audit.readDataPackage();
        for (String folder : List.of("site", "publish")) {
            audit.folder(dir.resolve(folder));
        }
        return new Report(List.copyOf(audit.findings), audit.files);
    }

    /**
     * Audits every file under a folder written for outside the workspace (an NGSI-LD export), by the same rules;
     * findings name the files relative to it.
     */
    public static Report runOn(Path folder, Identifiers ids, List<byte[]> keys, int minPoints, SparkSession spark) {
        PublicationAudit audit = new PublicationAudit(folder, ids, keys, minPoints, spark);
        audit.folder(folder);
        return new Report(List.copyOf(audit.findings), audit.files);
    }

    private void folder(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                file(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** The keys of a workspace: {@code WORKBENCH_PSEUDO_KEY} and {@code DIR/.secrets/pseudo.key} (hex or base64). */
    public static List<byte[]> keys(Path dir) {
        List<byte[]> keys = new ArrayList<>();
        addKey(keys, System.getenv(PseudoKeys.ENV));
        Path file = dir.resolve(".secrets").resolve("pseudo.key");
        if (Files.isRegularFile(file)) {
            try {
                addKey(keys, Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the pseudonymisation key " + file, e);
            }
        }
        return keys;
    }

    private static void addKey(List<byte[]> keys, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String k = text.strip();
        try {
            keys.add(k.matches("([0-9a-fA-F]{2})+") ? HexFormat.of().parseHex(k) : java.util.Base64.getDecoder()
                    .decode(k));
        } catch (IllegalArgumentException e) {
            keys.add(k.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether the counts of a population are protected: every population but those {@link #UNPROTECTED}. */
    public static boolean protectedPopulation(String population) {
        String p = population == null ? "" : population.strip().toLowerCase(Locale.ROOT);
        return !UNPROTECTED.contains(p) && !UNPROTECTED.contains(p + "s");
    }

    private void readDataPackage() {
        Path file = dir.resolve("publish").resolve("datapackage.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return; // scanned as text with the other files
        }
        JsonNode min = root.path("x-secrecy").path("min_points");
        if (min.canConvertToInt()) {
            packageMinPoints = min.asInt();
        }
        for (JsonNode resource : root.path("resources")) {
            Map<String, String> counts = new LinkedHashMap<>();
            for (JsonNode field : resource.path("schema").path("fields")) {
                if (field.hasNonNull("x-count-of")) {
                    counts.put(field.path("name").asText(), field.path("x-count-of").asText());
                }
            }
            for (String path : List.of(resource.path("path").asText(""), resource.path("x-parquet").asText(""))) {
                if (!path.isEmpty()) {
                    countColumns.put(dir.resolve("publish").resolve(path).normalize().toString(), counts);
                }
            }
        }
    }

    private void file(Path file) {
        files++;
        String name = dir.relativize(file).toString().replace('\\', '/');
        text(name, "file name", file.getFileName().toString(), null);
        String ext = extension(file);
        try {
            switch (ext) {
                case "html", "htm", "xhtml" -> html(name, file, false);
                case "svg", "xml" -> html(name, file, true);
                case "json", "jsonld", "geojson" -> json(name, file);
                case "csv" -> csv(name, file);
                case "parquet" -> parquet(name, file);
                case "pdf" -> pdf(name, file);
                default -> plain(name, file);
            }
        } catch (IOException | RuntimeException e) {
            // A file the parser cannot read is still read as text: nothing goes unread.
            try {
                plain(name, file);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot read " + file, again);
            }
        }
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    private void text(String file, String location, String text, String context) {
        scanner.scan(text, context, hit -> findings.add(new Finding(file, location, hit.kind(), hit.excerpt())));
    }

    private void html(String name, Path file, boolean xml) throws IOException {
        Parser parser = (xml ? Parser.xmlParser() : Parser.htmlParser()).setTrackPosition(true);
        Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", parser);
        doc.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                text(name, line(node), t.getWholeText(), null);
            } else if (node instanceof DataNode d) {
                text(name, line(node), d.getWholeData(), null);
            } else if (node instanceof Comment c) {
                text(name, line(node), c.getData(), null);
            } else if (node instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    text(name, line(node), a.getKey(), null);
                    text(name, line(node), a.getValue(), a.getKey());
                }
            }
        });
        for (Element cell : doc.select("[" + HtmlPage.COUNT_OF + "]")) {
            if (!cell.hasAttr(HtmlPage.SUPPRESSED)) {
                count(name, line(cell), cell.attr(HtmlPage.COUNT_OF), cell.text(), minPoints);
            }
        }
    }

    private static String line(Node node) {
        int line = node.sourceRange().startPos() < 0 && node.parent() != null
                ? node.parent().sourceRange().start().lineNumber() : node.sourceRange().start().lineNumber();
        return "line " + line;
    }

    /** A count cell of a population: a finding when the population is protected and the count is 1..min-1. */
    private void count(String file, String location, String population, String text, int min) {
        if (!protectedPopulation(population) || text == null) {
            return;
        }
        String digits = text.strip().replaceAll("[\\s\u00A0\u202F\u2009]", "").replace(',', '.');
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return; // empty, "—", or words: nothing counted
        }
        if (value >= 1 && value < min) {
            findings.add(new Finding(file, location, Finding.Kind.SMALL_COUNT, text.strip() + " " + population
                    + " (fewer than " + min + ", not suppressed)"));
        }
    }

    private void json(String name, Path file) throws IOException {
        walk(name, "$", JSON.readTree(file.toFile()), null);
    }

    private void walk(String name, String path, JsonNode node, String key) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                text(name, path, e.getKey(), null);
                walk(name, path + "." + e.getKey(), e.getValue(), e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(name, path + "[" + i + "]", node.get(i), key);
            }
        } else if (!node.isNull()) {
            text(name, path, node.asText(), key);
        }
    }

    private void csv(String name, Path file) throws IOException {
        Map<String, String> counts = countColumns.getOrDefault(file.normalize().toString(), Map.of());
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (String h : header) {
                text(name, "header", h, null);
            }
            for (CSVRecord r : parser) {
                String line = "line " + (r.getRecordNumber() + 1);
                for (int c = 0; c < r.size(); c++) {
                    String column = c < header.size() ? header.get(c) : "#" + (c + 1);
                    text(name, line + ", " + column, r.get(c), column);
                    if (counts.containsKey(column)) {
                        count(name, line + ", " + column, counts.get(column), r.get(c), packageMinPoints);
                    }
                }
            }
        }
    }

    private void parquet(String name, Path file) {
        // One Parquet file, or a part of a folder of them as Spark writes it.
        Map<String, String> counts = countColumns.getOrDefault(file.normalize().toString(),
                countColumns.getOrDefault(file.getParent().normalize().toString(), Map.of()));
        Dataset<Row> rows = spark.read().parquet(file.toAbsolutePath().toString());
        String[] columns = rows.columns();
        for (String column : columns) {
            text(name, "schema", column, null);
        }
        long n = 0;
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            n++;
            for (int c = 0; c < columns.length; c++) {
                if (r.isNullAt(c)) {
                    continue;
                }
                String value = String.valueOf(r.get(c));
                text(name, "row " + n + ", " + columns[c], value, columns[c]);
                if (counts.containsKey(columns[c])) {
                    count(name, "row " + n + ", " + columns[c], counts.get(columns[c]), value, packageMinPoints);
                }
            }
        }
    }

    private void pdf(String name, Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                text(name, "page " + p, stripper.getText(doc), null);
            }
        }
    }

    private void plain(String name, Path file) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(
                        Files.readAllBytes(file))).toString();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            text(name, "line " + (i + 1), lines[i], null);
        }
    }
}

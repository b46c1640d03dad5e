package org.energycommons.workbench.jobs.territory;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.uc2.Uc2Features;
import org.energycommons.workbench.models.uc2.Uc2Tables;
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.BuildingFit;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.territory.CommunePage;
import org.energycommons.workbench.reports.territory.CommunePageData;
import org.energycommons.workbench.reports.territory.CommunePageData.PublicBuilding;

/**
 * The local-authority report of a commune: queries the lake and the workspace's last results for the commune's
 * public buildings (municipal buildings, not personal data) and its published aggregates, and writes the page in
 * French and English. Only jobs read tables; the page itself is {@link CommunePage}.
 */
public final class CommuneReport {

    private CommuneReport() {
    }

    /** The report's data for a commune; an unknown commune is one line ({@link IllegalArgumentException}). */
    public static CommunePageData query(JobContext ctx, String code) {
        Lake lake = ctx.lake();
        List<Row> commune = lake.read(Tables.COMMUNES).filter(col("commune_code").equalTo(code))
                .select("name").collectAsList();
        if (commune.isEmpty()) {
            List<String> known = lake.read(Tables.COMMUNES).select("commune_code").orderBy("commune_code")
                    .limit(11).collectAsList().stream().map(r -> r.getString(0)).toList();
            throw new IllegalArgumentException("unknown commune " + code + ": the workspace's communes are "
                    + String.join(", ", known.subList(0, Math.min(10, known.size())))
                    + (known.size() > 10 ? ", …" : "") + " ('workbench list' shows the tables)");
        }
        Dataset<Row> publicBuildings = lake.read(Tables.BUILDINGS)
                .filter(col("building_use").isin(Uc2Features.PUBLIC_USES.toArray()))
                .select("building_id", "commune_code", "building_use", "construction_year", "surface_m2",
                        "heating_energy");
        // A year of metered electricity per public building of the region: the medians per use need all of them.
        Map<String, Double> annual = new HashMap<>();
        LocalDate[] period = new LocalDate[2];
        if (lake.exists(Uc2Tables.FEATURES)) {
            Dataset<Row> daily = lake.read(Uc2Tables.FEATURES).select("building_id", "local_date", "daily_kwh");
            Row last = daily.agg(max("local_date")).first();
            if (!last.isNullAt(0)) {
                period[1] = last.getDate(0).toLocalDate();
                period[0] = period[1].minusDays(364);
                daily.filter(col("local_date").geq(date_sub(lit(java.sql.Date.valueOf(period[1])), 364)))
                        .groupBy("building_id").agg(sum("daily_kwh").as("kwh"), count(lit(1)).as("days"))
                        .collectAsList()
                        // A building with fewer than 300 days of the year has no annual figure.
                        .forEach(r -> {
                            if (r.getLong(2) >= 300) {
                                annual.put(r.getString(0), r.getDouble(1) * 365.0 / r.getLong(2));
                            }
                        });
            }
        }
        List<Row> region = publicBuildings.collectAsList();
        Map<String, List<Double>> intensities = new TreeMap<>();
        for (Row r : region) {
            Double kwh = annual.get(r.getString(0));
            if (kwh != null && r.getDouble(4) > 0) {
                intensities.computeIfAbsent(r.getString(2), u -> new ArrayList<>()).add(kwh / r.getDouble(4));
            }
        }
        Map<String, Double> medians = new HashMap<>();
        intensities.forEach((use, values) -> medians.put(use, median(values)));

        UseCaseResult uc2 = result(ctx, "uc2");
        UseCaseResult uc3 = result(ctx, "uc3");
        Map<String, List<Row>> alerts = uc2 == null || !lake.exists(Uc2Tables.ALERTS) ? Map.of()
                : byBuilding(lake.read(Uc2Tables.ALERTS)
                        .filter(col("model").equalTo(uc2.bestModel()).and(col("period").equalTo("evaluation")))
                        .join(publicBuildings.filter(col("commune_code").equalTo(code)).select("building_id"),
                                "building_id")
                        .select("building_id", "local_date", "rule", "severity", "severity_level", "explanation",
                                "evidence")
                        .orderBy("building_id", "local_date", "severity_level"));
        Map<String, List<Row>> savings = uc3 == null || !lake.exists(Uc3Tables.SAVINGS) ? Map.of()
                : byBuilding(lake.read(Uc3Tables.SAVINGS)
                        .filter(col("method").equalTo(uc3.bestModel()).and(col("role").equalTo(Assignment.TREATED))
                                .and(col("status").equalTo(BuildingFit.FITTED)))
                        .select("building_id", "works_type", "intervention_date", "savings_kwh", "lower_90_kwh",
                                "upper_90_kwh", "savings_fraction"));
        Map<String, List<Row>> certificates = !lake.exists(Tables.DPE) ? Map.of()
                : byBuilding(lake.read(Tables.DPE).select("building_id", "energy_class", "issued_on")
                        .filter(col("building_id").isNotNull()).orderBy("building_id", "issued_on"));

        List<PublicBuilding> buildings = new ArrayList<>();
        for (Row r : region) {
            if (!code.equals(r.getString(1))) {
                continue;
            }
            String id = r.getString(0);
            double surface = r.getDouble(4);
            Double kwh = annual.get(id);
            Double median = medians.get(r.getString(2));
            Double potential = kwh == null || median == null ? null : Math.max(0, kwh - median * surface);
            List<Row> a = alerts.getOrDefault(id, List.of());
            Map<String, Long> rules = new LinkedHashMap<>();
            a.stream().map(x -> x.getString(2)).forEach(rule -> rules.merge(rule, 1L, Long::sum));
            CommunePageData.Alert lastAlert = null;
            if (!a.isEmpty()) {
                Row l = a.get(a.size() - 1);
                lastAlert = new CommunePageData.Alert(l.getDate(1).toLocalDate(), l.getString(2), l.getString(3),
                        l.getString(5), evidence(l.isNullAt(6) ? Map.of() : l.getJavaMap(6)));
            }
            List<Row> s = savings.getOrDefault(id, List.of());
            CommunePageData.Savings works = s.isEmpty() || s.get(0).isNullAt(3) ? null
                    : new CommunePageData.Savings(s.get(0).getString(1), s.get(0).getDate(2).toLocalDate(),
                            s.get(0).getDouble(3), s.get(0).getDouble(4), s.get(0).getDouble(5),
                            s.get(0).isNullAt(6) ? null : s.get(0).getDouble(6));
            List<Row> c = certificates.getOrDefault(id, List.of());
            CommunePageData.Certificate certificate = c.isEmpty() ? null
                    : new CommunePageData.Certificate(c.get(c.size() - 1).getString(1),
                            c.get(c.size() - 1).getDate(2).toLocalDate());
            buildings.add(new PublicBuilding(id, r.getString(2), r.isNullAt(3) ? null : r.getInt(3), surface,
                    r.getString(5), kwh, median, potential,
                    (int) a.stream().map(x -> x.getDate(1)).distinct().count(),
                    rules.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .map(e -> e.getKey() + " ×" + e.getValue()).toList(),
                    lastAlert, works, certificate));
        }
        // Largest potential first; buildings without a figure last, by id.
        buildings.sort(Comparator.comparing((PublicBuilding b) -> b.potentialKwh() == null ? -1 : b.potentialKwh())
                .reversed().thenComparing(PublicBuilding::id));

        List<String> sources = new ArrayList<>();
        for (TableId t : List.of(Tables.COMMUNES, Tables.BUILDINGS, Uc2Tables.FEATURES, Uc2Tables.ALERTS,
                Uc3Tables.SAVINGS, Tables.DPE)) {
            if (lake.exists(t)) {
                sources.add(t + " v" + lake.version(t));
            }
        }
        // The region's description queries the lake: once, worded in each language.
        var described = UseCasePipeline.regionDescription(ctx);
        List<String> describe = List.of(described.describe(Lang.FR), described.describe(Lang.EN));
        return new CommunePageData(code, commune.get(0).getString(0), describe, period,
                uc2 == null ? null : uc2.bestModel(), uc3 == null ? null : uc3.bestModel(), buildings,
                published(ctx.workspace().out().resolve("publish"), code), sources);
    }

    /** Writes the French page to {@code to} and the English one beside it ({@code name.en.html}). */
    public static List<Path> write(CommunePageData data, Path to) {
        return writeBoth(to, lang -> CommunePage.render(data, lang,
                (lang == Lang.FR ? englishFile(to) : to).getFileName().toString()));
    }

    /** Writes a page's French version to {@code to} and its English one beside it, each whole or not at all. */
    static List<Path> writeBoth(Path to, java.util.function.Function<Lang, String> page) {
        Path english = englishFile(to);
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            writeWhole(to, page.apply(Lang.FR));
            writeWhole(english, page.apply(Lang.EN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
        }
        return List.of(to, english);
    }

    /** {@code report.html} → {@code report.en.html}. */
    public static Path englishFile(Path to) {
        String name = to.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".html") ? name.substring(0, name.length() - 5) : name;
        return to.resolveSibling(base + ".en.html");
    }

    private static void writeWhole(Path file, String html) throws IOException {
        org.energycommons.workbench.datasets.lake.LocalFiles.writeWhole(file, html.getBytes(StandardCharsets.UTF_8));
    }

    /** A use case's last result in the workspace, or null when it has none or no model. */
    static UseCaseResult result(JobContext ctx, String id) {
        Path metrics = ctx.workspace().metrics().resolve(id + ".json");
        if (!Files.isRegularFile(metrics)) {
            return null;
        }
        try {
            UseCaseResult r = UseCasePipelines.require(id).readResult(Files.readString(metrics));
            return r.bestModel() == null ? null : r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, List<Row>> byBuilding(Dataset<Row> rows) {
        Map<String, List<Row>> out = new HashMap<>();
        rows.collectAsList().forEach(r -> out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static String evidence(Map<String, Double> evidence) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(evidence).forEach((k, v) -> parts.add(k + " = " + (v == null || !Double.isFinite(v) ? "—"
                : String.format(Locale.ROOT, "%.2f", v))));
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }

    /** A published decimal to three significant digits; an empty cell (a value withheld) or a text stays. */
    private static String readable(String cell) {
        try {
            return cell.isBlank() ? cell : org.energycommons.workbench.reports.render.Formats.significant(
                    Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    private static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /**
     * The rows of every open dataset with a commune column that concern the commune, as published but for the
     * decimal numbers (fields of type {@code number}), rounded to three significant digits for reading.
     */
    static List<CommunePageData.PublishedRows> published(Path publish, String code) {
        Path datapackage = publish.resolve("datapackage.json");
        List<CommunePageData.PublishedRows> out = new ArrayList<>();
        if (!Files.isRegularFile(datapackage)) {
            return out;
        }
        try {
            JsonNode root = Json.mapper().readTree(datapackage.toFile());
            for (JsonNode resource : root.path("resources")) {
                Path csv = publish.resolve(resource.path("path").asText());
                if (!Files.isRegularFile(csv)) {
                    continue;
                }
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                     CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                             .parse(reader)) {
                    if (!parser.getHeaderNames().contains("commune_code")) {
                        continue;
                    }
                    List<String> headers = parser.getHeaderNames();
                    java.util.Set<String> decimals = new java.util.HashSet<>();
                    for (JsonNode field : resource.path("schema").path("fields")) {
                        if ("number".equals(field.path("type").asText())) {
                            decimals.add(field.path("name").asText());
                        }
                    }
                    List<List<String>> rows = new ArrayList<>();
                    for (CSVRecord record : parser) {
                        if (code.equals(record.get("commune_code"))) {
                            List<String> cells = new ArrayList<>(record.toList());
                            for (int i = 0; i < cells.size() && i < headers.size(); i++) {
                                if (decimals.contains(headers.get(i))) {
                                    cells.set(i, readable(cells.get(i)));
                                }
                            }
                            rows.add(cells);
                        }
                    }
                    if (!rows.isEmpty()) {
                        out.add(new CommunePageData.PublishedRows(resource.path("name").asText(),
                                resource.path("title").asText(), headers, rows));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the open datasets under " + publish + ": " + e.getMessage(),
                    e);
        }
        return out;
    }
}

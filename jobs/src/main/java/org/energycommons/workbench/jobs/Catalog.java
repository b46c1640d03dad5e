package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.FewAtOnce;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.opendata.OpenDataOptions;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.Json;

/**
 * The data catalogue: one entry per source and per lake table with its description, producer, licence (SPDX),
 * provenance, temporal and spatial coverage and schema with units; stored as the Delta table
 * {@code registry/catalog} and as {@code DIR/publish/catalog.json} for the portal.
 */
public final class Catalog {

    /** Licence of what the workbench itself produces from synthetic data. */
    public static final String SYNTHETIC_LICENCE = "etalab-2.0";

    static final StructType SCHEMA = StructType.fromDDL("""
            name STRING NOT NULL, kind STRING NOT NULL, description STRING NOT NULL, producer STRING NOT NULL,
            licence STRING NOT NULL, location STRING, delta_version BIGINT, provenance_json STRING NOT NULL,
            temporal_coverage STRING, spatial_coverage STRING, schema_json STRING NOT NULL""");

    private Catalog() {
    }

    /** Every table the workbench writes: the use cases' and, per source, its bronze, rejects and silver tables. */
    public static List<TableId> knownTables() {
        List<TableId> tables = new ArrayList<>(UseCasePipelines.tables().keySet());
        for (SourceConnector c : Connectors.all()) {
            tables.add(IngestJob.bronzeTable(c));
            tables.add(IngestJob.rejectsTable(c));
            TableId silver = SilverMappings.of(c.name()).table();
            if (!tables.contains(silver)) {
                tables.add(silver);
            }
        }
        return tables;
    }

    /** Rebuilds the catalogue from the lake and the connectors; returns the number of entries. */
    public static long refresh(JobContext ctx) {
        ctx.progress().step("catalogue: sources and tables with licences, coverage and schemas");
        Lake lake = ctx.lake();
        OpenDataOptions options = OpenDataOptions.of(ctx.config());
        List<Row> rows = new ArrayList<>();
        for (SourceConnector c : Connectors.all()) {
            SourceDescription d = c.description();
            TableId bronze = IngestJob.bronzeTable(c);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("url", d.url());
            provenance.put("format", d.format());
            provenance.put("feeds", SilverMappings.of(c.name()).table().relativePath());
            provenance.put("personal_data", d.personalData());
            String[] coverage = {null, null};
            if (lake.exists(bronze)) {
                Dataset<Row> b = lake.read(bronze);
                List<String> files = b.select("source_file").distinct().orderBy("source_file").collectAsList()
                        .stream().map(r -> r.getString(0)).toList();
                // The catalogue is published: the names of a personal source's files (often a delivery point's
                // number, as exported) are not, only how many there are.
                provenance.put("files", d.personalData() ? files.size() + " files (names withheld: personal data)"
                        : files);
                provenance.put("ingest_runs", b.select("ingest_run").distinct().collectAsList().stream()
                        .map(r -> r.getString(0)).sorted().toList());
                coverage = coverage(b);
            }
            List<Map<String, String>> columns = new ArrayList<>();
            for (SourceDescription.Column col : d.columns()) {
                columns.add(Map.of("name", col.name(), "type", col.type(), "unit", col.unit(),
                        "description", col.description()));
            }
            rows.add(RowFactory.create("source:" + c.name(), "source", d.title(), d.producer(),
                    sourceLicence(c, d, options),
                    lake.exists(bronze) ? bronze.relativePath() : null,
                    lake.exists(bronze) ? lake.version(bronze) : null,
                    compact(provenance), coverage[0], coverage[1], compact(columns)));
        }
        // What the sources say of their columns describes the same columns in the tables they feed; the licence
        // of a silver table is its source's, and what the workbench derives from several sources takes the ODbL when
        // one of them is under it (share-alike), else Licence Ouverte 2.0.
        Map<String, String> columnDescriptions = new LinkedHashMap<>();
        Map<TableId, String> fed = new LinkedHashMap<>();
        String ingestedLicence = SYNTHETIC_LICENCE;
        for (SourceConnector c : Connectors.all()) {
            String licence = sourceLicence(c, c.description(), options);
            c.description().columns().forEach(col -> columnDescriptions.putIfAbsent(col.name(), col.description()));
            if (lake.exists(IngestJob.bronzeTable(c))) {
                fed.merge(SilverMappings.of(c.name()).table(), licence, Catalog::stricter);
                ingestedLicence = stricter(ingestedLicence, licence);
            }
        }
        Map<TableId, String> descriptions = UseCasePipelines.tables();
        boolean region = GenerateJob.regionOf(ctx) != null;
        String licenceOfIngested = ingestedLicence;
        List<TableId> tables = knownTables().stream()
                .filter(t -> !t.equals(Tables.CATALOG) && lake.exists(t)).toList();
        // Each table's entry is a few small Spark jobs (its coverage, its version): a few tables at once.
        rows.addAll(FewAtOnce.map(tables, t -> {
            Dataset<Row> data = lake.read(t);
            String[] coverage = coverage(data);
            List<Map<String, String>> columns = new ArrayList<>();
            for (StructField f : data.schema().fields()) {
                columns.add(Map.of("name", f.name(), "type", f.dataType().simpleString(), "unit", unitOf(f.name()),
                        "description", columnDescriptions.getOrDefault(f.name(), "")));
            }
            boolean synthetic = region && !t.layer().equals(Layer.REJECTS);
            boolean personal = personal(data);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("layer", t.layer().folder());
            provenance.put("last_run", ctx.runId());
            provenance.put("personal_data", personal);
            String licence = t.layer().equals(Layer.TRUTH) || t.layer().equals(Layer.REJECTS) ? INTERNAL
                    : personal ? INTERNAL_PERSONAL
                    : synthetic ? SYNTHETIC_LICENCE
                    : fed.containsKey(t) ? fed.get(t) : licenceOfIngested;
            return RowFactory.create("table:" + t.relativePath(), "table",
                    descriptions.getOrDefault(t, t.layer().folder() + " table " + t.name()),
                    synthetic ? "Energy Commons Workbench (synthetic region)" : "Energy Commons Workbench",
                    licence, t.relativePath(), lake.version(t), compact(provenance), coverage[0], coverage[1],
                    compact(columns));
        }));
        lake.replace(Tables.CATALOG, ctx.spark().createDataFrame(rows, SCHEMA), ctx.runId());
        writeJson(ctx, rows);
        return rows.size();
    }

    /** Licence of a table that is never published: ground truth and rejected rows. */
    static final String INTERNAL = "internal (not published)";
    /** Licence of a table that holds personal data: listed, never exported. */
    static final String INTERNAL_PERSONAL = "internal (personal data, not published)";

    /** Columns that identify a delivery point, a dwelling or a person: a table that has one is personal data. */
    static final List<String> PERSONAL_COLUMNS = List.of("meter_id", "prm", "address", "building_id", "dpe_id",
            "house_number", "street");

    /**
     * Whether a table holds personal data: it has a column that identifies a delivery point, a building or an
     * address. Public buildings' tables count too: they are not exported as such, only their aggregates are.
     */
    static boolean personal(Dataset<Row> data) {
        return List.of(data.columns()).stream().anyMatch(PERSONAL_COLUMNS::contains);
    }

    /** A source's licence: the ODbL when the configuration says so, else the one its connector declares. */
    static String sourceLicence(SourceConnector c, SourceDescription d, OpenDataOptions options) {
        return options.odblSourceList().contains(c.name()) ? "ODbL-1.0" : d.licence();
    }

    /** The stricter of two licences: the ODbL's share-alike clause wins over Licence Ouverte 2.0. */
    static String stricter(String a, String b) {
        return "ODbL-1.0".equalsIgnoreCase(a) || "ODbL-1.0".equalsIgnoreCase(b) ? "ODbL-1.0" : a;
    }

    /** Min..max of the first timestamp or date column that is not a run stamp, and distinct counts of place columns. */
    private static String[] coverage(Dataset<Row> data) {
        String time = null;
        List<String> places = new ArrayList<>();
        for (StructField f : data.schema().fields()) {
            // A column ending in "_at" stamps a run (created_at, finished_at), not the data: no coverage of it.
            if (time == null && (f.dataType().equals(DataTypes.TimestampType) || f.dataType().equals(DataTypes.DateType))
                    && !f.name().endsWith("_at")) {
                time = f.name();
            }
            if (List.of("commune_code", "region_code", "station_id", "substation_id").contains(f.name())) {
                places.add(f.name());
            }
        }
        // One aggregation per table: coverage costs a single pass.
        List<org.apache.spark.sql.Column> aggs = new ArrayList<>();
        if (time != null) {
            aggs.add(min(time));
            aggs.add(max(time));
        }
        places.forEach(p -> aggs.add(countDistinct(p)));
        if (aggs.isEmpty()) {
            return new String[] {null, null};
        }
        Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(org.apache.spark.sql.Column[]::new)).first();
        int i = 0;
        String temporal = null;
        if (time != null) {
            temporal = r.isNullAt(0) ? null : r.get(0) + " .. " + r.get(1);
            i = 2;
        }
        String spatial = null;
        if (!places.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String p : places) {
                parts.add(r.getLong(i++) + " " + p);
            }
            spatial = String.join(", ", parts);
        }
        return new String[] {temporal, spatial};
    }

    /**
     * Column-name suffixes and their units (the workbench's naming convention), in the order they are tried: a
     * longer suffix before the shorter one it ends with.
     */
    private static final List<Map.Entry<String, String>> UNIT_SUFFIXES = List.of(
            Map.entry("_kwh_m2", "kWh/m²/yr"), Map.entry("_kg_m2", "kgCO2e/m²/yr"), Map.entry("_w_m2", "W/m²"),
            Map.entry("_kwh", "kWh"), Map.entry("kwh", "kWh"), Map.entry("_kw", "kW"), Map.entry("_kva", "kVA"),
            Map.entry("_mw", "MW"), Map.entry("_w", "W"), Map.entry("_m2", "m²"), Map.entry("_c", "°C"),
            Map.entry("_minutes", "min"), Map.entry("_m", "m"));

    /** The unit of a column from its name's suffix; empty when no suffix names one. */
    static String unitOf(String column) {
        return UNIT_SUFFIXES.stream().filter(e -> column.endsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }

    private static void writeJson(JobContext ctx, List<Row> rows) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> e = new LinkedHashMap<>();
            for (int i = 0; i < SCHEMA.fields().length; i++) {
                String name = SCHEMA.fields()[i].name();
                Object v = r.get(i);
                if (name.endsWith("_json") && v != null) {
                    e.put(name.substring(0, name.length() - 5), Json.read((String) v, Object.class));
                } else {
                    e.put(name, v);
                }
            }
            entries.add(e);
        }
        try {
            Files.createDirectories(ctx.workspace().out().resolve("publish"));
            Files.writeString(ctx.workspace().out().resolve("publish/catalog.json"), Json.write(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalogue: " + e.getMessage(), e);
        }
    }

    private static String compact(Object value) {
        return Json.write(value).replaceAll("\\s*\\n\\s*", " ");
    }
}

package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.opendata.OpenDataExport;
import org.energycommons.workbench.jobs.opendata.OpenDataOptions;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.CatalogueEntry;
import org.energycommons.workbench.reports.usecase.CataloguePage;
import org.energycommons.workbench.reports.usecase.FinalReport;
import org.energycommons.workbench.reports.usecase.FramingNote;
import org.energycommons.workbench.reports.usecase.ModelCard;
import org.energycommons.workbench.reports.usecase.ModelCardPage;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.SiteIndex;
import org.energycommons.workbench.reports.usecase.SynthesisNote;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * Publishes the site, French first and English second as two versions ({@code DIR/site/fr/…}, {@code
 * DIR/site/en/…}): one page per use case that has results and the portal index in each, and a root
 * {@code index.html} that opens the French one. Every figure comes from the gold tables and {@code DIR/metrics},
 * and every aggregate shown passes the {@link SecrecyGuard}.
 */
public final class PublishJob {

    private PublishJob() {
    }

    /** Renders the site; returns the root index's path. */
    public static Path run(JobContext ctx, Map<String, String> runInfo) {
        SecrecyGuard guard = SecrecyGuard.of(ctx.config());
        List<SiteIndex.Entry> entries = new ArrayList<>();
        Map<UseCase, UseCaseResult> results = new LinkedHashMap<>();
        RegionConfig region = GenerateJob.regionOf(ctx);
        // What the workspace holds, with its communes' centres for the maps: read once for every use case.
        RegionDescription described = UseCasePipeline.regionDescription(ctx);
        List<CatalogueEntry> catalogue = catalogue(ctx);
        Map<String, FramingNote.TableSource> tables = tables(catalogue);
        for (UseCase uc : UseCases.ALL) {
            Path metrics = ctx.workspace().metrics().resolve(uc.id() + ".json");
            var pipeline = UseCasePipelines.find(uc.id());
            if (pipeline.isPresent() && Files.exists(metrics)) {
                ctx.progress().step("publish " + uc.id() + ": report page");
                UseCaseResult result = pipeline.get().readResult(read(metrics));
                Function<Lang, String> headline = pipeline.get().publish(ctx, result, guard, tables, described);
                long met = result.criteria().stream().filter(c -> c.met()).count();
                entries.add(new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), pipeline.get().page(),
                        result.allCriteriaMet(), met, result.criteria().size(), headline));
                results.put(uc, result);
            } else {
                entries.add(new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), null, null, 0,
                        uc.criteria().size(), null));
            }
        }
        SiteIndex.SyntheticRegion synthetic = region == null ? null
                : new SiteIndex.SyntheticRegion(region.seed(), region.meters(), region.days(), region.start());
        Path site = ctx.workspace().site();
        Map<String, String> cards = modelCards(ctx, results, region != null, site);
        entries.replaceAll(e -> e.href() == null ? e : e.withDocuments(FramingNote.page(e.useCaseId()),
                SynthesisNote.page(e.useCaseId()), cards.get(e.useCaseId())));
        List<FinalReport.Outcome> outcomes = results.entrySet().stream()
                .map(e -> new FinalReport.Outcome(e.getKey(), e.getValue())).toList();
        // The open datasets before the catalogue page, which lists them.
        OpenDataExport.Written open = openData(ctx, results, guard, described, catalogue);
        List<CataloguePage.OpenDataset> openData = new ArrayList<>();
        for (OpenDataExport.Entry e : open.entries()) {
            OpenDataExport.Exported x = open.datasets().get(e.dataset().name());
            openData.add(new CataloguePage.OpenDataset(e.dataset().name(), e.dataset().title().fr(),
                    e.dataset().title().en(), x.licence(), x.rows(), x.csv(), x.parquet()));
        }
        String now = Instant.now().toString();
        for (Lang lang : Lang.ALL) {
            Path dir = site.resolve(lang.tag());
            UseCasePipeline.writeDocument(dir, FinalReport.PAGE, FinalReport.render(outcomes, catalogue, guard,
                    runInfo, synthetic, now, lang));
            UseCasePipeline.writeText(dir.resolve(CataloguePage.PAGE), CataloguePage.render(catalogue, openData, now,
                    lang));
            UseCasePipeline.writeText(dir.resolve(UseCasePage.INDEX),
                    SiteIndex.render(entries, runInfo, synthetic, FinalReport.PAGE, lang));
        }
        Path index = site.resolve(UseCasePage.INDEX);
        UseCasePipeline.writeText(index, SiteIndex.root());
        ctx.progress().info("site written to " + index);
        return index;
    }

    /**
     * Writes every use case's open datasets to {@code DIR/publish/} with the Data Package, DCAT-AP and SCDL
     * catalogues; the workbench's own {@code catalog.json} stays beside them.
     */
    static OpenDataExport.Written openData(JobContext ctx, Map<UseCase, UseCaseResult> results, SecrecyGuard guard,
                                           RegionDescription region, List<CatalogueEntry> catalogue) {
        OpenDataOptions options = OpenDataOptions.of(ctx.config());
        List<OpenDataExport.Entry> entries = new ArrayList<>();
        results.forEach((uc, result) -> UseCasePipelines.find(uc.id()).ifPresent(pipeline -> {
            ctx.progress().step("publish " + uc.id() + ": open datasets");
            for (OpenDataset d : pipeline.openData(ctx, result, guard)) {
                Map<String, Long> versions = new LinkedHashMap<>();
                for (TableId table : d.lakeTables()) {
                    versions.put(table.relativePath(), ctx.lake().version(table));
                }
                entries.add(new OpenDataExport.Entry(d, sources(result, region), versions,
                        inputPeriod(result, catalogue)));
            }
        }));
        OpenDataExport.Written written = OpenDataExport.write(ctx.workspace().out().resolve("publish"), entries,
                options, guard, regionName(region), BuildInfo.gitCommit(), LocalDate.now(ZoneId.of("Europe/Paris")),
                List.of(CATALOG_JSON));
        written.datasets().forEach((name, e) -> ctx.progress().info(String.format("open data: %s, %,d rows, %s",
                name, e.rows(), e.licence())));
        written.warnings().forEach(w -> ctx.progress().info("open data: " + w));
        return written;
    }

    /** The workbench's full catalogue, written by {@link Catalog}, kept in {@code publish/}. */
    static final String CATALOG_JSON = "catalog.json";

    /**
     * The sources a result was computed from: the connectors that feed the silver tables its run read, or the
     * synthetic generator.
     */
    static List<OpenDataExport.Source> sources(UseCaseResult result, RegionDescription region) {
        if (region.synthetic()) {
            return List.of(new OpenDataExport.Source("synthetic-region", "Région synthétique générée par l'Energy "
                    + "Commons Workbench (graine " + region.seed() + ") / synthetic region (seed " + region.seed()
                    + ")", null, Catalog.SYNTHETIC_LICENCE));
        }
        List<OpenDataExport.Source> out = new ArrayList<>();
        if (result.provenance().get("input_tables") instanceof Map<?, ?> read) {
            for (SourceConnector c : Connectors.all()) {
                if (read.containsKey(SilverMappings.of(c.name()).table().relativePath())) {
                    SourceDescription d = c.description();
                    out.add(new OpenDataExport.Source(c.name(), d.title() + " (" + d.producer() + ")", d.url(),
                            d.licence()));
                }
            }
        }
        return out;
    }

    /**
     * First and last day of the tables a result read, from the catalogue's temporal coverage
     * ({@code "2024-01-01 00:00:00 .. 2024-12-31 23:00:00"}); nulls when none is known.
     */
    static String[] inputPeriod(UseCaseResult result, List<CatalogueEntry> catalogue) {
        String first = null;
        String last = null;
        if (result.provenance().get("input_tables") instanceof Map<?, ?> read) {
            for (CatalogueEntry e : catalogue) {
                String[] span = e.temporal() == null ? new String[0] : e.temporal().split(" \\.\\. ");
                if (!e.isSource() && read.containsKey(e.name()) && span.length == 2) {
                    String a = span[0].substring(0, Math.min(10, span[0].length()));
                    String b = span[1].substring(0, Math.min(10, span[1].length()));
                    first = first == null || a.compareTo(first) < 0 ? a : first;
                    last = last == null || b.compareTo(last) > 0 ? b : last;
                }
            }
        }
        return new String[] {first, last};
    }

    /** The region as the catalogues name its spatial coverage. */
    static String regionName(RegionDescription region) {
        String communes = region.communes().stream().map(p -> p.name()).collect(Collectors.joining(", "));
        String prefix = region.synthetic() ? "Région synthétique (graine " + region.seed() + ")" : "Région";
        return communes.isEmpty() ? prefix : prefix + " : " + communes;
    }

    /**
     * Writes the model card of every use case's best model: JSON beside the model, a page per language; returns the
     * card page by use case id. One query of the registry for all of them.
     */
    private static Map<String, String> modelCards(JobContext ctx, Map<UseCase, UseCaseResult> results,
                                                  boolean synthetic, Path site) {
        Map<String, UseCase> byModelId = new LinkedHashMap<>();
        results.forEach((uc, result) -> {
            UseCaseResult.ModelEntry best = UseCasePage.best(result);
            if (best != null && best.modelId() != null) {
                byModelId.put(best.modelId(), uc);
            }
        });
        Map<String, String> pages = new LinkedHashMap<>();
        if (byModelId.isEmpty() || !ctx.lake().exists(Tables.MODEL_REGISTRY)) {
            return pages;
        }
        ctx.progress().step("publish: model cards of " + byModelId.size() + " models");
        List<Row> rows = ctx.lake().read(Tables.MODEL_REGISTRY)
                .filter(col("model_id").isin(byModelId.keySet().toArray()))
                .collectAsList();
        String generatedAt = Instant.now().toString();
        for (Row row : rows) {
            UseCase uc = byModelId.get(row.<String>getAs("model_id"));
            String artifact = row.getAs("artifact_path");
            ModelCard card = ModelCard.of(uc, ModelRegistry.provenance(row), artifact, results.get(uc), synthetic);
            // Beside the model, so that whoever copies the model directory copies its card.
            ctx.files().writeString(ctx.workspace().artifact(artifact) + "/" + ModelCard.FILE, card.toJson());
            String page = ModelCardPage.page(uc.id());
            for (Lang lang : Lang.ALL) {
                UseCasePipeline.writeText(site.resolve(lang.tag()).resolve(page),
                        ModelCardPage.render(uc, card, generatedAt, lang));
            }
            pages.put(uc.id(), page);
        }
        return pages;
    }

    /** The data catalogue, sources then tables, in the catalogue's order; empty before the catalogue is built. */
    @SuppressWarnings("unchecked")
    private static List<CatalogueEntry> catalogue(JobContext ctx) {
        List<CatalogueEntry> entries = new ArrayList<>();
        if (!ctx.lake().exists(Tables.CATALOG)) {
            return entries;
        }
        for (Row r : ctx.lake().read(Tables.CATALOG).orderBy(col("kind"), col("name")).collectAsList()) {
            String kind = r.getAs("kind");
            Map<String, Object> provenance = Json.read(r.<String>getAs("provenance_json"), Map.class);
            Object personal = provenance.get("personal_data");
            entries.add(new CatalogueEntry(kind, r.<String>getAs("name").replaceFirst("^" + kind + ":", ""),
                    r.getAs("description"), r.getAs("producer"), r.getAs("licence"),
                    personal instanceof Boolean b ? b : null, r.getAs("delta_version"), r.getAs("temporal_coverage"),
                    r.getAs("spatial_coverage")));
        }
        return entries;
    }

    /** The catalogue's tables by lake path, as the framing notes describe the tables a use case read. */
    private static Map<String, FramingNote.TableSource> tables(List<CatalogueEntry> catalogue) {
        Map<String, FramingNote.TableSource> tables = new LinkedHashMap<>();
        for (CatalogueEntry e : catalogue) {
            if (!e.isSource()) {
                tables.put(e.name(), new FramingNote.TableSource(e.name(), e.producer(), e.licence(), e.version(),
                        e.temporal(), e.spatial()));
            }
        }
        return tables;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}

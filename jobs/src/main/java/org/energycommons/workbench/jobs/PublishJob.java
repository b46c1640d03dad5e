package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
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
        String now = Instant.now().toString();
        for (Lang lang : Lang.ALL) {
            Path dir = site.resolve(lang.tag());
            UseCasePipeline.writeDocument(dir, FinalReport.PAGE, FinalReport.render(outcomes, catalogue, guard,
                    runInfo, synthetic, now, lang));
            UseCasePipeline.writeText(dir.resolve(CataloguePage.PAGE), CataloguePage.render(catalogue, now, lang));
            UseCasePipeline.writeText(dir.resolve(UseCasePage.INDEX),
                    SiteIndex.render(entries, runInfo, synthetic, FinalReport.PAGE, lang));
        }
        Path index = site.resolve(UseCasePage.INDEX);
        UseCasePipeline.writeText(index, SiteIndex.root());
        ctx.progress().info("site written to " + index);
        return index;
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
            ctx.files().writeString(artifact + "/" + ModelCard.FILE, card.toJson());
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

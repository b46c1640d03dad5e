package org.energycommons.workbench.jobs.usecase;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Workspace;
import org.energycommons.workbench.jobs.federation.EntitySet;
import org.energycommons.workbench.jobs.opendata.OpenDataset;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.registry.TrainedModel;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.CommuneMap;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.PdfDocument;
import org.energycommons.workbench.reports.usecase.FinalReport;
import org.energycommons.workbench.reports.usecase.FramingNote;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.SynthesisNote;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;

/**
 * The template every use case's pipeline follows, as {@code workbench features|train|publish} and the demo run
 * it: a point-in-time feature table from silver, then models, results tables, the registry and
 * {@code DIR/metrics/ucN.json}, then the report page.
 *
 * <p>The template owns the plumbing every use case shares: the seed default, the run provenance, saving and
 * registering models, checking the criteria and writing {@code ucN.json}, the region description, writing the page
 * and the index headline. A use case implements only its own steps, {@link #features} and {@link #run}, and hands
 * the template its page (data and rendering), its headline and the reader of its typed metrics.
 */
public abstract class UseCasePipeline {

    /** Seed of every fit when the lake was not generated with one (e.g. ingested real data). */
    public static final long DEFAULT_SEED = 42L;

    private final UseCase useCase;
    private final Map<TableId, String> tables;
    private final Function<Map<String, Object>, ? extends UseCaseMetrics> metricsReader;
    private final Page page;
    private final OpenData openData;
    private final Entities entities;
    private final BiFunction<UseCaseResult, Lang, String> headline;

    /** A use case's page: its data from the result and the gold tables, through the guard, rendered to HTML. */
    @FunctionalInterface
    public interface Page {

        /**
         * Queries the page's figures once and returns the page in each language and what its figures mean for the
         * region; every aggregate shown must pass the guard.
         */
        Rendered render(JobContext ctx, UseCaseResult result, SecrecyGuard guard, RegionDescription region);
    }

    /** A use case's open datasets: aggregates of its results tables, through the guard, for {@code publish/}. */
    @FunctionalInterface
    public interface OpenData {

        /** The datasets this use case publishes from its result; empty when it has nothing publishable. */
        List<OpenDataset> datasets(JobContext ctx, UseCaseResult result, SecrecyGuard guard);
    }

    /**
     * A use case's NGSI-LD entities for a federation's broker: only what the publication rules allow (aggregates
     * through the guard, public buildings, substations, gas areas), never a dwelling or a meter.
     */
    @FunctionalInterface
    public interface Entities {

        /** The entities this use case exports from its result, by type; empty when it has none. */
        List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard);
    }

    /**
     * A use case's page, once its figures are queried.
     *
     * @param page      the page's HTML in a language
     * @param territory what its figures mean for the region in a language, for the synthesis note
     */
    public record Rendered(Function<Lang, String> page, Function<Lang, Territory> territory) {

        /** The page and reading of a use case's data, by its page's renderers ({@code UcNPage::render}, ...). */
        public static <D> Rendered of(D data, BiFunction<D, Lang, String> page,
                                      BiFunction<D, Lang, Territory> territory) {
            return new Rendered(lang -> page.apply(data, lang), lang -> territory.apply(data, lang));
        }
    }

    /**
     * A pipeline of a use case.
     *
     * @param useCase the use case, one of the {@code UseCases} constants
     * @param tables the feature and result tables its slice declares, with what each holds
     * @param metricsReader reads a published metric set back into the use case's typed record
     * @param page its report page
     * @param openData its open datasets
     * @param entities its NGSI-LD entities
     * @param headline the one-line headline shown on the site index in a language, from the result's metrics
     */
    protected UseCasePipeline(UseCase useCase, Map<TableId, String> tables,
                              Function<Map<String, Object>, ? extends UseCaseMetrics> metricsReader, Page page,
                              OpenData openData, Entities entities,
                              BiFunction<UseCaseResult, Lang, String> headline) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
        this.tables = Map.copyOf(tables);
        this.metricsReader = Objects.requireNonNull(metricsReader, "metricsReader");
        this.page = Objects.requireNonNull(page, "page");
        this.openData = Objects.requireNonNull(openData, "openData");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.headline = Objects.requireNonNull(headline, "headline");
    }

    /** The use case this pipeline runs. */
    public final UseCase useCase() {
        return useCase;
    }

    /** The feature and result tables of this use case, with what each holds, in lake order. */
    public final Map<TableId, String> tables() {
        return tables;
    }

    /** The page file name under {@code DIR/site/<lang>}. */
    public final String page() {
        return UseCasePage.page(useCase.id());
    }

    // ---- the use case's own steps -------------------------------------------------------------------------

    /** Builds the use case's feature table(s) from silver; returns the number of feature rows. */
    public abstract long features(JobContext ctx);

    /**
     * Fits, evaluates and selects the models, writes the results tables and registers the models (through
     * {@link #saveAndRegister}); returns the result with its provenance (see {@link #result}).
     */
    protected abstract UseCaseResult run(JobContext ctx);

    // ---- the template ---------------------------------------------------------------------------------------

    /**
     * Runs the use case's models, then writes {@code DIR/metrics/ucN.json}; returns the result written there.
     */
    public final UseCaseResult train(JobContext ctx) {
        UseCaseResult result = run(ctx);
        writeMetrics(ctx, result);
        ctx.progress().info(String.format("%s criteria met: %d/%d", useCase.id(),
                result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size()));
        result.sampleWarnings().forEach(w -> ctx.progress().info(useCase.id() + " sample: " + w));
        return result;
    }

    /**
     * Writes the page, the framing note and the synthesis note in every language ({@code DIR/site/<lang>/ucN.html},
     * {@code ucN-framing.html}, {@code ucN-synthesis.html}); returns the index headline in a language.
     *
     * @param catalogue the data catalogue's tables by lake path, for the framing note
     * @param region    what the workspace holds, read once for every use case ({@link #regionDescription}): the
     *                  notes say when it is synthetic, the maps place its communes
     */
    public final Function<Lang, String> publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                                Map<String, FramingNote.TableSource> catalogue,
                                                RegionDescription region) {
        boolean synthetic = region.synthetic();
        Rendered rendered = page.render(ctx, result, guard, region);
        String now = java.time.Instant.now().toString();
        for (Lang lang : Lang.ALL) {
            Path dir = ctx.workspace().site().resolve(lang.tag());
            writeText(dir.resolve(page()), rendered.page().apply(lang));
            writeDocument(dir, SynthesisNote.page(useCase.id()), SynthesisNote.render(useCase, result,
                    rendered.territory().apply(lang), synthetic, now, lang));
            writeDocument(dir, FramingNote.page(useCase.id()), FramingNote.render(useCase, result,
                    tablesRead(result, catalogue), synthetic, now, lang));
        }
        return lang -> result.bestModel() == null
                ? lang.t("aucun modèle entraîné : données insuffisantes", "no model trained: insufficient data")
                : headline.apply(result, lang);
    }

    /**
     * The model saved in {@code dir} (a folder of {@code models/ucN}, as the registry names it) reloaded for
     * prediction.
     *
     * @throws IllegalArgumentException when the folder does not hold a model of this use case
     */
    public abstract Predictor predictor(String dir, LakeFiles files);

    /** The open datasets of a result, through the guard; empty when the use case has no model. */
    public final List<OpenDataset> openData(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return result.bestModel() == null ? List.of() : openData.datasets(ctx, result, guard);
    }

    /** The NGSI-LD entities of a result, through the guard; empty when the use case has no model. */
    public final List<EntitySet> entities(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return result.bestModel() == null ? List.of() : entities.entities(ctx, result, guard);
    }

    /** The tables a result read, as the catalogue describes them, with the Delta version the run read. */
    static List<FramingNote.TableSource> tablesRead(UseCaseResult result,
                                                    Map<String, FramingNote.TableSource> catalogue) {
        List<FramingNote.TableSource> out = new ArrayList<>();
        if (result.provenance().get("input_tables") instanceof Map<?, ?> read) {
            new java.util.TreeMap<>(read).forEach((table, version) -> {
                FramingNote.TableSource known = catalogue.get(String.valueOf(table));
                Long v = version instanceof Number n ? n.longValue() : null;
                out.add(known == null ? new FramingNote.TableSource(String.valueOf(table), "—", "—", v, null, null)
                        : new FramingNote.TableSource(known.table(), known.producer(), known.licence(), v,
                                known.temporal(), known.spatial()));
            });
        }
        return out;
    }

    /** Reads this use case's {@code ucN.json} with its typed metrics. */
    public final UseCaseResult readResult(String json) {
        return UseCaseResult.fromJson(json, metricsReader);
    }

    // ---- plumbing for the steps -----------------------------------------------------------------------------

    /** The seed of this workspace: the generated region's, or {@link #DEFAULT_SEED}. */
    protected static long seed(JobContext ctx) {
        RegionConfig region = GenerateJob.regionOf(ctx);
        return region == null ? DEFAULT_SEED : region.seed();
    }

    /**
     * What the run ran on, for the pages, worded in each language: the synthetic region or the lake, with the
     * communes whose centre {@code silver/communes} gives, for the maps.
     */
    public static RegionDescription regionDescription(JobContext ctx) {
        RegionConfig region = GenerateJob.regionOf(ctx);
        List<CommuneMap.Place> communes = communePlaces(ctx.lake());
        return region == null ? RegionDescription.ingested(ctx.workspace().lake(), communes)
                : RegionDescription.synthetic(region.meters(), region.substations(), region.days(), region.start(),
                        region.seed(), communes);
    }

    /**
     * The communes of {@code silver/communes} that have a position; none when the table is missing or has no
     * {@code latitude} and {@code longitude} (a lake written before the maps, or ingested without positions).
     */
    public static List<CommuneMap.Place> communePlaces(Lake lake) {
        if (!lake.exists(Tables.COMMUNES)) {
            return List.of();
        }
        Dataset<Row> communes = lake.read(Tables.COMMUNES);
        if (!List.of(communes.columns()).containsAll(List.of("latitude", "longitude"))) {
            return List.of();
        }
        List<CommuneMap.Place> places = new ArrayList<>();
        for (Row r : communes.filter(col("latitude").isNotNull().and(col("longitude").isNotNull()))
                .select("commune_code", "name", "latitude", "longitude")
                .orderBy("commune_code")
                .collectAsList()) {
            places.add(new CommuneMap.Place(r.getString(0), r.getString(1), r.getDouble(2), r.getDouble(3)));
        }
        return places;
    }


    /**
     * The provenance of a run reading these tables with these options, the run id and the data it runs on filled
     * in.
     *
     * @param selection how the run chooses its best model, in words
     */
    protected static RunProvenance.Builder provenance(JobContext ctx, List<TableId> inputs, NamespacedOptions options,
                                                      String selection) {
        RegionConfig region = GenerateJob.regionOf(ctx);
        return new RunProvenance.Builder(ctx.runId(), ctx.lake().versions(inputs), region == null
                ? "lake at " + ctx.workspace().lake() : "synthetic region " + region.toProperties())
                .options(options.toMap())
                .selection(selection);
    }

    /** The versions of the tables written, those that exist. */
    protected static Map<String, Long> outputs(JobContext ctx, List<TableId> written) {
        Lake lake = ctx.lake();
        return lake.versions(written.stream().filter(lake::exists).toList());
    }

    /**
     * Saves every model under {@code DIR/lake/models/ucN/<model id>}, registers it with its metrics and returns
     * the entries of the result, in the models' order. The registry and the notes record the path relative to the
     * lake ({@link Workspace#modelPath}).
     *
     * @param models the trained models
     * @param metrics each model's metrics, by model name
     * @param notes each model's notes shown on the page (the artifact path is added)
     */
    protected final List<UseCaseResult.ModelEntry> saveAndRegister(JobContext ctx, List<? extends TrainedModel> models,
                                                                   Map<String, EvaluationSets> metrics,
                                                                   Function<TrainedModel, Map<String, String>> notes) {
        List<Row> registry = new ArrayList<>();
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        for (TrainedModel model : models) {
            String name = model.provenance().name();
            String recorded = Workspace.modelPath(useCase.id(), model.provenance().modelId());
            String dir = ctx.workspace().artifact(recorded);
            ctx.files().delete(dir);
            model.save(dir, ctx.files());
            EvaluationSets m = Objects.requireNonNull(metrics.get(name), () -> "no metrics for model " + name);
            registry.add(ModelRegistry.row(model.provenance(), m, recorded));
            Map<String, String> n = new LinkedHashMap<>(notes.apply(model));
            n.put("artifact", recorded);
            entries.add(new UseCaseResult.ModelEntry(name, model.provenance().engine(), model.provenance().modelId(),
                    m, n));
        }
        if (!registry.isEmpty()) {
            ctx.lake().merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY,
                    ctx.runId());
        }
        return entries;
    }

    /** The result of a run: the entries checked against the use case's criteria, with the provenance. */
    protected final UseCaseResult result(String bestModel, List<UseCaseResult.ModelEntry> entries,
                                         RunProvenance provenance) {
        return new UseCaseResult(useCase.id(), useCase.title(), bestModel, entries,
                UseCaseResult.check(useCase, bestModel, entries), provenance.toMap());
    }

    /** Writes {@code DIR/metrics/ucN.json} whole or not at all. */
    static void writeMetrics(JobContext ctx, UseCaseResult result) {
        writeText(ctx.workspace().metrics().resolve(result.useCase() + ".json"), result.toJson());
    }

    /** Writes a text file whole or not at all (a temporary file moved into place), creating its folder. */
    public static void writeText(Path p, String content) {
        writeBytes(p, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Writes a document the committee reads as a page and as its A4 PDF beside it ({@code name.html},
     * {@code name.pdf}).
     */
    public static void writeDocument(Path dir, String name, String html) {
        writeText(dir.resolve(name), html);
        writeBytes(dir.resolve(FinalReport.pdf(name)), PdfDocument.render(html));
    }

    /** Writes a file whole or not at all: a temporary file beside it, moved into place. */
    public static void writeBytes(Path p, byte[] content) {
        try {
            LocalFiles.writeWhole(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}

package org.energycommons.workbench.jobs.federation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.audit.Identifiers;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * Writes a workspace's federation entities as NGSI-LD (normalized JSON-LD): the region's public buildings and
 * weather days, then each use case's entities from its last results ({@code DIR/metrics/ucN.json}), one file per
 * type ({@code <Type>.jsonld}, a JSON array of entities each with its {@code @context}, the body an NGSI-LD batch
 * upsert takes) and a {@code manifest.json} (types, models, counts, checksums, the lake tables and the Delta
 * versions read, the commit).
 *
 * <p>Every entity is checked against its model's required members before anything is written. The files are
 * written to a staging folder, audited by the publication rules ({@link PublicationAudit#runOn}: no pseudonym,
 * delivery point, address, dwelling or key), and only then renamed into place: a reader never sees a half-written
 * or unaudited export, and a failed audit leaves the destination as it was.
 */
public final class NgsiLdExport {

    /** The manifest's file name; a destination holding one is an earlier export, which an export replaces. */
    public static final String MANIFEST = "manifest.json";

    private NgsiLdExport() {
    }

    /**
     * What an export wrote.
     *
     * @param folder the destination
     * @param counts entities per type, in the order written
     * @param entities every entity, as JSON-LD objects, for a broker
     * @param audit the publication audit of the files; when it failed, nothing was written
     */
    public record Written(Path folder, Map<String, Integer> counts, List<Map<String, Object>> entities,
                          PublicationAudit.Report audit) {

        /** The number of entities. */
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Builds, checks, writes and audits the workspace's entities into {@code to}. */
    public static Written run(JobContext ctx, Path to) {
        checkDestination(to);
        SecrecyGuard guard = SecrecyGuard.of(ctx.config());
        List<EntitySet> sets = new ArrayList<>();
        ctx.progress().step("export ngsi-ld: public buildings and weather days");
        sets.add(RegionEntities.buildings(ctx.lake()));
        sets.add(RegionEntities.weather(ctx.lake()));
        for (UseCasePipeline pipeline : UseCasePipelines.all()) {
            String id = pipeline.useCase().id();
            Path metrics = ctx.workspace().metrics().resolve(id + ".json");
            if (!Files.isRegularFile(metrics)) {
                ctx.progress().info("export ngsi-ld: " + id + " has no results (" + metrics + "): skipped");
                continue;
            }
            ctx.progress().step("export ngsi-ld: " + id);
            UseCaseResult result = pipeline.readResult(read(metrics));
            sets.addAll(pipeline.entities(ctx, result, guard));
        }
        Map<EntityModel, List<EntitySet>> byType = new LinkedHashMap<>();
        for (EntityModel model : EntityModels.ALL) {
            List<EntitySet> of = sets.stream().filter(s -> s.model().equals(model) && !s.entities().isEmpty())
                    .toList();
            if (!of.isEmpty()) {
                byType.put(model, of);
            }
        }
        check(byType);
        return write(ctx, to, byType);
    }

    /** Every entity has its model's required members and no member the model does not define; ids are unique. */
    static void check(Map<EntityModel, List<EntitySet>> byType) {
        Set<String> ids = new java.util.HashSet<>();
        byType.forEach((model, sets) -> sets.forEach(set -> set.entities().forEach(e -> {
            List<String> missing = model.missing(e);
            List<String> undefined = model.undefined(e);
            if (!missing.isEmpty() || !undefined.isEmpty()) {
                throw new IllegalStateException(set.source() + ": entity " + e.id() + " does not follow the "
                        + model.type() + " model: " + (missing.isEmpty() ? "" : "missing " + missing + " ")
                        + (undefined.isEmpty() ? "" : "undefined " + undefined));
            }
            if (!ids.add(e.id())) {
                throw new IllegalStateException(set.source() + ": entity id " + e.id() + " given twice");
            }
        })));
    }

    private static Written write(JobContext ctx, Path to, Map<EntityModel, List<EntitySet>> byType) {
        Path absolute = to.toAbsolutePath().normalize();
        Path staging = absolute.resolveSibling("." + absolute.getFileName() + "-staging");
        Path old = absolute.resolveSibling("." + absolute.getFileName() + "-old");
        // One entity per line: a file a person can read with head and grep, and a tool line by line.
        com.fasterxml.jackson.databind.ObjectWriter json = Json.mapper().writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> types = new ArrayList<>();
        try {
            LocalFiles.deleteTree(staging);
            LocalFiles.deleteTree(old);
            Files.createDirectories(staging);
            for (Map.Entry<EntityModel, List<EntitySet>> e : byType.entrySet()) {
                EntityModel model = e.getKey();
                String file = model.type() + ".jsonld";
                List<Object> context = model.context();
                int n = 0;
                try (BufferedWriter w = Files.newBufferedWriter(staging.resolve(file), StandardCharsets.UTF_8)) {
                    w.write("[");
                    for (EntitySet set : e.getValue()) {
                        for (NgsiEntity entity : set.entities()) {
                            Map<String, Object> doc = entity.toJsonLd(context);
                            w.write(n == 0 ? "\n" : ",\n");
                            w.write(json.writeValueAsString(doc));
                            all.add(doc);
                            n++;
                        }
                    }
                    w.write("\n]\n");
                }
                counts.put(model.type(), n);
                Set<String> sources = new LinkedHashSet<>();
                Map<String, Long> tables = new TreeMap<>();
                for (EntitySet set : e.getValue()) {
                    sources.add(set.source());
                    for (TableId t : set.tables()) {
                        tables.put(t.relativePath(), ctx.lake().version(t));
                    }
                }
                Map<String, Object> type = new LinkedHashMap<>();
                type.put("type", model.type());
                type.put("model", model.own() ? "own type (docs/federation.md, docs/ngsi-ld/" + model.type()
                        + ".schema.json)" : "FIWARE Smart Data Models " + model.smartDataModel());
                type.put("required", model.required());
                type.put("context", context);
                type.put("file", file);
                type.put("entities", n);
                type.put("sha256", sha256(staging.resolve(file)));
                type.put("made_by", List.copyOf(sources));
                type.put("tables_read", tables);
                types.add(type);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", "NGSI-LD normalized entities (ETSI GS CIM 009), JSON-LD; each file is the body of "
                    + "a batch upsert (POST /ngsi-ld/v1/entityOperations/upsert, application/ld+json)");
            manifest.put("created", Instant.now().toString());
            manifest.put("run_id", ctx.runId());
            manifest.put("git_commit", BuildInfo.gitCommit());
            manifest.put("lake", ctx.workspace().lake());
            manifest.put("entities", counts.values().stream().mapToInt(Integer::intValue).sum());
            manifest.put("types", types);
            Files.writeString(staging.resolve(MANIFEST), Json.write(manifest), StandardCharsets.UTF_8);

            ctx.progress().step("export ngsi-ld: publication audit of " + counts.values().stream()
                    .mapToInt(Integer::intValue).sum() + " entities");
            Path out = ctx.workspace().out();
            PublicationAudit.Report audit = PublicationAudit.runOn(staging, Identifiers.fromLake(ctx.lake()),
                    PublicationAudit.keys(out), SecrecyGuard.of(ctx.config()).minPoints(), ctx.spark());
            if (!audit.passed()) {
                LocalFiles.deleteTree(staging);
                return new Written(absolute, counts, List.of(), audit);
            }
            // One rename puts the export in place; an earlier export is moved aside first, then removed.
            if (Files.exists(absolute)) {
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            LocalFiles.deleteTree(old);
            return new Written(absolute, counts, all, audit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the NGSI-LD export to " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * The destination is new, empty, or an earlier export (it holds a manifest): anything else is refused, so
     * that an export never replaces a folder of the user's.
     */
    public static void checkDestination(Path to) {
        if (!Files.exists(to)) {
            return;
        }
        if (!Files.isDirectory(to)) {
            throw new IllegalArgumentException("--to " + to + " is a file: give a folder (new, empty or an earlier "
                    + "export)");
        }
        try (var entries = Files.list(to)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(to.resolve(MANIFEST))) {
                throw new IllegalArgumentException("--to " + to + " is not empty and holds no NGSI-LD export ("
                        + MANIFEST + "): give a new or empty folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + to + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

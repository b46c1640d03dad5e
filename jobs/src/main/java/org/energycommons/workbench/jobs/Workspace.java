package org.energycommons.workbench.jobs;

import java.nio.file.Path;

/**
 * A run's workspace: {@code DIR/lake} (or the {@code --lake} URI), {@code DIR/site}, {@code DIR/metrics},
 * {@code DIR/publish}, and {@code DIR/.secrets} for the synthetic workspace's pseudonymisation key.
 *
 * @param out the workspace folder
 * @param lake the lake root: a local folder or a Hadoop URI
 */
public record Workspace(Path out, String lake) {

    /** The workspace of {@code --out} and {@code --lake} (null lake: {@code out/lake}). */
    public static Workspace of(Path out, String lakeUri) {
        Path abs = out.toAbsolutePath().normalize();
        return new Workspace(abs, lakeUri == null || lakeUri.isBlank() ? abs.resolve("lake").toString() : lakeUri);
    }

    /** The static site. */
    public Path site() {
        return out.resolve("site");
    }

    /** Machine-readable results. */
    public Path metrics() {
        return out.resolve("metrics");
    }

    /** Secrets of this workspace (never published). */
    public Path secrets() {
        return out.resolve(".secrets");
    }

    /**
     * Where a model is saved, relative to the lake root ({@code models/ucN/<model id>}): what the registry and
     * {@code metrics/ucN.json} record, so that a workspace copied or moved elsewhere still finds its models.
     */
    public static String modelPath(String useCase, String modelId) {
        return "models/" + useCase + "/" + modelId;
    }

    /**
     * The location of a saved artefact: a path relative to the lake root resolved against this lake; an absolute
     * path or a URI (as registries written before paths were relative hold) as it is.
     */
    public String artifact(String recorded) {
        boolean absolute = recorded.startsWith("/") || recorded.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
        return absolute ? recorded : lake + "/" + recorded;
    }

    /** The region description written by {@code generate}. */
    public String regionFile() {
        return lake + "/region.properties";
    }
}

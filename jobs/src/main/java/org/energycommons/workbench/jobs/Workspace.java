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

    /** Where the models of a use case are saved. */
    public String models(String useCase) {
        return lake + "/models/" + useCase;
    }

    /** The region description written by {@code generate}. */
    public String regionFile() {
        return lake + "/region.properties";
    }
}

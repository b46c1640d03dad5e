package org.energycommons.workbench.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;

/**
 * Where the pseudonymisation key comes from: {@code WORKBENCH_PSEUDO_KEY} (hex) when set; for a synthetic
 * workspace without it, a key generated once and kept in {@code DIR/.secrets/pseudo.key} (owner-only), so that
 * re-runs give the same pseudonyms. The key itself is never printed.
 */
public final class PseudoKeys {

    /** Environment variable holding the key as hex. */
    public static final String ENV = "WORKBENCH_PSEUDO_KEY";

    private PseudoKeys() {
    }

    /** The key for ingesting real data: {@code WORKBENCH_PSEUDO_KEY}, required. */
    public static Pseudonymizer required(String what) {
        return required(what, System.getenv(ENV));
    }

    static Pseudonymizer required(String what, String env) {
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException(what + " needs a pseudonymisation key: set " + ENV
                    + " to 64 or more hex characters (e.g. from your secret store); it is never written anywhere");
        }
        return Pseudonymizer.fromHex(env);
    }

    /**
     * The key a workspace was made with, for work on one person's data (the household report): {@code
     * WORKBENCH_PSEUDO_KEY}, else the workspace's {@code .secrets/pseudo.key}; never a new one.
     */
    public static Pseudonymizer existing(Workspace workspace, String what) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Pseudonymizer.fromHex(env);
        }
        Path file = workspace.secrets().resolve("pseudo.key");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " needs the workspace's pseudonymisation key: set " + ENV
                    + " or keep it in " + file + " (it is made only where the key is)");
        }
        try {
            return Pseudonymizer.fromHex(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonymisation key " + file, e);
        }
    }

    /** The key for generating a synthetic region in this workspace. */
    public static Pseudonymizer forSynthetic(Workspace workspace, Progress progress) {
        return forSynthetic(workspace, progress, System.getenv(ENV));
    }

    static Pseudonymizer forSynthetic(Workspace workspace, Progress progress, String env) {
        if (env != null && !env.isBlank()) {
            return Pseudonymizer.fromHex(env);
        }
        Path file = workspace.secrets().resolve("pseudo.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                // Whole or not at all: written under a temporary name, readable by its owner only, then renamed
                // (a key cut short by a killed process would pseudonymise the next run differently, or not at all).
                Path tmp = Files.createTempFile(file.getParent(), ".pseudo.key", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the folder stays out of every published output anyway.
                }
                Files.writeString(tmp, Pseudonymizer.newHexKey() + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                progress.info("generated a pseudonymisation key for this synthetic workspace in " + file
                        + " (set " + ENV + " to use your own)");
            }
            return Pseudonymizer.fromHex(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonymisation key " + file, e);
        }
    }
}

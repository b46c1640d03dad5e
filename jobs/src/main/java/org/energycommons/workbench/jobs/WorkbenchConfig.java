package org.energycommons.workbench.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a run: the committed defaults ({@code workbench-defaults.properties} on the classpath,
 * the same as {@code conf/workbench.properties}), then {@code conf/workbench.properties} in the working folder
 * if present, then the file named by {@code --conf} or {@code WORKBENCH_CONF}. Command-line options win over all.
 * Secrets are never read from here: the pseudonymisation key comes from {@code WORKBENCH_PSEUDO_KEY}.
 */
public final class WorkbenchConfig {

    private WorkbenchConfig() {
    }

    /** Loads the layered configuration. */
    public static Properties load(Path explicit) {
        Properties p = new Properties();
        try (InputStream in = WorkbenchConfig.class.getResourceAsStream("/workbench-defaults.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in defaults: " + e.getMessage(), e);
        }
        overlay(p, Path.of("conf", "workbench.properties"), false);
        String env = System.getenv("WORKBENCH_CONF");
        if (explicit != null) {
            overlay(p, explicit, true);
        } else if (env != null && !env.isBlank()) {
            overlay(p, Path.of(env), true);
        }
        for (String key : p.stringPropertyNames()) {
            if (key.toLowerCase(java.util.Locale.ROOT).contains("pseudo_key")) {
                throw new IllegalArgumentException("configuration must not hold the pseudonymisation key (" + key
                        + "); set WORKBENCH_PSEUDO_KEY instead");
            }
        }
        return p;
    }

    private static void overlay(Properties p, Path file, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new IllegalArgumentException("configuration file not found: " + file);
            }
            return;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties layer = new Properties();
            layer.load(r);
            p.putAll(layer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }
}

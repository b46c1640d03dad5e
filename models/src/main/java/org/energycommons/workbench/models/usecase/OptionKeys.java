package org.energycommons.workbench.models.usecase;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The namespaced-key rules every options record follows ({@code workbench.<uc>.<key>}): a misspelt key under a
 * record's prefix is an error rather than silently ignored, and a record turns back into the properties it was
 * read from.
 */
public final class OptionKeys {

    private OptionKeys() {
    }

    /**
     * Fails on a key under {@code prefix} that is not in {@code known} (short keys), except keys under one of the
     * {@code delegated} prefixes, which another options record reads.
     *
     * @throws IllegalArgumentException naming the unknown key and the known ones
     */
    public static void requireKnown(Properties p, String prefix, Set<String> known, String... delegated) {
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(prefix) || known.contains(key.substring(prefix.length()))) {
                continue;
            }
            boolean elsewhere = false;
            for (String d : delegated) {
                elsewhere |= key.startsWith(d);
            }
            if (!elsewhere) {
                throw new IllegalArgumentException("unknown option " + key + "; known: " + known);
            }
        }
    }

    /** The short-key options as properties under {@code prefix}. */
    public static Properties properties(String prefix, Map<String, String> options) {
        Properties p = new Properties();
        options.forEach((k, v) -> p.setProperty(prefix + k, v));
        return p;
    }
}

package org.energycommons.workbench.models.provenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance of one use-case run, as published in {@code ucN.json}: run id, commit, libraries, the Delta
 * versions of the tables it read and wrote, the split, the options, the data it ran on and how it selected its
 * model, then the use case's own details (e.g. uc2's rules file). A published figure traces to a table version
 * through it.
 *
 * @param runId run id recorded in every Delta commit of the run
 * @param gitCommit commit of the code
 * @param libraries library versions
 * @param inputTables table path to the Delta version read
 * @param outputTables table path to the Delta version written
 * @param split how the evaluation sets were formed (a map of set name to description, or the use case's own form)
 * @param options the options record, as properties
 * @param data what the run ran on (the synthetic region or the lake)
 * @param selection how the best model was chosen, in words
 * @param details the use case's own entries, in publication order
 */
public record RunProvenance(String runId, String gitCommit, Map<String, String> libraries,
                            Map<String, Long> inputTables, Map<String, Long> outputTables, Object split,
                            Map<String, String> options, String data, String selection, Map<String, Object> details) {

    /** The common published keys, in publication order (the split only where there is one). */
    private static final String[] KEYS = {"run_id", "git_commit", "libraries", "input_tables", "output_tables",
        "split", "options", "data", "selection"};

    public RunProvenance {
        libraries = frozen(libraries);
        inputTables = frozen(inputTables);
        outputTables = frozen(outputTables);
        options = frozen(options);
        details = frozen(details);
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The published form: the common keys first, then the details. */
    public Map<String, Object> toMap() {
        Object[] common = {runId, gitCommit, libraries, inputTables, outputTables, split, options, data, selection};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.length; i++) {
            if (common[i] != null || !KEYS[i].equals("split")) {
                m.put(KEYS[i], common[i]);
            }
        }
        m.putAll(details);
        return m;
    }

    /** Reads the published form back (e.g. from {@code ucN.json}); absent entries are empty. */
    @SuppressWarnings("unchecked")
    public static RunProvenance fromMap(Map<String, Object> m) {
        Map<String, Object> details = new LinkedHashMap<>(m);
        for (String k : KEYS) {
            details.remove(k);
        }
        return new RunProvenance((String) m.get("run_id"), (String) m.get("git_commit"),
                (Map<String, String>) m.get("libraries"), versions(m.get("input_tables")),
                versions(m.get("output_tables")), m.get("split"), (Map<String, String>) m.get("options"),
                (String) m.get("data"), (String) m.get("selection"), details);
    }

    private static Map<String, Long> versions(Object o) {
        Map<String, Long> v = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, n) -> v.put(String.valueOf(k), ((Number) n).longValue()));
        }
        return v;
    }

    /** The split as set name to description; empty when the split has another form. */
    @SuppressWarnings("unchecked")
    public Map<String, String> splitSets() {
        return split instanceof Map<?, ?> ? (Map<String, String>) split : Map.of();
    }

    /** A detail as text, or null. */
    public String detail(String key) {
        Object v = details.get(key);
        return v == null ? null : v.toString();
    }

    /**
     * The provenance of a run being assembled: the template fills the common entries, the use case adds its
     * split, options, selection, outputs and details.
     */
    public static final class Builder {
        private final String runId;
        private final Map<String, Long> inputTables;
        private final String data;
        private Map<String, Long> outputTables = Map.of();
        private Object split;
        private Map<String, String> options = Map.of();
        private String selection;
        private final Map<String, Object> details = new LinkedHashMap<>();

        /** A run reading these table versions, on this data. */
        public Builder(String runId, Map<String, Long> inputTables, String data) {
            this.runId = runId;
            this.inputTables = inputTables;
            this.data = data;
        }

        /** The table versions the run wrote. */
        public Builder outputs(Map<String, Long> versions) {
            this.outputTables = versions;
            return this;
        }

        /** How the evaluation sets were formed. */
        public Builder split(Object split) {
            this.split = split;
            return this;
        }

        /** The options record, as properties. */
        public Builder options(Map<String, String> options) {
            this.options = options;
            return this;
        }

        /** How the best model was chosen. */
        public Builder selection(String selection) {
            this.selection = selection;
            return this;
        }

        /** One of the use case's own entries. */
        public Builder detail(String key, Object value) {
            details.put(key, value);
            return this;
        }

        /** The table versions the run read. */
        public Map<String, Long> inputTables() {
            return inputTables;
        }

        /** The provenance, with the commit and library versions of this build. */
        public RunProvenance build() {
            return new RunProvenance(runId, BuildInfo.gitCommit(), BuildInfo.libraries(), inputTables, outputTables,
                    split, options, data, selection, details);
        }
    }
}

package org.energycommons.workbench.models.benchmark.enb;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Smile hyper-parameter maps checked against the keys Smile actually reads. */
final class SmileKeys {

    private SmileKeys() {
    }

    static Properties properties(Map<String, String> settings, List<String> known, String what) {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown Smile " + what + " setting '" + e.getKey()
                        + "' (Smile would silently ignore it); known keys: " + known);
            }
            p.setProperty(e.getKey(), e.getValue());
        }
        return p;
    }

    static Map<String, String> asMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }
}

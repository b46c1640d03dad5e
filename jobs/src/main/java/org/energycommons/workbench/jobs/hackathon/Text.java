package org.energycommons.workbench.jobs.hackathon;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text in French and English, French first: what a hackathon team reads.
 *
 * @param fr the French text
 * @param en the English text
 */
public record Text(String fr, String en) {

    /** As a JSON object {@code {"fr": ..., "en": ...}}. */
    public Map<String, String> json() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fr", fr);
        m.put("en", en);
        return m;
    }

    /** The text in a language, {@code fr} or {@code en}. */
    public String in(String lang) {
        return "fr".equals(lang) ? fr : en;
    }
}

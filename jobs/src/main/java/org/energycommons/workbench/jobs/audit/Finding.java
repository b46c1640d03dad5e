package org.energycommons.workbench.jobs.audit;

/**
 * One leak the publication audit found: where (a file under the workspace, a place in it), what kind, and a short
 * excerpt that never reprints a secret in full (its first characters and "…", or nothing for the key).
 *
 * @param file the file, relative to the workspace ({@code site/fr/uc5.html})
 * @param location where in the file: a line, a CSV line and column, a JSON path, a PDF page
 * @param kind what leaks
 * @param excerpt what was seen, shortened
 */
public record Finding(String file, String location, Kind kind, String excerpt) {

    /** What a finding leaks. */
    public enum Kind {
        /** A pseudonym of a meter or an address (keyed HMAC-SHA256, 64 hex characters). */
        PSEUDONYM("pseudonym"),
        /** A delivery-point number (PRM, 14 digits) or a number that looks like one. */
        PRM("PRM-like identifier"),
        /** A postal address. */
        ADDRESS("address"),
        /** The identifier of a building that is not a public building, or of a dwelling's DPE certificate. */
        BUILDING_ID("building id"),
        /** The workspace's pseudonymisation key. */
        KEY("pseudonymisation key"),
        /** A count of a protected population from 1 to the secrecy threshold - 1, not suppressed. */
        SMALL_COUNT("unsuppressed small count");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the audit names it. */
        public String label() {
            return label;
        }
    }

    /** The finding as the audit prints it: {@code file:location: kind: excerpt}. */
    @Override
    public String toString() {
        return file + ":" + location + ": " + kind.label() + ": " + excerpt;
    }

    /** The first 8 characters of a value and "…", so that a line names what it saw without repeating it. */
    static String shortened(String value) {
        String v = value.strip();
        return v.length() <= 8 ? v : v.substring(0, 8) + "\u2026";
    }
}

package org.energycommons.workbench.jobs.audit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for identifiers and the key in one piece of text (a text node, an attribute, a cell, a JSON value, a PDF
 * page): the lake's identifiers exactly, and generic patterns (a PRM-like 14-digit number, a French street
 * address; a 64-hex pseudonym only when there is no lake to match against).
 */
final class TextScanner {

    /** A run of hex digits long enough to be a pseudonym or a part of one that still links to it. */
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{16,}(?![0-9A-Fa-f])");
    /** 14 digits standing alone (a PRM), not inside a longer number, a decimal or an alphanumeric code. */
    private static final Pattern PRM = Pattern.compile("(?<![0-9A-Za-z.,])\\d{14}(?![0-9A-Za-z]|[.,]\\d)");
    /** A word of an identifier: letters, digits, '_' and inner '-'. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*");
    /**
     * A French street address: a number (bis, ter…), a street type, then an article or a capitalised name
     * ({@code 12 rue des Tilleuls}, {@code 3 BIS AVENUE DE LA GARE}).
     */
    private static final Pattern STREET = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?i:bis|ter|quater|"
            + "[a-d]))?,?\\s+(?i:rue|avenue|av\\.|boulevard|bd|chemin|place|impasse|all[ée]e|route|quai|"
            + "lotissement|r[ée]sidence|hameau|lieu-dit|sentier|cit[ée]|esplanade|faubourg|ruelle|square|cours)"
            + "\\s+(?:(?i:de\\s+la|de\\s+l'|de\\s+l’|des|du|de|d'|d’|la|le|les|l'|l’)\\s*\\p{L}|\\p{Lu})");
    /** Words before a hex run (or naming its field) that say it is a declared digest, not an identifier. */
    private static final List<String> DIGEST_WORDS = List.of("sha256", "sha-256", "sha 256", "hash", "checksum",
            "fingerprint", "digest", "commit", "md5", "empreinte", "somme de contr");

    private final Identifiers ids;
    private final List<String> keyForms;
    private final List<String> keyHexes;

    /**
     * @param ids the lake's identifiers, or {@link Identifiers#none()}
     * @param keys the pseudonymisation keys to look for, as bytes
     */
    TextScanner(Identifiers ids, List<byte[]> keys) {
        this.ids = ids;
        Set<String> hexes = new LinkedHashSet<>();
        Set<String> forms = new LinkedHashSet<>();
        for (byte[] key : keys) {
            hexes.add(HexFormat.of().formatHex(key));
            String b64 = Base64.getEncoder().encodeToString(key);
            forms.add(b64.replaceAll("=+$", ""));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        }
        this.keyHexes = new ArrayList<>(hexes);
        this.keyForms = new ArrayList<>(forms);
    }

    /**
     * Scans one piece of text.
     *
     * @param text the text
     * @param context what names it (a JSON field, an attribute): a digest's name exempts a 64-hex run without a lake
     * @param found receives each finding as {@code kind, excerpt}
     */
    void scan(String text, String context, Consumer<Hit> found) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean key = false;
        for (String hex : keyHexes) {
            key |= lower.contains(hex);
        }
        for (String form : keyForms) {
            key |= text.contains(form);
        }
        if (key) {
            found.accept(new Hit(Finding.Kind.KEY, "(the key itself; not repeated here)"));
        }
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            String run = hex.group();
            if (isKey(run)) {
                continue;
            }
            if (ids.fromLake()) {
                boolean pseudonym = run.length() <= 64 ? ids.isPseudonym(run)
                        : ids.isPseudonym(run.substring(0, 64)) || ids.isPseudonym(run.substring(run.length() - 64));
                if (pseudonym) {
                    found.accept(new Hit(Finding.Kind.PSEUDONYM, Finding.shortened(run)));
                }
            } else if (run.length() == 64 && !declaredDigest(lower, hex.start(), context)) {
                found.accept(new Hit(Finding.Kind.PSEUDONYM, Finding.shortened(run) + " (64 hex characters)"));
            }
        }
        Matcher prm = PRM.matcher(text);
        while (prm.find()) {
            found.accept(new Hit(Finding.Kind.PRM, Finding.shortened(prm.group())));
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String id = buildingId(word.group());
            if (id != null) {
                found.accept(new Hit(Finding.Kind.BUILDING_ID, Finding.shortened(id)));
            }
        }
        Matcher street = STREET.matcher(text);
        Set<Integer> streetStarts = new LinkedHashSet<>();
        while (street.find()) {
            streetStarts.add(street.start());
            int end = Math.min(text.length(), street.start() + 40);
            found.accept(new Hit(Finding.Kind.ADDRESS, Finding.shortened(text.substring(street.start(), end))));
        }
        if (streetStarts.isEmpty()) {
            for (String a : ids.addressesIn(Identifiers.words(text))) {
                found.accept(new Hit(Finding.Kind.ADDRESS, Finding.shortened(a)));
            }
        }
    }

    private boolean isKey(String run) {
        String r = run.toLowerCase(Locale.ROOT);
        return keyHexes.stream().anyMatch(r::contains);
    }

    /** A building id in a word, or in a run of its hyphen-separated parts ({@code BAT-99001-0000001-x}). */
    private String buildingId(String word) {
        if (ids.isBuildingId(word)) {
            return word;
        }
        String[] parts = word.split("-");
        if (parts.length < 2 || parts.length > 8) {
            return null;
        }
        for (int from = 0; from < parts.length; from++) {
            StringBuilder id = new StringBuilder();
            for (int to = from; to < parts.length; to++) {
                if (to > from) {
                    id.append('-');
                }
                id.append(parts[to]);
                if ((from > 0 || to < parts.length - 1) && ids.isBuildingId(id.toString())) {
                    return id.toString();
                }
            }
        }
        return null;
    }

    private static boolean declaredDigest(String lower, int start, String context) {
        String before = lower.substring(Math.max(0, start - 24), start);
        String ctx = context == null ? "" : context.toLowerCase(Locale.ROOT);
        return DIGEST_WORDS.stream().anyMatch(w -> before.contains(w) || ctx.contains(w));
    }

    /** A finding without its place: its kind and excerpt. */
    record Hit(Finding.Kind kind, String excerpt) {
    }
}

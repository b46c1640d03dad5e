package org.energycommons.workbench.jobs.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.models.uc2.Uc2Features;

/**
 * The identifiers of a workspace's lake that must never be published: pseudonyms (meters, addresses), the ids of
 * buildings that are not public buildings and of dwellings' DPE certificates, and clear addresses of the bronze
 * layer. The audit matches them exactly, so that a SHA-256 fingerprint or a commit hash that is not one of them is
 * no finding; without a lake ({@link #none()}) it falls back on generic patterns.
 *
 * <p>Public buildings' ids ({@link Uc2Features#PUBLIC_USES}: schools, town halls) may be published: they are
 * municipal buildings, not personal data (docs/publication-policy.md).
 */
public final class Identifiers {

    private final boolean fromLake;
    private final NavigableSet<String> pseudonyms;
    private final Set<String> buildingIds;
    private final Map<String, List<List<String>>> addresses;

    private Identifiers(boolean fromLake, Collection<String> pseudonyms, Collection<String> buildingIds,
                        Collection<String> addresses) {
        this.fromLake = fromLake;
        this.pseudonyms = new TreeSet<>();
        pseudonyms.stream().filter(p -> p != null && p.length() >= 16).map(p -> p.toLowerCase(Locale.ROOT))
                .forEach(this.pseudonyms::add);
        this.buildingIds = new HashSet<>();
        buildingIds.stream().filter(b -> b != null && !b.isBlank()).map(String::strip).forEach(this.buildingIds::add);
        this.addresses = new HashMap<>();
        for (String a : addresses) {
            List<String> words = words(a == null ? "" : a);
            // A one-word "address" (a place name) would match ordinary text: generic patterns cover real ones.
            if (words.size() >= 2 && String.join(" ", words).length() >= 8) {
                this.addresses.computeIfAbsent(words.get(0) + " " + words.get(1), k -> new ArrayList<>()).add(words);
            }
        }
    }

    /** No lake: the audit applies generic patterns only. */
    public static Identifiers none() {
        return new Identifiers(false, List.of(), List.of(), List.of());
    }

    /**
     * Reads the identifiers of a lake: {@code meter_id} of silver/meters (else of silver/load_curve) and of
     * silver/consents, {@code address_id} of silver/annual_consumption_by_address and silver/dpe,
     * {@code building_id} of silver/buildings that are not public buildings, {@code dpe_id} and {@code building_id}
     * of silver/dpe, and the {@code address} of the bronze tables of ingested sources that have one.
     * {@link #none()} when the lake has none of these tables but silver/consents.
     */
    public static Identifiers fromLake(Lake lake) {
        List<String> pseudonyms = new ArrayList<>();
        boolean any = false;
        if (lake.exists(Tables.METERS)) {
            any = true;
            pseudonyms.addAll(distinct(lake.read(Tables.METERS), "meter_id"));
        } else if (lake.exists(Tables.LOAD_CURVE)) {
            any = true;
            pseudonyms.addAll(distinct(lake.read(Tables.LOAD_CURVE), "meter_id"));
        }
        // A consent may name a meter whose load curve was never ingested: its pseudonym is kept out all the same.
        // Consents alone do not make the lake's identifiers known (the generic patterns, stricter, stay).
        if (lake.exists(Tables.CONSENTS)) {
            pseudonyms.addAll(distinct(lake.read(Tables.CONSENTS), "meter_id"));
        }
        for (TableId t : List.of(Tables.ANNUAL_BY_ADDRESS, Tables.DPE)) {
            if (lake.exists(t)) {
                any = true;
                pseudonyms.addAll(distinct(lake.read(t), "address_id"));
            }
        }
        List<String> buildings = new ArrayList<>();
        if (lake.exists(Tables.BUILDINGS)) {
            any = true;
            Dataset<Row> b = lake.read(Tables.BUILDINGS);
            if (Arrays.asList(b.columns()).contains("building_use")) {
                b = b.filter(col("building_use").isNull().or(not(col("building_use")
                        .isin(Uc2Features.PUBLIC_USES.toArray()))));
            }
            buildings.addAll(distinct(b, "building_id"));
        }
        if (lake.exists(Tables.DPE)) {
            Dataset<Row> dpe = lake.read(Tables.DPE);
            buildings.addAll(distinct(dpe, "dpe_id"));
            buildings.addAll(distinct(dpe, "building_id"));
        }
        List<String> addresses = new ArrayList<>();
        for (String source : List.of("enedis_annual_address", "ademe_dpe")) {
            TableId bronze = new TableId(Layer.BRONZE, source);
            if (lake.exists(bronze)) {
                addresses.addAll(distinct(lake.read(bronze), "address"));
            }
        }
        return any ? new Identifiers(true, pseudonyms, buildings, addresses) : none();
    }

    private static List<String> distinct(Dataset<Row> rows, String column) {
        if (!Arrays.asList(rows.columns()).contains(column)) {
            return List.of();
        }
        return rows.select(col(column).cast("string")).where(col(column).isNotNull()).distinct().collectAsList()
                .stream().map(r -> r.getString(0)).toList();
    }

    /** Whether these come from a lake (exact matching) or are none (generic patterns only). */
    public boolean fromLake() {
        return fromLake;
    }

    /** Whether a hex string (16 characters or more, any case) is a pseudonym or the start of one. */
    boolean isPseudonym(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        String next = pseudonyms.ceiling(h);
        return next != null && next.startsWith(h);
    }

    /** Whether a word is the id of a building that is not public, or of a dwelling's certificate. */
    boolean isBuildingId(String word) {
        return buildingIds.contains(word);
    }

    /** The known addresses that the words of a text hold, as they appear in it (lower case, no accents). */
    List<String> addressesIn(List<String> textWords) {
        List<String> found = new ArrayList<>();
        if (addresses.isEmpty()) {
            return found;
        }
        for (int i = 0; i + 1 < textWords.size(); i++) {
            List<List<String>> candidates = addresses.get(textWords.get(i) + " " + textWords.get(i + 1));
            if (candidates == null) {
                continue;
            }
            for (List<String> a : candidates) {
                if (i + a.size() <= textWords.size() && textWords.subList(i, i + a.size()).equals(a)) {
                    found.add(String.join(" ", a));
                }
            }
        }
        return found;
    }

    /** A text as words: lower case, without accents, split on anything but letters and digits. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}

package org.energycommons.workbench.models.usecase;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A key-independent identity of an evaluation unit (a meter, a dwelling), computed from the unit's data, so that a
 * seeded split or an order drawn from it depends on the seed and the data, never on the pseudonymisation key.
 *
 * <p>A pseudonym is a keyed hash: two workspaces generated from the same seed hold the same meters under different
 * pseudonyms, so a split drawn from a hash of the pseudonym, or an order by pseudonym, differs between them and so do
 * the figures. This key hashes what the unit is instead: its labels and its values, the values rounded to single
 * precision first, because the last bits of a Spark sum of doubles depend on how the rows were partitioned
 * ({@code local[1]} or {@code local[2]}) while the first 24 bits of the mantissa do not (two values differing only
 * by a last-bit difference straddling a single-precision rounding boundary is the one, rare, way they can differ).
 */
public final class DataKey {

    private DataKey() {
    }

    /**
     * The key of one unit: 16 hex digits of SHA-256 over a purpose, the labels and the values.
     *
     * @param purpose what the key is for (e.g. {@code "uc1-meter"}), so that two uses never share keys
     * @param labels the unit's categorical data (commune, tariff), in a fixed order
     * @param values the unit's numeric data, in a fixed order
     */
    public static String of(String purpose, String[] labels, double... values) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(purpose.getBytes(StandardCharsets.UTF_8));
        for (String label : labels) {
            digest.update((byte) 0);
            digest.update(String.valueOf(label).getBytes(StandardCharsets.UTF_8));
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (double v : values) {
            buffer.putInt(Float.floatToIntBits((float) v));
        }
        digest.update((byte) 1);
        digest.update(buffer.array());
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}

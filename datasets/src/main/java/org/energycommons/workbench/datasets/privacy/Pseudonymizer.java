package org.energycommons.workbench.datasets.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudonymisation of identifiers (PRM, address) at the silver layer: HMAC-SHA256 under a secret key,
 * written as 64 lower-case hex characters.
 *
 * <p>Without the key, a pseudonym cannot be linked back to its identifier by hashing candidate PRMs (a plain
 * hash could). The key comes from configuration, never from code, and never appears in a table, log or output:
 * {@link #toString()} does not show it.
 */
public final class Pseudonymizer implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";
    /** Shortest key accepted, in bytes: HMAC-SHA256 keys shorter than the hash are weak. */
    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    /**
     * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes
     */
    public Pseudonymizer(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key must have at least " + MIN_KEY_BYTES
                    + " bytes (64 hex characters), got " + key.length);
        }
        this.key = key.clone();
    }

    /** Parses a key written as hex, as in {@code WORKBENCH_PSEUDO_KEY}. */
    public static Pseudonymizer fromHex(String hexKey) {
        Objects.requireNonNull(hexKey, "hexKey");
        String trimmed = hexKey.strip();
        if (!trimmed.matches("[0-9a-fA-F]+") || trimmed.length() % 2 != 0) {
            throw new IllegalArgumentException("pseudonymisation key must be hex (64 characters or more)");
        }
        return new Pseudonymizer(HexFormat.of().parseHex(trimmed));
    }

    /** A fresh random key, hex encoded, for a workspace that has none. */
    public static String newHexKey() {
        byte[] bytes = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The pseudonym of an identifier; {@code null} stays {@code null}. */
    public String pseudonym(String identifier) {
        if (identifier == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable in this JVM", e);
        }
    }

    /** This pseudonymisation as a Spark function over a string column (the key travels in the closure, never in data). */
    public org.apache.spark.sql.expressions.UserDefinedFunction asUdf() {
        return org.apache.spark.sql.functions.udf(
                (org.apache.spark.sql.api.java.UDF1<String, String>) this::pseudonym,
                org.apache.spark.sql.types.DataTypes.StringType);
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA256, key hidden]";
    }
}

package org.energycommons.workbench.datasets.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @Test
    void isTheHmacSha256OfTheIdentifier() {
        // HMAC-SHA256(key = 0x00..0x1f, "25000000000003"), computed independently with
        // `openssl dgst -sha256 -mac HMAC -macopt hexkey:...`.
        assertEquals("a4b7805242293d91c2c1313870f7cceaddf92031b05211066d7b2c88d2aa2718",
                Pseudonymizer.fromHex(KEY).pseudonym("25000000000003"));
        Pseudonymizer p = Pseudonymizer.fromHex(KEY);
        assertEquals(p.pseudonym("25000000000003"), p.pseudonym("25000000000003"));
        assertNotEquals(p.pseudonym("25000000000003"), p.pseudonym("25000000000010"));
        assertNotEquals(p.pseudonym("25000000000003"),
                Pseudonymizer.fromHex(KEY.replace('0', 'f')).pseudonym("25000000000003"));
    }

    @Test
    void shortOrMalformedKeysAreRefusedAndTheKeyIsNeverShown() {
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.fromHex("abcd"));
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.fromHex("zz" + KEY));
        assertFalse(Pseudonymizer.fromHex(KEY).toString().contains("0102"));
    }
}

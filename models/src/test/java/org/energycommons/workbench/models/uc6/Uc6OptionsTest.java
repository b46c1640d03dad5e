package org.energycommons.workbench.models.uc6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class Uc6OptionsTest {

    @Test
    void propertiesRoundTripAndDefaults() {
        Uc6Options d = Uc6Options.defaults(42L);
        assertEquals(d, Uc6Options.of(d.toProperties(), 7L));
        assertEquals(42L, Uc6Options.of(new Properties(), 42L).seed());
        Properties p = new Properties();
        p.setProperty("workbench.uc6.smoothing_alpha", "0.25");
        p.setProperty("workbench.uc6.gbt_trees", "30");
        Uc6Options o = Uc6Options.of(p, 1L);
        assertEquals(0.25, o.smoothingAlpha());
        assertEquals(30, o.gbtTrees());
        assertEquals(d.heatingBaseC(), o.heatingBaseC());
    }

    @Test
    void badOrUnknownOptionsAreRefusedWithTheirKey() {
        Properties unknown = new Properties();
        unknown.setProperty("workbench.uc6.smothing_alpha", "0.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uc6Options.of(unknown, 1L));
        assertTrue(e.getMessage().contains("workbench.uc6.smothing_alpha"), e.getMessage());
        Properties alpha = new Properties();
        alpha.setProperty("workbench.uc6.smoothing_alpha", "1.5");
        e = assertThrows(IllegalArgumentException.class, () -> Uc6Options.of(alpha, 1L));
        assertTrue(e.getMessage().contains("smoothing_alpha"), e.getMessage());
        Properties text = new Properties();
        text.setProperty("workbench.uc6.gbt_trees", "many");
        assertThrows(IllegalArgumentException.class, () -> Uc6Options.of(text, 1L));
        Properties fractions = new Properties();
        fractions.setProperty("workbench.uc6.train_fraction", "0.9");
        fractions.setProperty("workbench.uc6.validation_fraction", "0.2");
        assertThrows(IllegalArgumentException.class, () -> Uc6Options.of(fractions, 1L));
    }
}

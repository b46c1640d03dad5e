package org.energycommons.workbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cold spell added to a region ({@code --cold-spell}): parsed, validated, kept in the region file, applied. */
class ColdSpellTest {

    private static final RegionConfig PLAIN = new RegionConfig(20, 120, LocalDate.of(2024, 10, 1), 9L, 10);

    @Test
    void theSpellLowersTheTemperatureOnItsDaysOnlyAndSurvivesTheRegionFile() {
        SyntheticWeather.Wave spell = RegionConfig.coldSpell("2024-12-02/14/-10");
        assertEquals(new SyntheticWeather.Wave(LocalDate.of(2024, 12, 2), 14, -10.0), spell);
        RegionConfig cold = new RegionConfig(20, 120, LocalDate.of(2024, 10, 1), 9L, 10, spell);
        assertEquals(cold, RegionConfig.of(cold.toProperties()), "kept in region.properties");
        assertNull(RegionConfig.of(PLAIN.toProperties()).coldSpell());

        List<SyntheticWeather.Hour> plain = SyntheticWeather.generate(PLAIN);
        List<SyntheticWeather.Hour> colder = SyntheticWeather.generate(cold);
        assertEquals(plain.size(), colder.size());
        double deepest = 0;
        for (int i = 0; i < plain.size(); i++) {
            LocalDate day = plain.get(i).hourStartUtc().atZone(ZoneOffset.UTC).toLocalDate();
            double diff = colder.get(i).temperatureC() - plain.get(i).temperatureC();
            boolean inSpell = !day.isBefore(spell.start()) && day.isBefore(spell.start().plusDays(spell.days()));
            if (inSpell) {
                assertTrue(diff <= 0.01, "colder during the spell: " + diff);
                deepest = Math.min(deepest, diff);
            } else {
                assertEquals(0.0, diff, 0.011, "unchanged outside the spell on " + day);
            }
        }
        assertEquals(-10.0, deepest, 0.05, "the bump reaches the drop in its middle");
    }

    @Test
    void badSpellsGetClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> RegionConfig.coldSpell("2024-12-02/14"));
        assertThrows(IllegalArgumentException.class, () -> RegionConfig.coldSpell("2024-13-02/14/-10"));
        IllegalArgumentException warm = assertThrows(IllegalArgumentException.class, () -> new RegionConfig(20, 120,
                LocalDate.of(2024, 10, 1), 9L, 10, RegionConfig.coldSpell("2024-12-02/14/5")));
        assertTrue(warm.getMessage().contains("between -25 and 0"), warm.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> new RegionConfig(20,
                120, LocalDate.of(2024, 10, 1), 9L, 10, RegionConfig.coldSpell("2025-01-25/14/-10")));
        assertTrue(outside.getMessage().contains("within the region's days"), outside.getMessage());
    }
}

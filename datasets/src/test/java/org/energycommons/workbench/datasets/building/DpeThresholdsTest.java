package org.energycommons.workbench.datasets.building;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The official DPE class mapping of {@link DpeThresholds}: every boundary, the double threshold, small surfaces. */
class DpeThresholdsTest {

    private static final LocalDate OLD_RULE = LocalDate.of(2024, 6, 30);
    private static final LocalDate NEW_RULE = LocalDate.of(2024, 7, 1);

    @Test
    void energyClassAtAndAroundEachBoundary() {
        Object[][] cases = {
            {0.0, "A"}, {69.9, "A"}, {70.0, "A"}, {70.1, "B"}, {110.0, "B"}, {110.1, "C"}, {180.0, "C"},
            {180.1, "D"}, {250.0, "D"}, {250.1, "E"}, {330.0, "E"}, {330.1, "F"}, {420.0, "F"}, {420.1, "G"},
            {2000.0, "G"},
        };
        for (Object[] c : cases) {
            double pe = (Double) c[0];
            assertEquals(c[1], DpeThresholds.energyClass(pe, 100, NEW_RULE), pe + " kWh/m²");
            assertEquals(c[1], DpeThresholds.officialClass(pe, 0, 100, NEW_RULE), pe + " kWh/m², no GHG");
        }
    }

    @Test
    void climateClassAtAndAroundEachBoundary() {
        Object[][] cases = {
            {0.0, "A"}, {6.0, "A"}, {6.1, "B"}, {11.0, "B"}, {11.1, "C"}, {30.0, "C"}, {30.1, "D"}, {50.0, "D"},
            {50.1, "E"}, {70.0, "E"}, {70.1, "F"}, {100.0, "F"}, {100.1, "G"},
        };
        for (Object[] c : cases) {
            double ghg = (Double) c[0];
            assertEquals(c[1], DpeThresholds.climateClass(ghg, 100, OLD_RULE), ghg + " kgCO2e/m²");
            assertEquals(c[1], DpeThresholds.officialClass(0, ghg, 100, OLD_RULE), ghg + " kgCO2e/m², no energy");
        }
    }

    @Test
    void theClassIsTheWorseOfEnergyAndClimate() {
        assertEquals("E", DpeThresholds.officialClass(100, 60, 80, NEW_RULE)); // energy B, climate E
        assertEquals("F", DpeThresholds.officialClass(400, 3, 80, NEW_RULE)); // energy F, climate A
        assertEquals("D", DpeThresholds.officialClass(250, 50, 80, NEW_RULE)); // both D at their bounds
        assertEquals("E", DpeThresholds.officialClass(250, 50.1, 80, NEW_RULE)); // climate just over D
        assertEquals("E", DpeThresholds.officialClass(250.1, 50, 80, NEW_RULE)); // energy just over D
        assertEquals("G", DpeThresholds.officialClass(65, 100.1, 80, NEW_RULE)); // energy A, climate G
    }

    @Test
    void smallSurfacesUseTheirOwnThresholdsFromJuly2024() {
        // 20 m²: energy bounds 88/128/230/300/385/476, climate 8/13/34/54/74/104.
        assertArrayEquals(new int[] {88, 128, 230, 300, 385, 476}, DpeThresholds.energyBounds(20, NEW_RULE));
        assertArrayEquals(new int[] {8, 13, 34, 54, 74, 104}, DpeThresholds.ghgBounds(20, NEW_RULE));
        assertEquals("A", DpeThresholds.officialClass(88, 8, 20, NEW_RULE));
        assertEquals("B", DpeThresholds.officialClass(88.1, 8, 20, NEW_RULE));
        assertEquals("F", DpeThresholds.officialClass(476, 0, 20, NEW_RULE));
        assertEquals("G", DpeThresholds.officialClass(476.1, 0, 20, NEW_RULE));
        assertEquals("F", DpeThresholds.officialClass(0, 104, 20, NEW_RULE));
        assertEquals("G", DpeThresholds.officialClass(0, 104.1, 20, NEW_RULE));
        // The same dwelling before the rule: standard thresholds.
        assertEquals("G", DpeThresholds.officialClass(476, 0, 20, OLD_RULE));
        assertEquals("B", DpeThresholds.officialClass(88, 8, 20, OLD_RULE));
    }

    @Test
    void smallSurfaceBoundsMatchTheValuesPublishedWithTheRegulation() {
        // Values quoted from the arrêté of 25 March 2024 in the legal press (docs/dpe-rules.md): the E/F energy bound
        // is 349 kWh/m² at 30 m² and 385 at 20 m²; the F/G bound 422 at 39 m² and 439 at 30 m²; 40 m² and more keep
        // 330 and 420. The arrêté of 13 August 2025 changes the electricity factor, not these bounds.
        assertEquals(349, DpeThresholds.energyBounds(30, NEW_RULE)[4]);
        assertEquals(385, DpeThresholds.energyBounds(20, NEW_RULE)[4]);
        assertEquals(422, DpeThresholds.energyBounds(39, NEW_RULE)[5]);
        assertEquals(439, DpeThresholds.energyBounds(30, NEW_RULE)[5]);
        assertEquals(330, DpeThresholds.energyBounds(40, NEW_RULE)[4]);
        assertEquals(420, DpeThresholds.energyBounds(40, NEW_RULE)[5]);
        LocalDate from2026 = LocalDate.of(2026, 1, 1);
        assertArrayEquals(DpeThresholds.energyBounds(30, NEW_RULE), DpeThresholds.energyBounds(30, from2026));
        assertArrayEquals(DpeThresholds.ghgBounds(30, NEW_RULE), DpeThresholds.ghgBounds(30, from2026));
        // At the bounds themselves: 349 is E and 349.1 is F at 30 m²; 422 is F and 422.1 is G at 39 m².
        assertEquals("E", DpeThresholds.officialClass(349, 0, 30, from2026));
        assertEquals("F", DpeThresholds.officialClass(349.1, 0, 30, from2026));
        assertEquals("F", DpeThresholds.officialClass(422, 0, 39, from2026));
        assertEquals("G", DpeThresholds.officialClass(422.1, 0, 39, from2026));
    }

    @Test
    void theSurfaceIsRoundedToTheNearestSquareMetre() {
        // 39.4 m² rounds to 39 (small-surface row: F up to 422); 39.5 rounds to 40 (standard: F up to 420).
        assertEquals("F", DpeThresholds.officialClass(421, 0, 39.4, NEW_RULE));
        assertEquals("G", DpeThresholds.officialClass(421, 0, 39.5, NEW_RULE));
        assertEquals("E", DpeThresholds.officialClass(332, 0, 39.4, NEW_RULE));
        assertEquals("F", DpeThresholds.officialClass(332, 0, 40, NEW_RULE));
        // Under 8 m², the 8 m² row.
        assertArrayEquals(DpeThresholds.energyBounds(8, NEW_RULE), DpeThresholds.energyBounds(3.2, NEW_RULE));
        assertEquals("A", DpeThresholds.officialClass(146, 11, 5, NEW_RULE));
        assertEquals("B", DpeThresholds.officialClass(146.1, 11, 5, NEW_RULE));
        assertDoesNotThrow(DpeThresholds::checkTables);
    }

    @Test
    void classLettersAndPassoires() {
        assertEquals(0, DpeThresholds.indexOf("A"));
        assertEquals(6, DpeThresholds.indexOf(" g "));
        assertEquals("F", DpeThresholds.letter(5));
        assertTrue(DpeThresholds.isPassoire("F"));
        assertTrue(DpeThresholds.isPassoire("g"));
        assertFalse(DpeThresholds.isPassoire("E"));
    }

    @Test
    void badInputGetsAClearMessage() {
        IllegalArgumentException letter = assertThrows(IllegalArgumentException.class,
                () -> DpeThresholds.indexOf("H"));
        assertEquals("unknown DPE class 'H': expected one of A, B, C, D, E, F, G", letter.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DpeThresholds.indexOf(""));
        assertThrows(IllegalArgumentException.class, () -> DpeThresholds.isPassoire(null));
        assertThrows(IllegalArgumentException.class, () -> DpeThresholds.letter(7));
        IllegalArgumentException surface = assertThrows(IllegalArgumentException.class,
                () -> DpeThresholds.officialClass(100, 5, 0, NEW_RULE));
        assertTrue(surface.getMessage().contains("surface must be a finite number > 0"), surface.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DpeThresholds.officialClass(100, 5, -20, NEW_RULE));
        assertThrows(IllegalArgumentException.class, () -> DpeThresholds.officialClass(-1, 5, 50, NEW_RULE));
        assertThrows(IllegalArgumentException.class,
                () -> DpeThresholds.officialClass(100, Double.NaN, 50, NEW_RULE));
    }
}

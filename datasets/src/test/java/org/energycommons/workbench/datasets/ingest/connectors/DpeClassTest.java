package org.energycommons.workbench.datasets.ingest.connectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The official double-threshold class of {@link AdemeDpe#officialClass}. */
class DpeClassTest {

    private static final LocalDate BEFORE = LocalDate.of(2023, 5, 17);
    private static final LocalDate LAST_DAY_OLD_RULE = LocalDate.of(2024, 6, 30);
    private static final LocalDate FIRST_DAY_NEW_RULE = LocalDate.of(2024, 7, 1);
    private static final LocalDate AFTER = LocalDate.of(2025, 3, 1);

    private static String energyOnly(double kwh, double surface, LocalDate issued) {
        return AdemeDpe.officialClass(kwh, 0, surface, issued);
    }

    private static String ghgOnly(double kg, double surface, LocalDate issued) {
        return AdemeDpe.officialClass(0, kg, surface, issued);
    }

    @Test
    void energyThresholdsAreInclusive() {
        double[][] cases = {
            {0, 'A'}, {70, 'A'}, {70.01, 'B'}, {110, 'B'}, {110.01, 'C'}, {180, 'C'}, {180.01, 'D'}, {250, 'D'},
            {250.01, 'E'}, {330, 'E'}, {330.01, 'F'}, {420, 'F'}, {420.01, 'G'}, {1500, 'G'},
        };
        for (double[] c : cases) {
            for (LocalDate issued : new LocalDate[] {BEFORE, AFTER}) {
                assertEquals(String.valueOf((char) c[1]), energyOnly(c[0], 100, issued), c[0] + " kWh/m² " + issued);
            }
        }
    }

    @Test
    void ghgThresholdsAreInclusive() {
        double[][] cases = {
            {0, 'A'}, {6, 'A'}, {6.01, 'B'}, {11, 'B'}, {11.01, 'C'}, {30, 'C'}, {30.01, 'D'}, {50, 'D'},
            {50.01, 'E'}, {70, 'E'}, {70.01, 'F'}, {100, 'F'}, {100.01, 'G'}, {400, 'G'},
        };
        for (double[] c : cases) {
            assertEquals(String.valueOf((char) c[1]), ghgOnly(c[0], 100, AFTER), c[0] + " kgCO2e/m²");
        }
    }

    @Test
    void theWorseOfTheTwoClassesWins() {
        assertEquals("E", AdemeDpe.officialClass(100, 60, 80, BEFORE)); // energy B, GHG E
        assertEquals("F", AdemeDpe.officialClass(400, 3, 80, BEFORE)); // energy F, GHG A
        assertEquals("D", AdemeDpe.officialClass(215.3, 6.4, 98.5, BEFORE)); // energy D, GHG B
        assertEquals("C", AdemeDpe.officialClass(150, 30, 80, BEFORE)); // both C
        assertEquals("G", AdemeDpe.officialClass(60, 100.5, 80, AFTER)); // energy A, GHG G
    }

    @Test
    void smallSurfacesUseTheAdjustedThresholdsFromJuly2024() {
        // 20 m²: energy A ≤ 88, B ≤ 128, C ≤ 230, D ≤ 300, E ≤ 385, F ≤ 476; GHG A ≤ 8, ..., F ≤ 104
        assertEquals("B", energyOnly(85, 20, LAST_DAY_OLD_RULE));
        assertEquals("A", energyOnly(85, 20, FIRST_DAY_NEW_RULE));
        assertEquals("A", energyOnly(88, 20, AFTER));
        assertEquals("B", energyOnly(88.01, 20, AFTER));
        assertEquals("C", energyOnly(230, 20, AFTER));
        assertEquals("D", energyOnly(230.01, 20, AFTER));
        assertEquals("F", energyOnly(476, 20, AFTER));
        assertEquals("G", energyOnly(476.01, 20, AFTER));
        assertEquals("A", ghgOnly(8, 20, AFTER));
        assertEquals("B", ghgOnly(8.01, 20, AFTER));
        assertEquals("F", ghgOnly(104, 20, AFTER));
        assertEquals("G", ghgOnly(104.01, 20, AFTER));
        assertEquals("G", ghgOnly(104, 20, LAST_DAY_OLD_RULE));

        // 15 m²: energy C ≤ 263, D ≤ 333; GHG C ≤ 36
        assertEquals("C", energyOnly(263, 15, AFTER));
        assertEquals("D", energyOnly(263.01, 15, AFTER));
        assertEquals("D", energyOnly(333, 15, AFTER));
        assertEquals("E", energyOnly(333.01, 15, AFTER));
        assertEquals("C", ghgOnly(36, 15, AFTER));
        assertEquals("D", ghgOnly(36.01, 15, AFTER));

        // 8 m² and less share the 8 m² row: energy A ≤ 146, F ≤ 739; GHG A ≤ 11, F ≤ 122
        for (double surface : new double[] {8, 5, 1.5}) {
            assertEquals("A", energyOnly(146, surface, AFTER));
            assertEquals("B", energyOnly(146.01, surface, AFTER));
            assertEquals("F", energyOnly(739, surface, AFTER));
            assertEquals("G", energyOnly(739.01, surface, AFTER));
            assertEquals("A", ghgOnly(11, surface, AFTER));
            assertEquals("F", ghgOnly(122, surface, AFTER));
            assertEquals("G", ghgOnly(122.01, surface, AFTER));
        }

        // 39 m²: A ≤ 71; from 40 m² the general thresholds apply again
        assertEquals("A", energyOnly(71, 39, AFTER));
        assertEquals("B", energyOnly(71, 40, AFTER));
        assertEquals("B", energyOnly(71, 120, AFTER));
    }

    @Test
    void theSurfaceIsRoundedToTheNearestSquareMetre() {
        assertEquals("A", energyOnly(71, 39.49, AFTER)); // 39 m² row
        assertEquals("B", energyOnly(71, 39.5, AFTER)); // 40 m²: general thresholds
        assertEquals("A", energyOnly(88, 19.6, AFTER)); // 20 m² row (A ≤ 88)
        assertEquals("B", energyOnly(88, 20.5, AFTER)); // 21 m² row (A ≤ 87)
    }

    @Test
    void aSmallFlatLeavesTheGClassUnderTheNewRule() {
        // 12.5 m², 470 kWh/m², 9.8 kgCO2e/m² (a fixture certificate): G before July 2024, F after (13 m² row:
        // energy F ≤ 554, GHG B ≤ 14)
        assertEquals("G", AdemeDpe.officialClass(470, 9.8, 12.5, LocalDate.of(2022, 6, 30)));
        assertEquals("F", AdemeDpe.officialClass(470, 9.8, 12.5, FIRST_DAY_NEW_RULE));
        // 18 m², 310 kWh/m², 8 kgCO2e/m²: D under the 18 m² row (D ≤ 311, GHG A ≤ 8), E under the general rule
        assertEquals("D", AdemeDpe.officialClass(310, 8, 18, FIRST_DAY_NEW_RULE));
        assertEquals("E", AdemeDpe.officialClass(310, 8, 18, LAST_DAY_OLD_RULE));
    }

    @Test
    void refusesImpossibleInputs() {
        assertThrows(IllegalArgumentException.class, () -> AdemeDpe.officialClass(-1, 0, 50, AFTER));
        assertThrows(IllegalArgumentException.class, () -> AdemeDpe.officialClass(Double.NaN, 0, 50, AFTER));
        assertThrows(IllegalArgumentException.class, () -> AdemeDpe.officialClass(100, -0.5, 50, AFTER));
        assertThrows(IllegalArgumentException.class,
                () -> AdemeDpe.officialClass(100, Double.POSITIVE_INFINITY, 50, AFTER));
        assertThrows(IllegalArgumentException.class, () -> AdemeDpe.officialClass(100, 5, 0, AFTER));
        assertThrows(IllegalArgumentException.class, () -> AdemeDpe.officialClass(100, 5, Double.NaN, AFTER));
        assertThrows(NullPointerException.class, () -> AdemeDpe.officialClass(100, 5, 50, null));
    }

    @Test
    void smallSurfaceTablesAreMonotonic() {
        assertDoesNotThrow(AdemeDpe::checkTables);
    }
}

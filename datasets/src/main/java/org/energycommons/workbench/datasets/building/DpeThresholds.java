package org.energycommons.workbench.datasets.building;

import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The official class thresholds of the French energy performance certificate (DPE, 2021 method as amended in
 * 2024 and 2025), the one place
 * the workbench maps intensities to classes A–G: the synthetic generator, the ADEME connector and the uc5 models
 * all call it.
 *
 * <p><b>Double threshold.</b> A dwelling gets the worse of its energy class and its climate class (arrêté of
 * 31 March 2021 on the DPE of dwellings in metropolitan France), where
 * <ul>
 *   <li>energy class (primary energy, 5 uses, kWh/m²/yr): A ≤ 70, B ≤ 110, C ≤ 180, D ≤ 250, E ≤ 330,
 *       F ≤ 420, G above;</li>
 *   <li>climate class (GHG emissions, 5 uses, kgCO2e/m²/yr): A ≤ 6, B ≤ 11, C ≤ 30, D ≤ 50, E ≤ 70, F ≤ 100,
 *       G above.</li>
 * </ul>
 *
 * <p><b>Small surfaces.</b> For certificates issued from {@link #SMALL_SURFACE_RULE_FROM 1 July 2024} of
 * dwellings whose reference surface, rounded to the nearest m², is under 40 m², the thresholds of the arrêté of
 * 25 March 2024 (JORF of 20 April 2024, JORFTEXT000049446315) apply instead: they are tabulated per whole m² from
 * 8 to 39 m² and rise as the surface falls (surfaces under 8 m² take the 8 m² row). For example, at 20 m² the
 * energy bounds are A ≤ 88, B ≤ 128, C ≤ 230, D ≤ 300, E ≤ 385, F ≤ 476 and the climate bounds A ≤ 8, B ≤ 13,
 * C ≤ 34, D ≤ 54, E ≤ 74, F ≤ 104; at 8 m² and less, 146 / 186 / 386 / 505 / 622 / 739 and 11 / 16 / 44 / 68 /
 * 90 / 122. The table was transcribed from the one distributed with the open-source 3CL engine (Open3CL,
 * {@code dpe_ges_limit_values}), which selects the row by the surface rounded to the nearest m², as here, and
 * checked against the values of the regulation quoted in the legal press (E/F bound 349 at 30 m² and 385 at 20 m²,
 * F/G bound 422 at 39 m² and 439 at 30 m²); see {@code docs/dpe-rules.md}, which says what was checked and how.
 * The arrêté of 13 August 2025 (in force 1 January 2026) changes the electricity conversion factor
 * ({@link DpeFactors#electricityPrimary}), not these thresholds.
 *
 * <p>Bounds are inclusive as written above (a value equal to a bound is in the better class); the 3CL engine
 * compares with a strict {@code <}, so the two differ only for a value exactly equal to a bound. Not covered:
 * the higher E/F bounds for dwellings above 800 m of altitude in climate zones H1b, H1c and H2d, and overseas
 * departments, which have their own method.
 */
public final class DpeThresholds {

    /** The classes, best first. */
    public static final List<String> CLASSES = List.of("A", "B", "C", "D", "E", "F", "G");

    /** The "passoires thermiques": the two worst classes. */
    public static final List<String> PASSOIRES = List.of("F", "G");

    /** Certificates issued from this day use the small-surface thresholds of the arrêté of 25 March 2024. */
    public static final LocalDate SMALL_SURFACE_RULE_FROM = LocalDate.of(2024, 7, 1);

    /** Rounded surfaces below this use the small-surface thresholds (from {@link #SMALL_SURFACE_RULE_FROM}). */
    public static final int SMALL_SURFACE_BELOW_M2 = 40;

    /** Upper bounds (inclusive) of classes A to F, primary energy in kWh/m²/yr, 40 m² and more. */
    private static final int[] ENERGY_BOUNDS = {70, 110, 180, 250, 330, 420};
    /** Upper bounds (inclusive) of classes A to F, GHG emissions in kgCO2e/m²/yr, 40 m² and more. */
    private static final int[] GHG_BOUNDS = {6, 11, 30, 50, 70, 100};

    /**
     * Upper bounds of classes A to F, primary energy in kWh/m²/yr, for a reference surface of 8 (row 0) to 39 m²
     * (row 31), from the arrêté of 25 March 2024.
     */
    private static final int[][] SMALL_ENERGY_BOUNDS = {
        {146, 186, 386, 505, 622, 739}, // 8 m² (and less)
        {134, 174, 355, 464, 574, 685}, // 9
        {124, 164, 329, 428, 533, 640}, // 10
        {117, 157, 311, 403, 503, 607}, // 11
        {112, 152, 296, 381, 478, 578}, // 12
        {108, 148, 283, 363, 456, 554}, // 13
        {104, 144, 273, 348, 437, 532}, // 14
        {100, 140, 263, 333, 421, 514}, // 15
        {97, 137, 255, 325, 412, 504}, // 16
        {95, 135, 248, 318, 404, 496}, // 17
        {92, 132, 241, 311, 397, 489}, // 18
        {90, 130, 235, 305, 390, 482}, // 19
        {88, 128, 230, 300, 385, 476}, // 20
        {87, 127, 225, 295, 380, 471}, // 21
        {85, 125, 221, 291, 375, 466}, // 22
        {84, 124, 217, 287, 371, 462}, // 23
        {82, 122, 214, 284, 367, 458}, // 24
        {81, 121, 210, 280, 363, 454}, // 25
        {80, 120, 207, 277, 360, 451}, // 26
        {79, 119, 204, 274, 357, 447}, // 27
        {78, 118, 202, 272, 354, 444}, // 28
        {77, 117, 199, 269, 351, 442}, // 29
        {76, 116, 197, 267, 349, 439}, // 30
        {76, 116, 195, 265, 346, 437}, // 31
        {75, 115, 193, 263, 344, 434}, // 32
        {74, 114, 191, 261, 342, 432}, // 33
        {74, 114, 189, 259, 340, 430}, // 34
        {73, 113, 188, 258, 338, 428}, // 35
        {72, 112, 186, 256, 337, 427}, // 36
        {72, 112, 185, 255, 335, 425}, // 37
        {71, 111, 183, 253, 333, 423}, // 38
        {71, 111, 182, 252, 332, 422}, // 39
    };

    /**
     * Upper bounds of classes A to F, GHG emissions in kgCO2e/m²/yr, for a reference surface of 8 (row 0) to 39 m²
     * (row 31), from the arrêté of 25 March 2024.
     */
    private static final int[][] SMALL_GHG_BOUNDS = {
        {11, 16, 44, 68, 90, 122}, // 8 m² (and less)
        {11, 16, 42, 65, 87, 118}, // 9
        {10, 15, 40, 62, 84, 115}, // 10
        {10, 15, 39, 61, 82, 113}, // 11
        {9, 14, 38, 59, 81, 111}, // 12
        {9, 14, 37, 58, 79, 110}, // 13
        {9, 14, 37, 58, 78, 108}, // 14
        {8, 13, 36, 56, 76, 107}, // 15
        {8, 13, 35, 55, 76, 106}, // 16
        {8, 13, 35, 55, 75, 105}, // 17
        {8, 13, 34, 54, 75, 105}, // 18
        {8, 13, 34, 54, 74, 105}, // 19
        {8, 13, 34, 54, 74, 104}, // 20
        {8, 13, 33, 53, 74, 104}, // 21
        {7, 12, 33, 53, 73, 103}, // 22
        {7, 12, 33, 53, 73, 103}, // 23
        {7, 12, 33, 53, 73, 103}, // 24
        {7, 12, 32, 52, 73, 103}, // 25
        {7, 12, 32, 52, 72, 103}, // 26
        {7, 12, 32, 52, 72, 102}, // 27
        {7, 12, 32, 52, 72, 102}, // 28
        {7, 12, 32, 52, 72, 102}, // 29
        {7, 12, 32, 52, 72, 102}, // 30
        {7, 12, 31, 51, 72, 102}, // 31
        {7, 12, 31, 51, 71, 101}, // 32
        {7, 12, 31, 51, 71, 101}, // 33
        {7, 12, 31, 51, 71, 101}, // 34
        {7, 12, 31, 51, 71, 101}, // 35
        {7, 12, 31, 51, 71, 101}, // 36
        {7, 12, 31, 51, 71, 101}, // 37
        {7, 12, 31, 51, 71, 101}, // 38
        {7, 12, 31, 51, 71, 101}, // 39
    };

    private static final UserDefinedFunction OFFICIAL_CLASS = udf(
            (UDF4<Double, Double, Double, java.sql.Date, String>) (pe, ghg, surface, issued) ->
                    pe == null || ghg == null || surface == null || issued == null ? null
                            : officialClass(pe, ghg, surface, issued.toLocalDate()),
            DataTypes.StringType);

    private DpeThresholds() {
    }

    /**
     * The official class of a dwelling: the worse of its energy class and its climate class.
     *
     * @param primaryEnergyKwhM2 primary energy use, 5 uses, kWh/m²/yr
     * @param ghgKgM2 GHG emissions, 5 uses, kgCO2e/m²/yr
     * @param surfaceM2 reference (living) surface, m²
     * @param issuedOn issue date of the certificate (selects the small-surface rule)
     * @return the class, {@code "A"} to {@code "G"}
     * @throws IllegalArgumentException for a negative or non-finite intensity or a surface that is not a finite
     *     positive number
     */
    public static String officialClass(double primaryEnergyKwhM2, double ghgKgM2, double surfaceM2,
                                       LocalDate issuedOn) {
        int energy = energyClassIndex(primaryEnergyKwhM2, surfaceM2, issuedOn);
        int climate = climateClassIndex(ghgKgM2, surfaceM2, issuedOn);
        return CLASSES.get(Math.max(energy, climate));
    }

    /** The energy class alone (primary energy thresholds), {@code "A"} to {@code "G"}. */
    public static String energyClass(double primaryEnergyKwhM2, double surfaceM2, LocalDate issuedOn) {
        return CLASSES.get(energyClassIndex(primaryEnergyKwhM2, surfaceM2, issuedOn));
    }

    /** The climate class alone ({@code etiquette_ges}, GHG thresholds), {@code "A"} to {@code "G"}. */
    public static String climateClass(double ghgKgM2, double surfaceM2, LocalDate issuedOn) {
        return CLASSES.get(climateClassIndex(ghgKgM2, surfaceM2, issuedOn));
    }

    private static int energyClassIndex(double primaryEnergyKwhM2, double surfaceM2, LocalDate issuedOn) {
        requireIntensity("primary energy", primaryEnergyKwhM2);
        return classIndex(primaryEnergyKwhM2, energyBounds(surfaceM2, issuedOn));
    }

    private static int climateClassIndex(double ghgKgM2, double surfaceM2, LocalDate issuedOn) {
        requireIntensity("GHG emissions", ghgKgM2);
        return classIndex(ghgKgM2, ghgBounds(surfaceM2, issuedOn));
    }

    /**
     * The inclusive upper bounds of classes A to F on primary energy (kWh/m²/yr) that apply to a dwelling.
     *
     * @throws IllegalArgumentException when the surface is not a finite positive number
     */
    public static int[] energyBounds(double surfaceM2, LocalDate issuedOn) {
        int row = smallSurfaceRow(surfaceM2, issuedOn);
        return (row < 0 ? ENERGY_BOUNDS : SMALL_ENERGY_BOUNDS[row]).clone();
    }

    /**
     * The inclusive upper bounds of classes A to F on GHG emissions (kgCO2e/m²/yr) that apply to a dwelling.
     *
     * @throws IllegalArgumentException when the surface is not a finite positive number
     */
    public static int[] ghgBounds(double surfaceM2, LocalDate issuedOn) {
        int row = smallSurfaceRow(surfaceM2, issuedOn);
        return (row < 0 ? GHG_BOUNDS : SMALL_GHG_BOUNDS[row]).clone();
    }

    /** The row of the small-surface tables, or -1 when the standard thresholds apply. */
    private static int smallSurfaceRow(double surfaceM2, LocalDate issuedOn) {
        Objects.requireNonNull(issuedOn, "issuedOn");
        if (!(surfaceM2 > 0) || Double.isInfinite(surfaceM2)) {
            throw new IllegalArgumentException("surface must be a finite number > 0 m², got " + surfaceM2);
        }
        long rounded = Math.round(surfaceM2);
        if (rounded >= SMALL_SURFACE_BELOW_M2 || issuedOn.isBefore(SMALL_SURFACE_RULE_FROM)) {
            return -1;
        }
        return (int) Math.max(rounded, 8) - 8;
    }

    private static void requireIntensity(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
    }

    private static int classIndex(double value, int[] bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                return i;
            }
        }
        return bounds.length;
    }

    /**
     * The position of a class letter, 0 for A to 6 for G; the letter is trimmed and may be lower case.
     *
     * @throws IllegalArgumentException for anything that is not a DPE class letter
     */
    public static int indexOf(String dpeClass) {
        String normalised = dpeClass == null ? "" : dpeClass.strip().toUpperCase(Locale.ROOT);
        int index = CLASSES.indexOf(normalised);
        if (index < 0) {
            throw new IllegalArgumentException("unknown DPE class " + (dpeClass == null ? "null" : "'" + dpeClass
                    + "'") + ": expected one of " + String.join(", ", CLASSES));
        }
        return index;
    }

    /**
     * The class letter at a position, 0 for A to 6 for G.
     *
     * @throws IllegalArgumentException outside 0..6
     */
    public static String letter(int index) {
        if (index < 0 || index >= CLASSES.size()) {
            throw new IllegalArgumentException("DPE class index must be in 0.." + (CLASSES.size() - 1) + ", got "
                    + index);
        }
        return CLASSES.get(index);
    }

    /** Whether a class is a "passoire thermique" (F or G); unknown letters fail as in {@link #indexOf}. */
    public static boolean isPassoire(String dpeClass) {
        return indexOf(dpeClass) >= CLASSES.indexOf(PASSOIRES.get(0));
    }

    /**
     * {@link #officialClass} as a Spark column (null when an input is null); invalid values fail the task with
     * the message of {@link #officialClass}.
     */
    public static Column officialClass(Column primaryEnergyKwhM2, Column ghgKgM2, Column surfaceM2,
                                       Column issuedOn) {
        return OFFICIAL_CLASS.apply(primaryEnergyKwhM2.cast("double"), ghgKgM2.cast("double"),
                surfaceM2.cast("double"), issuedOn.cast("date"));
    }

    /** Guards the tables: bounds increase along each row and do not rise as the surface grows. */
    public static void checkTables() {
        int[][][] tables = {SMALL_ENERGY_BOUNDS, SMALL_GHG_BOUNDS};
        int[][] base = {ENERGY_BOUNDS, GHG_BOUNDS};
        for (int t = 0; t < tables.length; t++) {
            int[][] table = tables[t];
            if (table.length != SMALL_SURFACE_BELOW_M2 - 8) {
                throw new IllegalStateException("expected rows for 8..39 m², got " + table.length);
            }
            for (int r = 0; r < table.length; r++) {
                int[] next = r + 1 < table.length ? table[r + 1] : base[t];
                for (int c = 0; c < 6; c++) {
                    if (c > 0 && table[r][c] <= table[r][c - 1]) {
                        throw new IllegalStateException("bounds not increasing at " + (r + 8) + " m²: "
                                + Arrays.toString(table[r]));
                    }
                    if (next[c] > table[r][c]) {
                        throw new IllegalStateException("bounds rising with surface after " + (r + 8) + " m²");
                    }
                }
            }
        }
    }
}

package org.energycommons.workbench.models.benchmark.enb;

import java.util.List;

/**
 * The ENB2012 energy-efficiency data (Tsanas &amp; Xifara 2012): one row per simulated building, the eight inputs
 * X1..X8 in that order and the two targets Y1 (heating load) and Y2 (cooling load), both in kWh/m².
 *
 * @param x  n rows of the eight inputs, in the order of {@link #FEATURES}
 * @param y1 heating load
 * @param y2 cooling load
 */
public record EnbData(double[][] x, double[] y1, double[] y2) {

    /** The inputs: relative compactness, surface area, wall area, roof area, overall height, orientation,
     *  glazing area, glazing area distribution. */
    public static final List<String> FEATURES = List.of("X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8");

    /** The targets: heating load, cooling load. */
    public static final List<String> TARGETS = List.of("Y1", "Y2");

    /** Checks the shapes. */
    public EnbData {
        if (x.length != y1.length || x.length != y2.length) {
            throw new IllegalArgumentException("x, y1 and y2 must have as many rows: " + x.length + ", "
                    + y1.length + ", " + y2.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != FEATURES.size()) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " inputs, expected "
                        + FEATURES.size());
            }
        }
    }

    /** Number of buildings. */
    public int size() {
        return x.length;
    }

    /** The values of target {@code Y1} or {@code Y2}. */
    public double[] target(String name) {
        return switch (name) {
            case "Y1" -> y1;
            case "Y2" -> y2;
            default -> throw new IllegalArgumentException("unknown target '" + name + "': expected one of "
                    + TARGETS);
        };
    }
}

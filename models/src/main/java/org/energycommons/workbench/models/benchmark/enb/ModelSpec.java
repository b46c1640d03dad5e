package org.energycommons.workbench.models.benchmark.enb;

import java.util.Map;

/** An untrained model of the benchmark: a name, its settings, and how to fit it on training rows. */
public interface ModelSpec {

    /** Short name used in the results. */
    String name();

    /** Settings, for the JSON report. */
    Map<String, String> params();

    /**
     * Fits on raw rows X1..X8 and one target. Deterministic for a given seed; uses nothing but its arguments
     * (a test fold is never passed here).
     */
    Regressor fit(double[][] rawX, double[] y, long seed);
}

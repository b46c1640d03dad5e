package org.energycommons.workbench.models.benchmark.ett;

import java.util.Map;

/** The {@code repeat} baseline: every step of the horizon forecast by the last input value. Nothing is fitted. */
public final class RepeatModel implements EttModel {

    @Override
    public String name() {
        return "repeat";
    }

    @Override
    public String description() {
        return "the last input value repeated over the horizon";
    }

    @Override
    public Forecast forecast(Task task) {
        return new Forecast(predict(task.series(), task.test()), Map.of());
    }

    /** The forecasts of every window of {@code windows}. */
    public static double[][] predict(double[] series, Windows windows) {
        double[][] out = new double[windows.count()][windows.horizon()];
        for (int i = 0; i < out.length; i++) {
            java.util.Arrays.fill(out[i], series[windows.targetStart(i) - 1]);
        }
        return out;
    }
}

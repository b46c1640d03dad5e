package org.energycommons.workbench.models.benchmark.ett;

import java.time.LocalDateTime;
import java.util.Map;

/** A univariate forecaster of the benchmark: fitted on the training windows, tuned on the validation windows only. */
public interface EttModel {

    /** The short name in results ({@code repeat}, {@code nlinear}, ...). */
    String name();

    /** One line on what it is. */
    String description();

    /** Fits (training and validation windows) and forecasts every test window. */
    Forecast forecast(Task task);

    /**
     * What a model sees.
     *
     * @param series     the scaled target, all rows
     * @param times      the time of every row
     * @param train      the training windows
     * @param validation the validation windows (for tuning)
     * @param test       the windows to forecast
     */
    record Task(double[] series, LocalDateTime[] times, Windows train, Windows validation, Windows test) {
        /** Checks the shapes. */
        public Task {
            if (series.length != times.length) {
                throw new IllegalArgumentException("series and times differ in length");
            }
            if (train.horizon() != test.horizon() || validation.horizon() != test.horizon()
                    || train.lookBack() != test.lookBack() || validation.lookBack() != test.lookBack()) {
                throw new IllegalArgumentException("train, validation and test windows differ in look-back or horizon");
            }
            if (test.to() > series.length || validation.to() > series.length || train.to() > series.length) {
                throw new IllegalArgumentException("windows beyond the series (" + series.length + " rows)");
            }
        }

        /** H. */
        public int horizon() {
            return test.horizon();
        }

        /** L. */
        public int lookBack() {
            return test.lookBack();
        }
    }

    /**
     * A model's test forecasts.
     *
     * @param test    {@code test[i][h]}: the forecast of window i, step h (scaled values)
     * @param details what was chosen (penalty, validation error), for the report
     */
    record Forecast(double[][] test, Map<String, Object> details) {
    }
}

package org.energycommons.workbench.models.uc4;

import java.util.Map;
import java.util.Properties;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * Options of the uc4 rolling-origin backtest, validated; keys {@code workbench.uc4.backtest.*}.
 *
 * @param origins number of forecast origins spread over the validation and test period (0 disables the backtest);
 *     each origin refits the models on every day before it and forecasts the days up to the next origin
 * @param validationFraction share of the days before an origin held out to calibrate intervals and stop boosting
 */
public record BacktestOptions(int origins, double validationFraction) implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc4.backtest.";

    public BacktestOptions {
        if (origins < 0 || origins > 52) {
            throw new IllegalArgumentException(PREFIX + "origins must be in [0, 52], got " + origins);
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException(PREFIX + "validation_fraction must be in (0, 0.5), got "
                    + validationFraction);
        }
    }

    /** Four origins, 15 % of the history before each for calibration. */
    public static BacktestOptions defaults() {
        return new BacktestOptions(4, 0.15);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc4.backtest.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static BacktestOptions of(Properties p) {
        return OptionKeys.bind(p, PREFIX, defaults());
    }


}

package org.energycommons.workbench.models.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.energycommons.workbench.models.forecast.ForecastOptions;
import org.energycommons.workbench.models.mv.CaltrackDaily;
import org.energycommons.workbench.models.uc1.Uc1Options;
import org.energycommons.workbench.models.uc2.Uc2Options;
import org.energycommons.workbench.models.uc3.Uc3Options;
import org.energycommons.workbench.models.uc4.BacktestOptions;
import org.energycommons.workbench.models.uc5.Uc5Options;
import org.energycommons.workbench.models.uc6.Uc6Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests of the options binder on every options record. */
class OptionKeysTest {

    /**
     * One options record: its prefix, reader, defaults (seed 42) as published in provenance JSON before the binder,
     * a key holding a whole number, and one non-default setting with the value it must read back as.
     */
    record Case(String name, String prefix, Function<Properties, Object> read,
                Function<Object, Map<String, String>> map,
                String defaults, String intKey, String key, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("uc1", Uc1Options.PREFIX, p -> Uc1Options.of(p, 42), o -> ((Uc1Options) o).toMap(),
                        "{seed=42, min_days=120, heating_base_c=18.0, k_min=2, k_max=8, max_iter=20, "
                                + "min_profile_meters=3, test_fraction=0.3, classifier_trees=50}",
                        "k_max", "heating_base_c", "1.0E-4"),
                new Case("uc2", Uc2Options.PREFIX, p -> Uc2Options.of(p, 42), o -> ((Uc2Options) o).toMap(),
                        "{seed=42, rules=, gbt_trees=150, gbt_depth=5, gbt_max_nodes=24, gbt_shrinkage=0.08, "
                                + "forest_trees=200, forest_subsample=0.1, tuning_fraction=0.5, min_training_days=60}",
                        "gbt_trees", "rules", "/tmp/my rules.csv"),
                new Case("uc3", Uc3Options.PREFIX, p -> Uc3Options.of(p, 42), o -> ((Uc3Options) o).toMap(),
                        "{seed=42, heating_balance_point_min_c=-1.0, heating_balance_point_max_c=32.0, "
                                + "cooling_balance_point_min_c=-1.0, cooling_balance_point_max_c=32.0, "
                                + "balance_point_step_c=0.5, baseline_days=365, min_data_sufficiency=0.9, "
                                + "max_p_value=0.1, min_nonzero_degree_days=10, min_total_degree_days_c=11.1, "
                                + "degree_days=daily, billing_period_days=30, billing_min_periods=10, "
                                + "billing_min_period_coverage=0.9, towt_knots_c=-1.11,7.22,12.78,18.33,23.89,32.22, "
                                + "towt_occupancy_threshold=0.65, towt_min_bin_hours=20, reporting_days=365, "
                                + "min_reporting_days=90, validation_buildings=40}",
                        "min_nonzero_degree_days", "degree_days", "hourly"),
                new Case("uc3 daily", CaltrackDaily.PREFIX, CaltrackDaily::of, o -> ((CaltrackDaily) o).toMap(),
                        "{heating_balance_point_min_c=-1.0, heating_balance_point_max_c=32.0, "
                                + "cooling_balance_point_min_c=-1.0, cooling_balance_point_max_c=32.0, "
                                + "balance_point_step_c=0.5, baseline_days=365, min_data_sufficiency=0.9, "
                                + "max_p_value=0.1, min_nonzero_degree_days=10, min_total_degree_days_c=11.1, "
                                + "degree_days=daily}",
                        "baseline_days", "max_p_value", "1.0"),
                new Case("uc4", ForecastOptions.PREFIX, p -> ForecastOptions.of(p, 42),
                        o -> ((ForecastOptions) o).toMap(),
                        "{seed=42, gbt_iterations=40, gbt_depth=5, gbt_step_size=0.15, xgb_trees=100, "
                                + "xgb_depth=6, xgb_max_nodes=32, xgb_shrinkage=0.15, xgb_subsample=0.7}",
                        "xgb_trees", "gbt_step_size", "0.05"),
                new Case("uc4 backtest", BacktestOptions.PREFIX, BacktestOptions::of,
                        o -> ((BacktestOptions) o).toMap(), "{origins=4, validation_fraction=0.15}",
                        "origins", "origins", "0"),
                new Case("uc5", Uc5Options.PREFIX, p -> Uc5Options.of(p, 42), o -> ((Uc5Options) o).toMap(),
                        "{seed=42, folds=4, validation_fraction=0.2, min_certified=30, class_balance=sqrt, "
                                + "max_class_weight=5.0, rf_trees=100, rf_depth=8, gbt_iterations=40, gbt_depth=3, "
                                + "gbt_step_size=0.15, gap_tolerance=0.5, screening_probability=0.3333333333333333}",
                        "rf_depth", "class_balance", "inverse"),
                new Case("uc6", Uc6Options.PREFIX, p -> Uc6Options.of(p, 42), o -> ((Uc6Options) o).toMap(),
                        "{seed=42, smoothing_alpha=0.6, heating_base_c=18.0, forecast_error_sd_c=0.8, "
                                + "train_fraction=0.5, validation_fraction=0.2, min_training_days=21, gbt_trees=200, "
                                + "gbt_depth=4, gbt_max_nodes=16, gbt_shrinkage=0.05, gbt_subsample=0.7}",
                        "gbt_max_nodes", "forecast_error_sd_c", "1.2345678E7"));
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noKeysGiveTheDefaultsWrittenAsBefore(Case c) {
        Object d = c.read.apply(props("workbench.other.key", "ignored"));
        assertEquals(c.defaults, c.map.apply(d).toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSettingIsReadTrimmedAndRoundTripsThroughProperties(Case c) {
        Object o = c.read.apply(props(c.prefix + c.key, "  " + c.value + " "));
        Map<String, String> m = c.map.apply(o);
        assertEquals(c.value, m.get(c.key));
        Object again = c.read.apply(OptionKeys.properties(c.prefix, m));
        assertEquals(o, again);
        assertEquals(m, c.map.apply(again));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anUnknownKeyIsRefusedNamingItAndTheKnownOnes(Case c) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.read.apply(props(c.prefix + "no_such_key", "1")));
        assertTrue(e.getMessage().startsWith("unknown option " + c.prefix + "no_such_key; known: ["), e.getMessage());
        assertTrue(e.getMessage().contains(c.intKey), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aMalformedNumberIsRefusedNamingItsKey(Case c) {
        for (String bad : new String[] {"ten", "", "2.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.read.apply(props(c.prefix + c.intKey, bad)));
            assertEquals(c.prefix + c.intKey + " must be a whole number, got '" + bad + "'", e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theRecordsOwnValidationStillSpeaks(Case c) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.read.apply(props(c.prefix + c.intKey, "-7")));
        assertTrue(e.getMessage().startsWith(c.prefix), e.getMessage());
        assertTrue(e.getMessage().contains("-7"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void theBacktestKeysAreLeftToTheBacktestOptions() {
        Properties p = props("workbench.uc4.backtest.origins", "2", "workbench.uc4.xgb_trees", "9");
        assertEquals(9, ForecastOptions.of(p, 1).xgbTrees());
        assertEquals(2, BacktestOptions.of(p).origins());
    }
}

package org.energycommons.workbench.models.uc3;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.energycommons.workbench.models.mv.CaltrackBilling;
import org.energycommons.workbench.models.mv.CaltrackDaily;
import org.energycommons.workbench.models.mv.TowtHourly;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * The validated options of uc3 (savings after renovation works), namespaced keys {@code workbench.uc3.*}: the
 * CalTRACK daily options ({@link CaltrackDaily}), the billing and hourly ones, and the periods of the evaluation.
 *
 * @param seed seed of the placebo (fake works) dates and of the validation sample
 * @param daily the CalTRACK daily method; its {@code baseline_days} and {@code min_data_sufficiency} apply to all
 *     three methods
 * @param billing the CalTRACK billing method
 * @param hourly the TOWT hourly method
 * @param reportingDays days after the works summed into the savings (fewer when the data end before)
 * @param minReportingDays reporting days a building needs for a savings estimate (and the latest placebo date leaves)
 * @param validationBuildings buildings without works (outside the comparison group) whose placebo runs select the
 *     best method
 */
public record Uc3Options(long seed, CaltrackDaily daily, CaltrackBilling billing, TowtHourly hourly, int reportingDays,
                         int minReportingDays, int validationBuildings) implements Serializable, NamespacedOptions {

    private static final long serialVersionUID = 1L;

    /** Key prefix. */
    public static final String PREFIX = CaltrackDaily.PREFIX;

    public Uc3Options {
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(hourly, "hourly");
        if (!billing.daily().equals(daily)) {
            throw new IllegalArgumentException("the billing method must share the daily options");
        }
        if (reportingDays < 1) {
            throw new IllegalArgumentException(PREFIX + "reporting_days must be >= 1, got " + reportingDays);
        }
        if (minReportingDays < 1 || minReportingDays > reportingDays) {
            throw new IllegalArgumentException(PREFIX + "min_reporting_days must be in 1..reporting_days ("
                    + reportingDays + "), got " + minReportingDays);
        }
        if (validationBuildings < 0) {
            throw new IllegalArgumentException(PREFIX + "validation_buildings must be >= 0, got " + validationBuildings);
        }
    }

    /**
     * CalTRACK defaults (365-day baseline with 90 % of its days, balance points over 30–90 °F, slopes significant at
     * p &lt; 0.1; monthly bills; TOWT at CalTRACK's knots), a reporting year as the true savings are defined
     * ({@code SyntheticWorks.TRUTH_DAYS}), at least 90 reporting days, 40 validation buildings.
     */
    public static Uc3Options defaults(long seed) {
        CaltrackDaily daily = CaltrackDaily.defaults();
        TowtHourly t = TowtHourly.defaults();
        return new Uc3Options(seed, daily, new CaltrackBilling(daily, 30, 10, 0.9),
                new TowtHourly(t.knotsC(), t.occupancyThreshold(), t.minBinHours(), daily.minDataSufficiency()), 365,
                90, 40);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc3.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static Uc3Options of(Properties p, long defaultSeed) {
        Map<String, String> v = OptionKeys.overlay(p, PREFIX, defaults(defaultSeed).toMap());
        CaltrackDaily daily = OptionKeys.bind(v, PREFIX, CaltrackDaily.class);
        Keys k = OptionKeys.bind(v, PREFIX, Keys.class);
        double[] knots;
        try {
            knots = k.towtKnotsC.isBlank() ? new double[0]
                    : Arrays.stream(k.towtKnotsC.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "towt_knots_c must be comma-separated numbers, got '"
                    + k.towtKnotsC + "'", e);
        }
        return new Uc3Options(k.seed, daily,
                new CaltrackBilling(daily, k.billingPeriodDays, k.billingMinPeriods, k.billingMinPeriodCoverage),
                new TowtHourly(knots, k.towtOccupancyThreshold, k.towtMinBinHours, daily.minDataSufficiency()),
                k.reportingDays, k.minReportingDays, k.validationBuildings);
    }

    /** The keys of uc3 besides the CalTRACK daily ones, as they are written ({@link #toMap()}). */
    private record Keys(long seed, int billingPeriodDays, int billingMinPeriods, double billingMinPeriodCoverage,
                        String towtKnotsC, double towtOccupancyThreshold, int towtMinBinHours, int reportingDays,
                        int minReportingDays, int validationBuildings) {
    }


    /** The options by short key. */
    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", String.valueOf(seed));
        m.putAll(daily.toMap());
        m.putAll(billing.toMap());
        m.putAll(hourly.toMap());
        m.put("reporting_days", String.valueOf(reportingDays));
        m.put("min_reporting_days", String.valueOf(minReportingDays));
        m.put("validation_buildings", String.valueOf(validationBuildings));
        return m;
    }
}

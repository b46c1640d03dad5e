package org.energycommons.workbench.models.uc6;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The error model of the forecast temperatures uc6 feeds its models: the synthetic region stores observed daily
 * temperatures and a day-ahead forecast only, so forecasts for D+1..D+7 are simulated as the observed daily mean plus
 * an error that grows with the lead time.
 *
 * <p>Noise model: for a station issuing on day D, the error of lead k (forecast of day D+k) is a Gaussian random
 * walk over the leads, {@code e(D, k) = σ·(z₁ + … + z_k)}, where each {@code z_j} is a standard normal drawn from a
 * hash of (seed, station, D, j). Its standard deviation is {@code σ·√k} (0.8 °C at D+1, 2.1 °C at D+7 with the
 * default σ = 0.8 °C), successive leads of one issue are correlated as real forecast errors are (a forecast that is
 * too warm tomorrow tends to stay too warm the day after), and two issues are independent. Every value is a
 * function of its keys only, like the synthetic generator's draws: the same inputs give the same forecast whatever
 * the partitioning or the order of evaluation.
 */
public final class ForecastTemperatureNoise {

    private ForecastTemperatureNoise() {
    }

    /** The standard normal increment {@code z_lead} of the station's issue of day {@code issueDate}. */
    public static double increment(long seed, String stationId, LocalDate issueDate, int lead) {
        long h = mix(seed ^ 0x5DEECE66DL);
        h = mix(h ^ fnv(stationId));
        h = mix(h ^ issueDate.toEpochDay());
        h = mix(h ^ lead);
        double u1 = (mix(h ^ 0x1L) >>> 11) * 0x1.0p-53;
        double u2 = (mix(h ^ 0x2L) >>> 11) * 0x1.0p-53;
        // Box-Muller on (0, 1]: 1 − u1 never reaches 0.
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * The forecast error, °C, of lead {@code lead} (1 = the day after the issue day) of the station's forecast issued
     * on {@code issueDate}: {@code σ·Σ_{j ≤ lead} z_j}.
     *
     * @throws IllegalArgumentException if {@code lead < 1} or {@code sdPerDayC < 0}
     */
    public static double error(long seed, double sdPerDayC, String stationId, LocalDate issueDate, int lead) {
        if (lead < 1) {
            throw new IllegalArgumentException("lead must be >= 1 day, got " + lead);
        }
        if (!(sdPerDayC >= 0)) {
            throw new IllegalArgumentException("forecast error sd must be >= 0, got " + sdPerDayC);
        }
        double sum = 0;
        for (int j = 1; j <= lead; j++) {
            sum += increment(seed, stationId, issueDate, j);
        }
        return sdPerDayC * sum;
    }

    /** The errors of leads 1..{@code leads} of one issue, index {@code k − 1} for lead k. */
    public static double[] errors(long seed, double sdPerDayC, String stationId, LocalDate issueDate, int leads) {
        double[] e = new double[leads];
        double sum = 0;
        for (int k = 1; k <= leads; k++) {
            sum += increment(seed, stationId, issueDate, k);
            e[k - 1] = sdPerDayC * sum;
        }
        return e;
    }

    /** The standard deviation of the error of a lead, {@code σ·√lead}, °C. */
    public static double errorSd(double sdPerDayC, int lead) {
        return sdPerDayC * Math.sqrt(lead);
    }

    /** SplitMix64 finaliser: a bijective 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: stable across JVMs, unlike identity hashes. */
    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}

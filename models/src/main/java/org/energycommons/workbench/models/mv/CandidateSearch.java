package org.energycommons.workbench.models.mv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The running best of a CalTRACK candidate search (billing method): qualification of each fitted candidate (every
 * slope &gt; 0 with a p-value below the threshold; intercept-only always qualifies), the highest adjusted R² wins,
 * ties keep the simpler model (candidates are offered simplest first).
 */
final class CandidateSearch {

    private final double maxPValue;
    private Ols.Fit bestFit;
    private ModelType bestType;
    private double bestH = Double.NaN;
    private double bestC = Double.NaN;
    private double[][] bestX = new double[0][];
    private double[] weights;
    private final Map<ModelType, double[]> perType = new LinkedHashMap<>(); // evaluated, qualified, adjR², h, c

    CandidateSearch(double maxPValue) {
        this.maxPValue = maxPValue;
        for (ModelType t : ModelType.values()) {
            perType.put(t, new double[] {0, 0, Double.NaN, Double.NaN, Double.NaN});
        }
    }

    /** A weighted fit, or null for a singular design. */
    static Ols.Fit tryFit(double[] y, double[] w, double[]... x) {
        try {
            return Ols.fitWeighted(y, w, false, x);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Offers a candidate fitted on regressors {@code x} (weights {@code w}); null {@code f} for a singular one. */
    void offer(ModelType type, double h, double c, Ols.Fit f, double[] w, double[]... x) {
        double[] s = perType.get(type);
        s[0]++;
        if (f == null || !(type == ModelType.INTERCEPT || slopesQualify(f))) {
            return;
        }
        s[1]++;
        double adj = type == ModelType.INTERCEPT ? 0 : f.adjustedRSquared();
        if (Double.isNaN(s[2]) || adj > s[2]) {
            s[2] = adj;
            s[3] = h;
            s[4] = c;
        }
        double best = bestFit == null ? Double.NaN : bestType == ModelType.INTERCEPT ? 0 : bestFit.adjustedRSquared();
        if (bestFit == null || adj > best) {
            bestFit = f;
            bestType = type;
            bestH = h;
            bestC = c;
            bestX = x;
            weights = w;
        }
    }

    private boolean slopesQualify(Ols.Fit f) {
        double critical = maxPValue >= 1 ? Double.NEGATIVE_INFINITY : CaltrackDaily.criticalT(maxPValue, f.n() - f.p());
        for (int j = 1; j < f.p(); j++) {
            if (!(f.coefficients()[j] > 0 && (maxPValue >= 1 || f.tValues()[j] > critical))) {
                return false;
            }
        }
        return true;
    }

    /** The selected model with its Guideline 14 statistics computed on {@code y}. */
    BaselineModel model(double[] y, boolean[] consecutive, LocalDate start, LocalDate endExclusive,
                        DegreeDayMethod method) {
        ModelType type = bestType;
        // Screened on t statistics; the selected candidate is refitted with its p-values.
        Ols.Fit f = Ols.fitWeighted(y, weights, bestX);
        return fitted(type, bestH, bestC, f, y, consecutive, start, endExclusive, method);
    }

    /**
     * The baseline of a selected candidate from its final fit: coefficients and p-values in the candidate's term
     * order (intercept, heating, cooling), Guideline 14 statistics and mean usage computed on {@code y}.
     */
    static BaselineModel fitted(ModelType type, double heatingBalancePoint, double coolingBalancePoint, Ols.Fit f,
                                double[] y, boolean[] consecutive, LocalDate start, LocalDate endExclusive,
                                DegreeDayMethod method) {
        double[] c = f.coefficients();
        double[] pv = f.pValues();
        int cooling = type == ModelType.CDD ? 1 : type == ModelType.HDD_CDD ? 2 : -1;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        return new BaselineModel(type, c[0], type.heating() ? c[1] : 0, cooling < 0 ? 0 : c[cooling],
                heatingBalancePoint, coolingBalancePoint, pv[0], type.heating() ? pv[1] : Double.NaN,
                cooling < 0 ? Double.NaN : pv[cooling], f.rSquared(), f.adjustedRSquared(),
                Ashrae14.cvrmse(y, f.fitted(), f.p()), Ashrae14.nmbe(y, f.fitted(), f.p()), y.length, f.p(),
                Ashrae14.lag1Autocorrelation(f.residuals(), consecutive), mean, start, endExclusive, method);
    }

    /**
     * Calls {@code candidate} with the index of each heating and each cooling balance point whose degree days exist
     * ({@code hdd[a]}, {@code cdd[b]} not null), the cooling one not below the heating one: the HDD+CDD candidates,
     * heating balance point first.
     */
    static void forEachHddCdd(double[] hBps, double[][] hdd, double[] cBps, double[][] cdd,
                              BiConsumer<Integer, Integer> candidate) {
        for (int a = 0; a < hBps.length; a++) {
            if (hdd[a] == null) {
                continue;
            }
            for (int b = 0; b < cBps.length; b++) {
                if (cdd[b] != null && cBps[b] >= hBps[a]) {
                    candidate.accept(a, b);
                }
            }
        }
    }

    List<CandidateSummary> summaries() {
        List<CandidateSummary> out = new ArrayList<>();
        perType.forEach((t, s) -> out.add(new CandidateSummary(t, (int) s[0], (int) s[1], s[2], s[3], s[4])));
        return out;
    }
}

package org.energycommons.workbench.models.mv;

import java.util.Arrays;
import smile.stat.distribution.TDistribution;

/**
 * Ordinary least squares with an intercept, with the classical inference of the coefficients: standard errors from
 * {@code s²·(XᵀX)⁻¹} with {@code s² = SSE / (n − p)}, t statistics and two-sided p-values from Student's t
 * distribution with {@code n − p} degrees of freedom ({@code p} counts the intercept).
 *
 * <p>Plain Java on the normal equations (the M&amp;V candidates have at most three parameters); a pure function, no
 * state, safe to call from many Spark tasks at once.
 */
public final class Ols {

    private Ols() {
    }

    /**
     * A fit.
     *
     * @param coefficients intercept first, then one slope per regressor, in the order given
     * @param standardErrors standard error of each coefficient (NaN when {@code n = p})
     * @param tValues coefficient / standard error
     * @param pValues two-sided p-value of each coefficient (H0: coefficient = 0)
     * @param fitted fitted values
     * @param residuals observed − fitted
     * @param sse sum of squared residuals (weighted by the WLS weights)
     * @param rSquared coefficient of determination (0 when y is constant)
     * @param adjustedRSquared {@code 1 − (1 − R²)(n − 1)/(n − p)}
     * @param n observations
     * @param p parameters, intercept included
     */
    public record Fit(double[] coefficients, double[] standardErrors, double[] tValues, double[] pValues,
                      double[] fitted, double[] residuals, double sse, double rSquared, double adjustedRSquared,
                      int n, int p) {

        @Override
        public String toString() {
            return "Ols.Fit[coefficients=" + Arrays.toString(coefficients) + ", pValues=" + Arrays.toString(pValues)
                    + ", R²=" + rSquared + ", adjR²=" + adjustedRSquared + ", n=" + n + ", p=" + p + "]";
        }
    }

    /**
     * Fits {@code y = b0 + b1·x1 + ... + bk·xk}.
     *
     * @param y the response
     * @param regressors each of length {@code y.length}; none for the intercept-only model
     * @return the fit
     * @throws IllegalArgumentException when lengths differ, {@code n < p}, a value is not finite, or the design is
     *         singular (a constant or collinear regressor)
     */
    public static Fit fit(double[] y, double[]... regressors) {
        return fitWeighted(y, null, regressors);
    }

    /**
     * Weighted least squares: minimises {@code Σ wᵢ (yᵢ − b0 − Σ bⱼ xⱼᵢ)²} (CalTRACK billing weights each billing
     * period by its days). The inference is the classical one of WLS: {@code s² = Σ wᵢ eᵢ² / (n − p)},
     * standard errors from {@code s²·(XᵀWX)⁻¹}; R² is the weighted one. Fitted values and residuals are unweighted.
     *
     * @param y the response
     * @param weights positive weights, one per observation; null for ordinary least squares
     * @param regressors each of length {@code y.length}; none for the intercept-only model
     * @return the fit
     * @throws IllegalArgumentException when lengths differ, {@code n < p}, a value or weight is not finite, a weight
     *         is not positive, or the design is singular
     */
    public static Fit fitWeighted(double[] y, double[] weights, double[]... regressors) {
        return fitWeighted(y, weights, true, regressors);
    }

    /**
     * {@link #fitWeighted(double[], double[], double[]...)}, with the p-values left NaN when {@code pValues} is
     * false: a candidate search screens slopes on their t statistics against one critical value
     * ({@code p < α ⇔ |t| > t(1 − α/2, n − p)}) and spares the t distribution of every candidate.
     */
    static Fit fitWeighted(double[] y, double[] weights, boolean pValues, double[]... regressors) {
        int n = y.length;
        int p = regressors.length + 1;
        if (n < p) {
            throw new IllegalArgumentException("OLS needs at least " + p + " observations, got " + n);
        }
        for (double[] x : regressors) {
            if (x.length != n) {
                throw new IllegalArgumentException("regressor of length " + x.length + " for " + n + " observations");
            }
        }
        double[] w = weights;
        if (w == null) {
            w = new double[n];
            Arrays.fill(w, 1.0);
        } else {
            if (w.length != n) {
                throw new IllegalArgumentException(w.length + " weights for " + n + " observations");
            }
            for (double v : w) {
                if (!(v > 0 && Double.isFinite(v))) {
                    throw new IllegalArgumentException("weights must be positive and finite, got " + v);
                }
            }
        }
        double wSum = 0;
        for (double v : w) {
            wSum += v;
        }
        // Normal equations on (weighted-)centred data (better conditioned), the intercept recovered afterwards.
        double yMean = weightedMean(y, w, wSum);
        double[] xMean = new double[p - 1];
        for (int j = 0; j < p - 1; j++) {
            xMean[j] = weightedMean(regressors[j], w, wSum);
        }
        int k = p - 1;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int i = 0; i < n; i++) {
            double yi = y[i] - yMean;
            for (int a = 0; a < k; a++) {
                double xa = w[i] * (regressors[a][i] - xMean[a]);
                xty[a] += xa * yi;
                for (int b = a; b < k; b++) {
                    xtx[a][b] += xa * (regressors[b][i] - xMean[b]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                xtx[a][b] = xtx[b][a];
            }
        }
        double[][] inv = k == 0 ? new double[0][0] : invert(xtx);
        double[] slopes = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                slopes[a] += inv[a][b] * xty[b];
            }
        }
        double intercept = yMean;
        for (int a = 0; a < k; a++) {
            intercept -= slopes[a] * xMean[a];
        }
        double[] fitted = new double[n];
        double[] residuals = new double[n];
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double f = intercept;
            for (int a = 0; a < k; a++) {
                f += slopes[a] * regressors[a][i];
            }
            fitted[i] = f;
            residuals[i] = y[i] - f;
            sse += w[i] * residuals[i] * residuals[i];
            sst += w[i] * (y[i] - yMean) * (y[i] - yMean);
        }
        if (!Double.isFinite(sse)) {
            throw new IllegalArgumentException("OLS input holds a non-finite value");
        }
        int dof = n - p;
        double s2 = dof > 0 ? sse / dof : Double.NaN;
        double[] coef = new double[p];
        double[] se = new double[p];
        coef[0] = intercept;
        // Var(intercept) = s²·(1/Σw + x̄ᵀ (XcᵀWXc)⁻¹ x̄); Var(slopes) = s²·(XcᵀWXc)⁻¹.
        double q = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                q += xMean[a] * inv[a][b] * xMean[b];
            }
        }
        se[0] = Math.sqrt(s2 * (1.0 / wSum + q));
        for (int a = 0; a < k; a++) {
            coef[a + 1] = slopes[a];
            se[a + 1] = Math.sqrt(s2 * inv[a][a]);
        }
        double[] t = new double[p];
        double[] pv = new double[p];
        TDistribution dist = dof > 0 && pValues ? new TDistribution(dof) : null;
        for (int j = 0; j < p; j++) {
            t[j] = coef[j] / se[j];
            pv[j] = pValues ? twoSidedPValue(t[j], dist, coef[j], se[j]) : Double.NaN;
        }
        double r2 = sst > 0 ? Math.max(0, 1 - sse / sst) : 0;
        double adj = n > p ? 1 - (1 - r2) * (n - 1) / (double) (n - p) : Double.NaN;
        return new Fit(coef, se, t, pv, fitted, residuals, sse, r2, adj, n, p);
    }

    private static double twoSidedPValue(double t, TDistribution dist, double coef, double se) {
        if (dist == null || Double.isNaN(t)) {
            return Double.NaN;
        }
        if (se == 0) { // a perfect fit: the coefficient is exactly determined
            return coef == 0 ? 1.0 : 0.0;
        }
        // 2·F(−|t|) keeps the precision of small p-values (1 − F(|t|) would round to 0).
        return Math.min(1.0, 2 * dist.cdf(-Math.abs(t)));
    }

    /** The two-sided Student t quantile: {@code t} such that {@code P(|T| ≤ t) = confidence} with {@code dof}. */
    public static double tQuantileTwoSided(double confidence, int dof) {
        if (!(confidence > 0 && confidence < 1) || dof < 1) {
            throw new IllegalArgumentException("need 0 < confidence < 1 and dof >= 1, got " + confidence + ", " + dof);
        }
        return new TDistribution(dof).quantile(1 - (1 - confidence) / 2);
    }

    private static double weightedMean(double[] v, double[] w, double wSum) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i];
        }
        return s / wSum;
    }

    /**
     * Gauss–Jordan inversion with partial pivoting of a small symmetric positive semi-definite matrix (a Gram
     * matrix of a few dozen regressors; shared by the hand-written regressions: no native BLAS is shipped).
     *
     * @throws IllegalArgumentException when the matrix is singular (a constant or collinear regressor)
     */
    public static double[][] invert(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][2 * k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
            scale = Math.max(scale, Math.abs(m[i][i]));
        }
        double tiny = Math.max(scale, Double.MIN_NORMAL) * 1e-12;
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][c]) > tiny)) {
                throw new IllegalArgumentException("singular OLS design (a constant or collinear regressor)");
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            double d = a[c][c];
            for (int j = 0; j < 2 * k; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < k; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * k; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], k, inv[i], 0, k);
        }
        return inv;
    }
}

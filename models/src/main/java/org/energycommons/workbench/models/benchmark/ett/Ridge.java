package org.energycommons.workbench.models.benchmark.ett;

import java.util.stream.IntStream;

/**
 * Multi-output ridge regression in closed form, in plain Java: {@code y = W^T f + c} fitted by minimising
 * {@code sum ||y - W^T f - c||^2 + lambda * n * ||W||^2} (the intercept {@code c} is not penalised; the penalty
 * is per row so that {@code lambda} does not depend on the number of rows). Fits and validation errors work from
 * the sufficient statistics of a set of rows ({@link Gram}), so that many {@code lambda} can be tried and sets of
 * rows can be pooled without touching the rows again. Solved by Cholesky factorisation of the
 * {@code p x p} centred Gram matrix plus the penalty.
 */
public final class Ridge {

    private static final int ROW_BLOCK = 64;

    private Ridge() {
    }

    /**
     * Sufficient statistics of rows {@code (f, y)}: {@code F^T F}, {@code F^T Y}, the column sums, the sum of squared
     * targets and the row count.
     */
    public static final class Gram {
        final int p;
        final int q;
        final long n;
        final double[][] ff;
        final double[][] fy;
        final double[] fs;
        final double[] ys;
        final double yy;

        private Gram(long n, double[][] ff, double[][] fy, double[] fs, double[] ys, double yy) {
            this.p = fs.length;
            this.q = ys.length;
            this.n = n;
            this.ff = ff;
            this.fy = fy;
            this.fs = fs;
            this.ys = ys;
            this.yy = yy;
        }

        /** The statistics of the rows {@code features[i] -> targets[i]}. */
        public static Gram of(double[][] features, double[][] targets) {
            if (features.length == 0 || features.length != targets.length) {
                throw new IllegalArgumentException("need as many feature rows as target rows, and at least one: "
                        + features.length + ", " + targets.length);
            }
            int p = features[0].length;
            int q = targets[0].length;
            double[] fs = new double[p];
            double[] ys = new double[q];
            double yy = 0;
            for (int r = 0; r < features.length; r++) {
                double[] f = features[r];
                double[] y = targets[r];
                if (f.length != p || y.length != q) {
                    throw new IllegalArgumentException("ragged rows at row " + r);
                }
                for (int j = 0; j < p; j++) {
                    fs[j] += f[j];
                }
                for (int j = 0; j < q; j++) {
                    ys[j] += y[j];
                    yy += y[j] * y[j];
                }
            }
            double[][] ft = transpose(features);
            return new Gram(features.length, crossProduct(ft, features), crossProduct(ft, targets), fs, ys, yy);
        }

        /** The statistics of both sets of rows together. */
        public Gram plus(Gram o) {
            if (o.p != p || o.q != q) {
                throw new IllegalArgumentException("cannot pool statistics of different shapes");
            }
            return new Gram(n + o.n, add(ff, o.ff), add(fy, o.fy), add(fs, o.fs), add(ys, o.ys), yy + o.yy);
        }

        /** How many rows. */
        public long rows() {
            return n;
        }

        /** How many targets per row. */
        public int outputs() {
            return q;
        }
    }

    /**
     * A fitted map: {@code y[k] = sum_j f[j] * weights[j][k] + intercept[k]}.
     *
     * @param weights   p x q
     * @param intercept q
     * @param lambda    the penalty it was fitted with
     */
    public record Fit(double[][] weights, double[] intercept, double lambda) {

        /** The forecast of one feature row. */
        public double[] predict(double[] f) {
            double[] y = intercept.clone();
            for (int j = 0; j < f.length; j++) {
                double v = f[j];
                if (v != 0) {
                    double[] w = weights[j];
                    for (int k = 0; k < y.length; k++) {
                        y[k] += v * w[k];
                    }
                }
            }
            return y;
        }

        /** The forecasts of many rows. */
        public double[][] predict(double[][] rows) {
            double[][] out = new double[rows.length][];
            IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = predict(rows[i]));
            return out;
        }
    }

    /** Fits with penalty {@code lambda >= 0} (per row); a singular system (lambda 0, collinear features) is refused. */
    public static Fit fit(Gram g, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        int p = g.p;
        int q = g.q;
        double n = g.n;
        double[] fm = new double[p];
        double[] ym = new double[q];
        for (int j = 0; j < p; j++) {
            fm[j] = g.fs[j] / n;
        }
        for (int k = 0; k < q; k++) {
            ym[k] = g.ys[k] / n;
        }
        double[][] a = new double[p][p];
        double[][] b = new double[p][q];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = g.ff[i][j] - n * fm[i] * fm[j];
            }
            a[i][i] += lambda * n;
            for (int k = 0; k < q; k++) {
                b[i][k] = g.fy[i][k] - n * fm[i] * ym[k];
            }
        }
        double[][] l = cholesky(a);
        double[][] w = choleskySolve(l, b);
        double[] c = ym.clone();
        for (int j = 0; j < p; j++) {
            double m = fm[j];
            double[] wj = w[j];
            for (int k = 0; k < q; k++) {
                c[k] -= m * wj[k];
            }
        }
        return new Fit(w, c, lambda);
    }

    /**
     * The sum of squared errors of a fit on the rows summarised by {@code g}, from the statistics alone:
     * {@code tr(W^T F^T F W) + 2 c.(W^T fs) + n c.c - 2 tr(W^T F^T Y) - 2 c.ys + y.y}.
     */
    public static double sse(Fit fit, Gram g) {
        double[][] w = fit.weights();
        double[] c = fit.intercept();
        if (w.length != g.p || c.length != g.q) {
            throw new IllegalArgumentException("fit and statistics have different shapes");
        }
        int q = g.q;
        double[][] gw = crossProduct(g.ff, w); // F^T F W (F^T F is symmetric)
        double quad = 0;
        double cross = 0;
        double[] u = new double[q];
        for (int j = 0; j < g.p; j++) {
            double[] wj = w[j];
            double[] gwj = gw[j];
            double[] fyj = g.fy[j];
            double fsj = g.fs[j];
            for (int k = 0; k < q; k++) {
                quad += wj[k] * gwj[k];
                cross += wj[k] * fyj[k];
                u[k] += fsj * wj[k];
            }
        }
        double rest = 0;
        for (int k = 0; k < q; k++) {
            rest += 2 * c[k] * u[k] + g.n * c[k] * c[k] - 2 * c[k] * g.ys[k];
        }
        return Math.max(0, quad - 2 * cross + rest + g.yy);
    }

    /**
     * Lower Cholesky factor of a symmetric positive definite matrix (only the lower triangle is read); a pivot below
     * 1e-12 of its diagonal entry (a singular matrix up to round-off) is refused.
     */
    static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][];
        for (int i = 0; i < p; i++) {
            l[i] = new double[i + 1];
            double[] li = l[i];
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                double[] lj = l[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (j == i) {
                    if (!(s > 1e-12 * Math.abs(a[i][i]))) { // zero or round-off pivot: singular
                        throw new IllegalArgumentException("ridge system is not positive definite (pivot " + i
                                + "): use a positive lambda");
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L L^T X = B} for X, the columns of B split into chunks solved in parallel. */
    static double[][] choleskySolve(double[][] l, double[][] b) {
        int p = l.length;
        int q = b[0].length;
        double[][] x = new double[p][q];
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, q / 32));
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            int lo = (int) ((long) q * ch / chunks);
            int hi = (int) ((long) q * (ch + 1) / chunks);
            // forward: L z = b
            for (int i = 0; i < p; i++) {
                double[] xi = x[i];
                System.arraycopy(b[i], lo, xi, lo, hi - lo);
                double[] li = l[i];
                for (int k = 0; k < i; k++) {
                    double v = li[k];
                    if (v != 0) {
                        double[] xk = x[k];
                        for (int m = lo; m < hi; m++) {
                            xi[m] -= v * xk[m];
                        }
                    }
                }
                double d = li[i];
                for (int m = lo; m < hi; m++) {
                    xi[m] /= d;
                }
            }
            // backward: L^T x = z
            for (int i = p - 1; i >= 0; i--) {
                double[] xi = x[i];
                for (int k = i + 1; k < p; k++) {
                    double v = l[k][i];
                    if (v != 0) {
                        double[] xk = x[k];
                        for (int m = lo; m < hi; m++) {
                            xi[m] -= v * xk[m];
                        }
                    }
                }
                double d = l[i][i];
                for (int m = lo; m < hi; m++) {
                    xi[m] /= d;
                }
            }
        });
        return x;
    }

    static double[][] transpose(double[][] a) {
        int n = a.length;
        int p = a[0].length;
        double[][] t = new double[p][n];
        for (int r = 0; r < n; r++) {
            double[] ar = a[r];
            for (int j = 0; j < p; j++) {
                t[j][r] = ar[j];
            }
        }
        return t;
    }

    /** {@code A B} for A (p x n, rows) and B (n x q, rows), blocked over n and parallel over the rows of A. */
    static double[][] crossProduct(double[][] a, double[][] b) {
        int p = a.length;
        int n = b.length;
        int q = b[0].length;
        double[][] c = new double[p][q];
        for (int k0 = 0; k0 < n; k0 += ROW_BLOCK) {
            int k1 = Math.min(n, k0 + ROW_BLOCK);
            int from = k0;
            IntStream.range(0, p).parallel().forEach(i -> {
                double[] ai = a[i];
                double[] ci = c[i];
                for (int k = from; k < k1; k++) {
                    double v = ai[k];
                    if (v != 0) {
                        double[] bk = b[k];
                        for (int m = 0; m < q; m++) {
                            ci[m] += v * bk[m];
                        }
                    }
                }
            });
        }
        return c;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = add(a[i], b[i]);
        }
        return c;
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }
}

package org.energycommons.workbench.models.uc6;

/**
 * Non-negative least squares by the active-set method of Lawson and Hanson, on the normal equations: the
 * {@code x ≥ 0} that minimises {@code ½·xᵀGx − hᵀx} for {@code G = AᵀA}, {@code h = Aᵀb}, i.e. {@code ‖Ax − b‖²}.
 * Small dense problems only (tens of unknowns); a tiny ridge on the passive block keeps nearly collinear
 * columns solvable.
 */
public final class Nnls {

    /** Relative ridge added to the diagonal of the passive block. */
    static final double RIDGE = 1e-10;

    private Nnls() {
    }

    /**
     * Solves the problem.
     *
     * @param gram {@code AᵀA}, symmetric positive semi-definite, p × p
     * @param rhs {@code Aᵀb}, length p
     * @return the non-negative solution, length p
     * @throws IllegalArgumentException if the shapes disagree
     */
    public static double[] solve(double[][] gram, double[] rhs) {
        int p = rhs.length;
        if (gram.length != p || (p > 0 && gram[0].length != p)) {
            throw new IllegalArgumentException("NNLS needs a p × p Gram matrix and a length-p right-hand side");
        }
        double[] x = new double[p];
        boolean[] passive = new boolean[p];
        double scale = 0;
        for (int j = 0; j < p; j++) {
            scale = Math.max(scale, Math.abs(rhs[j]));
        }
        double tol = 1e-12 * Math.max(scale, Double.MIN_NORMAL);
        for (int iteration = 0; iteration < 3 * p + 10; iteration++) {
            double[] gradient = gradient(gram, rhs, x);
            int enter = -1;
            double most = tol;
            for (int j = 0; j < p; j++) {
                if (!passive[j] && gradient[j] > most) {
                    most = gradient[j];
                    enter = j;
                }
            }
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
            for (int inner = 0; inner < 3 * p + 10; inner++) {
                double[] z = passiveSolution(gram, rhs, passive);
                boolean feasible = true;
                for (int j = 0; j < p; j++) {
                    if (passive[j] && z[j] <= 0) {
                        feasible = false;
                        break;
                    }
                }
                if (feasible) {
                    x = z;
                    break;
                }
                // Step from x towards z up to the first passive coefficient that reaches zero.
                double step = 1;
                for (int j = 0; j < p; j++) {
                    if (passive[j] && z[j] <= 0) {
                        step = Math.min(step, x[j] / (x[j] - z[j]));
                    }
                }
                for (int j = 0; j < p; j++) {
                    x[j] += step * (z[j] - x[j]);
                    if (passive[j] && x[j] <= tol * 1e-3) {
                        passive[j] = false;
                        x[j] = 0;
                    }
                }
            }
        }
        return x;
    }

    /** {@code h − Gx}: positive where increasing a coefficient lowers the loss. */
    private static double[] gradient(double[][] gram, double[] rhs, double[] x) {
        double[] g = rhs.clone();
        for (int a = 0; a < rhs.length; a++) {
            for (int b = 0; b < rhs.length; b++) {
                g[a] -= gram[a][b] * x[b];
            }
        }
        return g;
    }

    /** The unconstrained least-squares solution on the passive coefficients, zero elsewhere. */
    private static double[] passiveSolution(double[][] gram, double[] rhs, boolean[] passive) {
        int p = rhs.length;
        int[] index = new int[p];
        int m = 0;
        for (int j = 0; j < p; j++) {
            if (passive[j]) {
                index[m++] = j;
            }
        }
        double[][] a = new double[m][m + 1];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a[r][c] = gram[index[r]][index[c]];
            }
            a[r][r] += RIDGE * Math.max(gram[index[r]][index[r]], Double.MIN_NORMAL);
            a[r][m] = rhs[index[r]];
        }
        double[] solution = gaussian(a, m);
        double[] z = new double[p];
        for (int r = 0; r < m; r++) {
            z[index[r]] = solution[r];
        }
        return z;
    }

    /** Gaussian elimination with partial pivoting of an augmented m × (m + 1) system. */
    private static double[] gaussian(double[][] a, int m) {
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            if (a[col][col] == 0) {
                continue;
            }
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = a[r][r] == 0 ? 0 : s / a[r][r];
        }
        return x;
    }
}

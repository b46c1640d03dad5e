package org.energycommons.workbench.jobs.hackathon;

import java.util.List;

/**
 * A least-squares line {@code y = intercept + slope × x}, the degree-day regression of the baselines; with no
 * spread in x, or a negative slope where a heating slope cannot be negative, it is the mean of y.
 *
 * @param intercept value at x = 0
 * @param slope change of y per unit of x
 * @param n points fitted
 */
public record Line(double intercept, double slope, int n) {

    /** Fits a line over pairs {@code {x, y}}; {@code nonNegativeSlope} refits as a mean when the slope is negative. */
    public static Line fit(List<double[]> points, boolean nonNegativeSlope) {
        int n = points.size();
        if (n == 0) {
            return new Line(Double.NaN, 0, 0);
        }
        double sx = 0;
        double sy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        if (sxx <= 1e-12 || (nonNegativeSlope && sxy < 0)) {
            return new Line(my, 0, n);
        }
        double slope = sxy / sxx;
        return new Line(my - slope * mx, slope, n);
    }

    /** The line at x. */
    public double at(double x) {
        return intercept + slope * x;
    }
}

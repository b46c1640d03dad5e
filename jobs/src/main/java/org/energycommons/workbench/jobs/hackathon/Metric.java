package org.energycommons.workbench.jobs.hackathon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The metrics a hackathon task is scored with, with their direction and how they are computed. */
public enum Metric {

    /** Mean absolute error, in the target's unit. */
    MAE("mae", false, new Text("erreur absolue moyenne (MAE)", "mean absolute error (MAE)")),
    /** Mean absolute percentage error over rows whose true value is above zero, in %. */
    MAPE("mape", false, new Text("erreur absolue moyenne en pourcentage (MAPE), en %",
            "mean absolute percentage error (MAPE), in %")),
    /** F1 of the positive class (1). */
    F1("f1", true, new Text("F1 de la classe 1 (moyenne harmonique de la précision et du rappel)",
            "F1 of class 1 (harmonic mean of precision and recall)")),
    /** Mean of the per-class F1 over the classes present in the key or the submission. */
    MACRO_F1("macro_f1", true, new Text("F1 macro : moyenne des F1 des classes présentes dans la clé ou la "
            + "soumission", "macro F1: mean F1 of the classes present in the key or the submission"));

    private final String id;
    private final boolean higherIsBetter;
    private final Text description;

    Metric(String id, boolean higherIsBetter, Text description) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.description = description;
    }

    /** The name in cards, scores and the leaderboard. */
    public String id() {
        return id;
    }

    /** Whether a higher value is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The direction as cards write it. */
    public String direction() {
        return higherIsBetter ? "higher_is_better" : "lower_is_better";
    }

    /** What it measures. */
    public Text description() {
        return description;
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }

    /**
     * The metric and its companions over aligned true and predicted values: {@code Double} for MAE and MAPE,
     * {@code Long} 0/1 for F1, {@code String} classes for macro F1.
     *
     * @return the metric first, then its companions (RMSE, precision, recall, accuracy ...)
     */
    public Map<String, Double> compute(List<Object> truth, List<Object> predicted) {
        Map<String, Double> out = new LinkedHashMap<>();
        int n = truth.size();
        switch (this) {
            case MAE, MAPE -> {
                double abs = 0;
                double sq = 0;
                double pct = 0;
                int pctRows = 0;
                for (int i = 0; i < n; i++) {
                    double y = (Double) truth.get(i);
                    double e = (Double) predicted.get(i) - y;
                    abs += Math.abs(e);
                    sq += e * e;
                    if (y > 0) {
                        pct += Math.abs(e) / y;
                        pctRows++;
                    }
                }
                double mae = n == 0 ? Double.NaN : abs / n;
                double mape = pctRows == 0 ? Double.NaN : 100.0 * pct / pctRows;
                if (this == MAE) {
                    out.put("mae", mae);
                    out.put("rmse", n == 0 ? Double.NaN : Math.sqrt(sq / n));
                } else {
                    out.put("mape", mape);
                    out.put("mae", mae);
                }
            }
            case F1 -> {
                long tp = 0;
                long fp = 0;
                long fn = 0;
                for (int i = 0; i < n; i++) {
                    boolean y = (Long) truth.get(i) == 1L;
                    boolean p = (Long) predicted.get(i) == 1L;
                    tp += y && p ? 1 : 0;
                    fp += !y && p ? 1 : 0;
                    fn += y && !p ? 1 : 0;
                }
                out.put("f1", f1(tp, fp, fn));
                out.put("precision", tp + fp == 0 ? 0.0 : tp / (double) (tp + fp));
                out.put("recall", tp + fn == 0 ? 0.0 : tp / (double) (tp + fn));
            }
            case MACRO_F1 -> {
                TreeSet<String> classes = new TreeSet<>();
                truth.forEach(t -> classes.add((String) t));
                predicted.forEach(p -> classes.add((String) p));
                double sum = 0;
                long right = 0;
                for (int i = 0; i < n; i++) {
                    right += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
                }
                for (String c : classes) {
                    long tp = 0;
                    long fp = 0;
                    long fn = 0;
                    for (int i = 0; i < n; i++) {
                        boolean y = truth.get(i).equals(c);
                        boolean p = predicted.get(i).equals(c);
                        tp += y && p ? 1 : 0;
                        fp += !y && p ? 1 : 0;
                        fn += y && !p ? 1 : 0;
                    }
                    sum += f1(tp, fp, fn);
                }
                out.put("macro_f1", classes.isEmpty() ? Double.NaN : sum / classes.size());
                out.put("accuracy", n == 0 ? Double.NaN : right / (double) n);
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }

    /** F1 from counts; 0 when there is no true positive. */
    static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}

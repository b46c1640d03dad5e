package org.energycommons.workbench.models.benchmark.openstef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.GradientTreeBoost;

/**
 * The OpenSTEF reference-set benchmark: day-ahead forecasts of a 15-minute grid load, trained on
 * {@code 307-train-data.csv} and scored on {@code 307-test-data.csv}, against persistence (the load 24 hours
 * before, the last value known a day ahead).
 *
 * <p>Day-ahead means every feature of a target time t is known at t − 24 h: the load at t − 24 h, t − 48 h and
 * t − 7 days, the mean load of the 24 hours ending at t − 24 h, the weather columns of the file at t (numerical
 * weather predictions in the OpenSTEF set), and the calendar. The boosted trees (Huber loss) learn the change from
 * persistence, so a model that learns nothing is persistence. Lags may reach into the training file for the first
 * test day; the model never sees a test load.
 */
public final class OpenstefBenchmark {

    /** Boosted trees of the model. */
    static final int TREES = 300;
    /** Steps per day at 15 minutes. */
    static final int DAY = 96;
    /** Weather and market columns used as predictors when present. */
    static final List<String> EXOGENOUS = List.of("APX", "clouds", "radiation", "temp", "winddeg", "windspeed",
            "windspeed_100m", "pressure", "humidity", "rain", "clearSky_ulf", "clearSky_dlf");

    private OpenstefBenchmark() {
    }

    /** A load series with its exogenous columns. */
    public record Series(List<Instant> times, double[] load, Map<String, double[]> exogenous) {
    }

    /** Accuracy of one model on the test file. */
    public record Score(String model, double mae, double rmse, double skillVsPersistence, int rows) {
    }

    /** Reads an OpenSTEF CSV: an unnamed first column of UTC times, then {@code load} and the features. */
    public static Series read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file");
        }
        String[] header = lines.get(0).split(",", -1);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            index.put(header[i].strip(), i);
        }
        if (!index.containsKey("load")) {
            throw new IllegalArgumentException(file + ": no 'load' column");
        }
        List<Instant> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected " + header.length
                        + " fields, got " + cells.length);
            }
            try {
                times.add(OffsetDateTime.parse(cells[0].strip(), f).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": bad time '" + cells[0] + "'");
            }
            double[] v = new double[header.length];
            for (int c = 1; c < header.length; c++) {
                v[c] = cells[c].isBlank() ? Double.NaN : parse(cells[c], file, n + 1, header[c]);
            }
            rows.add(v);
        }
        double[] load = rows.stream().mapToDouble(r -> r[index.get("load")]).toArray();
        Map<String, double[]> exogenous = new LinkedHashMap<>();
        for (String name : EXOGENOUS) {
            Integer c = index.get(name);
            if (c != null) {
                exogenous.put(name, rows.stream().mapToDouble(r -> r[c]).toArray());
            }
        }
        return new Series(times, load, exogenous);
    }

    private static double parse(String cell, Path file, int line, String column) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + column + " is not a number: '"
                    + cell + "'");
        }
    }

    /** Train and test series joined on a regular 15-minute grid (gaps are NaN), with the index of the first test step. */
    record Grid(Instant start, double[] load, Map<String, double[]> exogenous, int testStart, int[] testSteps) {
    }

    static Grid grid(Series train, Series test) {
        Instant start = train.times().get(0);
        Instant end = test.times().get(test.times().size() - 1);
        int n = (int) ((end.getEpochSecond() - start.getEpochSecond()) / 900) + 1;
        double[] load = new double[n];
        java.util.Arrays.fill(load, Double.NaN);
        Map<String, double[]> exo = new LinkedHashMap<>();
        for (String name : train.exogenous().keySet()) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, Double.NaN);
            exo.put(name, a);
        }
        int[] testSteps = new int[test.times().size()];
        for (Series s : List.of(train, test)) {
            for (int i = 0; i < s.times().size(); i++) {
                int k = (int) ((s.times().get(i).getEpochSecond() - start.getEpochSecond()) / 900);
                load[k] = s.load()[i];
                for (Map.Entry<String, double[]> e : exo.entrySet()) {
                    double[] v = s.exogenous().get(e.getKey());
                    e.getValue()[k] = v == null ? Double.NaN : v[i];
                }
                if (s == test) {
                    testSteps[i] = k;
                }
            }
        }
        int testStart = (int) ((test.times().get(0).getEpochSecond() - start.getEpochSecond()) / 900);
        return new Grid(start, load, exo, testStart, testSteps);
    }

    /** Feature names, in order. */
    static List<String> featureNames(Grid g) {
        List<String> names = new ArrayList<>(List.of("lag_1d", "lag_2d", "lag_7d", "mean_24h_to_1d", "hour_sin",
                "hour_cos", "dow", "quarter_of_day"));
        names.addAll(g.exogenous().keySet());
        return names;
    }

    /** The features of step k, every one known at k − 1 day; null when a lag is missing. */
    static double[] features(Grid g, int k) {
        if (k - 7 * DAY < 0) {
            return null;
        }
        double lag1 = g.load()[k - DAY];
        double lag2 = g.load()[k - 2 * DAY];
        double lag7 = g.load()[k - 7 * DAY];
        double sum = 0;
        int count = 0;
        for (int j = k - 2 * DAY + 1; j <= k - DAY; j++) {
            if (!Double.isNaN(g.load()[j])) {
                sum += g.load()[j];
                count++;
            }
        }
        if (Double.isNaN(lag1) || Double.isNaN(lag2) || Double.isNaN(lag7) || count < DAY / 2) {
            return null;
        }
        Instant t = g.start().plusSeconds(900L * k);
        var utc = t.atOffset(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0;
        List<Double> v = new ArrayList<>(List.of(lag1, lag2, lag7, sum / count,
                Math.sin(2 * Math.PI * hour / 24), Math.cos(2 * Math.PI * hour / 24),
                (double) utc.getDayOfWeek().getValue(), (double) (utc.getHour() * 4 + utc.getMinute() / 15)));
        for (double[] e : g.exogenous().values()) {
            v.add(e[k]);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Runs the benchmark: persistence and Smile gradient tree boosting, scored on every test step. */
    public static List<Score> run(Series train, Series test, long seed) {
        Grid g = grid(train, test);
        List<String> names = featureNames(g);
        List<double[]> x = new ArrayList<>();
        for (int k = 0; k < g.testStart(); k++) {
            double[] f = features(g, k);
            if (f != null && !Double.isNaN(g.load()[k]) && java.util.Arrays.stream(f).noneMatch(Double::isNaN)) {
                double[] row = java.util.Arrays.copyOf(f, f.length + 1);
                // The model learns the change from persistence, so it starts from "same as yesterday".
                row[f.length] = g.load()[k] - f[0];
                x.add(row);
            }
        }
        if (x.size() < 7 * DAY) {
            throw new IllegalArgumentException("insufficient data: " + x.size() + " training steps with a full week "
                    + "of history (need at least " + 7 * DAY + ")");
        }
        String[] columns = names.toArray(new String[names.size() + 1]);
        columns[names.size()] = "load";
        smile.math.MathEx.setSeed(seed);
        // The typed signature, not Properties: a misspelt Smile key would be ignored silently (STACK.md).
        GradientTreeBoost gbt = GradientTreeBoost.fit(Formula.lhs("load"), DataFrame.of(x.toArray(double[][]::new),
                columns), smile.base.cart.Loss.huber(0.9), TREES, 4, 16, 20, 0.05, 0.7);

        double absGbt = 0;
        double sqGbt = 0;
        double absPersist = 0;
        double sqPersist = 0;
        int n = 0;
        for (int k : g.testSteps()) {
            double[] f = features(g, k);
            double y = g.load()[k];
            if (f == null || Double.isNaN(y) || java.util.Arrays.stream(f).anyMatch(Double::isNaN)) {
                continue;
            }
            double[] row = java.util.Arrays.copyOf(f, f.length + 1);
            double pred = f[0] + gbt.predict(DataFrame.of(new double[][] {row}, columns))[0];
            double persist = f[0];
            absGbt += Math.abs(y - pred);
            sqGbt += (y - pred) * (y - pred);
            absPersist += Math.abs(y - persist);
            sqPersist += (y - persist) * (y - persist);
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no test step has the history a day-ahead forecast needs");
        }
        double rmsePersist = Math.sqrt(sqPersist / n);
        return List.of(
                new Score("persistence (t-24h)", absPersist / n, rmsePersist, 0.0, n),
                new Score("gbt-smile", absGbt / n, Math.sqrt(sqGbt / n), 1 - Math.sqrt(sqGbt / n) / rmsePersist,
                        n));
    }
}

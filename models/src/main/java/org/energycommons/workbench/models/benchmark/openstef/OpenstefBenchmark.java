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
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;
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
        List<DelimitedRecords.Record> records;
        try {
            records = DelimitedRecords.of(Files.readString(file, StandardCharsets.UTF_8), ',');
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file");
        }
        String[] header = records.get(0).fields();
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
        for (DelimitedRecords.Record record : records.subList(1, records.size())) {
            long lineNo = record.line();
            String[] cells = record.fields();
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": expected " + header.length
                        + " fields, got " + cells.length);
            }
            try {
                times.add(OffsetDateTime.parse(cells[0].strip(), f).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": bad time '" + cells[0] + "'");
            }
            double[] v = new double[header.length];
            for (int c = 1; c < header.length; c++) {
                v[c] = cells[c].isBlank() ? Double.NaN : parse(cells[c], file, lineNo, header[c]);
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

    private static double parse(String cell, Path file, long line, String column) {
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

    /** Days at the end of the training file held out to choose the model variant. */
    public static final int VALIDATION_DAYS = 28;

    /**
     * A variant of the boosted trees: what they learn (the change from persistence, or the load itself) and with
     * which loss.
     */
    public record Variant(String name, boolean onChangeFromPersistence, String loss) {

        smile.base.cart.Loss smileLoss() {
            return switch (loss) {
                case "huber" -> smile.base.cart.Loss.huber(0.9);
                case "ls" -> smile.base.cart.Loss.ls();
                case "lad" -> smile.base.cart.Loss.lad();
                default -> throw new IllegalArgumentException("unknown loss " + loss);
            };
        }
    }

    /** The variants compared on the validation slice. */
    public static final List<Variant> VARIANTS = List.of(
            new Variant("change-huber", true, "huber"),
            new Variant("change-ls", true, "ls"),
            new Variant("load-huber", false, "huber"),
            new Variant("load-lad", false, "lad"));

    /**
     * The benchmark's outcome: test scores of persistence and of the variant chosen on validation, and every
     * variant's validation RMSE.
     */
    public record Outcome(List<Score> test, Map<String, Double> validationRmse, String selected,
                          String validationPeriod) {
    }

    /** Runs the benchmark and returns the test scores: persistence, then the selected boosted trees. */
    public static List<Score> run(Series train, Series test, long seed) {
        return evaluate(train, test, seed).test();
    }

    /**
     * Runs the benchmark: each variant is fitted on the training file less its last {@value #VALIDATION_DAYS}
     * days and scored on those days; the best (lowest validation RMSE) is refitted on the whole training file and
     * scored once on every test step, beside persistence. The test file plays no part in the choice.
     */
    public static Outcome evaluate(Series train, Series test, long seed) {
        return evaluate(train, test, seed, TREES);
    }

    /** {@link #evaluate(Series, Series, long)} with a given number of boosted trees per model. */
    public static Outcome evaluate(Series train, Series test, long seed, int trees) {
        Grid g = grid(train, test);
        List<String> names = featureNames(g);
        String[] columns = names.toArray(new String[names.size() + 1]);
        columns[names.size()] = "load";
        int validationStart = g.testStart() - VALIDATION_DAYS * DAY;
        if (trainingRows(g, 0, validationStart, true).size() < 7 * DAY) {
            throw new IllegalArgumentException("insufficient data: the training file needs at least "
                    + (7 + 7 + VALIDATION_DAYS) + " days (a week of lags, a week to learn from and "
                    + VALIDATION_DAYS + " days of validation)");
        }
        int[] validationSteps = java.util.stream.IntStream.range(validationStart, g.testStart()).toArray();
        Map<String, Double> validationRmse = new LinkedHashMap<>();
        Variant best = null;
        for (Variant v : VARIANTS) {
            GradientTreeBoost model = fit(g, 0, validationStart, v, columns, seed, trees);
            double rmse = score(g, validationSteps, model, v, columns)[1];
            validationRmse.put(v.name(), rmse);
            if (best == null || rmse < validationRmse.get(best.name())) {
                best = v;
            }
        }
        GradientTreeBoost chosen = fit(g, 0, g.testStart(), best, columns, seed, trees);
        double[] s = score(g, g.testSteps(), chosen, best, columns);
        int n = (int) s[4];
        if (n == 0) {
            throw new IllegalArgumentException("no test step has the history a day-ahead forecast needs");
        }
        String period = g.start().plusSeconds(900L * validationStart) + ".."
                + g.start().plusSeconds(900L * (g.testStart() - 1));
        return new Outcome(List.of(
                new Score("persistence (t-24h)", s[2], s[3], 0.0, n),
                new Score("gbt-smile " + best.name(), s[0], s[1], 1 - s[1] / s[3], n)),
                validationRmse, best.name(), period);
    }

    private static List<double[]> trainingRows(Grid g, int from, int to, boolean onChange) {
        List<double[]> x = new ArrayList<>();
        for (int k = from; k < to; k++) {
            double[] f = features(g, k);
            if (f != null && !Double.isNaN(g.load()[k]) && java.util.Arrays.stream(f).noneMatch(Double::isNaN)) {
                double[] row = java.util.Arrays.copyOf(f, f.length + 1);
                row[f.length] = onChange ? g.load()[k] - f[0] : g.load()[k];
                x.add(row);
            }
        }
        return x;
    }

    private static GradientTreeBoost fit(Grid g, int from, int to, Variant v, String[] columns, long seed,
                                         int trees) {
        List<double[]> x = trainingRows(g, from, to, v.onChangeFromPersistence());
        smile.math.MathEx.setSeed(seed);
        // The typed signature, not Properties: Smile silently ignores a misspelt key (docs/stack.md, pitfall 6).
        return GradientTreeBoost.fit(Formula.lhs("load"), DataFrame.of(x.toArray(double[][]::new), columns),
                v.smileLoss(), trees, 4, 16, 20, 0.05, 0.7);
    }

    /** MAE and RMSE of the model, then of persistence, then the number of steps scored. */
    private static double[] score(Grid g, int[] steps, GradientTreeBoost model, Variant v, String[] columns) {
        double absModel = 0;
        double sqModel = 0;
        double absPersist = 0;
        double sqPersist = 0;
        int n = 0;
        for (int k : steps) {
            double[] f = features(g, k);
            double y = g.load()[k];
            if (f == null || Double.isNaN(y) || java.util.Arrays.stream(f).anyMatch(Double::isNaN)) {
                continue;
            }
            double[] row = java.util.Arrays.copyOf(f, f.length + 1);
            double out = model.predict(DataFrame.of(new double[][] {row}, columns))[0];
            double pred = v.onChangeFromPersistence() ? f[0] + out : out;
            absModel += Math.abs(y - pred);
            sqModel += (y - pred) * (y - pred);
            absPersist += Math.abs(y - f[0]);
            sqPersist += (y - f[0]) * (y - f[0]);
            n++;
        }
        return new double[] {absModel / n, Math.sqrt(sqModel / n), absPersist / n, Math.sqrt(sqPersist / n), n};
    }
}

package org.energycommons.workbench.models.benchmark.ett;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.energycommons.workbench.models.provenance.Json;

/**
 * The long-horizon forecasting benchmark on ETT data ({@link EttProtocol}): univariate on a target column,
 * z-score fitted on the training rows, MSE and MAE on the scaled values averaged over all windows and steps.
 *
 * <p>Every model is scored twice: on all test windows ({@code evaluation = "all"}) and with the original
 * evaluation that leaves out the last incomplete batch of 32 windows ({@code "drop_last_32"}, see
 * {@link Evaluation}), the one the published figures come from. The {@code repeat} baseline is also scored on
 * every numeric column ({@code features = "M"}: each column z-scored on its own training rows, the error averaged
 * over the columns), the multivariate setting of the published Repeat row.
 */
public final class EttBenchmark {

    /** The univariate setting (target column only). */
    public static final String UNIVARIATE = "S";
    /** The multivariate setting (every numeric column). */
    public static final String MULTIVARIATE = "M";

    private static final String LTSF = "LTSF-Linear README (Zeng et al., AAAI 2023, github.com/cure-lab/LTSF-Linear): "
            + "univariate ETTh1, target OT, look-back 336";
    private static final String REPEAT = "Zeng et al., 'Are Transformers Effective for Time Series Forecasting?', "
            + "AAAI 2023: Repeat baseline on ETTh1";

    /** Published figures on ETTh1 (MSE on scaled values). */
    public static final List<Published> PUBLISHED = List.of(
            new Published("Repeat", MULTIVARIATE, "ETTh1", 96, 1.295, REPEAT),
            new Published("Repeat", MULTIVARIATE, "ETTh1", 192, 1.325, REPEAT),
            new Published("Repeat", MULTIVARIATE, "ETTh1", 336, 1.323, REPEAT),
            new Published("Repeat", MULTIVARIATE, "ETTh1", 720, 1.339, REPEAT),
            new Published("DLinear", UNIVARIATE, "ETTh1", 96, 0.056, LTSF),
            new Published("DLinear", UNIVARIATE, "ETTh1", 192, 0.071, LTSF),
            new Published("DLinear", UNIVARIATE, "ETTh1", 336, 0.098, LTSF),
            new Published("DLinear", UNIVARIATE, "ETTh1", 720, 0.189, LTSF),
            new Published("NLinear", UNIVARIATE, "ETTh1", 96, 0.053, LTSF),
            new Published("NLinear", UNIVARIATE, "ETTh1", 192, 0.069, LTSF),
            new Published("NLinear", UNIVARIATE, "ETTh1", 336, 0.081, LTSF),
            new Published("NLinear", UNIVARIATE, "ETTh1", 720, 0.080, LTSF));

    private EttBenchmark() {
    }

    /**
     * One model at one horizon under one evaluation.
     *
     * @param model      model name
     * @param features   {@code S} (target only) or {@code M} (every numeric column, repeat only)
     * @param evaluation {@code all} or {@code drop_last_32}
     * @param horizon    H
     * @param mse        MSE on scaled values (null when no window is scored)
     * @param mae        MAE on scaled values (null when no window is scored)
     * @param windows    windows scored
     * @param details    what the model chose on validation
     */
    public record Row(String model, String features, String evaluation, int horizon, Double mse, Double mae,
            int windows, Map<String, Object> details) {
    }

    /** A published figure. */
    public record Published(String model, String features, String dataset, int horizon, double mse, String source) {
    }

    /** What a run produced, ready for JSON. */
    public record Result(String dataset, String source, String target, Map<String, Object> protocol,
            List<Row> results, List<Published> published, Map<String, String> models, double seconds) {

        /** The result as indented JSON. */
        public String toJson() {
            return Json.write(this);
        }

        /** The row of a model, setting, evaluation and horizon, if any. */
        public Row row(String model, String features, String evaluation, int horizon) {
            return results.stream()
                    .filter(r -> r.model().equals(model) && r.features().equals(features)
                            && r.evaluation().equals(evaluation) && r.horizon() == horizon)
                    .findFirst().orElse(null);
        }
    }

    /** The models of the benchmark: repeat, nlinear, dlinear, nlinear-cal, nlinear-refit. */
    public static List<EttModel> defaultModels() {
        return List.of(new RepeatModel(), RidgeModel.nlinear(), RidgeModel.dlinear(), RidgeModel.nlinearCalendar(),
                RidgeModel.nlinearRefit());
    }

    /** Runs the default models. */
    public static Result run(EttData data, String source, String target, EttProtocol protocol,
            Consumer<String> progress) {
        return run(data, source, target, protocol, defaultModels(), progress);
    }

    /** Runs the models on every horizon of the protocol. */
    public static Result run(EttData data, String source, String target, EttProtocol protocol, List<EttModel> models,
            Consumer<String> progress) {
        long t0 = System.nanoTime();
        double[] raw = data.column(target);
        protocol.requireRows(data.rows(), source);
        LocalDateTime[] times = data.times();
        ZScore scale = ZScore.fit(raw, protocol.train().from(), protocol.train().to(), "column '" + target + "'");
        double[] series = scale.scale(raw);
        List<Evaluation> evaluations = List.of(Evaluation.allWindows(), Evaluation.original());

        // every numeric column, each on its own training scale, for the multivariate repeat
        List<double[]> channels = new ArrayList<>();
        for (String c : data.columnNames()) {
            double[] v = data.column(c);
            channels.add(ZScore.fit(v, protocol.train().from(), protocol.train().to(), "column '" + c + "'").scale(v));
        }

        List<Row> rows = new ArrayList<>();
        for (int h : protocol.horizons()) {
            Windows train = protocol.windows(protocol.train(), h);
            Windows validation = protocol.windows(protocol.validation(), h);
            Windows test = protocol.windows(protocol.test(), h);
            EttModel.Task task = new EttModel.Task(series, times, train, validation, test);
            for (EttModel m : models) {
                long t1 = System.nanoTime();
                EttModel.Forecast f = m.forecast(task);
                double secs = (System.nanoTime() - t1) / 1e9;
                Map<String, Object> details = new LinkedHashMap<>(f.details());
                details.put("seconds", Math.round(secs * 100) / 100.0);
                for (Evaluation e : evaluations) {
                    rows.add(row(m.name(), UNIVARIATE, e, h, Score.of(series, test, f.test(), e), details));
                }
                progress.accept(String.format("H=%d %s: %.2f s", h, m.name(), secs));
            }
            for (Evaluation e : evaluations) {
                List<Score> perChannel = new ArrayList<>();
                for (double[] ch : channels) {
                    perChannel.add(Score.of(ch, test, RepeatModel.predict(ch, test), e));
                }
                rows.add(row("repeat", MULTIVARIATE, e, h, Score.mean(perChannel),
                        Map.of("columns", data.columnNames().size())));
            }
        }

        Map<String, Object> p = protocol.describe();
        p.put("target", target);
        p.put("rows", data.rows());
        p.put("scaling", "z-score of each column fitted on the training rows [" + protocol.train().from() + ", "
                + protocol.train().to() + ") (population std); target mean " + scale.mean() + ", std " + scale.std());
        p.put("metrics", "MSE and MAE on the scaled values, averaged over all scored windows and all H steps");
        p.put("windows", "for rows [a, b): every start s with s + L + H <= b; inputs [s, s+L), targets [s+L, s+L+H)");
        p.put("evaluations", Map.of(
                "all", "every test window scored",
                "drop_last_32", "only the first floor(n/32)*32 test windows scored, as the original code "
                        + "(DataLoader, batch_size 32, drop_last=True)"));
        p.put("features", Map.of(
                UNIVARIATE, "univariate: the target column only (all models)",
                MULTIVARIATE, "multivariate: every numeric column, error averaged over columns (repeat only; the "
                        + "setting of the published Repeat figures)"));
        p.put("tuning", "penalties chosen on the validation windows only; the test windows are scored once");
        Map<String, String> described = new LinkedHashMap<>();
        for (EttModel m : models) {
            described.put(m.name(), m.description());
        }
        List<Published> published = PUBLISHED.stream()
                .filter(x -> x.dataset().equalsIgnoreCase(data.name()) && protocol.horizons().contains(x.horizon()))
                .toList();
        double seconds = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
        return new Result(data.name(), source, target, p, rows, published, described, seconds);
    }

    private static Row row(String model, String features, Evaluation e, int h, Score s, Map<String, Object> details) {
        return new Row(model, features, e.label(), h, Json.finiteOrNull(s.mse()), Json.finiteOrNull(s.mae()),
                s.windows(), details);
    }

    /** A plain-text table: one line per model and setting, MSE/MAE per horizon, the published MSE beside. */
    public static String table(Result r) {
        List<Integer> hs = new ArrayList<>();
        for (Row row : r.results()) {
            if (!hs.contains(row.horizon())) {
                hs.add(row.horizon());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-32s", "model (features, evaluation)"));
        for (int h : hs) {
            sb.append(String.format(" %15s", "H=" + h + " mse/mae"));
        }
        sb.append('\n');
        List<String> keys = new ArrayList<>();
        for (Row row : r.results()) {
            String k = row.model() + "\u0000" + row.features() + "\u0000" + row.evaluation();
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        for (String k : keys) {
            String[] parts = k.split("\u0000");
            sb.append(String.format("%-32s", parts[0] + " (" + parts[1] + ", " + parts[2] + ")"));
            for (int h : hs) {
                Row row = r.row(parts[0], parts[1], parts[2], h);
                sb.append(String.format(" %15s", row == null || row.mse() == null ? "-"
                        : String.format("%.4f/%.4f", row.mse(), row.mae())));
            }
            sb.append('\n');
        }
        List<String> pubs = new ArrayList<>();
        for (Published p : r.published()) {
            String k = p.model() + "\u0000" + p.features();
            if (!pubs.contains(k)) {
                pubs.add(k);
            }
        }
        for (String k : pubs) {
            String[] parts = k.split("\u0000");
            sb.append(String.format("%-32s", "published " + parts[0] + " (" + parts[1] + ")"));
            for (int h : hs) {
                Published p = r.published().stream()
                        .filter(x -> x.model().equals(parts[0]) && x.features().equals(parts[1]) && x.horizon() == h)
                        .findFirst().orElse(null);
                sb.append(String.format(" %15s", p == null ? "-" : String.format("%.3f", p.mse())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

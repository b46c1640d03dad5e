package org.energycommons.workbench.models.benchmark.enb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.energycommons.workbench.models.provenance.Json;

/**
 * The ENB2012 benchmark (Tsanas &amp; Xifara 2012, "Accurate quantitative estimation of energy performance of
 * residential buildings using statistical machine learning tools", Energy and Buildings 49): heating load Y1 and
 * cooling load Y2 of 768 simulated buildings, estimated by shuffled 10-fold cross-validation, repeated with
 * several shuffles.
 *
 * <p>Repeat r shuffles the rows with seed {@code seed + r}; every row is predicted once per repeat by a model that
 * never saw it. Per model and target: {@code mae}/{@code rmse} are the headline figures, the mean over the
 * repeats of the out-of-fold MAE/RMSE (all rows pooled); {@code mae_sd} is the standard deviation of the per-fold
 * MAE over all folds of all repeats (the spread of one fold's estimate); {@code mae_repeat_sd} the standard
 * deviation of the repeat MAEs (how much the CV figure moves with the shuffle); {@code mae_first}/{@code
 * rmse_first} the single 10-fold run with the given seed.
 */
public final class Enb2012Benchmark {

    /** The random forest figures of the original paper (10-fold CV MAE). */
    public static final List<Published> PUBLISHED = List.of(
            new Published("random forest (Tsanas & Xifara 2012)", "Y1", 0.51),
            new Published("random forest (Tsanas & Xifara 2012)", "Y2", 1.42));

    private Enb2012Benchmark() {
    }

    /**
     * The models of the benchmark:
     * <ul>
     *   <li>{@code rf-smile-defaults}: Smile random forest with Smile's own defaults (500 trees, mtry = p/3 = 2,
     *       leaves of at least 5 rows, at most rows/5 leaves) on X1..X8, the closest to the paper's setting;</li>
     *   <li>{@code rf-smile-tuned}: random forest, 300 trees, unlimited leaves, mtry in {2, 8} × minimum leaf
     *       size in {1, 5} chosen by 5-fold CV inside each training fold;</li>
     *   <li>{@code gbt-smile-defaults}: Smile gradient tree boosting with Smile's defaults (least absolute
     *       deviation loss, 500 trees of 6 leaves, shrinkage 0.05, subsampling 0.7) on X1..X8;</li>
     *   <li>{@code gbt-smile-tuned}: least-squares boosting, 1000 trees, shrinkage 0.1, leaves of at least one
     *       row, subsampling 0.7, with feature set in {raw, categorical (X6 and X8 one-hot added)} × leaves
     *       per tree in {8, 16} chosen by 5-fold CV inside each training fold.</li>
     * </ul>
     */
    public static List<ModelSpec> defaultModels() {
        List<ModelSpec> rf = new ArrayList<>();
        for (String mtry : List.of("2", "8")) {
            for (String nodeSize : List.of("1", "5")) {
                rf.add(new SmileForest("rf[mtry=" + mtry + ",node_size=" + nodeSize + "]", FeatureSet.RAW, Map.of(
                        SmileForest.TREES, "300", SmileForest.MTRY, mtry, SmileForest.NODE_SIZE, nodeSize,
                        SmileForest.MAX_NODES, "100000")));
            }
        }
        List<ModelSpec> gbt = new ArrayList<>();
        for (FeatureSet features : List.of(FeatureSet.RAW, FeatureSet.CATEGORICAL)) {
            for (String leaves : List.of("8", "16")) {
                gbt.add(new SmileBoost("gbt[" + features.name().toLowerCase(Locale.ROOT) + ",leaves=" + leaves + "]",
                        features, Map.of(SmileBoost.LOSS, "LeastSquares", SmileBoost.TREES, "1000",
                                SmileBoost.SHRINKAGE, "0.1", SmileBoost.MAX_NODES, leaves,
                                SmileBoost.NODE_SIZE, "1", SmileBoost.SAMPLING_RATE, "0.7")));
            }
        }
        return List.of(
                new SmileForest("rf-smile-defaults", FeatureSet.RAW, Map.of()),
                new TunedModel("rf-smile-tuned", rf, 5),
                new SmileBoost("gbt-smile-defaults", FeatureSet.RAW, Map.of()),
                new TunedModel("gbt-smile-tuned", gbt, 5));
    }

    /** Protocol settings. */
    public record Options(int folds, long seed, int repeats, int threads) {
        /** Checks them. */
        public Options {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be >= 2, got " + folds);
            }
            if (repeats < 1) {
                throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        /** 10 folds, the given seed and repeats, one thread per core. */
        public static Options of(long seed, int repeats) {
            return new Options(10, seed, repeats, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * One model on one target. {@code chosen}: for a tuned model, how many outer folds (over all repeats) chose each
     * candidate, else null. {@code fitSeconds}: wall time of its fold fits and predictions summed (they run
     * concurrently, so this is nearer CPU time than elapsed time).
     */
    public record Row(
            String model,
            String target,
            double mae,
            double rmse,
            @JsonProperty("mae_sd") double maeSd,
            @JsonProperty("rmse_sd") double rmseSd,
            @JsonProperty("mae_repeat_sd") double maeRepeatSd,
            @JsonProperty("mae_first") double maeFirst,
            @JsonProperty("rmse_first") double rmseFirst,
            @JsonProperty("mae_repeats") List<Double> maeRepeats,
            Map<String, Integer> chosen,
            @JsonProperty("fit_seconds") double fitSeconds) {
    }

    /** A published figure. */
    public record Published(String model, String target, double mae) {
    }

    /** How the figures were obtained. */
    public record Protocol(int folds, long seed, int repeats, int rows,
            @JsonProperty("repeat_fold_seeds") List<Long> repeatFoldSeeds,
            String headline, String folding) {
    }

    /** A model and its settings. */
    public record ModelInfo(String name, Map<String, String> params) {
    }

    /** Everything the benchmark reports. */
    public record Result(List<Row> results, List<Published> published, Protocol protocol, List<ModelInfo> models,
            @JsonProperty("elapsed_seconds") double elapsedSeconds) {

        /** The row of a model and target. */
        public Row row(String model, String target) {
            return results.stream().filter(r -> r.model().equals(model) && r.target().equals(target)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no result for " + model + " / " + target));
        }

        /** As indented JSON. */
        public String toJson() {
            return Json.write(this);
        }
    }

    private record Task(int model, int target, int repeat, int fold) {
    }

    private record Outcome(double[] predictions, String chosen, double seconds) {
    }

    /** Runs every model on both targets. {@code progress} receives a line now and then. */
    public static Result run(EnbData data, List<ModelSpec> models, Options options, Consumer<String> progress) {
        long start = System.nanoTime();
        int n = data.size();
        int targets = EnbData.TARGETS.size();
        KFold[] splits = new KFold[options.repeats()];
        List<Long> foldSeeds = new ArrayList<>();
        for (int r = 0; r < options.repeats(); r++) {
            splits[r] = KFold.of(n, options.folds(), options.seed() + r);
            foldSeeds.add(options.seed() + r);
        }
        List<Task> tasks = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            for (int t = 0; t < targets; t++) {
                for (int r = 0; r < options.repeats(); r++) {
                    for (int f = 0; f < options.folds(); f++) {
                        tasks.add(new Task(m, t, r, f));
                    }
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread th = new Thread(runnable, "enb2012-fit");
            th.setDaemon(true);
            return th;
        });
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (Task task : tasks) {
                futures.add(pool.submit(() -> fitFold(data, models.get(task.model()), task, splits[task.repeat()],
                        modelSeed(options.seed(), task.repeat(), task.fold()))));
            }
            Outcome[] outcomes = new Outcome[tasks.size()];
            long lastReport = System.nanoTime();
            for (int i = 0; i < futures.size(); i++) {
                outcomes[i] = futures.get(i).get();
                if (System.nanoTime() - lastReport > 10_000_000_000L || i == futures.size() - 1) {
                    lastReport = System.nanoTime();
                    progress.accept(String.format(Locale.ROOT, "enb2012: %d/%d fold fits done (%.0f s)", i + 1,
                            futures.size(), (lastReport - start) / 1e9));
                }
            }
            List<Row> rows = new ArrayList<>();
            int i = 0;
            for (int m = 0; m < models.size(); m++) {
                for (int t = 0; t < targets; t++) {
                    double[] y = data.target(EnbData.TARGETS.get(t));
                    double[] repeatMae = new double[options.repeats()];
                    double[] repeatRmse = new double[options.repeats()];
                    double[] foldMae = new double[options.repeats() * options.folds()];
                    double[] foldRmse = new double[foldMae.length];
                    Map<String, Integer> chosen = new TreeMap<>();
                    double seconds = 0;
                    for (int r = 0; r < options.repeats(); r++) {
                        double[] oof = new double[n];
                        for (int f = 0; f < options.folds(); f++) {
                            Outcome o = outcomes[i++];
                            int[] test = splits[r].test(f);
                            for (int k = 0; k < test.length; k++) {
                                oof[test[k]] = o.predictions()[k];
                            }
                            double[] yt = KFold.rows(y, test);
                            foldMae[r * options.folds() + f] = Metrics.mae(yt, o.predictions());
                            foldRmse[r * options.folds() + f] = Metrics.rmse(yt, o.predictions());
                            chosen.merge(o.chosen(), 1, Integer::sum);
                            seconds += o.seconds();
                        }
                        repeatMae[r] = Metrics.mae(y, oof);
                        repeatRmse[r] = Metrics.rmse(y, oof);
                    }
                    List<Double> maes = new ArrayList<>();
                    for (double v : repeatMae) {
                        maes.add(round(v));
                    }
                    boolean tuned = models.get(m) instanceof TunedModel;
                    rows.add(new Row(models.get(m).name(), EnbData.TARGETS.get(t), round(Metrics.mean(repeatMae)),
                            round(Metrics.mean(repeatRmse)), round(Metrics.sd(foldMae)), round(Metrics.sd(foldRmse)),
                            round(Metrics.sd(repeatMae)), round(repeatMae[0]), round(repeatRmse[0]), maes,
                            tuned ? chosen : null, Math.round(seconds * 10) / 10.0));
                }
            }
            List<ModelInfo> infos = models.stream().map(s -> new ModelInfo(s.name(), s.params())).toList();
            Protocol protocol = new Protocol(options.folds(), options.seed(), options.repeats(), n, foldSeeds,
                    "mae/rmse: mean over the " + options.repeats() + " repeat(s) of the " + options.folds()
                            + "-fold cross-validated MAE/RMSE (out-of-fold predictions of all rows pooled); "
                            + "mae_first/rmse_first: the single run with fold seed " + options.seed()
                            + "; mae_sd: sd of the per-fold MAE over all folds",
                    "repeat r: rows shuffled by a Fisher-Yates shuffle (java.util.SplittableRandom, seed = seed + r)"
                            + ", cut into " + options.folds() + " consecutive folds; not stratified; "
                            + "hyper-parameters of tuned models chosen by inner CV on the training folds only");
            return new Result(rows, PUBLISHED, protocol, infos, Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a fold fit failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome fitFold(EnbData data, ModelSpec spec, Task task, KFold split, long seed) {
        long t0 = System.nanoTime();
        int[] train = split.train(task.fold());
        int[] test = split.test(task.fold());
        double[] y = data.target(EnbData.TARGETS.get(task.target()));
        Regressor model = spec.fit(KFold.rows(data.x(), train), KFold.rows(y, train), seed);
        double[] p = model.predict(KFold.rows(data.x(), test));
        return new Outcome(p, model.describe(), (System.nanoTime() - t0) / 1e9);
    }

    /** Seed of the model fitted in fold f of repeat r. */
    static long modelSeed(long seed, int repeat, int fold) {
        return seed * 1_000_003L + repeat * 1_009L + fold + 17;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
    }

    /** A plain-text table: model × target, MAE and RMSE beside the published MAE. */
    public static String table(Result result) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(5, result.results().stream().mapToInt(r -> r.model().length()).max().orElse(5));
        Map<String, Double> published = new LinkedHashMap<>();
        for (Published p : result.published()) {
            published.put(p.target(), p.mae());
        }
        String head = "%-" + w + "s  %-6s  %8s  %8s  %8s  %8s  %9s  %s%n";
        sb.append(String.format(Locale.ROOT, head, "model", "target", "MAE", "±sd", "RMSE", "MAE(1st)",
                "published", "vs published"));
        for (Row r : result.results()) {
            Double pub = published.get(r.target());
            String verdict = pub == null ? "" : r.mae() < pub ? "below" : "not below";
            sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-6s  %8.3f  %8.3f  %8.3f  %8.3f  %9s  %s%n",
                    r.model(), r.target(), r.mae(), r.maeSd(), r.rmse(), r.maeFirst(),
                    pub == null ? "" : String.format(Locale.ROOT, "%.2f", pub), verdict));
        }
        return sb.toString();
    }
}

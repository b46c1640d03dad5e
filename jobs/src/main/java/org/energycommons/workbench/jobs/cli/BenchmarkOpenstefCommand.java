package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.benchmark.ett.Score;
import org.energycommons.workbench.models.benchmark.openstef.OpenstefBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench benchmark openstef}: day-ahead forecasting on the OpenSTEF reference set 307. */
@Command(name = "openstef", mixinStandardHelpOptions = true,
        description = "Train on 307-train-data.csv, forecast day-ahead on 307-test-data.csv (every feature known "
                + "24 h before its target), and write MAE, RMSE and skill vs persistence (t-24h) to --report.")
public final class BenchmarkOpenstefCommand extends BenchmarkRun {

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "Folder holding 307-train-data.csv and 307-test-data.csv.")
    Path data;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    Outcome measure() throws Exception {
        long t0 = System.nanoTime();
        OpenstefBenchmark.Series train = OpenstefBenchmark.read(data.resolve("307-train-data.csv"));
        OpenstefBenchmark.Series test = OpenstefBenchmark.read(data.resolve("307-test-data.csv"));
        OpenstefBenchmark.Outcome outcome = OpenstefBenchmark.evaluate(train, test, seed);
        List<OpenstefBenchmark.Score> scores = outcome.test();
        double seconds = secondsSince(t0);
        List<Map<String, Object>> results = new ArrayList<>();
        for (OpenstefBenchmark.Score s : scores) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", s.model());
            r.put("mae", s.mae());
            r.put("rmse", s.rmse());
            r.put("skill_vs_persistence", s.skillVsPersistence());
            r.put("rows", s.rows());
            results.add(r);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", "OpenSTEF reference set 307 (15-minute grid load)");
        doc.put("train", train.times().get(0) + ".." + train.times().get(train.times().size() - 1));
        doc.put("test", test.times().get(0) + ".." + test.times().get(test.times().size() - 1));
        doc.put("protocol", "day-ahead: features known at t-24h (load lags 1, 2, 7 days, mean of the 24 h ending at "
                + "t-24h, the file's weather and market columns at t, calendar); persistence = load at t-24h; "
                + "skill = 1 - RMSE/RMSE_persistence");
        doc.put("results", results);
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("rule", "each variant fitted on the training file less its last "
                + OpenstefBenchmark.VALIDATION_DAYS + " days, scored on those days; the lowest validation RMSE is "
                + "refitted on the whole training file and scored once on the test file");
        selection.put("validation_period", outcome.validationPeriod());
        selection.put("validation_rmse", outcome.validationRmse());
        selection.put("selected", outcome.selected());
        doc.put("selection", selection);
        doc.put("seconds", Math.round(seconds * 10) / 10.0);
        return Outcome.of(doc, (w, report) -> {
            w.printf("OpenSTEF 307 day-ahead, %d test steps%n", scores.get(0).rows());
            w.printf("%-22s %8s %8s %8s%n", "model", "MAE", "RMSE", "skill");
            for (OpenstefBenchmark.Score s : scores) {
                w.printf("%-22s %8.3f %8.3f %8.3f%n", s.model(), s.mae(), s.rmse(), s.skillVsPersistence());
            }
            w.printf("variant chosen on the last %d training days: %s (validation RMSE %s)%n",
                    OpenstefBenchmark.VALIDATION_DAYS, outcome.selected(), outcome.validationRmse());
            w.printf("%.1f s; report %s%n", seconds, report);
        });
    }
}

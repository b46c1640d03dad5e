package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.energycommons.workbench.models.benchmark.ett.EttBenchmark;
import org.energycommons.workbench.models.benchmark.ett.EttData;
import org.energycommons.workbench.models.benchmark.ett.EttProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench benchmark ett}: the long-horizon forecasting protocol of the DLinear/PatchTST papers on ETT. */
@Command(name = "ett", mixinStandardHelpOptions = true,
        description = "Long-horizon forecasting on an ETT-shaped CSV (a 'date' column and numeric columns) with the "
                + "protocol of the Informer, DLinear and PatchTST papers: train rows [0, 8640), validation "
                + "[8640, 11520), test [11520, 14400), look-back 336, z-score fitted on the training rows, "
                + "univariate on --target; MSE/MAE on scaled values for the repeat baseline and ridge NLinear/DLinear "
                + "models (tuned on validation only), scored on all test windows and with the original drop-last "
                + "evaluation; writes --report and prints the table with the published ETTh1 figures beside.")
public final class BenchmarkEttCommand extends BenchmarkRun {

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "The CSV, e.g. ETTh1.csv.")
    Path data;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "OT",
            description = "The column to forecast (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--horizons", paramLabel = "LIST", split = ",", defaultValue = "96,192,336,720",
            description = "Forecast lengths, comma separated (default: ${DEFAULT-VALUE}).")
    List<Integer> horizons;

    @Option(names = "--look-back", paramLabel = "L", defaultValue = "336",
            description = "Input length (default: ${DEFAULT-VALUE}).")
    int lookBack;

    @Option(names = "--borders", paramLabel = "TRAIN,VAL,TEST", split = ",", defaultValue = "8640,11520,14400",
            description = "Ends of the training, validation and test rows (default: ${DEFAULT-VALUE}, hourly ETT; "
                    + "ETTm: 34560,46080,57600).")
    List<Integer> borders;

    @Override
    void check() {
        if (borders.size() != 3) {
            throw new IllegalArgumentException("--borders takes three row numbers, got " + borders);
        }
    }

    @Override
    Outcome measure() throws IOException {
        EttProtocol protocol = new EttProtocol(borders.get(0), borders.get(1), borders.get(2), lookBack, horizons);
        EttData d = EttData.read(data);
        PrintWriter err = spec.commandLine().getErr();
        EttBenchmark.Result r = EttBenchmark.run(d, data.toString(), target, protocol, line -> {
            err.println("ett benchmark: " + line);
            err.flush();
        });
        return new Outcome(r.toJson(), 0, (o, report) -> {
            o.printf("ETT benchmark: %s, target %s, %d rows, look-back %d; MSE/MAE on z-scored values%n",
                    r.dataset(), r.target(), d.rows(), protocol.lookBack());
            o.print(EttBenchmark.table(r));
            o.printf("%.1f s; report %s%n", r.seconds(), report);
            o.flush();
        });
    }
}

package org.energycommons.workbench.jobs.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.benchmark.enb.Enb2012Benchmark;
import org.energycommons.workbench.models.benchmark.enb.EnbCsv;
import org.energycommons.workbench.models.benchmark.enb.EnbData;
import org.energycommons.workbench.models.provenance.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench benchmark enb2012}: heating and cooling load regression on ENB2012, 10-fold CV. */
@Command(name = "enb2012", mixinStandardHelpOptions = true,
        description = "Heating (Y1) and cooling (Y2) load of the 768 simulated buildings of ENB2012 (Tsanas & Xifara "
                + "2012): 10-fold cross-validated MAE and RMSE of Smile random forests and gradient tree boosting "
                + "(Smile defaults, and hyper-parameters tuned by nested CV), repeated over --repeats shuffles, "
                + "beside the published random forest MAE; written to --report as JSON.")
public final class BenchmarkEnb2012Command extends BenchmarkRun {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "ENB2012_data.csv (header X1,X2,X3,X4,X5,X6,X7,X8,Y1,Y2).")
    Path data;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the first shuffle; repeat r uses S + r (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "10-fold CV runs with different shuffles; the headline MAE/RMSE is their mean "
                    + "(default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--threads", paramLabel = "T",
            description = "Fold fits run at once (default: the number of cores).")
    Integer threads;

    @Override
    void check() {
        if (repeats < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeats must be >= 1");
        }
        if (threads != null && threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1");
        }
    }

    @Override
    Outcome measure() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        EnbData enb = EnbCsv.read(data);
        Enb2012Benchmark.Options options = new Enb2012Benchmark.Options(10, seed, repeats,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        Enb2012Benchmark.Result result = Enb2012Benchmark.run(enb, Enb2012Benchmark.defaultModels(), options,
                line -> {
                    err.println(line);
                    err.flush();
                });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "enb2012");
        doc.putAll(Json.mapper().convertValue(result, new TypeReference<Map<String, Object>>() { }));
        doc.put("data", data.toAbsolutePath().normalize().toString());
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("threads", options.threads());
        return Outcome.of(doc, (stdout, report) -> {
            stdout.print(Enb2012Benchmark.table(result));
            stdout.printf("enb2012: %d rows, %d x 10-fold CV (seeds %d..%d), headline = mean over repeats; %.1f s; "
                    + "report %s%n", enb.size(), repeats, seed, seed + repeats - 1, result.elapsedSeconds(), report);
        });
    }
}

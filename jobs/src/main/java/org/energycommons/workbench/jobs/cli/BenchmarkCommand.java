package org.energycommons.workbench.jobs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.jobs.IngestJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PseudoKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench benchmark}: measured figures on larger data, written to JSON (not tests). */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmarks that measure speed and accuracy on larger data and write their figures to JSON.",
        subcommands = {BenchmarkCommand.Ingest.class, BenchmarkEemeterCommand.class, BenchmarkCaltrackCommand.class,
                BenchmarkEttCommand.class, BenchmarkOpenstefCommand.class, BenchmarkEnb2012Command.class,
                BenchmarkSegmentationCommand.class, BenchmarkRobustnessCommand.class,
                BenchmarkCrashCommand.class, BenchmarkEnginesCommand.class, BenchmarkScaleCommand.class})
public final class BenchmarkCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark name");
    }

    /** Ingest throughput of load curves in the Enedis customer CSV format. */
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Generate a real-format Enedis load-curve CSV of --rows readings (several files, one per "
                    + "group of PRMs), ingest it, and write rows/s to --report.")
    public static final class Ingest extends BenchmarkRun {

        @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000",
                description = "Readings to generate (default: ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--files", paramLabel = "K", defaultValue = "8",
                description = "Files to spread them over (default: ${DEFAULT-VALUE}).")
        int files;

        @Mixin
        SparkOptions spark;

        private Pseudonymizer pseudonymizer;

        @Override
        void check() {
            if (rows < 1000 || files < 1) {
                throw new IllegalArgumentException("--rows must be >= 1000 and --files >= 1");
            }
            pseudonymizer = PseudoKeys.required("the ingest benchmark");
        }

        @Override
        Outcome measure() throws IOException {
            Path input = workspace().toAbsolutePath().resolve("bench-input");
            long t0 = System.nanoTime();
            long bytes = writeFiles(input, rows, files);
            double generateSeconds = secondsSince(t0);
            try (Session session = open(spark, workspace())) {
                JobContext ctx = session.context();
                long t1 = System.nanoTime();
                IngestJob.Report r = IngestJob.run(ctx, Connectors.byName("enedis-load-curve-csv"),
                        SilverMappings.of("enedis-load-curve-csv"), List.of(input + "/*.csv"), pseudonymizer);
                double seconds = secondsSince(t1);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("benchmark", "ingest");
                doc.put("source", r.source());
                doc.put("files", r.files().size());
                doc.put("bytes", bytes);
                doc.put("read", r.read());
                doc.put("accepted", r.accepted());
                doc.put("rejected", r.rejected());
                doc.put("duplicates", r.duplicates());
                doc.put("generate_seconds", Math.round(generateSeconds * 10) / 10.0);
                doc.put("ingest_seconds", Math.round(seconds * 10) / 10.0);
                doc.put("rows_per_second", Math.round(r.read() / seconds));
                doc.put("what_is_timed", "parse (one task per file) + duplicate check + bronze, rejects and silver "
                        + "Delta writes (first ingest into an empty lake)");
                doc.put("spark_master", ctx.spark().sparkContext().master());
                doc.put("cores", Runtime.getRuntime().availableProcessors());
                doc.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
                return Outcome.of(doc, (out, report) -> out.printf(
                        "ingest benchmark: %,d rows in %.1f s = %,d rows/s; report %s%n", r.read(), seconds,
                        Math.round(r.read() / seconds), report));
            }
        }

        /** Writes the files: 30-minute readings of one year per PRM, ISO timestamps with offset, W values. */
        static long writeFiles(Path dir, long rows, int files) throws IOException {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
            ZoneId paris = ZoneId.of("Europe/Paris");
            long perPrm = 17_520;
            long prms = (rows + perPrm - 1) / perPrm;
            long written = 0;
            long bytes = 0;
            SplittableRandom rnd = new SplittableRandom(42);
            for (int f = 0; f < files; f++) {
                Path file = dir.resolve(String.format("enedis-load-curve-%03d.csv", f));
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    w.write("Identifiant PRM;Date de début;Date de fin;Grandeur physique;Grandeur métier;Etape métier;"
                            + "Unité;Horodate;Valeur;Nature;Pas;Indice de vraisemblance;Etat complémentaire\r\n");
                    for (long p = f; p < prms && written < rows; p += files) {
                        String prm = String.format("%014d", 19_000_000_000_000L + p);
                        OffsetDateTime start = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, paris.getRules()
                                .getOffset(Instant.parse("2023-12-31T23:00:00Z")));
                        w.write(prm + ";" + start.format(iso) + ";" + start.plusYears(1).format(iso)
                                + ";PA;CONS;BRUT;W;;;;;;\r\n");
                        Instant t = start.toInstant();
                        for (long i = 0; i < perPrm && written < rows; i++) {
                            t = t.plusSeconds(1800);
                            String ts = t.atZone(paris).toOffsetDateTime().format(iso);
                            w.write(";;;;;;;" + ts + ";" + (200 + rnd.nextInt(3000)) + ";B;PT30M;;\r\n");
                            written++;
                        }
                    }
                }
                bytes += Files.size(file);
            }
            return bytes;
        }
    }
}

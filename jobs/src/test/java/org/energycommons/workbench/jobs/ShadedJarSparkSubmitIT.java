package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path: the shaded {@code -spark.jar}, on a classpath holding only what a Spark 4.1 installation
 * has (no workbench module, no Delta, no Smile), runs {@code generate} through Spark's own {@code SparkSubmit}
 * with {@code --master local[2]} and writes Delta tables.
 */
class ShadedJarSparkSubmitIT {

    @Test
    void theShadedJarRunsAJobThroughSparkSubmit(@TempDir Path out) throws Exception {
        Path jar = Path.of(System.getProperty("workbench.shadedJar"));
        Path clusterClasspath = Path.of(System.getProperty("workbench.clusterClasspath"));
        assertTrue(Files.exists(jar), "missing " + jar + ": run mvn package");
        String sparkClasspath = Files.readString(clusterClasspath).strip();
        assertTrue(!sparkClasspath.contains("delta-spark") && !sparkClasspath.contains("smile-core"),
                "the cluster classpath must not bring what the shaded jar must carry");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.addAll(Arrays.asList(System.getProperty("workbench.jvmArgs").trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkClasspath, "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--class", "org.energycommons.workbench.jobs.Main", jar.toString(),
                "generate", "--out", out.toString(), "--meters", "12", "--days", "35", "--start", "2024-03-25"));
        Path log = out.resolve("spark-submit.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("WORKBENCH_PROGRESS", "plain");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit timed out");
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), tail(output));
        // 12 meters × (34 days × 48 + 46 on the spring DST day) half-hours.
        assertTrue(output.contains("generated 20,136 readings"), tail(output));
        assertTrue(Files.isDirectory(out.resolve("lake/silver/load_curve/_delta_log")), tail(output));
        assertTrue(Files.isDirectory(out.resolve("lake/silver/substations/_delta_log")), tail(output));
    }

    private static String tail(String s) {
        String[] lines = s.split(File.separator.equals("/") ? "\n" : "\r?\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}

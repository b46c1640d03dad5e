package org.energycommons.workbench.models.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What built and runs this workbench: its version, the git commit of the sources and the library versions, as
 * recorded in every model's provenance.
 *
 * <p>The commit comes from the system property {@code workbench.git.commit}, else the environment variable
 * {@code WORKBENCH_GIT_COMMIT} (the launcher and CI set it), else {@code git rev-parse HEAD} in the working
 * directory, with {@code -dirty} when the tree has uncommitted changes; else {@code unknown}.
 */
public final class BuildInfo {

    private static volatile String commit;

    private BuildInfo() {
    }

    private static Properties declared() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/workbench-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // No build metadata: versions read "unknown".
        }
        return p;
    }

    /** The workbench version. */
    public static String version() {
        return declared().getProperty("version", "unknown");
    }

    /** The git commit of the sources. */
    public static String gitCommit() {
        if (commit == null) {
            commit = resolveCommit();
        }
        return commit;
    }

    private static String resolveCommit() {
        String fromProperty = System.getProperty("workbench.git.commit");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.strip();
        }
        String fromEnv = System.getenv("WORKBENCH_GIT_COMMIT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        String head = run("git", "rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = run("git", "status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Versions of the JVM and the libraries that computed a result. */
    public static Map<String, String> libraries() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("workbench", version());
        v.put("java", System.getProperty("java.version"));
        v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        v.put("scala", scala.util.Properties.versionNumberString());
        Properties declared = declared();
        v.put("delta", declared.getProperty("delta", "unknown"));
        v.put("smile", declared.getProperty("smile", "unknown"));
        v.put("xgboost", declared.getProperty("xgboost", "unknown"));
        return v;
    }
}

package org.energycommons.workbench.models.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a trained model comes from: use case, algorithm, parameters, seed, the Delta table versions it read,
 * the fingerprint of its training rows, the git commit and library versions. Saved beside the model and in the
 * registry, so that any reported figure can be traced to a table version and a commit.
 *
 * @param modelId stable identity: same use case, name, parameters, seed and training data give the same id
 * @param useCase use-case id, e.g. {@code uc4}
 * @param name model name within the use case, e.g. {@code gbt-mllib}
 * @param engine {@code spark-mllib}, {@code smile} or {@code baseline}
 * @param algorithm what is fitted, e.g. {@code GBTRegressor}
 * @param params the algorithm's parameters, as strings
 * @param seed the random seed of the fit
 * @param inputTables table path to Delta version read
 * @param features the feature columns, in order
 * @param label what is predicted
 * @param split the time split (train, validation, test bounds)
 * @param trainingRows number of training rows
 * @param dataFingerprint order-independent hash of the training rows
 * @param gitCommit the commit of the workbench sources
 * @param libraries library versions
 * @param createdAt when it was trained, ISO-8601 UTC
 */
public record ModelProvenance(String modelId, String useCase, String name, String engine, String algorithm,
                              Map<String, String> params, long seed, Map<String, Long> inputTables,
                              List<String> features, String label, Map<String, String> split, long trainingRows,
                              String dataFingerprint, String gitCommit, Map<String, String> libraries,
                              String createdAt) {

    public ModelProvenance {
        Objects.requireNonNull(useCase, "useCase");
        Objects.requireNonNull(name, "name");
        params = Map.copyOf(params);
        inputTables = Map.copyOf(inputTables);
        features = List.copyOf(features);
        split = Map.copyOf(split);
        libraries = Map.copyOf(libraries);
    }

    /** Builds a provenance for a model trained now with the running build's commit and libraries. */
    public static ModelProvenance create(String useCase, String name, String engine, String algorithm,
                                         Map<String, String> params, long seed, Map<String, Long> inputTables,
                                         List<String> features, String label, Map<String, String> split,
                                         long trainingRows, String dataFingerprint) {
        String id = useCase + "-" + name + "-" + shortHash(useCase, name, algorithm, new TreeMap<>(params).toString(),
                String.valueOf(seed), features.toString(), label, new TreeMap<>(split).toString(), dataFingerprint);
        return new ModelProvenance(id, useCase, name, engine, algorithm, params, seed, inputTables, features, label,
                split, trainingRows, dataFingerprint, BuildInfo.gitCommit(), BuildInfo.libraries(),
                Instant.now().toString());
    }

    /** First 12 hex characters of the SHA-256 of the parts. */
    public static String shortHash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As JSON. */
    public String toJson() {
        return Json.write(this);
    }

    /** From JSON written by {@link #toJson()}. */
    public static ModelProvenance fromJson(String json) {
        return Json.read(json, ModelProvenance.class);
    }
}

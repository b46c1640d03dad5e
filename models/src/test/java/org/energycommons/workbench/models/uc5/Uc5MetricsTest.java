package org.energycommons.workbench.models.uc5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** {@link Uc5Metrics}: the published keys of each split, and reading them back. */
class Uc5MetricsTest {

    private static final List<String> AGREEMENT = List.of("accuracy", "within_one_class_accuracy", "macro_f1",
            "mae_intensity", "fg_recall", "fg_precision", "rows", "fg_rows", "fg_flagged_rows");

    private static Uc5Metrics.ClassAgreement agreement(String... predicted) {
        List<String> reference = List.of("A", "C", "F", "G");
        List<Boolean> flagged = java.util.Arrays.stream(predicted).map(DpeThresholds::isPassoire).toList();
        return Uc5Metrics.ClassAgreement.of(reference, List.of(predicted), flagged, new double[] {50, 150, 400, 500},
                new double[] {60, 140, Double.NaN, 480});
    }

    private static List<String> prefixed(String prefix) {
        return AGREEMENT.stream().map(k -> prefix + k).toList();
    }

    @Test
    void publishedKeysInOrderPerSplit() {
        Uc5Metrics test = Uc5Metrics.test(agreement("A", "C", "F", "E"), agreement("A", "D", "F", "G"),
                agreement("B", "C", "G", "G"));
        List<String> keys = new ArrayList<>(AGREEMENT);
        keys.addAll(prefixed("certificate_"));
        keys.addAll(prefixed("uncertified_"));
        assertEquals(keys, List.copyOf(test.toMap().keySet()));
        Uc5Metrics validation = Uc5Metrics.validation(agreement("A", "C", "F", "E"));
        List<String> validationKeys = new ArrayList<>(prefixed("certificate_"));
        validationKeys.add("selection_score");
        assertEquals(validationKeys, List.copyOf(validation.toMap().keySet()));
        // Within one class 3 of 4, F/G recall 1 of 2.
        assertEquals((0.75 + 0.5) / 2, validation.selectionScore(), 1e-12);
        assertEquals(prefixed("certificate_"), List.copyOf(Uc5Metrics.train(agreement("A", "C", "F", "G")).toMap()
                .keySet()));
        assertEquals(4L, test.toMap().get("certificate_rows"));
        assertEquals(0.75, test.value("accuracy"), 1e-12);
    }

    @Test
    void readsEachPublishedFormBack() {
        Uc5Metrics.ClassAgreement empty = Uc5Metrics.ClassAgreement.of(List.of(), List.of(), List.of(),
                new double[0], new double[0]);
        for (Uc5Metrics m : List.of(Uc5Metrics.test(agreement("A", "C", "F", "E"), agreement("A", "D", "F", "G"),
                        empty), Uc5Metrics.validation(agreement("G", "G", "G", "G")),
                Uc5Metrics.validation(empty), Uc5Metrics.train(agreement("A", "C", "F", "G")))) {
            Uc5Metrics back = Uc5Metrics.fromMap(viaJson(m.toMap()));
            assertEquals(m.toMap(), back.toMap());
            assertNull(back.certificates().confusion(), "the confusion matrix is not published");
        }
        Uc5Metrics back = Uc5Metrics.fromMap(viaJson(Uc5Metrics.train(agreement("A", "C", "F", "G")).toMap()));
        assertNull(back.truth());
        assertNull(back.selectionScore());
        assertTrue(Double.isNaN(back.certificates().classRecall()[0]));
        assertThrows(IllegalArgumentException.class, () -> Uc5Metrics.fromMap(Map.of("accuracy", 1.0)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Map<String, Object> published) {
        Map<String, Object> m = new LinkedHashMap<>();
        published.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return Json.read(Json.write(m), Map.class);
    }

    /** Dwellings with a certificate on every other one, a truth on all, and predictions off by 0..2 classes. */
    private static List<Uc5Metrics.Dwelling> dwellings(int n) {
        List<String> classes = List.of("A", "B", "C", "D", "E", "F", "G");
        java.util.Random random = new java.util.Random(3);
        List<Uc5Metrics.Dwelling> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int truth = random.nextInt(7);
            int predicted = Math.max(0, Math.min(6, truth + random.nextInt(5) - 2));
            double pe = 70 + 60 * truth;
            out.add(new Uc5Metrics.Dwelling("b" + i, i % 2 == 0 ? classes.get(truth) : null, pe + 5,
                    classes.get(predicted), pe + 60 * (predicted - truth), predicted >= 4 && random.nextBoolean()
                    || predicted >= 5, classes.get(truth), pe));
        }
        return out;
    }

    @Test
    void theBootstrapFunctionOnEveryDwellingGivesThePointValues() {
        List<Uc5Metrics.Dwelling> test = dwellings(80);
        java.util.function.Function<List<Uc5Metrics.Dwelling>, Map<String, Uc5Metrics.ClassAgreement>> comparisons =
                Uc5Run.Comparisons.TEST;
        Uc5Metrics.ClassAgreement truth = Uc5Metrics.againstTruth(test);
        Uc5Metrics.ClassAgreement certificates = Uc5Metrics.againstCertificates(test);
        assertEquals(truth.estimates(""), comparisons.apply(test).get("").estimates(""));
        assertEquals(certificates.estimates(""), comparisons.apply(test).get("certificate_").estimates(""));
        assertEquals(80, truth.rows());
        assertEquals(40, certificates.rows(), "only the certified dwellings are compared with certificates");
        Map<String, org.energycommons.workbench.models.usecase.MetricInterval> intervals =
                Uc5Metrics.intervals(test, comparisons, false, 42L);
        Map<String, Double> point = new LinkedHashMap<>(truth.estimates(""));
        point.putAll(certificates.estimates("certificate_"));
        assertEquals(point.keySet(), intervals.keySet(), "an interval for every estimate, none for rows or fg_rows");
        point.forEach((k, v) -> {
            var i = intervals.get(k);
            assertTrue(i.low() <= v + 1e-12 && v <= i.high() + 1e-12, k + " " + v + " outside " + i);
        });
        assertEquals(truth.fgReference(), intervals.get("fg_recall").n());
        assertEquals("fg_dwelling", intervals.get("fg_recall").unit());
        assertEquals(truth.fgFlagged(), intervals.get("fg_precision").n());
        assertEquals("flagged_dwelling", intervals.get("fg_precision").unit());
        assertEquals(80, intervals.get("within_one_class_accuracy").n());
        assertEquals(40, intervals.get("certificate_accuracy").n());
        assertEquals(intervals, Uc5Metrics.intervals(test, comparisons, false, 42L), "seeded");
        var validation = Uc5Metrics.intervals(test, Uc5Run.Comparisons.CERTIFICATE, true, 42L);
        double score = certificates.selectionScore();
        assertTrue(validation.get("selection_score").low() <= score && score <= validation.get("selection_score")
                .high());
    }
}

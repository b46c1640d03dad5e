package org.energycommons.workbench.models.usecase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The one-standard-error rule of model selection: among the candidates whose validation score falls short of the
 * best score by at most one standard error of that shortfall, the one of least capacity.
 *
 * <p>References: Breiman, Friedman, Olshen &amp; Stone, <i>Classification and Regression Trees</i> (1984), §3.4.3;
 * Hastie, Tibshirani &amp; Friedman, <i>The Elements of Statistical Learning</i> (2nd ed., 2009), §7.10. A score read
 * on a small validation set ranks candidates mostly by chance; the rule keeps the simplest candidate unless a more
 * flexible one is better by more than the noise of the comparison. The standard error of each candidate's shortfall
 * is a <b>paired</b> bootstrap ({@link BootstrapIntervals#standardErrors}): every candidate is scored on the same
 * draw of validation units, so what the units have in common cancels.
 *
 * <p>Ties in capacity go to the higher score, then to the candidates' order. A candidate whose score or standard
 * error is undefined is only chosen when it has the best score. Written by hand: neither Smile nor Spark MLlib has a
 * selection rule over a bootstrap of arbitrary units.
 */
public final class OneStandardErrorRule {

    private OneStandardErrorRule() {
    }

    /**
     * A selection by the rule.
     *
     * @param chosen the selected candidate
     * @param topScored the candidate with the best score (the first in order among equal scores)
     * @param scores each candidate's score on every validation unit
     * @param shortfalls each candidate's score shortfall from the top-scored candidate (0 for it)
     * @param standardErrors the paired-bootstrap standard error of each shortfall (0 for the top-scored candidate)
     * @param capacities each candidate's capacity rank (lower is simpler)
     */
    public record Choice(String chosen, String topScored, Map<String, Double> scores, Map<String, Double> shortfalls,
                         Map<String, Double> standardErrors, Map<String, Integer> capacities) {

        public Choice {
            Objects.requireNonNull(chosen, "chosen");
            Objects.requireNonNull(topScored, "topScored");
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
            shortfalls = Collections.unmodifiableMap(new LinkedHashMap<>(shortfalls));
            standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
            capacities = Collections.unmodifiableMap(new LinkedHashMap<>(capacities));
        }

        /** One line saying what was chosen and why, for logs and provenance. */
        public String describe() {
            if (chosen.equals(topScored)) {
                boolean simplest = capacities.get(chosen) <= capacities.values().stream().min(Integer::compare)
                        .orElseThrow();
                return String.format(java.util.Locale.ROOT, "%s: best validation score %.3f%s", chosen,
                        scores.get(chosen), simplest ? ", and of the least capacity"
                                : ", and no candidate of less capacity within one standard error of it");
            }
            if (shortfalls.get(chosen) == 0) {
                return String.format(java.util.Locale.ROOT, "%s: validation score %.3f, equal to the best (%s), and "
                        + "of less capacity", chosen, scores.get(chosen), topScored);
            }
            return String.format(java.util.Locale.ROOT, "%s: validation score %.3f, %.3f below the best (%s, %.3f), "
                            + "within one standard error of that shortfall (%.3f, paired bootstrap), and of less "
                            + "capacity", chosen, scores.get(chosen), shortfalls.get(chosen), topScored,
                    scores.get(topScored), standardErrors.get(chosen));
        }
    }

    /**
     * Chooses among candidates by the rule.
     *
     * @param capacity candidate → its capacity rank (lower is simpler), in the candidates' order
     * @param units the validation units every candidate is scored on
     * @param score the score of a candidate on a list of units (higher is better; NaN when undefined)
     * @param seed the bootstrap seed
     * @param <U> the unit type
     * @throws IllegalArgumentException without candidates, or when no candidate has a finite score
     */
    public static <U> Choice choose(Map<String, Integer> capacity, List<U> units,
                                    BiFunction<String, List<U>, Double> score, long seed) {
        if (capacity.isEmpty()) {
            throw new IllegalArgumentException("no candidate to choose from");
        }
        List<String> names = new ArrayList<>(capacity.keySet());
        Map<String, Double> scores = new LinkedHashMap<>();
        names.forEach(n -> scores.put(n, defined(score.apply(n, units))));
        String top = names.stream()
                .filter(n -> Double.isFinite(scores.get(n)))
                .max(Comparator.comparingDouble(scores::get).thenComparing(n -> -names.indexOf(n)))
                .orElseThrow(() -> new IllegalArgumentException("no candidate has a finite validation score: "
                        + scores));
        Map<String, Double> shortfalls = new LinkedHashMap<>();
        names.forEach(n -> shortfalls.put(n, scores.get(top) - scores.get(n)));
        Map<String, Double> errors = new LinkedHashMap<>(BootstrapIntervals.standardErrors(units, draw -> {
            double best = defined(score.apply(top, draw));
            Map<String, Double> d = new LinkedHashMap<>();
            for (String n : names) {
                if (!n.equals(top)) {
                    d.put(n, best - defined(score.apply(n, draw)));
                }
            }
            return d;
        }, seed));
        errors.put(top, 0.0);
        names.forEach(n -> errors.putIfAbsent(n, Double.NaN));
        String chosen = names.stream()
                .filter(n -> n.equals(top) || shortfalls.get(n) <= errors.get(n))
                .min(Comparator.<String>comparingInt(capacity::get)
                        .thenComparing(n -> -scores.get(n))
                        .thenComparingInt(names::indexOf))
                .orElseThrow();
        return new Choice(chosen, top, scores, shortfalls, errors, capacity);
    }

    private static double defined(Double v) {
        return v == null ? Double.NaN : v;
    }
}

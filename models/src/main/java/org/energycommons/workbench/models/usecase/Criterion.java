package org.energycommons.workbench.models.usecase;

import java.util.Objects;
import java.util.Set;

/**
 * A success criterion a use case declares: a metric of a model compared with a target, e.g.
 * {@code skill_vs_persistence of best >= 0.2}.
 *
 * @param metric the metric name, as in {@code DIR/metrics/<uc>.json}
 * @param model the model it applies to, or {@link #BEST} for the selected model
 * @param operator one of {@code >=, <=, >, <}
 * @param target the value to reach
 */
public record Criterion(String metric, String model, String operator, double target) {

    /** The model selected on validation data. */
    public static final String BEST = "best";
    private static final Set<String> OPERATORS = Set.of(">=", "<=", ">", "<");

    public Criterion {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(model, "model");
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("criterion operator must be one of " + OPERATORS + ", got " + operator);
        }
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("criterion target must be finite, got " + target);
        }
    }

    /** Criterion on the best model with {@code >=}. */
    public static Criterion atLeast(String metric, double target) {
        return new Criterion(metric, BEST, ">=", target);
    }

    /** Criterion on the best model with {@code <=}. */
    public static Criterion atMost(String metric, double target) {
        return new Criterion(metric, BEST, "<=", target);
    }

    /** Whether a measured value meets the criterion; a missing (NaN) value never does. */
    public boolean isMetBy(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (operator) {
            case ">=" -> value >= target;
            case "<=" -> value <= target;
            case ">" -> value > target;
            case "<" -> value < target;
            default -> throw new IllegalStateException(operator);
        };
    }

    /** The outcome of this criterion for a measured value of the named model. */
    public Result evaluate(String modelName, double value) {
        return new Result(metric, modelName, operator, target, value, isMetBy(value));
    }

    /** A criterion checked against a measured value. */
    public record Result(String metric, String model, String operator, double target, double value, boolean met) {
    }

    @Override
    public String toString() {
        return metric + " (" + model + ") " + operator + " " + target;
    }
}

package org.energycommons.workbench.models.uc2;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;

/**
 * One declarative alert rule of uc2, as parsed from a rules file by {@link AlertRules}: an id, a severity and a
 * condition that is a conjunction of criteria over a building-day's features, e.g. {@code closed and
 * day_residual_z > 4}.
 *
 * @param id rule id, unique in its file
 * @param severity {@code low}, {@code medium} or {@code high}
 * @param criteria the criteria, all of which must hold
 * @param text the condition as written
 * @param line line of the rule in its file
 */
public record AlertRule(String id, String severity, List<Criterion> criteria, String text, int line)
        implements Serializable {

    /** Severities, lowest first. */
    public static final List<String> SEVERITIES = List.of("low", "medium", "high");

    public AlertRule {
        criteria = List.copyOf(criteria);
    }

    /** The severity as 1 (low) to 3 (high). */
    public int severityLevel() {
        return SEVERITIES.indexOf(severity) + 1;
    }

    /** The condition as a Spark column over the scored feature rows (null when a value is missing). */
    public Column condition() {
        Column c = null;
        for (Criterion k : criteria) {
            c = c == null ? k.column() : c.and(k.column());
        }
        return c;
    }

    /** The evidence: every feature the condition reads, by name ({@code mean(x,7)} for a rolling mean). */
    public Map<String, Column> evidence() {
        Map<String, Column> m = new LinkedHashMap<>();
        for (Criterion k : criteria) {
            k.evidence(m);
        }
        return m;
    }

    /** One criterion of a rule. */
    public sealed interface Criterion extends Serializable permits Flag, Comparison {
        /** As a boolean Spark column. */
        Column column();

        /** Adds the features it reads to the evidence. */
        void evidence(Map<String, Column> into);
    }

    /** A day flag ({@code closed}, {@code open}, {@code is_school_holiday}, {@code is_public_holiday}), maybe negated. */
    public record Flag(String name, boolean negated) implements Criterion {
        @Override
        public Column column() {
            Column c = name.equals("open") ? not(col("closed")) : col(name);
            return negated ? not(c) : c;
        }

        @Override
        public void evidence(Map<String, Column> into) {
            // A flag is the context of the alert, not a measured value.
        }
    }

    /** {@code left op right} with op one of {@code > >= < <=}. */
    public record Comparison(Term left, String op, Term right) implements Criterion {
        @Override
        public Column column() {
            Column l = left.column();
            Column r = right.column();
            return switch (op) {
                case ">" -> l.gt(r);
                case ">=" -> l.geq(r);
                case "<" -> l.lt(r);
                case "<=" -> l.leq(r);
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public void evidence(Map<String, Column> into) {
            left.evidence(into);
            right.evidence(into);
        }
    }

    /** A numeric term of a comparison. */
    public sealed interface Term extends Serializable permits Constant, Feature, RollingMean {
        /** As a Spark column. */
        Column column();

        /** Adds the feature it reads, if any. */
        void evidence(Map<String, Column> into);
    }

    /** A number. */
    public record Constant(double value) implements Term {
        @Override
        public Column column() {
            return lit(value);
        }

        @Override
        public void evidence(Map<String, Column> into) {
        }
    }

    /** {@code coefficient * feature} (coefficient 1 when written as the bare feature). */
    public record Feature(double coefficient, String name) implements Term {
        @Override
        public Column column() {
            return coefficient == 1.0 ? col(name).cast("double") : col(name).cast("double").multiply(coefficient);
        }

        @Override
        public void evidence(Map<String, Column> into) {
            into.put(name, col(name).cast("double"));
        }
    }

    /**
     * {@code coefficient * mean(feature, days)}: the mean of the building's feature over the calendar days
     * {@code D-days+1..D} that have a row (residual drift over N days).
     */
    public record RollingMean(double coefficient, String name, int days) implements Term {
        @Override
        public Column column() {
            return coefficient == 1.0 ? mean() : mean().multiply(coefficient);
        }

        private Column mean() {
            Column dayNumber = datediff(col("local_date"), lit(java.sql.Date.valueOf("1970-01-01")));
            return avg(col(name).cast("double"))
                    .over(Window.partitionBy("building_id").orderBy(dayNumber).rangeBetween(-(days - 1), 0));
        }

        @Override
        public void evidence(Map<String, Column> into) {
            into.put("mean(" + name + "," + days + ")", mean());
        }
    }

    /** The ids of rules, in order. */
    public static List<String> ids(List<AlertRule> rules) {
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.id()));
        return ids;
    }
}

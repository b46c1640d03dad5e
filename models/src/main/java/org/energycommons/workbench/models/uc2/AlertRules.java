package org.energycommons.workbench.models.uc2;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A set of uc2 alert rules read from a text file users can edit, and their evaluation on scored building-days.
 *
 * <p>Format, one rule per line ({@code #} starts a comment, blank lines are ignored):
 * <pre>
 * rule &lt;id&gt; severity &lt;low|medium|high&gt; when &lt;criterion&gt; [and &lt;criterion&gt;]...
 * criterion := [not] &lt;flag&gt; | &lt;term&gt; (&gt; | &gt;= | &lt; | &lt;=) &lt;term&gt;
 * term      := &lt;number&gt; | [&lt;number&gt; *] &lt;feature&gt; | [&lt;number&gt; *] mean(&lt;feature&gt;, &lt;days&gt;)
 * </pre>
 * Flags are {@link #FLAGS}; features are {@link #FEATURES}. A bad file fails with one
 * {@link IllegalArgumentException} whose message is {@code <file>:<line>: <problem>}.
 *
 * @param source the file name (or resource) the rules were read from
 * @param text the file's text
 * @param rules the rules, in file order
 */
public record AlertRules(String source, String text, List<AlertRule> rules) implements Serializable {

    /** Classpath resource of the built-in rules. */
    public static final String DEFAULT_RESOURCE = "/org/energycommons/workbench/models/uc2/default-rules.txt";
    /** Day flags a criterion may test. */
    public static final Set<String> FLAGS = Set.of("closed", "open", "is_school_holiday", "is_public_holiday");
    /** Numeric features a term may read: the feature table's and the expected-consumption model's. */
    public static final List<String> FEATURES = List.of("n_readings", "daily_kwh", "night_kw", "day_kw", "min_kw",
            "max_kw", "spike_ratio", "flat_share", "night_to_day_ratio", "temperature_mean_c", "temperature_min_c",
            "temperature_max_c", "hdd_12", "hdd_15", "hdd_18", "surface_m2", "construction_year", "electric_heating",
            "iso_day_of_week", "month", "expected_daily_kwh", "expected_night_kw", "expected_day_kw",
            "daily_residual_z", "night_residual_z", "day_residual_z", "ref_night_to_day_ratio");
    /** Longest rolling window, days. */
    public static final int MAX_WINDOW_DAYS = 366;

    private static final Pattern RULE = Pattern.compile(
            "rule\\s+(\\S+)\\s+severity\\s+(\\S+)\\s+when\\s+(.+)");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(>=|<=|>|<|\\*|\\(|\\)|,|[A-Za-z_][A-Za-z0-9_]*|[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|\\S)");

    public AlertRules {
        rules = List.copyOf(rules);
    }

    /** The built-in rules. */
    public static AlertRules defaults() {
        try (InputStream in = AlertRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in rules missing from the classpath: " + DEFAULT_RESOURCE);
            }
            return parse("default-rules.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in rules: " + e.getMessage(), e);
        }
    }

    /** The rules of a file, or the built-in ones for an empty path. */
    public static AlertRules load(String path) {
        if (path == null || path.isBlank()) {
            return defaults();
        }
        Path p = Path.of(path);
        try {
            return parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": cannot read rules file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /**
     * Parses a rules file.
     *
     * @param source the name used in error messages
     * @throws IllegalArgumentException {@code <source>:<line>: <problem>} on the first bad line
     */
    public static AlertRules parse(String source, String text) {
        List<AlertRule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            Matcher m = RULE.matcher(content);
            if (!m.matches()) {
                throw error(source, lineNo, "expected 'rule <id> severity <low|medium|high> when <condition>', got '"
                        + content + "'");
            }
            String id = m.group(1);
            if (!ID.matcher(id).matches()) {
                throw error(source, lineNo, "invalid rule id '" + id
                        + "' (lower-case letters, digits and _, starting with a letter)");
            }
            if (seen.containsKey(id)) {
                throw error(source, lineNo, "duplicate rule id '" + id + "' (first defined at line " + seen.get(id)
                        + ")");
            }
            String severity = m.group(2);
            if (!AlertRule.SEVERITIES.contains(severity)) {
                throw error(source, lineNo, "unknown severity '" + severity + "' in rule '" + id
                        + "' (expected low, medium or high)");
            }
            String condition = m.group(3).strip();
            List<AlertRule.Criterion> criteria = new ConditionParser(source, lineNo, id, condition).parse();
            seen.put(id, lineNo);
            rules.add(new AlertRule(id, severity, criteria, condition, lineNo));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(source + ": no rule defined (expected lines 'rule <id> severity "
                    + "<low|medium|high> when <condition>')");
        }
        return new AlertRules(source, text, rules);
    }

    private static IllegalArgumentException error(String source, int line, String problem) {
        return new IllegalArgumentException(source + ":" + line + ": " + problem);
    }

    /** The same file restricted to some rules (in file order). */
    public AlertRules only(Set<String> ids) {
        return new AlertRules(source, text, rules.stream().filter(r -> ids.contains(r.id())).toList());
    }

    /**
     * Evaluates every rule on scored building-days (feature rows with the expected-consumption columns).
     *
     * @return one row per rule that fires on a building-day: {@code building_id, local_date, rule, severity,
     *     severity_level, condition, evidence map<string,double>}
     */
    public Dataset<Row> evaluate(Dataset<Row> scored) {
        // One pass for all rules: each rule yields a struct when it fires, nulls are dropped after the explode,
        // and rolling means sharing a window share one sort.
        List<Column> fired = new ArrayList<>();
        for (AlertRule rule : rules) {
            List<Column> kv = new ArrayList<>();
            rule.evidence().forEach((name, value) -> {
                kv.add(lit(name));
                kv.add(value);
            });
            Column evidence = kv.isEmpty() ? map().cast("map<string,double>") : map(kv.toArray(new Column[0]));
            fired.add(when(rule.condition(), struct(lit(rule.id()).as("rule"), lit(rule.severity()).as("severity"),
                    lit(rule.severityLevel()).as("severity_level"), lit(rule.text()).as("condition"),
                    evidence.as("evidence"))));
        }
        List<Column> perRule = new ArrayList<>(List.of(col("building_id"), col("local_date")));
        List<Column> names = new ArrayList<>();
        for (int i = 0; i < fired.size(); i++) {
            perRule.add(fired.get(i).as("_rule_" + i));
            names.add(col("_rule_" + i));
        }
        // Window functions cannot sit inside a generator: the rules are evaluated first, exploded after.
        return scored
                .select(perRule.toArray(new Column[0]))
                .select(col("building_id"), col("local_date"), explode(array(names.toArray(new Column[0])))
                        .as("alert"))
                .filter(col("alert").isNotNull())
                .select(col("building_id"), col("local_date"), col("alert.rule").as("rule"),
                        col("alert.severity").as("severity"), col("alert.severity_level").as("severity_level"),
                        col("alert.condition").as("condition"), col("alert.evidence").as("evidence"));
    }

    /** Recursive-descent parser of one rule's condition. */
    private static final class ConditionParser {
        private final String source;
        private final int line;
        private final String rule;
        private final List<String> tokens = new ArrayList<>();
        private int pos;

        ConditionParser(String source, int line, String rule, String condition) {
            this.source = source;
            this.line = line;
            this.rule = rule;
            Matcher m = TOKEN.matcher(condition);
            while (m.find()) {
                if (!m.group(1).isBlank()) {
                    tokens.add(m.group(1));
                }
            }
        }

        List<AlertRule.Criterion> parse() {
            List<AlertRule.Criterion> criteria = new ArrayList<>();
            criteria.add(criterion());
            while (pos < tokens.size()) {
                String t = next();
                if (!t.equals("and")) {
                    throw fail("expected 'and' or end of line, got '" + t + "'");
                }
                criteria.add(criterion());
            }
            return criteria;
        }

        private AlertRule.Criterion criterion() {
            if (peek() == null) {
                throw fail("condition ends where a criterion was expected");
            }
            if (peek().equals("not")) {
                next();
                String flag = next();
                if (flag == null || !FLAGS.contains(flag)) {
                    throw fail("'not' must be followed by a flag (" + String.join(", ", sorted(FLAGS)) + "), got '"
                            + (flag == null ? "end of line" : flag) + "'");
                }
                return new AlertRule.Flag(flag, true);
            }
            if (FLAGS.contains(peek())) {
                return new AlertRule.Flag(next(), false);
            }
            AlertRule.Term left = term();
            String op = next();
            if (op == null || !Set.of(">", ">=", "<", "<=").contains(op)) {
                throw fail("expected a comparison operator (>, >=, <, <=) after '" + describe(left) + "', got '"
                        + (op == null ? "end of line" : op) + "'");
            }
            AlertRule.Term right = term();
            if (left instanceof AlertRule.Constant && right instanceof AlertRule.Constant) {
                throw fail("comparison of two numbers reads no feature");
            }
            return new AlertRule.Comparison(left, op, right);
        }

        private AlertRule.Term term() {
            String t = next();
            if (t == null) {
                throw fail("condition ends where a number or feature was expected");
            }
            double coefficient = 1.0;
            if (isNumber(t)) {
                double value = Double.parseDouble(t);
                if (!"*".equals(peek())) {
                    return new AlertRule.Constant(value);
                }
                next();
                coefficient = value;
                t = next();
                if (t == null) {
                    throw fail("expected a feature after '*'");
                }
            }
            if (t.equals("mean")) {
                expect("(");
                String feature = feature(next());
                expect(",");
                String days = next();
                int n;
                try {
                    n = Integer.parseInt(days == null ? "" : days);
                } catch (NumberFormatException e) {
                    throw fail("expected a whole number of days in mean(" + feature + ", ...), got '" + days + "'");
                }
                if (n < 1 || n > MAX_WINDOW_DAYS) {
                    throw fail("window of mean(" + feature + ", " + n + ") must be 1.." + MAX_WINDOW_DAYS + " days");
                }
                expect(")");
                return new AlertRule.RollingMean(coefficient, feature, n);
            }
            return new AlertRule.Feature(coefficient, feature(t));
        }

        private String feature(String name) {
            if (name == null) {
                throw fail("expected a feature name, got end of line");
            }
            if (FLAGS.contains(name)) {
                throw fail("flag '" + name + "' cannot be compared; use it alone, e.g. 'and " + name + "'");
            }
            if (!FEATURES.contains(name)) {
                throw fail("unknown feature '" + name + "' (known: " + String.join(", ", FEATURES) + ")");
            }
            return name;
        }

        private void expect(String token) {
            String t = next();
            if (!token.equals(t)) {
                throw fail("expected '" + token + "', got '" + (t == null ? "end of line" : t) + "'");
            }
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        private String next() {
            return pos < tokens.size() ? tokens.get(pos++) : null;
        }

        private IllegalArgumentException fail(String problem) {
            return error(source, line, problem + " in rule '" + rule + "'");
        }

        private static boolean isNumber(String t) {
            return t.matches("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
        }

        private static String describe(AlertRule.Term t) {
            if (t instanceof AlertRule.Constant c) {
                return String.valueOf(c.value());
            }
            if (t instanceof AlertRule.Feature f) {
                return f.name();
            }
            AlertRule.RollingMean m = (AlertRule.RollingMean) t;
            return "mean(" + m.name() + ", " + m.days() + ")";
        }

        private static List<String> sorted(Set<String> s) {
            return s.stream().sorted().toList();
        }
    }
}

package org.energycommons.workbench.models.uc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules file: parsing (good file, bad files with their exact messages) and each rule on hand-made days. */
class AlertRulesTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    @Test
    void parsesAGoodFileWithCommentsAndEveryTermKind() {
        AlertRules rules = AlertRules.parse("good.txt", """
                # a comment
                rule flat severity high when flat_share >= 0.5   # trailing comment

                rule closed_use severity medium when closed and day_kw > 1.5 * night_kw
                rule drift severity low when mean(night_residual_z, 7) > 2 and not is_public_holiday
                """);
        assertEquals(List.of("flat", "closed_use", "drift"), AlertRule.ids(rules.rules()));
        AlertRule closed = rules.rules().get(1);
        assertEquals(4, closed.line());
        assertEquals(2, closed.severityLevel());
        assertEquals(List.of(new AlertRule.Flag("closed", false), new AlertRule.Comparison(
                new AlertRule.Feature(1.0, "day_kw"), ">", new AlertRule.Feature(1.5, "night_kw"))), closed.criteria());
        assertEquals(List.of(new AlertRule.Comparison(new AlertRule.RollingMean(1.0, "night_residual_z", 7), ">",
                new AlertRule.Constant(2.0)), new AlertRule.Flag("is_public_holiday", true)),
                rules.rules().get(2).criteria());
        assertEquals("mean(night_residual_z, 7) > 2 and not is_public_holiday", rules.rules().get(2).text());
    }

    @Test
    void theBuiltInRulesParse() {
        AlertRules rules = AlertRules.defaults();
        assertEquals("default-rules.txt", rules.source());
        assertTrue(rules.rules().size() >= 5, "built-in rules: " + AlertRule.ids(rules.rules()));
    }

    @Test
    void badFilesFailWithFileLineAndProblem() {
        assertBad("x.txt:2: expected 'rule <id> severity <low|medium|high> when <condition>', got 'rule a when "
                + "flat_share > 1'", "# ok\nrule a when flat_share > 1\n");
        assertBad("x.txt:1: unknown severity 'urgent' in rule 'a' (expected low, medium or high)",
                "rule a severity urgent when flat_share > 1");
        assertBad("x.txt:3: duplicate rule id 'a' (first defined at line 1)",
                "rule a severity low when flat_share > 1\n\nrule a severity low when spike_ratio > 2");
        assertBad("x.txt:1: invalid rule id 'A-1' (lower-case letters, digits and _, starting with a letter)",
                "rule A-1 severity low when flat_share > 1");
        assertBad("x.txt:1: unknown feature 'nigth_kw' (known: " + String.join(", ", AlertRules.FEATURES)
                + ") in rule 'a'", "rule a severity low when nigth_kw > 1");
        assertBad("x.txt:1: expected a comparison operator (>, >=, <, <=) after 'night_kw', got '=' in rule 'a'",
                "rule a severity low when night_kw = 1");
        assertBad("x.txt:1: window of mean(night_kw, 0) must be 1..366 days in rule 'a'",
                "rule a severity low when mean(night_kw, 0) > 1");
        assertBad("x.txt:1: expected 'and' or end of line, got 'or' in rule 'a'",
                "rule a severity low when night_kw > 1 or day_kw > 2");
        assertBad("x.txt:1: condition ends where a number or feature was expected in rule 'a'",
                "rule a severity low when night_kw >");
        assertBad("x.txt:1: comparison of two numbers reads no feature in rule 'a'",
                "rule a severity low when 1 > 2");
        assertBad("x.txt: no rule defined (expected lines 'rule <id> severity <low|medium|high> when "
                + "<condition>')", "# only comments\n\n");
    }

    @Test
    void aMissingFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.load(missing.toString()));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read rules file (NoSuchFileException"),
                e.getMessage());
        Path good = dir.resolve("mine.txt");
        Files.writeString(good, "rule mine severity low when flat_share > 0.9\n");
        assertEquals(List.of("mine"), AlertRule.ids(AlertRules.load(good.toString()).rules()));
        assertEquals("default-rules.txt", AlertRules.load("").source());
    }

    private static void assertBad(String message, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertRules.parse("x.txt",
                text));
        assertEquals(message, e.getMessage());
    }

    /** Building B1 over days 0..9 of June 2024; every value is set by hand for the rule under test. */
    private Dataset<Row> days() {
        StructType schema = new StructType()
                .add("building_id", DataTypes.StringType)
                .add("local_date", DataTypes.DateType)
                .add("closed", DataTypes.BooleanType)
                .add("is_public_holiday", DataTypes.BooleanType)
                .add("flat_share", DataTypes.DoubleType)
                .add("spike_ratio", DataTypes.DoubleType)
                .add("day_kw", DataTypes.DoubleType)
                .add("night_kw", DataTypes.DoubleType)
                .add("night_residual_z", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        double[] flat = {0, 0, 0.98, 0, 0, 0, 0, 0, 0, 0};
        double[] spike = {1.1, 1.2, 1.0, 3.5, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0};
        boolean[] closed = {false, false, false, false, false, true, true, false, false, false};
        double[] day = {10, 10, 10, 10, 10, 2.1, 6, 10, 10, 10};
        double[] z = {0, 0, 0, 0, 0, 0, 3, 3, 3, 3};
        for (int d = 0; d < 10; d++) {
            rows.add(RowFactory.create("B1", Date.valueOf(LocalDate.of(2024, 6, 1 + d)), closed[d], d == 9,
                    flat[d], spike[d], day[d], 2.0, z[d]));
        }
        // Another building with the same drift values on its own days: windows never mix buildings.
        rows.add(RowFactory.create("B2", Date.valueOf(LocalDate.of(2024, 6, 9)), false, false, 0.0, 1.0, 10.0,
                2.0, 9.0));
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void eachRuleFiresOnExactlyTheExpectedDays() {
        AlertRules rules = AlertRules.parse("t.txt", """
                rule flat severity high when flat_share >= 0.5
                rule spikes severity medium when spike_ratio >= 2.5
                rule closed_use severity high when closed and day_kw > 1.5 * night_kw
                rule drift severity low when mean(night_residual_z, 3) > 2.5 and not is_public_holiday
                """);
        List<Row> alerts = rules.evaluate(days()).orderBy("rule", "building_id", "local_date").collectAsList();
        List<String> got = new ArrayList<>();
        for (Row r : alerts) {
            got.add(r.getString(2) + "/" + r.getString(0) + "/" + r.getDate(1).toLocalDate().getDayOfMonth() + "/"
                    + r.getString(3) + "/" + r.getInt(4));
        }
        // drift: 3-day means of z at days 1..10 are 0,0,0,0,0,0,1,2,3,3 → days 9 and 10, but day 10 is a holiday;
        // B2's single day has mean 9.
        assertEquals(List.of("closed_use/B1/7/high/3", "drift/B1/9/low/1", "drift/B2/9/low/1", "flat/B1/3/high/3",
                "spikes/B1/4/medium/2"), got);
        Row closed = alerts.get(0);
        Map<String, Double> evidence = closed.getJavaMap(6);
        assertEquals(Map.of("day_kw", 6.0, "night_kw", 2.0), evidence);
        assertEquals("closed and day_kw > 1.5 * night_kw", closed.getString(5));
        Map<String, Double> drift = alerts.get(1).getJavaMap(6);
        assertEquals(3.0, drift.get("mean(night_residual_z,3)"), 1e-12);
    }

    @Test
    void onlyKeepsTheNamedRules() {
        AlertRules rules = AlertRules.parse("t.txt", "rule a severity low when flat_share > 0.5\n"
                + "rule b severity low when spike_ratio > 2\n");
        assertEquals(List.of("b"), AlertRule.ids(rules.only(new TreeSet<>(List.of("b"))).rules()));
    }
}

package org.energycommons.workbench.jobs.usecase.uc2;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.SyntheticFaults;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc2.AlertRule;
import org.energycommons.workbench.models.uc2.AlertRules;
import org.energycommons.workbench.models.uc2.ExpectedConsumptionModel;
import org.energycommons.workbench.models.uc2.Uc2ModelStore;
import org.energycommons.workbench.models.uc2.Uc2Tables;
import org.energycommons.workbench.models.usecase.MapMetrics;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.uc2.Uc2Page;
import org.energycommons.workbench.reports.usecase.uc2.Uc2PageData;

/**
 * The data of the uc2 page: detector scores from {@code uc2.json}, and from the gold tables an aggregate timeline of
 * all public buildings (never one building's curve) that passes the {@link SecrecyGuard} day by day.
 */
final class Uc2PageQueries {

    /** Delay histogram bins, days (inclusive upper bounds); the last bin counts missed faults. */
    static final int[][] DELAY_BINS = {{0, 0}, {1, 1}, {2, 2}, {3, 7}, {8, 30}, {31, Integer.MAX_VALUE}};

    private Uc2PageQueries() {
    }

    /** The page's HTML: its data from the result and the gold tables, rendered. */
    static UseCasePipeline.Rendered page(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                         RegionDescription region) {
        return UseCasePipeline.Rendered.of(pageData(ctx, result, guard, region), Uc2Page::render,
                Uc2Page::territory);
    }

    /** The index headline: the best detector's F1 and median delay. */
    static String headline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry m = UseCasePage.best(result);
        return String.format(Locale.ROOT, lang.t("F1 %.2f, délai médian %.0f j", "F1 %.2f, median delay %.0f d"),
                m.judged().value("f1"), m.judged().value("median_detection_delay_days"));
    }

    /** The page's data, computed from {@code uc2.json} and the gold tables. */
    @SuppressWarnings("unchecked")
    static Uc2PageData pageData(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                RegionDescription region) {
        Map<String, Object> prov = result.provenance();
        String outcome = String.valueOf(prov.getOrDefault("outcome", "ok"));
        Map<String, String> split = new LinkedHashMap<>();
        ((Map<String, Object>) prov.getOrDefault("split", Map.of())).forEach((k, v) -> split.put(k, String.valueOf(v)));

        List<Uc2PageData.RuleRow> rules = new ArrayList<>();
        UseCaseResult.ModelEntry rulesEntry = result.models().stream()
                .filter(m -> m.name().equals(Uc2ModelStore.RULES)).findFirst().orElse(null);
        String keptIds = rulesEntry == null || rulesEntry.notes() == null ? null
                : rulesEntry.notes().get("rules_kept");
        Set<String> kept = keptIds == null ? Set.of() : Set.of(keptIds.split(","));
        AlertRules file = AlertRules.load(String.valueOf(((Map<String, Object>) prov.getOrDefault("options",
                Map.of())).getOrDefault("rules", "")));
        for (AlertRule r : file.rules()) {
            rules.add(new Uc2PageData.RuleRow(r.id(), r.severity(), r.text(), kept.contains(r.id())));
        }

        Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();
        ((Map<String, Map<String, Number>>) prov.getOrDefault("alerts_by_rule_and_fault_type", Map.of()))
                .forEach((rule, row) -> {
                    Map<String, Long> r = new LinkedHashMap<>();
                    row.forEach((k, v) -> r.put(k, v.longValue()));
                    byRule.put(rule, r);
                });

        List<Uc2PageData.FaultTypeRow> types = new ArrayList<>();
        UseCaseMetrics best = result.models().stream().filter(m -> m.name().equals(result.bestModel()))
                .findFirst().map(UseCaseResult.ModelEntry::judged).orElse(new MapMetrics(Map.of()));
        for (String t : SyntheticFaults.TYPES) {
            if (!Double.isNaN(best.value("faults_" + t))) {
                types.add(new Uc2PageData.FaultTypeRow(t, (long) best.value("faults_" + t),
                        best.value("recall_" + t), best.value("precision_" + t), best.value("f1_" + t),
                        best.value("median_detection_delay_days_" + t)));
            }
        }

        Map<String, Long> bins = new LinkedHashMap<>();
        List<Map<String, Object>> detections = (List<Map<String, Object>>) prov.getOrDefault("detections",
                List.of());
        if (!detections.isEmpty()) {
            for (int[] b : DELAY_BINS) {
                bins.put(b[1] == Integer.MAX_VALUE ? "> " + (b[0] - 1) : b[0] == b[1] ? String.valueOf(b[0])
                        : b[0] + "–" + b[1], 0L);
            }
            bins.put("manqué · missed", 0L);
            List<String> labels = new ArrayList<>(bins.keySet());
            for (Map<String, Object> d : detections) {
                Object delay = d.get("delay_days");
                int index = labels.size() - 1;
                if (delay instanceof Number n) {
                    for (int i = 0; i < DELAY_BINS.length; i++) {
                        if (n.intValue() >= DELAY_BINS[i][0] && n.intValue() <= DELAY_BINS[i][1]) {
                            index = i;
                        }
                    }
                }
                bins.merge(labels.get(index), 1L, Long::sum);
            }
        }

        return new Uc2PageData(UseCases.UC2, result, RunProvenance.fromMap(prov).inputTables(),
                region, split, rules, byRule,
                types, bins, "ok".equals(outcome) ? timeline(ctx, result, guard) : null,
                "ok".equals(outcome) ? visits(ctx, result, guard, split.get("evaluation")) : null, outcome,
                Instant.now().toString());
    }

    /**
     * The public buildings scored over the evaluation period and those with an alert of the best detector, in all
     * and by commune. A commune's counts are published when its public buildings pass the guard on their
     * consumption over the period (at least the guard's count of buildings, none above its share of their total);
     * null when the tables are missing, the period cannot be read, or the region as a whole does not pass.
     *
     * @param evaluation the evaluation period as the run wrote it, {@code 2024-01-01..2024-12-30}
     */
    private static Uc2PageData.Visits visits(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                             String evaluation) {
        Lake lake = ctx.lake();
        String[] period = evaluation == null ? new String[0] : evaluation.split("\\.\\.");
        if (period.length != 2 || !lake.exists(Uc2Tables.FEATURES) || !lake.exists(Uc2Tables.ALERTS)) {
            return null;
        }
        Dataset<Row> alerted = lake.read(Uc2Tables.ALERTS)
                .filter(col("model").equalTo(result.bestModel()).and(col("period").equalTo("evaluation")))
                .select("building_id")
                .distinct()
                .withColumn("in_alert", lit(1L));
        List<Row> rows = lake.read(Uc2Tables.FEATURES)
                .filter(col("local_date").between(Date.valueOf(period[0]), Date.valueOf(period[1])))
                .groupBy("building_id")
                .agg(sum("daily_kwh").as("kwh"))
                .join(lake.read(Tables.BUILDINGS).select("building_id", "commune_code"), "building_id")
                .join(alerted, new String[] {"building_id"}, "left")
                .groupBy("commune_code")
                .agg(count(lit(1)).as("buildings"), sum(coalesce(col("in_alert"), lit(0L))).as("with_alert"),
                        max("kwh").as("largest"), sum("kwh").as("total"))
                .withColumn("largest_share", when(col("total").gt(0), col("largest").divide(col("total")))
                        .otherwise(1.0))
                .select(col("commune_code"), col("buildings"), col("with_alert"), col("largest"), col("total"),
                        guard.allowsColumn("buildings", "largest_share").as("published"))
                .orderBy("commune_code")
                .collectAsList();
        long buildings = 0;
        long withAlert = 0;
        double largest = 0;
        double total = 0;
        List<Uc2PageData.CommuneVisits> communes = new ArrayList<>();
        for (Row r : rows) {
            buildings += r.getLong(1);
            withAlert += r.getLong(2);
            largest = Math.max(largest, r.getDouble(3));
            total += r.getDouble(4);
            communes.add(r.getBoolean(5) ? new Uc2PageData.CommuneVisits(r.getString(0), r.getLong(1), r.getLong(2))
                    : new Uc2PageData.CommuneVisits(r.getString(0), -1, -1));
        }
        return guard.allows(buildings, total > 0 ? largest / total : 1.0)
                ? new Uc2PageData.Visits(buildings, withAlert, communes) : null;
    }

    /**
     * Daily totals of all public buildings, actual vs expected (the saved expected-consumption model applied to
     * the feature table), with the number of buildings in alert; only days whose aggregate passes the guard.
     */
    private static Uc2PageData.Timeline timeline(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        String expectedDir = result.models().stream().filter(m -> m.name().equals(Uc2ModelStore.EXPECTED))
                .findFirst().map(m -> m.notes().get("artifact")).map(ctx.workspace()::artifact).orElse(null);
        if (expectedDir == null || !lake.exists(Uc2Tables.FEATURES) || !lake.exists(Uc2Tables.ALERTS)) {
            return null;
        }
        ExpectedConsumptionModel model = (ExpectedConsumptionModel) Uc2ModelStore.load(expectedDir, ctx.files())
                .model();
        Dataset<Row> scored = model.score(lake.read(Uc2Tables.FEATURES));
        Dataset<Row> alerted = lake.read(Uc2Tables.ALERTS)
                .filter(col("model").equalTo(result.bestModel()))
                .groupBy("local_date")
                .agg(countDistinct("building_id").as("buildings_with_alert"));
        Dataset<Row> daily = guard.publishable(scored
                .groupBy("local_date")
                .agg(count(lit(1)).as("points"), sum("daily_kwh").as("actual"),
                        sum("expected_daily_kwh").as("expected"), max("daily_kwh").as("largest"))
                .withColumn("largest_share", col("largest").divide(col("actual"))), "points", "largest_share")
                .join(alerted, new String[] {"local_date"}, "left")
                .orderBy("local_date");
        List<Row> rows = daily.select("local_date", "actual", "expected", "buildings_with_alert", "points")
                .collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        long[] t = new long[rows.size()];
        double[] actual = new double[rows.size()];
        double[] expected = new double[rows.size()];
        double[] alerts = new double[rows.size()];
        long minPoints = Long.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            LocalDate d = r.getDate(0).toLocalDate();
            t[i] = d.atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant().toEpochMilli();
            actual[i] = r.getDouble(1);
            expected[i] = r.getDouble(2);
            alerts[i] = r.isNullAt(3) ? 0 : r.getLong(3);
            minPoints = Math.min(minPoints, r.getLong(4));
        }
        return new Uc2PageData.Timeline(t, actual, expected, alerts, minPoints);
    }
}

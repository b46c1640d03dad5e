package org.energycommons.workbench.jobs.territory;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.ConsentRegister;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.privacy.HouseholdMeter;
import org.energycommons.workbench.models.uc1.Uc1Tables;
import org.energycommons.workbench.models.uc3.Assignment;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.uc5.Uc5Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.territory.HouseholdPageData;

/**
 * The private report of one household: finds its dwelling from its delivery point number (PRM) or its pseudonym
 * with the workspace's key, checks its consent for {@code household_report} on the day, and queries its works and
 * savings (uc3), its load profile's segment (uc1) and its certificate against its metered performance (uc5). An
 * unknown meter, a meter that is not a dwelling's, no consent or no works is one line
 * ({@link IllegalArgumentException}, exit 2).
 */
public final class HouseholdReport {

    private HouseholdReport() {
    }

    /** The report's data for a meter, made on {@code day}. */
    public static HouseholdPageData query(JobContext ctx, String meter, LocalDate day) {
        Lake lake = ctx.lake();
        HouseholdMeter found = HouseholdMeter.find(ctx, meter, "the household report");
        if (!found.known()) {
            throw new IllegalArgumentException(found.unknownMessage());
        }
        String meterId = found.meterId();
        String building = found.buildingId();
        if (!found.dwelling()) {
            throw new IllegalArgumentException("that meter is not a dwelling's (its building's use is "
                    + found.buildingUse() + "): the household report is for households");
        }
        if (!lake.exists(Tables.CONSENTS)) {
            throw new IllegalArgumentException("no consent register in this workspace (silver/consents): a household "
                    + "report needs that household's consent ('workbench ingest consents FILE')");
        }
        List<Row> consent = lake.read(Tables.CONSENTS).filter(col("meter_id").equalTo(meterId)
                        .and(ConsentRegister.validOn(ConsentRegister.HOUSEHOLD_REPORT, day)))
                .select("valid_from", "valid_to").orderBy(col("valid_from").desc()).collectAsList();
        if (consent.isEmpty()) {
            throw new IllegalArgumentException("no valid consent of this household for "
                    + ConsentRegister.HOUSEHOLD_REPORT + " on " + day + ": nothing was written");
        }
        UseCaseResult uc3 = CommuneReport.result(ctx, "uc3");
        List<Row> works = uc3 == null || !lake.exists(Uc3Tables.SAVINGS) ? List.of()
                : lake.read(Uc3Tables.SAVINGS).filter(col("building_id").equalTo(building)
                        .and(col("role").equalTo(Assignment.TREATED)).and(col("method").equalTo(uc3.bestModel())))
                .collectAsList();
        if (works.isEmpty()) {
            throw new IllegalArgumentException("no works recorded for this dwelling (uc3 has no renovation of it): "
                    + "the household report follows consumption after works");
        }
        Row w = works.get(0);
        HouseholdPageData.Works savings = new HouseholdPageData.Works(w.getAs("works_type"),
                ((java.sql.Date) w.getAs("intervention_date")).toLocalDate(), uc3.bestModel(), w.getAs("status"),
                w.getAs("message"), number(w, "savings_kwh"), number(w, "lower_90_kwh"), number(w, "upper_90_kwh"),
                number(w, "savings_fraction"), number(w, "metered_kwh"), number(w, "counterfactual_kwh"));
        List<HouseholdPageData.Month> months = new ArrayList<>();
        if (lake.exists(Uc3Tables.PREDICTIONS)) {
            lake.read(Uc3Tables.PREDICTIONS).filter(col("building_id").equalTo(building)
                            .and(col("role").equalTo(Assignment.TREATED)).and(col("method").equalTo(uc3.bestModel())))
                    // The month of the works holds days of both periods: one bar each month, its last period.
                    .groupBy(date_format(col("local_date"), "yyyy-MM").as("month"))
                    .agg(org.apache.spark.sql.functions.max("period").as("period"), sum("metered_kwh").as("metered"),
                            sum("predicted_kwh").as("predicted"))
                    .orderBy("month")
                    .collectAsList()
                    .forEach(r -> months.add(new HouseholdPageData.Month(r.getString(0), r.getString(1),
                            r.isNullAt(2) ? 0 : r.getDouble(2), r.isNullAt(3) ? null : r.getDouble(3))));
        }
        String commune = lake.read(Tables.COMMUNES).filter(col("commune_code").equalTo(found.communeCode()))
                .select("name").collectAsList().stream().map(r -> r.getString(0)).findFirst().orElse("—");
        Row c = consent.get(0);
        return new HouseholdPageData(commune, day, new HouseholdPageData.Consent(ConsentRegister.HOUSEHOLD_REPORT,
                c.getDate(0).toLocalDate(), c.isNullAt(1) ? null : c.getDate(1).toLocalDate()), savings, months,
                profile(ctx, meterId), certificate(ctx, building));
    }

    /** Writes the French page to {@code to} and the English one beside it. */
    public static List<Path> write(HouseholdPageData data, Path to) {
        return CommuneReport.writeBoth(to, lang -> org.energycommons.workbench.reports.territory.HouseholdPage
                .render(data, lang, (lang == org.energycommons.workbench.reports.render.Lang.FR
                        ? CommuneReport.englishFile(to) : to).getFileName().toString()));
    }

    private static HouseholdPageData.Profile profile(JobContext ctx, String meterId) {
        Lake lake = ctx.lake();
        UseCaseResult uc1 = CommuneReport.result(ctx, "uc1");
        if (uc1 == null || !lake.exists(Uc1Tables.SEGMENTS) || !lake.exists(Uc1Tables.FEATURES)) {
            return null;
        }
        List<Row> own = lake.read(Uc1Tables.SEGMENTS).filter(col("meter_id").equalTo(meterId)
                .and(col("model").equalTo(uc1.bestModel()))).select("segment").collectAsList();
        if (own.isEmpty()) {
            return null;
        }
        int segment = own.get(0).getInt(0);
        List<Row> members = lake.read(Uc1Tables.SEGMENTS)
                .filter(col("model").equalTo(uc1.bestModel()).and(col("segment").equalTo(segment)))
                .select("meter_id").distinct()
                .join(lake.read(Uc1Tables.FEATURES).select("meter_id", "mean_daily_kwh", "shape_winter_workday"),
                        "meter_id")
                .collectAsList();
        List<Double> daily = new ArrayList<>();
        double[] sum = new double[48];
        int shapes = 0;
        Double mine = null;
        double[] ownShape = null;
        for (Row r : members) {
            Double d = r.isNullAt(1) ? null : r.getDouble(1);
            double[] shape = r.isNullAt(2) ? null : r.<Double>getList(2).stream().mapToDouble(Double::doubleValue)
                    .toArray();
            if (d != null) {
                daily.add(d);
            }
            if (shape != null && shape.length == 48) {
                shapes++;
                for (int i = 0; i < 48; i++) {
                    sum[i] += shape[i];
                }
            }
            if (r.getString(0).equals(meterId)) {
                mine = d;
                ownShape = shape != null && shape.length == 48 ? shape : null;
            }
        }
        double[] segmentShape = null;
        if (shapes > 0) {
            segmentShape = new double[48];
            for (int i = 0; i < 48; i++) {
                segmentShape[i] = sum[i] / shapes;
            }
        }
        List<Double> sorted = daily.stream().sorted().toList();
        Double median = sorted.isEmpty() ? null : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new HouseholdPageData.Profile(segment, members.size(), mine, median, ownShape, segmentShape);
    }

    private static HouseholdPageData.Certificate certificate(JobContext ctx, String building) {
        Lake lake = ctx.lake();
        if (!lake.exists(Uc5Tables.PREDICTIONS)) {
            return null;
        }
        List<Row> rows = lake.read(Uc5Tables.PREDICTIONS).filter(col("building_id").equalTo(building)
                .and(col("is_best"))).collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        return new HouseholdPageData.Certificate(r.getAs("certificate_class"), number(r, "certificate_pe_kwh_m2"),
                r.getAs("predicted_class"), number(r, "predicted_pe_kwh_m2"), number(r, "metered_pe_kwh_m2"),
                number(r, "performance_gap_ratio"), r.getAs("model"));
    }

    private static Double number(Row r, String column) {
        Object v = r.getAs(column);
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }
}

package org.energycommons.workbench.models.uc3;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.mv.BaselineModel;
import org.energycommons.workbench.models.mv.BaselineOutcome;
import org.energycommons.workbench.models.mv.BillingModel;
import org.energycommons.workbench.models.mv.CaltrackBilling;
import org.energycommons.workbench.models.mv.DailyObservation;
import org.energycommons.workbench.models.mv.DataSufficiency;
import org.energycommons.workbench.models.mv.HourlyObservation;
import org.energycommons.workbench.models.usecase.InsufficientDataException;
import org.energycommons.workbench.models.mv.SavingsEstimate;
import org.energycommons.workbench.models.mv.TowtHourly;
import org.energycommons.workbench.models.mv.TowtModel;

/**
 * The three M&amp;V methods applied to many buildings at once: per run ({@link Assignment}), fit the baseline before
 * the works, predict the counterfactual over the reporting period, and estimate savings = counterfactual − metered
 * with the ASHRAE Guideline 14 uncertainty at 90 %.
 *
 * <p>On Spark ({@link #fit}), the feature rows of the runs' periods are grouped by building
 * ({@code groupByKey(...).flatMapGroups(...)}) and each group is fitted by plain OLS inside one task: one Spark job
 * for all the daily and billing fits, one for all the hourly fits, never one job per building. The per-building
 * functions ({@link #fitDays}, {@link #fitHours}) are pure and are what the tasks run.
 */
public final class SavingsFits {

    /** CalTRACK daily method. */
    public static final String DAILY = "caltrack-daily";
    /** CalTRACK billing (monthly) method. */
    public static final String BILLING = "caltrack-billing";
    /** Hourly time-of-week-and-temperature method. */
    public static final String HOURLY = "towt-hourly";
    /** The methods, in report order. */
    public static final List<String> METHODS = List.of(DAILY, BILLING, HOURLY);

    private SavingsFits() {
    }

    /**
     * Fits every run with the three methods on Spark.
     *
     * @param daily {@link Uc3Features#daily} rows
     * @param hourly {@link Uc3Features#hourly} rows
     * @param runs the runs (one per building)
     * @return one fit per run and method; a run without any feature row (an empty building) gets its
     *     "insufficient data" fits too
     */
    public static List<BuildingFit> fit(Dataset<Row> daily, Dataset<Row> hourly, List<Assignment> runs,
                                        Uc3Options options) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<BuildingFit> out = new ArrayList<>(fitDaily(daily, runs, options));
        out.addAll(fitHourly(hourly, runs, options));
        Set<String> seenDaily = new HashSet<>();
        Set<String> seenHourly = new HashSet<>();
        for (BuildingFit f : out) {
            (f.method().equals(HOURLY) ? seenHourly : seenDaily).add(f.buildingId() + "|" + f.role());
        }
        for (Assignment r : runs) {
            String k = r.buildingId() + "|" + r.role();
            if (!seenDaily.contains(k)) {
                out.addAll(fitDays(r, List.of(), options));
            }
            if (!seenHourly.contains(k)) {
                out.add(fitHours(r, List.of(), options));
            }
        }
        out.sort((x, y) -> {
            int c = x.buildingId().compareTo(y.buildingId());
            return c != 0 ? c : Integer.compare(METHODS.indexOf(x.method()), METHODS.indexOf(y.method()));
        });
        return out;
    }

    /**
     * The daily and billing fits of the runs that have day rows, in one Spark job grouped by building (runs without
     * any row are left out: {@link #fit} adds them).
     */
    public static List<BuildingFit> fitDaily(Dataset<Row> daily, List<Assignment> runs, Uc3Options options) {
        if (runs.isEmpty()) {
            return List.of();
        }
        // Only the rows' own columns travel through the shuffle; the runs go with the function (a few hundred).
        Dataset<Row> days = daily
                .filter(col("building_id").isin(buildingIds(runs)))
                .select(col("building_id"), col("local_date"), col("kwh"), col("temperature_mean_c"));
        return days
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups(BuildingGroup.daily(byBuilding(runs), options),
                        Encoders.javaSerialization(BuildingFit.class))
                .collectAsList();
    }

    /**
     * The hourly TOWT fits of the runs that have hour rows, in one Spark job grouped by building (runs without any
     * row are left out: {@link #fit} adds them).
     */
    public static List<BuildingFit> fitHourly(Dataset<Row> hourly, List<Assignment> runs, Uc3Options options) {
        if (runs.isEmpty()) {
            return List.of();
        }
        LocalDate first = runs.stream().map(Assignment::baselineStart).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = runs.stream().map(Assignment::reportingEnd).max(LocalDate::compareTo).orElseThrow();
        Dataset<Row> hours = hourly
                .filter(col("building_id").isin(buildingIds(runs))
                        .and(col("local_date").geq(Date.valueOf(first)))
                        .and(col("local_date").lt(Date.valueOf(last))))
                .select(col("building_id"), col("ts_utc"), col("local_date"), col("hour_of_week"), col("kwh"),
                        col("temperature_c"));
        return hours
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups(BuildingGroup.hourly(byBuilding(runs), options),
                        Encoders.javaSerialization(BuildingFit.class))
                .collectAsList();
    }

    private static Object[] buildingIds(List<Assignment> runs) {
        return runs.stream().map(Assignment::buildingId).distinct().toArray();
    }

    private static Map<String, List<Assignment>> byBuilding(List<Assignment> runs) {
        Map<String, List<Assignment>> m = new HashMap<>();
        for (Assignment a : runs) {
            m.computeIfAbsent(a.buildingId(), k -> new ArrayList<>()).add(a);
        }
        return m;
    }

    private static double value(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    /**
     * The fits of one building's group of rows, run on the executors: its observations, then for each of its runs
     * the fits on the observations from the baseline start to the reporting end.
     *
     * @param <O> the observation type (day or hour)
     */
    static final class BuildingGroup<O> implements FlatMapGroupsFunction<String, Row, BuildingFit> {
        private static final long serialVersionUID = 1L;

        /** A function shipped to the executors. */
        interface Part<A, B> extends Serializable {
            B apply(A a);
        }

        /** The fits of one run on its window of observations. */
        interface RunFit<O> extends Serializable {
            List<BuildingFit> apply(Assignment a, List<O> window);
        }

        private final Map<String, List<Assignment>> runs;
        private final Part<Row, O> observation;
        private final Part<O, LocalDate> date;
        private final RunFit<O> fit;

        BuildingGroup(Map<String, List<Assignment>> runs, Part<Row, O> observation, Part<O, LocalDate> date,
                      RunFit<O> fit) {
            this.runs = runs;
            this.observation = observation;
            this.date = date;
            this.fit = fit;
        }

        /** The daily and billing fits of one building's group of day rows. */
        static BuildingGroup<DailyObservation> daily(Map<String, List<Assignment>> runs, Uc3Options options) {
            return new BuildingGroup<>(runs,
                    r -> new DailyObservation(r.getDate(1).toLocalDate(), value(r, 2), value(r, 3)),
                    DailyObservation::date, (a, window) -> fitDays(a, window, options));
        }

        /** The TOWT fit of one building's group of hour rows. */
        static BuildingGroup<HourlyObservation> hourly(Map<String, List<Assignment>> runs, Uc3Options options) {
            return new BuildingGroup<>(runs,
                    r -> new HourlyObservation(r.getTimestamp(1).toInstant().getEpochSecond(),
                            r.getDate(2).toLocalDate(), r.getInt(3), value(r, 4), value(r, 5)),
                    HourlyObservation::date, (a, window) -> List.of(fitHours(a, window, options)));
        }

        @Override
        public Iterator<BuildingFit> call(String building, Iterator<Row> rows) {
            List<O> all = new ArrayList<>();
            rows.forEachRemaining(r -> all.add(observation.apply(r)));
            List<BuildingFit> out = new ArrayList<>();
            for (Assignment a : runs.get(building)) {
                List<O> window = all.stream().filter(o -> !date.apply(o).isBefore(a.baselineStart())
                        && date.apply(o).isBefore(a.reportingEnd())).toList();
                out.addAll(fit.apply(a, window));
            }
            return out.iterator();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Per building (pure)

    /** The daily and billing fits of one run from its days. */
    public static List<BuildingFit> fitDays(Assignment a, List<DailyObservation> days, Uc3Options options) {
        long hash = 0;
        for (DailyObservation d : days) {
            hash += BuildingFit.rowHash(a.buildingId(), d.date().toEpochDay(), d.usage(), d.meanTemperatureC());
        }
        long[] input = {days.size(), hash};
        LocalDate start = a.baselineStart();
        LocalDate works = a.interventionDate();
        LocalDate end = a.reportingEnd();
        List<BuildingFit> out = new ArrayList<>(2);

        BaselineOutcome d = options.daily().fitBaseline(days, start, works);
        if (!d.fitted()) {
            out.add(insufficient(a, DAILY, input, d.message()));
        } else {
            BaselineModel m = d.model();
            String reporting = reportingProblem(days, works, end, options);
            if (reporting != null) {
                out.add(insufficient(a, DAILY, input, reporting));
            } else {
                SavingsEstimate s = options.daily().savings(m, days, works, end);
                out.add(dailySeries(a, DAILY, input, d.message(), m, m.type().id(), m.cvrmse(), m.nmbe(), m.n(), m.p(),
                        m.residualAutocorrelation(), s, days, m::predict));
            }
        }

        CaltrackBilling.Outcome b = options.billing().fitBaseline(days, start, works);
        if (!b.fitted()) {
            out.add(insufficient(a, BILLING, input, b.message()));
        } else {
            BillingModel m = b.model();
            String reporting = reportingProblem(days, works, end, options);
            if (reporting != null) {
                out.add(insufficient(a, BILLING, input, reporting));
            } else {
                SavingsEstimate s = options.billing().savings(m, days, works, end);
                BaselineModel f = m.fit();
                out.add(dailySeries(a, BILLING, input, b.message(), m, f.type().id(), f.cvrmse(), f.nmbe(), f.n(), f.p(),
                        f.residualAutocorrelation(), s, days, m::predict));
            }
        }
        return out;
    }

    /** The TOWT fit of one run from its hours. */
    public static BuildingFit fitHours(Assignment a, List<HourlyObservation> hours, Uc3Options options) {
        long hash = 0;
        for (HourlyObservation h : hours) {
            hash += BuildingFit.rowHash(a.buildingId(), h.hourStartEpochSecond(), h.usage(), h.temperatureC());
        }
        long[] input = {hours.size(), hash};
        LocalDate works = a.interventionDate();
        LocalDate end = a.reportingEnd();
        TowtHourly method = options.hourly();
        TowtHourly.Outcome o = method.fitBaseline(hours, a.baselineStart(), works);
        if (!o.fitted()) {
            return insufficient(a, HOURLY, input, o.message());
        }
        TowtModel m = o.model();
        long periodDays = ChronoUnit.DAYS.between(works, end);
        int valid = 0;
        for (HourlyObservation h : hours) {
            if (h.isValid() && !h.date().isBefore(works) && h.date().isBefore(end)) {
                valid++;
            }
        }
        long expected = 24 * periodDays;
        if (periodDays < options.minReportingDays()) {
            return insufficient(a, HOURLY, input, shortReporting(periodDays, options));
        }
        if (valid < Math.ceil(options.daily().minDataSufficiency() * expected - 1e-9)) {
            return insufficient(a, HOURLY, input, "insufficient data: " + valid + " of " + expected + " reporting hours < "
                    + Math.round(100 * options.daily().minDataSufficiency()) + " %");
        }
        SavingsEstimate s;
        try {
            s = method.savings(m, hours, works, end);
        } catch (InsufficientDataException e) {
            return insufficient(a, HOURLY, input, "insufficient data: " + m.dailyN() + " complete baseline days for the "
                    + "daily-resolution uncertainty");
        }
        double hourlyFormula = TowtHourly.hourlyResolutionHalfWidth(m, s.reportingDays());
        TreeMap<LocalDate, double[]> byDay = new TreeMap<>();
        for (HourlyObservation h : hours) {
            if (h.isValid() && !h.date().isBefore(a.baselineStart()) && h.date().isBefore(end)) {
                double[] v = byDay.computeIfAbsent(h.date(), k -> new double[2]);
                v[0] += h.usage();
                v[1] += m.predict(h);
            }
        }
        int[] ed = new int[byDay.size()];
        double[] me = new double[byDay.size()];
        double[] pr = new double[byDay.size()];
        int i = 0;
        for (var e : byDay.entrySet()) {
            ed[i] = (int) e.getKey().toEpochDay();
            me[i] = e.getValue()[0];
            pr[i] = e.getValue()[1];
            i++;
        }
        return new BuildingFit(a, HOURLY, BuildingFit.FITTED, o.message(), m, "towt", m.cvrmse(), m.nmbe(), m.n(),
                m.p(), m.residualAutocorrelation(), s, ed, me, pr, input[0], input[1], hourlyFormula);
    }

    /** Null when the reporting days suffice, else the "insufficient data" line. */
    private static String reportingProblem(List<DailyObservation> days, LocalDate works, LocalDate end,
                                           Uc3Options options) {
        long periodDays = ChronoUnit.DAYS.between(works, end);
        if (periodDays < options.minReportingDays()) {
            return shortReporting(periodDays, options);
        }
        DataSufficiency r = options.daily().sufficiency("reporting", days, works, end);
        return r.sufficient() ? null : r.message();
    }

    /** The fingerprint of the rows the fits of a method read: {@code n=rows;h=hex of the summed row hashes}. */
    public static String fingerprint(List<BuildingFit> fits, String method) {
        long n = 0;
        long h = 0;
        for (BuildingFit f : fits) {
            if (f.method().equals(method)) {
                n += f.inputRows();
                h += f.inputHash();
            }
        }
        return "n=" + n + ";h=" + Long.toHexString(h);
    }

    private static String shortReporting(long periodDays, Uc3Options options) {
        return "insufficient data: reporting period of " + periodDays + " days < " + options.minReportingDays();
    }

    private static BuildingFit insufficient(Assignment a, String method, long[] input, String message) {
        return new BuildingFit(a, method, BuildingFit.INSUFFICIENT, message, null, null, Double.NaN, Double.NaN, 0, 0,
                Double.NaN, null, null, null, null, input[0], input[1], Double.NaN);
    }

    /** A predictor of one day's usage. */
    private interface DayPredictor extends Serializable {
        double predict(DailyObservation d);
    }

    private static BuildingFit dailySeries(Assignment a, String method, long[] input, String message,
                                           Serializable model,
                                           String type, double cv, double nmbe, int n, int p, double rho,
                                           SavingsEstimate s, List<DailyObservation> days, DayPredictor predictor) {
        TreeMap<LocalDate, DailyObservation> valid = new TreeMap<>();
        for (DailyObservation d : days) {
            if (d.isValid() && !d.date().isBefore(a.baselineStart()) && d.date().isBefore(a.reportingEnd())) {
                valid.put(d.date(), d);
            }
        }
        int[] ed = new int[valid.size()];
        double[] me = new double[valid.size()];
        double[] pr = new double[valid.size()];
        int i = 0;
        for (DailyObservation d : valid.values()) {
            ed[i] = (int) d.date().toEpochDay();
            me[i] = d.usage();
            pr[i] = predictor.predict(d);
            i++;
        }
        return new BuildingFit(a, method, BuildingFit.FITTED, message, model, type, cv, nmbe, n, p, rho, s, ed, me, pr,
                input[0], input[1], Double.NaN);
    }
}

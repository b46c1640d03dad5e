package org.energycommons.workbench.models.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class CaltrackDailyTest {

    private static final LocalDate BASELINE_START = LocalDate.of(2021, 1, 1);
    private static final LocalDate BASELINE_END = BASELINE_START.plusDays(365);
    private static final CaltrackDaily METHOD = CaltrackDaily.defaults();

    /** A year of days: seasonal mean temperature (−2 … 26 °C) with weather noise, usage = f(T) + noise. */
    private static List<DailyObservation> year(LocalDate start, long seed, double noiseSd, DoubleUnaryOperator usage) {
        Random r = new Random(seed);
        List<DailyObservation> out = new ArrayList<>();
        for (int d = 0; d < 365; d++) {
            double t = 12 - 14 * Math.cos(2 * Math.PI * (d - 15) / 365.0) + 3 * r.nextGaussian();
            out.add(new DailyObservation(start.plusDays(d), usage.applyAsDouble(t) + noiseSd * r.nextGaussian(), t));
        }
        return out;
    }

    private static double hdd(double t, double bp) {
        return Math.max(0, bp - t);
    }

    private static double cdd(double t, double bp) {
        return Math.max(0, t - bp);
    }

    @Test
    void selectsHddOnlyWithTheTrueHeatingBalancePoint() {
        double bp = 60; // °F, as in the OpenEEmeter samples
        double bpC = DailyTemperatures.fahrenheitToCelsius(bp); // 15.56 °C
        List<DailyObservation> days = year(BASELINE_START, 1, 1.0, t -> 10 + 2 * hdd(t, bpC));
        BaselineOutcome o = METHOD.fitBaseline(days, BASELINE_END);
        assertTrue(o.fitted(), o.message());
        BaselineModel m = o.model();
        assertEquals(ModelType.HDD, m.type(), m.describe().toString());
        assertEquals(bpC, m.heatingBalancePointC(), METHOD.balancePointStepC());
        assertEquals(2.0, m.heatingSlope(), 0.1);
        assertEquals(10.0, m.intercept(), 0.5);
        assertTrue(m.heatingPValue() < 1e-10);
        assertTrue(Double.isNaN(m.coolingBalancePointC()));
        assertEquals(365, m.n());
        assertEquals(2, m.p());
        assertTrue(m.adjustedRSquared() > 0.95, "adjR² " + m.adjustedRSquared());
        assertEquals(0.0, m.nmbe(), 1e-9); // OLS with an intercept: no bias on its own data
        assertTrue(m.cvrmse() > 0 && m.cvrmse() < 0.1, "CV(RMSE) " + m.cvrmse());
        assertEquals(4, o.candidates().size());
    }

    @Test
    void selectsHddPlusCddWithBothBalancePoints() {
        List<DailyObservation> days = year(BASELINE_START, 2, 1.0, t -> 20 + 1.5 * hdd(t, 15) + 3 * cdd(t, 20));
        BaselineModel m = METHOD.fitBaseline(days, BASELINE_END).modelOrThrow();
        assertEquals(ModelType.HDD_CDD, m.type(), m.describe().toString());
        assertEquals(15, m.heatingBalancePointC(), METHOD.balancePointStepC());
        assertEquals(20, m.coolingBalancePointC(), METHOD.balancePointStepC());
        assertEquals(1.5, m.heatingSlope(), 0.1);
        assertEquals(3.0, m.coolingSlope(), 0.3);
        assertTrue(m.heatingBalancePointC() <= m.coolingBalancePointC());
        assertEquals(3, m.p());
        double t = 25;
        assertEquals(m.intercept() + m.heatingSlope() * 0 + m.coolingSlope() * (t - m.coolingBalancePointC()),
                m.predict(t), 1e-12);
    }

    @Test
    void selectsInterceptOnlyWithoutTemperatureDependence() {
        List<DailyObservation> days = year(BASELINE_START, 3, 2.0, t -> 30);
        BaselineOutcome o = METHOD.fitBaseline(days, BASELINE_END);
        BaselineModel m = o.modelOrThrow();
        assertEquals(ModelType.INTERCEPT, m.type(), o.candidates().toString());
        assertEquals(30, m.intercept(), 0.3);
        assertEquals(m.intercept(), m.predict(-5), 1e-12);
        assertEquals(m.intercept(), m.predict(35), 1e-12);
        assertEquals(0.0, m.adjustedRSquared(), 1e-12);
        assertEquals(1, m.p());
    }

    @Test
    void aNegativeSlopeIsDisqualified() {
        // usage falls with heating degree days: no heating term may be selected
        List<DailyObservation> days = year(BASELINE_START, 4, 0.5, t -> 50 - 1.0 * hdd(t, 15));
        BaselineOutcome o = METHOD.fitBaseline(days, BASELINE_END);
        assertFalse(o.model().type().heating(), o.model().describe().toString());
    }

    @Test
    void savingsRecoverAConstructedTenPercentReduction() {
        DoubleUnaryOperator truth = t -> 20 + 1.5 * hdd(t, 15) + 3 * cdd(t, 20);
        List<DailyObservation> baseline = year(BASELINE_START, 5, 1.5, truth);
        LocalDate reportingStart = BASELINE_END.plusDays(10);
        List<DailyObservation> reporting = year(reportingStart, 6, 1.5, t -> 0.9 * truth.applyAsDouble(t));
        BaselineModel m = METHOD.fitBaseline(baseline, BASELINE_END).modelOrThrow();
        SavingsEstimate s = METHOD.savings(m, reporting, reportingStart, reportingStart.plusDays(365));
        assertEquals(365, s.reportingDays());
        assertEquals(0.10, s.fraction(), 0.01);
        assertEquals(s.counterfactual() - s.metered(), s.savings(), 1e-9);
        assertTrue(s.fsu90() > 0 && s.fsu90() < 0.5, "FSU " + s.fsu90());
        assertEquals(s.fsu90() * s.savings(), s.halfWidth90(), 1e-6);
        assertTrue(s.lower90() < s.savings() && s.savings() < s.upper90());
        assertTrue(s.fractionLower90() < 0.10 && 0.10 < s.fractionUpper90(),
                s.fractionLower90() + " .. " + s.fractionUpper90());
        // the same formula by hand
        int n = m.n();
        double nEff = n * (1 - Math.max(0, m.residualAutocorrelation())) / (1 + Math.max(0, m.residualAutocorrelation()));
        double fsu = 1.26 * Ols.tQuantileTwoSided(0.9, n - m.p()) * m.cvrmse()
                * Math.sqrt((n / nEff) * (1 + 2 / nEff) / 365.0) / s.fraction();
        assertEquals(fsu, s.fsu90(), 1e-9);
        // no reporting day: a clear error, not a silent zero
        assertThrows(InsufficientBaselineDataException.class, () -> METHOD.savings(m, List.of()));
    }

    /** Days with a diurnal cycle: hourly temperatures T̄ + 6·cos(2π(k − 15)/24); usage from hourly degree values. */
    private static List<DailyObservation> hourlyYear(LocalDate start, long seed, double scale, double bp) {
        Random r = new Random(seed);
        List<DailyObservation> out = new ArrayList<>();
        for (int d = 0; d < 365; d++) {
            double mean = 12 - 14 * Math.cos(2 * Math.PI * (d - 15) / 365.0) + 3 * r.nextGaussian();
            double[] h = new double[24];
            double hdd = 0;
            for (int k = 0; k < 24; k++) {
                h[k] = mean + 6 * Math.cos(2 * Math.PI * (k - 15) / 24.0);
                hdd += Math.max(0, bp - h[k]) / 24;
            }
            out.add(new DailyObservation(start.plusDays(d), scale * (10 + 2 * hdd) + 0.5 * r.nextGaussian(), mean, h));
        }
        return out;
    }

    @Test
    void hourlyDegreeDaysRecoverALoadDrivenByHourlyTemperatures() {
        CaltrackDaily hourly = METHOD.withDegreeDays(DegreeDayMethod.HOURLY);
        List<DailyObservation> baseline = hourlyYear(BASELINE_START, 11, 1.0, 15);
        BaselineModel m = hourly.fitBaseline(baseline, BASELINE_END).modelOrThrow();
        assertEquals(ModelType.HDD, m.type(), m.describe().toString());
        assertEquals(15, m.heatingBalancePointC(), hourly.balancePointStepC());
        assertEquals(2.0, m.heatingSlope(), 0.1);
        assertEquals(DegreeDayMethod.HOURLY, m.degreeDayMethod());
        LocalDate reportingStart = BASELINE_END.plusDays(10);
        List<DailyObservation> reporting = hourlyYear(reportingStart, 12, 0.9, 15);
        assertEquals(0.10, hourly.savings(m, reporting).fraction(), 0.01);
        // the daily-mean degree days miss the heating of mild days' nights: a worse fit of the same data
        BaselineModel daily = METHOD.fitBaseline(baseline, BASELINE_END).modelOrThrow();
        assertTrue(daily.cvrmse() > m.cvrmse(), daily.cvrmse() + " vs " + m.cvrmse());
        // degree values: hourly >= daily (convexity), equal without hourly data
        DailyObservation day = baseline.get(100);
        assertTrue(DegreeDayMethod.HOURLY.heating(day, 15) >= DegreeDayMethod.DAILY.heating(day, 15));
        DailyObservation noHours = new DailyObservation(day.date(), day.usage(), day.meanTemperatureC());
        assertEquals(DegreeDayMethod.DAILY.heating(noHours, 15), DegreeDayMethod.HOURLY.heating(noHours, 15), 0.0);
        assertEquals(DegreeDayMethod.DAILY.cooling(noHours, 5), DegreeDayMethod.HOURLY.cooling(noHours, 5), 0.0);
        assertEquals(m.predict(day), m.intercept() + m.heatingSlope() * DegreeDayMethod.HOURLY.heating(day, 15), 1e-9);
    }

    @Test
    void anEmptyBuildingIsAnInsufficientDataOutcome() {
        BaselineOutcome o = METHOD.fitBaseline(List.of(), BASELINE_END);
        assertFalse(o.fitted());
        assertNull(o.model());
        assertEquals("insufficient_data", o.status());
        assertEquals("insufficient data: 0 of 365 baseline days (0 %) < 90 %", o.message());
        InsufficientBaselineDataException e = assertThrows(InsufficientBaselineDataException.class, o::modelOrThrow);
        assertEquals(o.message(), e.getMessage());
        assertEquals(0, e.sufficiency().validDays());
    }

    @Test
    void eightyPercentCoverageIsAnInsufficientDataOutcome() {
        List<DailyObservation> all = year(BASELINE_START, 7, 1.0, t -> 10 + 2 * hdd(t, 15));
        List<DailyObservation> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            DailyObservation d = all.get(i);
            // every 5th day missing: 292 of 365 = 80 %; half the gaps as NaN usage, half absent
            if (i % 5 != 4) {
                kept.add(d);
            } else if (i % 2 == 0) {
                kept.add(new DailyObservation(d.date(), Double.NaN, d.meanTemperatureC()));
            }
        }
        BaselineOutcome o = METHOD.fitBaseline(kept, BASELINE_END);
        assertFalse(o.fitted());
        assertEquals("insufficient data: 292 of 365 baseline days (80 %) < 90 %", o.message());
        assertEquals("insufficient data: 300 of 365 baseline days (82 %) < 90 %",
                new DataSufficiency("baseline", BASELINE_START, BASELINE_END, 300, 0.9).message());
        // 329 of 365 (90.1 %) is enough
        assertTrue(METHOD.fitBaseline(all.subList(0, 329), BASELINE_END).fitted());
        assertFalse(METHOD.fitBaseline(all.subList(0, 328), BASELINE_END).fitted());
    }

    @Test
    void duplicateDaysAreADataError() {
        List<DailyObservation> days = new ArrayList<>(year(BASELINE_START, 8, 1.0, t -> 10));
        days.add(days.get(3));
        assertThrows(IllegalArgumentException.class, () -> METHOD.fitBaseline(days, BASELINE_END));
    }

    @Test
    void aFittedModelSurvivesJavaSerialisation() {
        List<DailyObservation> days = year(BASELINE_START, 9, 1.0, t -> 20 + 1.5 * hdd(t, 15) + 3 * cdd(t, 20));
        BaselineModel m = METHOD.fitBaseline(days, BASELINE_END).modelOrThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.save(bytes);
        BaselineModel back = BaselineModel.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(m, back);
        for (double t = -10; t <= 35; t += 2.5) {
            assertEquals(m.predict(t), back.predict(t), 0.0);
        }
        assertThrows(IllegalArgumentException.class,
                () -> BaselineModel.load(new ByteArrayInputStream(serialised("not a model"))));
    }

    private static byte[] serialised(Object o) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(b);
            out.writeObject(o);
            out.flush();
            return b.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void optionsRoundTripThroughPropertiesAndRejectBadValues() {
        CaltrackDaily d = CaltrackDaily.defaults();
        assertEquals(d, CaltrackDaily.of(d.toProperties()));
        assertEquals(d, CaltrackDaily.of(new Properties()));
        Properties p = new Properties();
        p.setProperty("workbench.uc3.max_p_value", "0.05");
        p.setProperty("workbench.uc3.balance_point_step_c", "1");
        p.setProperty("workbench.other.key", "ignored");
        CaltrackDaily o = CaltrackDaily.of(p);
        assertEquals(0.05, o.maxPValue());
        assertEquals(34, o.heatingBalancePoints().length); // -1, 0, ..., 32
        assertEquals(o, CaltrackDaily.of(o.toProperties()));

        Properties unknown = new Properties();
        unknown.setProperty("workbench.uc3.max_pvalue", "0.05");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaltrackDaily.of(unknown));
        assertTrue(e.getMessage().startsWith("unknown option workbench.uc3.max_pvalue"), e.getMessage());
        Properties notANumber = new Properties();
        notANumber.setProperty("workbench.uc3.baseline_days", "a year");
        assertThrows(IllegalArgumentException.class, () -> CaltrackDaily.of(notANumber));
        assertThrows(IllegalArgumentException.class, () -> new CaltrackDaily(20, 10, -1, 32, 0.5, 365, 0.9, 0.1, 10, 11.1, DegreeDayMethod.DAILY));
        assertThrows(IllegalArgumentException.class, () -> new CaltrackDaily(-1, 32, -1, 32, 0, 365, 0.9, 0.1, 10, 11.1, DegreeDayMethod.DAILY));
        assertThrows(IllegalArgumentException.class, () -> new CaltrackDaily(-1, 32, -1, 32, 0.5, 365, 1.5, 0.1, 10, 11.1, DegreeDayMethod.DAILY));
        assertThrows(IllegalArgumentException.class, () -> new CaltrackDaily(-1, 32, -1, 32, 0.5, 365, 0.9, 0, 10, 11.1, DegreeDayMethod.DAILY));
        assertThrows(IllegalArgumentException.class, () -> new CaltrackDaily(-1, 32, -1, 32, 0.5, 10, 0.9, 0.1, 10, 11.1, DegreeDayMethod.DAILY));
        assertThrows(IllegalArgumentException.class,
                () -> new CaltrackDaily(Double.NaN, 32, -1, 32, 0.5, 365, 0.9, 0.1, 10, 11.1, DegreeDayMethod.DAILY));
        assertThrows(IllegalArgumentException.class,
                () -> new CaltrackDaily(-1, 32, -1, 32, 0.5, 365, 0.9, 0.1, 10, 11.1, null));
        Properties weekly = new Properties();
        weekly.setProperty("workbench.uc3.degree_days", "weekly");
        assertThrows(IllegalArgumentException.class, () -> CaltrackDaily.of(weekly));
        Properties hourly = new Properties();
        hourly.setProperty("workbench.uc3.degree_days", "hourly");
        assertEquals(DegreeDayMethod.HOURLY, CaltrackDaily.of(hourly).degreeDayMethod());
        assertEquals(d.withDegreeDays(DegreeDayMethod.HOURLY), CaltrackDaily.of(hourly));
        double[] grid = d.heatingBalancePoints();
        assertEquals(67, grid.length);
        assertEquals(-1.0, grid[0]);
        assertEquals(15.5, grid[33]);
        assertEquals(32.0, grid[66]);
    }
}

package org.energycommons.workbench.models.mv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CalTRACK billing method on hand-made days with known coefficients. */
class CaltrackBillingTest {

    private static final LocalDate START = LocalDate.of(2022, 1, 1);
    private static final LocalDate WORKS = START.plusDays(365);
    private static final CaltrackBilling METHOD = CaltrackBilling.defaults();

    /** Two years of days: usage = 10 + 2·HDD(15 °C), times {@code after} from the works day on. */
    private static List<DailyObservation> days(double after, double noise) {
        Random r = new Random(7);
        List<DailyObservation> out = new ArrayList<>();
        for (int d = 0; d < 730; d++) {
            double t = 12 - 12 * Math.cos(2 * Math.PI * (d - 15) / 365.0) + 2 * r.nextGaussian();
            double u = 10 + 2 * Math.max(0, 15 - t);
            LocalDate date = START.plusDays(d);
            out.add(new DailyObservation(date, (date.isBefore(WORKS) ? u : u * after) + noise * r.nextGaussian(), t));
        }
        return out;
    }

    @Test
    void periodsAreCountedBackFromTheWorksWithTheRemainderInTheFirst() {
        List<CaltrackBilling.Period> p = METHOD.periods(START, WORKS);
        assertEquals(12, p.size());
        assertEquals(35, p.get(0).days());
        assertEquals(START, p.get(0).start());
        for (int i = 1; i < 12; i++) {
            assertEquals(30, p.get(i).days());
            assertEquals(p.get(i - 1).endExclusive(), p.get(i).start());
        }
        assertEquals(WORKS, p.get(11).endExclusive());
        assertEquals(1, METHOD.periods(START, START.plusDays(20)).size());
    }

    @Test
    void recoversTheCoefficientsAndBalancePointFromBills() {
        CaltrackBilling.Outcome o = METHOD.fitBaseline(days(1.0, 0.0), START, WORKS);
        assertTrue(o.fitted(), o.message());
        BaselineModel m = o.model().fit();
        assertEquals(ModelType.HDD, m.type());
        assertEquals(15.0, m.heatingBalancePointC(), 1e-9);
        assertEquals(2.0, m.heatingSlope(), 1e-9);
        assertEquals(10.0, m.intercept(), 1e-9);
        assertEquals(12, m.n());
        assertEquals(0.0, m.cvrmse(), 1e-9);
    }

    @Test
    void savingsRecoverAConstructedTwentyPercentReduction() {
        List<DailyObservation> d = days(0.8, 0.5);
        CaltrackBilling.Outcome o = METHOD.fitBaseline(d, START, WORKS);
        assertTrue(o.fitted(), o.message());
        SavingsEstimate s = METHOD.savings(o.model(), d, WORKS, WORKS.plusDays(365));
        assertEquals(0.20, s.fraction(), 0.01);
        assertEquals(365, s.reportingDays());
        assertTrue(s.lower90() < s.savings() && s.savings() < s.upper90());
    }

    @Test
    void tooFewValidPeriodsIsAnInsufficientDataOutcome() {
        List<DailyObservation> d = new ArrayList<>(days(1.0, 0.5));
        // Two days missing in each of the last five periods: 90 % of days overall, but only 7 complete periods.
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 4; j++) {
                LocalDate gap = WORKS.minusDays(30L * k + 1 + j);
                d.replaceAll(o -> o.date().equals(gap) ? new DailyObservation(gap, Double.NaN, o.meanTemperatureC()) : o);
            }
        }
        CaltrackBilling.Outcome o = METHOD.fitBaseline(d, START, WORKS);
        assertFalse(o.fitted());
        assertEquals("insufficient_data", o.status());
        assertEquals(7, o.validPeriods());
        assertTrue(o.message().contains("7 valid billing periods, 10 required"), o.message());
        CaltrackBilling.Outcome empty = METHOD.fitBaseline(List.of(), START, WORKS);
        assertFalse(empty.fitted());
        assertTrue(empty.message().startsWith("insufficient data: 0 of 365 baseline days"), empty.message());
    }

    @Test
    void weightedLeastSquaresEqualsRepeatedRows() {
        double[] y = {1, 3, 2, 5, 4};
        double[] x = {0, 1, 2, 3, 4};
        double[] w = {1, 2, 1, 3, 1};
        Ols.Fit weighted = Ols.fitWeighted(y, w, x);
        List<Double> ry = new ArrayList<>();
        List<Double> rx = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < w[i]; k++) {
                ry.add(y[i]);
                rx.add(x[i]);
            }
        }
        Ols.Fit repeated = Ols.fit(ry.stream().mapToDouble(Double::doubleValue).toArray(),
                rx.stream().mapToDouble(Double::doubleValue).toArray());
        assertArrayEquals(repeated.coefficients(), weighted.coefficients(), 1e-12);
        Ols.Fit plain = Ols.fitWeighted(y, null, x);
        assertArrayEquals(Ols.fit(y, x).pValues(), plain.pValues(), 0);
    }

    @Test
    void aFittedBillingModelSurvivesSerialisation() {
        BillingModel m = METHOD.fitBaseline(days(1.0, 0.5), START, WORKS).model();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        BillingModel back = BillingModel.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(m, back);
        DailyObservation cold = new DailyObservation(START, Double.NaN, 2.0);
        assertEquals(m.predict(cold), back.predict(cold), 0);
    }
}

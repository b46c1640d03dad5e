package org.energycommons.workbench.models.uc4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BacktestOriginsTest {

    private static final LocalDate START = LocalDate.of(2023, 1, 8);

    @Test
    void originsSplitThePeriodIntoContiguousBlocksWithCalibrationBeforeEach() {
        List<RollingOriginBacktest.Origin> o = RollingOriginBacktest.origins(START, LocalDate.of(2023, 11, 1),
                LocalDate.of(2023, 12, 30), 3, 0.15);
        // 60 days: blocks of 20.
        assertEquals(List.of(LocalDate.of(2023, 11, 1), LocalDate.of(2023, 11, 21), LocalDate.of(2023, 12, 11)),
                o.stream().map(RollingOriginBacktest.Origin::origin).toList());
        assertEquals(LocalDate.of(2023, 11, 20), o.get(0).split().end());
        assertEquals(LocalDate.of(2023, 12, 30), o.get(2).split().end());
        // 297 days of history before 1 November: 45 (15 %) calibrate, the rest train.
        assertEquals("2023-01-08..2023-09-16", o.get(0).split().describe().get("train"));
        assertEquals("2023-09-17..2023-10-31", o.get(0).split().describe().get("validation"));
        assertEquals("2023-11-01..2023-11-20", o.get(0).split().describe().get("test"));
    }

    @Test
    void tooFewDaysOrOriginsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RollingOriginBacktest.origins(START,
                LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 2), 3, 0.15)).getMessage()
                .startsWith("insufficient data: 3 origins need at least 3 days"));
        assertThrows(IllegalArgumentException.class, () -> RollingOriginBacktest.origins(START,
                LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 9), 0, 0.15));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RollingOriginBacktest.origins(START,
                START.plusDays(1), START.plusDays(5), 1, 0.15)).getMessage().contains("too few to train"));
    }

    @Test
    void optionsRoundTripAndRejectUnknownKeys() {
        BacktestOptions d = BacktestOptions.defaults();
        assertEquals(d, BacktestOptions.of(d.toProperties()));
        Properties p = new Properties();
        p.setProperty("workbench.uc4.backtest.origin", "3");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BacktestOptions.of(p)).getMessage()
                .startsWith("unknown option workbench.uc4.backtest.origin"));
        assertThrows(IllegalArgumentException.class, () -> new BacktestOptions(-1, 0.1));
        // The forecasting options leave the backtest's keys to it.
        Properties both = new Properties();
        both.setProperty("workbench.uc4.backtest.origins", "2");
        assertEquals(2, BacktestOptions.of(both).origins());
        org.energycommons.workbench.models.forecast.ForecastOptions.of(both, 1);
    }
}

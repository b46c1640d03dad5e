package org.energycommons.workbench.models.uc5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** {@link PassoireScreening}: the flag of a probable passoire from predicted intensities and a log error scale. */
class PassoireScreeningTest implements SharedSparkSession {

    private static final LocalDate ISSUED = LocalDate.of(2025, 3, 1);

    @Test
    void scalesAreTheRootMeanSquareOfTheLogResiduals() {
        assertEquals(Math.log(1.2), PassoireScreening.logResidual(240, 200), 1e-12);
        assertTrue(Double.isNaN(PassoireScreening.logResidual(240, 0)), "no log of a prediction at 0");
        assertTrue(Double.isNaN(PassoireScreening.logResidual(-1, 200)));
        PassoireScreening s = PassoireScreening.fromLogResiduals(new double[] {0.3, -0.4, Double.NaN},
                new double[] {0.1, -0.2, 0}, 1.0 / 3);
        assertEquals(Math.sqrt((0.09 + 0.16) / 2.0), s.peLogScale(), 1e-12, "an undefined residual is left out");
        assertEquals(Math.sqrt(0.05 / 3.0), s.ghgLogScale(), 1e-12);
        assertEquals(3, s.residuals());
        PassoireScreening none = PassoireScreening.fromLogResiduals(new double[0], new double[0], 1.0 / 3);
        assertEquals(0.0, none.peLogScale(), 0.0);
        // P(N(0,1) ≥ 0.4307) = 1/3; at one half the margin vanishes.
        assertEquals(0.4307, s.margin(), 1e-4);
        assertEquals(0.0, new PassoireScreening(0.2, 0.1, 0.5, 0).margin(), 1e-12);
    }

    @Test
    void aDwellingJustBelowTheFBoundIsFlaggedWhenTheErrorMakesFLikelyEnough() {
        // 320 kWh/m² is class E (F from 331 on a dwelling of 40 m² or more); 320 × exp(0.4307 × 0.2) = 348.8 is F.
        PassoireScreening screening = new PassoireScreening(0.2, 0.1, 1.0 / 3, 50);
        assertTrue(screening.flags(320, 20, 70, ISSUED));
        assertFalse(new PassoireScreening(0, 0, 1.0 / 3, 0).flags(320, 20, 70, ISSUED), "no error: the class");
        assertFalse(new PassoireScreening(0.2, 0.1, 0.5, 50).flags(320, 20, 70, ISSUED), "even odds: the class");
        assertFalse(screening.flags(250, 20, 70, ISSUED), "250 × 1.09 = 272 stays E");
        // The margin grows with the intensity: 300 × 1.09 = 327 stays E, 305 × 1.09 = 332.4 reaches F.
        assertFalse(screening.flags(300, 20, 70, ISSUED));
        assertTrue(screening.flags(305, 20, 70, ISSUED));
        // Either intensity may flag: GHG 67 × exp(0.4307 × 0.1) = 69.9 stays E, 68 × 1.044 = 71.0 passes F's 70 kg.
        assertFalse(new PassoireScreening(0.02, 0.1, 1.0 / 3, 50).flags(150, 67, 70, ISSUED));
        assertTrue(new PassoireScreening(0.02, 0.1, 1.0 / 3, 50).flags(150, 68, 70, ISSUED));
        // Predicted F or G is always flagged below one half.
        assertTrue(screening.flags(500, 20, 70, ISSUED));
    }

    @Test
    void theColumnFlagsAsTheJavaRule() {
        StructType schema = new StructType()
                .add(DpeModel.PREDICTED_PE, DataTypes.DoubleType)
                .add(DpeModel.PREDICTED_GHG, DataTypes.DoubleType)
                .add("surface_m2", DataTypes.DoubleType)
                .add("reference_date", DataTypes.DateType);
        double[][] cases = {{320, 20, 70}, {250, 20, 70}, {150, 67, 70}, {150, 68, 70}, {500, 20, 70}, {300, 20, 30},
                {305, 20, 70}, {0, 0, 70}, {-5, -1, 70}};
        List<Row> rows = java.util.Arrays.stream(cases)
                .map(c -> RowFactory.create(c[0], c[1], c[2], Date.valueOf(ISSUED))).toList();
        Dataset<Row> frame = spark().createDataFrame(rows, schema);
        PassoireScreening screening = new PassoireScreening(0.2, 0.1, 1.0 / 3, 50);
        List<Row> flagged = frame.select(screening.flag()).collectAsList();
        for (int i = 0; i < cases.length; i++) {
            assertEquals(screening.flags(cases[i][0], cases[i][1], cases[i][2], ISSUED), flagged.get(i).getBoolean(0),
                    "case " + i);
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PassoireScreening(-1, 0, 0.3, 0));
        assertThrows(IllegalArgumentException.class, () -> new PassoireScreening(1, Double.NaN, 0.3, 0));
        assertEquals("screening probability must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new PassoireScreening(1, 1, 1.0, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PassoireScreening.fromLogResiduals(new double[1],
                new double[2], 0.3));
    }
}

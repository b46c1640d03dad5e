package org.energycommons.workbench.models.uc1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The clustering indicators of a hand-made feature row, exactly, and the family weights of the scaling. */
class SegmentationSpaceTest {

    /** A row whose shape of each season and day type is flat at {@code level[season][dayType]}. */
    private static Row row(double[][] level, double heatingShare) {
        StructType schema = new StructType();
        List<Object> values = new ArrayList<>();
        for (int s = 0; s < Uc1Features.SEASONS.size(); s++) {
            for (int d = 0; d < Uc1Features.DAY_TYPES.size(); d++) {
                schema = schema.add(Uc1Features.shapeColumn(Uc1Features.SEASONS.get(s),
                        Uc1Features.DAY_TYPES.get(d)), DataTypes.createArrayType(DataTypes.DoubleType));
                List<Double> shape = new ArrayList<>();
                for (int hh = 0; hh < 48; hh++) {
                    // Half the day at 0.5 ×, half at 1.5 ×: the mean is the level.
                    shape.add(level[s][d] * (hh < 24 ? 0.5 : 1.5));
                }
                values.add(scala.jdk.javaapi.CollectionConverters.asScala(shape).toSeq());
            }
        }
        schema = schema.add("heating_share_per_dd", DataTypes.DoubleType);
        values.add(heatingShare);
        return new GenericRowWithSchema(values.toArray(), schema);
    }

    @Test
    void indicatorsAreLogRatiosToWorkingDaysAndTheLogHeatingShare() {
        // winter: workday 2, wednesday 2, school holiday 1, saturday 0.5, sunday 0.25; summer all 1.
        double[][] level = {{2, 2, 1, 0.5, 0.25}, {1, 1, 1, 1, 1}};
        double[] x = SegmentationSpace.indicators(row(level, 0.05));
        assertEquals(9, x.length);
        assertEquals(SegmentationSpace.indicatorNames().size(), x.length);
        assertEquals("log_ratio_winter_wednesday_to_workday", SegmentationSpace.indicatorNames().get(0));
        assertEquals("log_heating_share_per_dd", SegmentationSpace.indicatorNames().get(8));
        assertArrayEquals(new double[] {0, Math.log(0.5), Math.log(0.25), Math.log(0.125), 0, 0, 0, 0,
            Math.log(0.05)}, x, 1e-12);
        // No heating at all is floored, so that unheated meters are all alike.
        assertEquals(Math.log(SegmentationSpace.MIN_HEATING_SHARE),
                SegmentationSpace.indicators(row(level, -0.002))[8], 1e-12);
    }

    @Test
    void eachFamilyWeighsAsOneIndicator() {
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4, 4, 4, 1}, SegmentationSpace.familySizes());
        double[][] raw = new double[2][9];
        for (int j = 0; j < 9; j++) {
            raw[0][j] = 0;
            raw[1][j] = 2;
        }
        raw[1][5] = 0; // constant: scale 1 before the family weight
        SegmentationSpace space = SegmentationSpace.fit(raw);
        // Standard deviation 1 (population), times √4 for a schedule ratio, √1 for heating.
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 1}, space.sds(), 1e-12);
        double[] z = space.standardise(raw[1]);
        double winter = 0;
        for (int j = 0; j < 4; j++) {
            winter += z[j] * z[j];
        }
        assertEquals(z[8] * z[8], winter, 1e-12, "four schedule ratios weigh as much as heating");
    }
}

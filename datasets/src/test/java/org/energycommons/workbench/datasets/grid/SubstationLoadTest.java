package org.energycommons.workbench.datasets.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** The substation-hour load: the same to the bit whatever order and partitions the readings come in. */
class SubstationLoadTest implements SharedSparkSession {

    private static final StructType CURVE = new StructType().add("meter_id", DataTypes.StringType)
            .add("ts_utc", DataTypes.TimestampType).add("kwh", DataTypes.DoubleType);
    private static final StructType METERS = new StructType().add("meter_id", DataTypes.StringType)
            .add("substation_id", DataTypes.StringType);

    @Test
    void theLoadDoesNotDependOnTheOrderOfTheReadings() {
        // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in doubles, 0.3 + 0.2 + 0.1 is 0.6: a sum of doubles follows the
        // order the rows meet in, which follows the pseudonyms and local[N].
        List<Row> readings = new ArrayList<>();
        List<Row> meters = new ArrayList<>();
        double[] kwh = {0.1, 0.2, 0.3, 0.7, 1e-3, 0.123};
        for (int m = 0; m < kwh.length; m++) {
            meters.add(RowFactory.create("m" + m, "S1"));
            readings.add(RowFactory.create("m" + m, Timestamp.valueOf("2024-01-01 00:00:00"), kwh[m]));
            readings.add(RowFactory.create("m" + m, Timestamp.valueOf("2024-01-01 00:30:00"), kwh[kwh.length - 1 - m]));
        }
        List<Row> reversed = new ArrayList<>(readings);
        Collections.reverse(reversed);
        Row one = SubstationLoad.hourly(SPARK.createDataFrame(readings, CURVE).coalesce(1),
                SPARK.createDataFrame(meters, METERS)).first();
        Row other = SubstationLoad.hourly(SPARK.createDataFrame(reversed, CURVE).repartition(5),
                SPARK.createDataFrame(meters, METERS)).first();
        assertEquals(one, other);
        assertEquals(2 * (0.1 + 0.2 + 0.3 + 0.7 + 1e-3 + 0.123), one.getDouble(one.fieldIndex("load_kw")), 1e-12);
        assertEquals(6, one.getInt(one.fieldIndex("n_meters")));
    }

    @Test
    void eachSubstationHourHasItsMetersAndItsLargestShare() {
        // Substation ids in the reverse order of their meters' ids, so that numbering either wrongly would show.
        List<Row> meters = List.of(RowFactory.create("a", "S2"), RowFactory.create("b", "S2"),
                RowFactory.create("c", "S1"));
        List<Row> readings = List.of(
                RowFactory.create("a", Timestamp.valueOf("2024-01-01 00:00:00"), 1.0),
                RowFactory.create("a", Timestamp.valueOf("2024-01-01 00:30:00"), 2.0),
                RowFactory.create("b", Timestamp.valueOf("2024-01-01 00:30:00"), 1.0),
                RowFactory.create("b", Timestamp.valueOf("2024-01-01 01:00:00"), 4.0),
                RowFactory.create("c", Timestamp.valueOf("2024-01-01 00:59:59"), 0.5),
                RowFactory.create("c", Timestamp.valueOf("2023-12-31 23:30:00"), 0.25));
        List<String> rows = SubstationLoad.hourly(SPARK.createDataFrame(readings, CURVE).repartition(2),
                        SPARK.createDataFrame(meters, METERS))
                .orderBy("substation_id", "ts_utc")
                .collectAsList().stream()
                .map(Row::toString)
                .toList();
        assertEquals(List.of(
                "[S1,2023-12-31 23:00:00.0,0.25,1,1,1.0]",
                "[S1,2024-01-01 00:00:00.0,0.5,1,1,1.0]",
                "[S2,2024-01-01 00:00:00.0,4.0,2,3,0.75]",
                "[S2,2024-01-01 01:00:00.0,4.0,1,1,1.0]"), rows);
    }
}

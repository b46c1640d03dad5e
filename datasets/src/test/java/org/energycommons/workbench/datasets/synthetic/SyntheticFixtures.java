package org.energycommons.workbench.datasets.synthetic;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Hand-made meters rows and constant weather for the tests of the synthetic builders. */
final class SyntheticFixtures {

    private SyntheticFixtures() {
    }

    /** A meters row with editable true parameters; defaults: a 100 m² direct-electric dwelling at ST01. */
    static final class Meter {
        long index;
        String buildingId;
        Archetype archetype = Archetype.RESIDENTIAL_ELECTRIC_HEATING;
        String stationId = "ST01";
        String communeCode = "99001";
        int constructionYear = 1970;
        double surfaceM2 = 100;
        String heatingEnergy = "electricity";
        double baseKw;
        double occupancyKw;
        double heatingSlope;
        double balancePoint = 16;
        double coolingSlope;
        double coolingBalancePoint = 24;
        double waterHeaterKw;
        int waterHeaterStart = -1;

        Meter(long index) {
            this.index = index;
            this.buildingId = String.format("BAT-TEST-%07d", index);
        }

        Meter archetype(Archetype a) {
            archetype = a;
            return this;
        }

        Meter station(String s) {
            stationId = s;
            return this;
        }

        Meter surface(double s) {
            surfaceM2 = s;
            return this;
        }

        Meter heating(String energy, double slope, double bp) {
            heatingEnergy = energy;
            heatingSlope = slope;
            balancePoint = bp;
            return this;
        }

        Meter base(double kw) {
            baseKw = kw;
            return this;
        }

        Meter occupancy(double kw) {
            occupancyKw = kw;
            return this;
        }

        Row row() {
            return RowFactory.create(index, String.format("%014d", 30_000_000_000_000L + index), buildingId,
                    archetype.name(), archetype.tariffProfile(), archetype.buildingUse(), "PS-99001-000", communeCode,
                    stationId, constructionYear, surfaceM2, "poor", heatingEnergy, 12, baseKw, occupancyKw,
                    heatingSlope, balancePoint, coolingSlope, coolingBalancePoint, waterHeaterKw, waterHeaterStart,
                    0.1);
        }
    }

    /** Schema of a half-hourly or hourly series of one value: an id, {@code ts_utc} and the value, none null. */
    static StructType timeSeries(String idColumn, String valueColumn) {
        return new StructType()
                .add(idColumn, DataTypes.StringType, false)
                .add("ts_utc", DataTypes.TimestampType, false)
                .add(valueColumn, DataTypes.DoubleType, false);
    }

    /** The rows of a frame as sorted strings, to compare two small frames without a shuffle. */
    static List<String> sortedRows(Dataset<Row> frame) {
        return frame.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** The meters frame of hand-made rows. */
    static Dataset<Row> meters(SparkSession spark, Meter... meters) {
        List<Row> rows = new ArrayList<>();
        for (Meter m : meters) {
            rows.add(m.row());
        }
        return spark.createDataFrame(rows, SyntheticRegion.METER_SCHEMA);
    }

    /**
     * Hourly weather covering the region (as {@link SyntheticWeather#generate}: from the day before the start to two
     * days after the end, UTC) with a constant temperature per station and no sun.
     */
    static Dataset<Row> constantWeather(SparkSession spark, RegionConfig config, Map<String, Double> temperatureByStation) {
        Instant from = config.start().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = config.end().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Row> rows = new ArrayList<>();
        temperatureByStation.forEach((station, t) -> {
            for (Instant h = from; h.isBefore(to); h = h.plusSeconds(3600)) {
                rows.add(RowFactory.create(station, Timestamp.from(h), t, t, t, 0.0));
            }
        });
        return spark.createDataFrame(rows, SyntheticRegion.WEATHER_SCHEMA);
    }
}

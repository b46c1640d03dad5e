package org.energycommons.workbench.datasets.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.synthetic.DayType;

/** The French calendar as a Spark table, one row per local day, for joins instead of per-row functions. */
public final class CalendarFrames {

    /** Schema of the calendar table. */
    public static final StructType SCHEMA = StructType.fromDDL("""
            local_date DATE NOT NULL, iso_day_of_week INT NOT NULL, is_weekend BOOLEAN NOT NULL,
            is_public_holiday BOOLEAN NOT NULL, holiday_name STRING, is_school_holiday BOOLEAN NOT NULL,
            is_bridge_day BOOLEAN NOT NULL, half_hours INT NOT NULL, day_type STRING NOT NULL""");

    private CalendarFrames() {
    }

    /** The calendar rows of {@code from..to} inclusive. */
    public static List<Row> rows(FrenchCalendar calendar, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        for (FrenchCalendar.CalendarDay d : calendar.days(from, to)) {
            DayType type = DayType.of(d.isoDayOfWeek(), d.publicHoliday(), d.bridgeDay(), d.schoolHoliday());
            rows.add(RowFactory.create(Date.valueOf(d.date()), d.isoDayOfWeek(), d.weekend(), d.publicHoliday(),
                    d.holidayName(), d.schoolHoliday(), d.bridgeDay(), d.halfHours(), type.name()));
        }
        return rows;
    }

    /** The calendar table of {@code from..to} inclusive. */
    public static Dataset<Row> of(SparkSession spark, FrenchCalendar calendar, LocalDate from, LocalDate to) {
        return spark.createDataFrame(rows(calendar, from, to), SCHEMA);
    }
}

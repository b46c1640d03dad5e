package org.energycommons.workbench.jobs.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ExactSums;
import org.energycommons.workbench.datasets.grid.SubstationLoad;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.models.uc1.Uc1Features;

/**
 * The computations {@code workbench benchmark engines} measures: the two that read every reading of the region,
 * and so take most of the features' time. Each DuckDB query is written by hand from the Spark code it mirrors
 * (same rounding, same local clock, same calendar), so that both give the same rows.
 */
public final class EngineWorkloads {

    private static final String SCALE = String.valueOf((long) ExactSums.SCALE);

    /** uc4: hourly substation load from the 30-minute load curves ({@link SubstationLoad#hourly}). */
    public static final EngineWorkload SUBSTATION_HOURLY = new EngineWorkload("uc4-substation-hourly",
            "hourly load of each substation from the 30-minute readings of its meters (join to silver/meters, "
                    + "sum per meter-hour in whole mWh, then per substation-hour with the largest meter's share)",
            inputs(Tables.LOAD_CURVE, Tables.METERS),
            lake -> SubstationLoad.hourly(lake.read(Tables.LOAD_CURVE), lake.read(Tables.METERS)),
            """
            WITH meter_hours AS (
              SELECT m.substation_id, r.meter_id, date_trunc('hour', CAST(r.ts_utc AS TIMESTAMPTZ)) AS ts_utc,
                     sum(CAST(round(r.kwh * %1$s) AS BIGINT)) AS milli_wh, count(*) AS n_intervals
              FROM {load_curve} r
              JOIN (SELECT meter_id, substation_id FROM {meters}) m ON r.meter_id = m.meter_id
              GROUP BY ALL)
            SELECT substation_id, ts_utc,
                   sum(milli_wh) / %1$s AS load_kw,
                   CAST(count(*) AS INTEGER) AS n_meters,
                   CAST(sum(n_intervals) AS INTEGER) AS n_intervals,
                   (max(milli_wh) / %1$s) / (sum(milli_wh) / %1$s) AS max_meter_share
            FROM meter_hours
            GROUP BY ALL
            """.formatted(SCALE),
            List.of("substation_id", "ts_utc"));

    /** uc1: each meter's normalised mean daily load shapes per season and day type ({@link Uc1Features#shapes}). */
    public static final EngineWorkload LOAD_SHAPES = new EngineWorkload("uc1-load-shapes",
            "per meter, the 48 local half-hours of its complete days averaged per season and day type, divided by "
                    + "its mean half-hourly energy (10 shapes of 48 values)",
            inputs(Tables.LOAD_CURVE, Tables.CALENDAR),
            lake -> Uc1Features.shapes(Uc1Features.completeDays(
                    Uc1Features.localReadings(lake.read(Tables.LOAD_CURVE)), lake.read(Tables.CALENDAR))),
            loadShapesSql(),
            List.of("meter_id"));

    /** Every workload, in the report's order. */
    public static final List<EngineWorkload> ALL = List.of(SUBSTATION_HOURLY, LOAD_SHAPES);

    private EngineWorkloads() {
    }

    /** The inputs by table name, in the order given (the SQL names each {@code {name}}). */
    private static Map<String, TableId> inputs(TableId... tables) {
        Map<String, TableId> m = new LinkedHashMap<>();
        for (TableId t : tables) {
            m.put(t.name(), t);
        }
        return m;
    }

    /** {@link Uc1Features#completeDays} then {@link Uc1Features#shapes}, in DuckDB's SQL. */
    private static String loadShapesSql() {
        List<String> halfHours = new ArrayList<>();
        List<String> means = new ArrayList<>();
        for (int i = 0; i < Uc1Features.HALF_HOURS; i++) {
            halfHours.add("avg(kwh) FILTER (WHERE hh = " + i + ")");
            means.add("avg(hh_kwh[" + (i + 1) + "])");
        }
        List<String> shapes = new ArrayList<>();
        for (String season : Uc1Features.SEASONS) {
            for (String dayType : Uc1Features.DAY_TYPES) {
                shapes.add("first(list_transform(a.mean_kwh, v -> v / l.mean_halfhour_kwh)) FILTER (WHERE a.season = '"
                        + season + "' AND a.day_type = '" + dayType + "') AS "
                        + Uc1Features.shapeColumn(season, dayType));
            }
        }
        return """
                WITH readings AS (
                  SELECT meter_id, timezone('Europe/Paris', CAST(ts_utc AS TIMESTAMPTZ)) AS local_ts, kwh
                  FROM {load_curve}),
                days AS (
                  SELECT meter_id, CAST(local_ts AS DATE) AS local_date, sum(kwh) AS kwh_day,
                         count(*) AS n_readings, [%s] AS hh_kwh
                  FROM (SELECT meter_id, local_ts, hour(local_ts) * 2 + minute(local_ts) // 30 AS hh, kwh
                        FROM readings)
                  GROUP BY meter_id, CAST(local_ts AS DATE)),
                complete AS (
                  SELECT d.meter_id, d.kwh_day, d.n_readings, d.hh_kwh,
                         CASE WHEN month(d.local_date) IN (11, 12, 1, 2, 3) THEN 'winter' ELSE 'summer' END AS season,
                         CASE c.day_type WHEN 'SATURDAY' THEN 'saturday' WHEN 'SUNDAY_HOLIDAY' THEN 'sunday_holiday'
                              WHEN 'WEDNESDAY' THEN 'wednesday' WHEN 'WORKDAY_SCHOOL_HOLIDAY' THEN 'school_holiday'
                              ELSE 'workday' END AS day_type
                  FROM days d JOIN {calendar} c ON d.local_date = c.local_date
                  WHERE d.n_readings = c.half_hours),
                level AS (
                  SELECT meter_id, sum(kwh_day) / sum(n_readings) AS mean_halfhour_kwh FROM complete GROUP BY meter_id),
                arrays AS (
                  SELECT meter_id, season, day_type, [%s] AS mean_kwh FROM complete GROUP BY ALL)
                SELECT l.meter_id, %s, l.mean_halfhour_kwh
                FROM arrays a JOIN level l ON a.meter_id = l.meter_id
                GROUP BY l.meter_id, l.mean_halfhour_kwh
                """.formatted(String.join(", ", halfHours), String.join(", ", means), String.join(",\n  ", shapes));
    }
}

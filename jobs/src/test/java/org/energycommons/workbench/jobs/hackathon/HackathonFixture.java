package org.energycommons.workbench.jobs.hackathon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.uc2.Uc2Tables;
import org.energycommons.workbench.models.uc3.Uc3Tables;
import org.energycommons.workbench.models.uc4.Uc4Tables;
import org.energycommons.workbench.models.uc5.Uc5Tables;
import org.energycommons.workbench.models.uc6.Uc6Tables;

/**
 * A tiny workspace for the hackathon tests: every table the tasks read, with the lake's column names and Spark
 * types (as {@code generate} and {@code features} write them, plus a few columns the tasks must not copy), filled
 * with a few deterministic rows. Building it takes seconds where generating a region takes minutes.
 */
final class HackathonFixture {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A table: its schema and its rows (Java values: String, Integer, Long, Double, Boolean, LocalDate, Instant). */
    record Table(StructType schema, List<Object[]> rows) {
    }

    private HackathonFixture() {
    }

    /** Every table of the fixture, in lake order. */
    static Map<TableId, Table> tables() {
        Map<TableId, Table> t = new LinkedHashMap<>();
        t.put(Uc4Tables.FEATURES, uc4());
        t.put(Uc6Tables.FEATURES, uc6());
        Table[] uc2 = uc2();
        t.put(Uc2Tables.FEATURES, uc2[0]);
        t.put(Tables.TRUTH_FAULTS, uc2[1]);
        Table[] uc3 = uc3();
        t.put(Uc3Tables.FEATURES, uc3[0]);
        t.put(Tables.RENOVATION_WORKS, uc3[1]);
        t.put(Tables.TRUTH_SAVINGS, uc3[2]);
        Table[] uc5 = uc5();
        t.put(Uc5Tables.FEATURES, uc5[0]);
        t.put(Tables.TRUTH_DPE, uc5[1]);
        return t;
    }

    /** Writes the fixture as a workspace {@code dir} (lake at dir/lake) with its region file when synthetic. */
    static void write(SparkSession spark, Path dir, boolean synthetic) throws Exception {
        Lake lake = new Lake(spark, dir.resolve("lake").toString());
        for (Map.Entry<TableId, Table> e : tables().entrySet()) {
            List<Row> rows = new ArrayList<>();
            for (Object[] r : e.getValue().rows()) {
                Object[] v = new Object[r.length];
                for (int i = 0; i < r.length; i++) {
                    v[i] = r[i] instanceof LocalDate d ? java.sql.Date.valueOf(d)
                            : r[i] instanceof Instant ts ? java.sql.Timestamp.from(ts) : r[i];
                }
                rows.add(RowFactory.create(v));
            }
            spark.createDataFrame(rows, e.getValue().schema()).coalesce(1).write().format("delta")
                    .save(lake.path(e.getKey()));
        }
        if (synthetic) {
            RegionConfig region = new RegionConfig(12, 90, LocalDate.of(2024, 3, 1), 3L, 10);
            java.io.StringWriter w = new java.io.StringWriter();
            region.toProperties().store(w, "fixture region");
            Files.writeString(dir.resolve("lake").resolve("region.properties"), w.toString());
        }
    }

    /** The fixture as a task's inputs, read as {@link LakeInputs} reads the lake (no Spark). */
    static TaskInputs inputs(HackathonTask task, boolean synthetic, long seed) {
        Map<TableId, Table> all = tables();
        Map<TableId, Frame> frames = new LinkedHashMap<>();
        for (HackathonTask.Source s : task.sources(synthetic)) {
            Table t = all.get(s.table());
            List<String> names = List.of(t.schema().fieldNames());
            List<Frame.Field> fields = new ArrayList<>();
            for (String c : s.columns()) {
                StructField f = t.schema().apply(c);
                String type = f.dataType().typeName();
                Frame.Type ft = switch (type) {
                    case "string" -> Frame.Type.STRING;
                    case "integer", "long", "boolean" -> Frame.Type.INTEGER;
                    case "date" -> Frame.Type.DATE;
                    case "timestamp" -> Frame.Type.DATETIME;
                    default -> Frame.Type.NUMBER;
                };
                fields.add(new Frame.Field(c, ft, -1, null, null, null));
            }
            Frame frame = new Frame(fields);
            for (Object[] r : t.rows()) {
                Object[] v = new Object[fields.size()];
                for (int i = 0; i < v.length; i++) {
                    Object x = r[names.indexOf(fields.get(i).name())];
                    v[i] = x instanceof LocalDate d ? d.toString() : x instanceof Instant ts ? UTC.format(ts) : x;
                }
                frame.add(v);
            }
            frames.put(s.table(), frame);
        }
        return new TaskInputs(frames, synthetic, seed,
                org.energycommons.workbench.datasets.privacy.SecrecyGuard.french());
    }

    private static StructType ddl(String ddl) {
        return StructType.fromDDL(ddl);
    }

    private static double r2(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** Three substations over 40 days: the third has 8 meters, below the secrecy threshold. */
    private static Table uc4() {
        StructType schema = ddl("row_id STRING, substation_id STRING, ts_utc TIMESTAMP, local_date DATE, "
                + "issue_date DATE, cutoff_utc TIMESTAMP, capacity_kva DOUBLE, n_meters INT, max_meter_share DOUBLE, "
                + "load_kw DOUBLE, lag_d7_kw DOUBLE, lag_d2_kw DOUBLE, d1_morning_kw DOUBLE, d2_mean_kw DOUBLE, "
                + "level_kw DOUBLE, local_hour INT, iso_day_of_week INT, is_weekend INT, is_public_holiday INT, "
                + "is_school_holiday INT, is_bridge_day INT, d7_is_off_day INT, doy_sin DOUBLE, doy_cos DOUBLE, "
                + "temperature_forecast_c DOUBLE, heating_degree_hours DOUBLE, cooling_degree_hours DOUBLE, "
                + "forecast_daily_mean_c DOUBLE, temperature_change_vs_d7_c DOUBLE, lag_d7_ratio DOUBLE, "
                + "lag_d2_ratio DOUBLE, d1_morning_ratio DOUBLE, d2_mean_ratio DOUBLE, target_ratio DOUBLE");
        Random rnd = new Random(4);
        List<Object[]> rows = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 3, 1);
        int days = 40;
        String[] ids = {"SUB-0001", "SUB-0002", "SUB-0003"};
        int[] meters = {25, 30, 8};
        for (int s = 0; s < ids.length; s++) {
            double[][] load = new double[days][24];
            for (int d = 0; d < days; d++) {
                for (int h = 0; h < 24; h++) {
                    load[d][h] = r2((40 + 10 * s) * (1 + 0.4 * Math.sin((h - 6) * Math.PI / 12))
                            + 3 * rnd.nextGaussian());
                }
            }
            for (int d = 8; d < days; d++) {
                LocalDate day = start.plusDays(d);
                double level = 0;
                for (int k = 2; k <= 8; k++) {
                    for (int h = 0; h < 24; h++) {
                        level += load[d - k][h] / (7 * 24);
                    }
                }
                for (int h = 0; h < 24; h++) {
                    Instant ts = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * (h - 1));
                    double temp = r2(8 + 5 * Math.sin(h * Math.PI / 24) + rnd.nextGaussian());
                    boolean weekend = day.getDayOfWeek().getValue() >= 6;
                    rows.add(new Object[] {ids[s] + "@" + ts, ids[s], ts, day, day.minusDays(1),
                        ts.minusSeconds(86400), 160.0 + 40 * s, meters[s], 0.1 + 0.05 * s, load[d][h],
                        load[d - 7][h], load[d - 2][h], r2(level * 0.9), r2(level * 1.02), r2(level), h,
                        day.getDayOfWeek().getValue(), weekend ? 1 : 0, 0, 0, 0, weekend ? 1 : 0,
                        Math.sin(day.getDayOfYear() / 365.0 * 2 * Math.PI),
                        Math.cos(day.getDayOfYear() / 365.0 * 2 * Math.PI), temp, Math.max(0, 15 - temp),
                        Math.max(0, temp - 22), 9.5, 0.3, load[d - 7][h] / level, load[d - 2][h] / level, 0.9, 1.02,
                        load[d][h] / level});
                }
            }
        }
        return new Table(schema, rows);
    }

    /** Two gas areas over 45 days, horizons 1 and 2. */
    private static Table uc6() {
        StructType schema = ddl("row_id STRING, area_id STRING, station_id STRING, issue_date DATE, horizon INT, "
                + "target_date DATE, demand_d0_ratio DOUBLE, demand_d1_ratio DOUBLE, demand_7d_ratio DOUBLE, "
                + "t_obs_issue_c DOUBLE, te_obs_issue_c DOUBLE, t_fc_c DOUBLE, t_fc_prev_c DOUBLE, te_fc_c DOUBLE, "
                + "te_fc_prev_c DOUBLE, hdd_te_fc DOUBLE, hdd_t_fc DOUBLE, iso_day_of_week INT, "
                + "is_public_holiday INT, is_school_holiday INT, doy_sin DOUBLE, doy_cos DOUBLE, "
                + "capacity_kwh_per_day DOUBLE, t_obs_target_c DOUBLE, gas_kwh DOUBLE, load_factor DOUBLE");
        Random rnd = new Random(6);
        List<Object[]> rows = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 1, 10);
        int days = 45;
        String[] areas = {"GAS-Z1", "GAS-Z2"};
        for (int a = 0; a < areas.length; a++) {
            double capacity = 1_000_000.0 * (a + 1);
            double[] temp = new double[days];
            double[] demand = new double[days];
            for (int d = 0; d < days; d++) {
                temp[d] = r2(6 + 4 * Math.sin(d / 7.0) + rnd.nextGaussian());
                demand[d] = r2(capacity * (0.25 + 0.03 * Math.max(0, 17 - temp[d])) * (1 + 0.03 * rnd.nextGaussian()));
            }
            for (int d = 7; d < days - 2; d++) {
                for (int h = 1; h <= 2; h++) {
                    LocalDate issue = start.plusDays(d);
                    LocalDate target = issue.plusDays(h);
                    double fc = r2(temp[d + h] + 0.5 * rnd.nextGaussian());
                    double mean7 = 0;
                    for (int k = 0; k < 7; k++) {
                        mean7 += demand[d - k] / 7;
                    }
                    rows.add(new Object[] {areas[a] + "@" + issue + "+" + h, areas[a], "ST-" + a, issue, h, target,
                        demand[d] / capacity, demand[d - 1] / capacity, mean7 / capacity, temp[d], temp[d], fc,
                        temp[d + h - 1], fc, temp[d], Math.max(0, 17 - fc), Math.max(0, 17 - fc),
                        target.getDayOfWeek().getValue(), 0, 0, 0.5, 0.8, capacity, temp[d + h], demand[d + h],
                        demand[d + h] / capacity});
                }
            }
        }
        return new Table(schema, rows);
    }

    /** Five public buildings over 30 days, with fault windows that raise the night load. */
    private static Table[] uc2() {
        StructType schema = ddl("building_id STRING, local_date DATE, building_use STRING, station_id STRING, "
                + "day_type STRING, closed BOOLEAN, is_school_holiday BOOLEAN, is_public_holiday BOOLEAN, "
                + "iso_day_of_week INT, month INT, n_readings BIGINT, daily_kwh DOUBLE, night_kw DOUBLE, "
                + "day_kw DOUBLE, min_kw DOUBLE, max_kw DOUBLE, spike_ratio DOUBLE, flat_share DOUBLE, "
                + "night_to_day_ratio DOUBLE, temperature_mean_c DOUBLE, temperature_min_c DOUBLE, "
                + "temperature_max_c DOUBLE, hdd_12 DOUBLE, hdd_15 DOUBLE, hdd_18 DOUBLE, surface_m2 DOUBLE, "
                + "construction_year DOUBLE, electric_heating DOUBLE");
        StructType faultSchema = ddl("building_id STRING, fault_id STRING, fault_type STRING, start_date DATE, "
                + "end_date DATE, magnitude DOUBLE");
        LocalDate start = LocalDate.of(2024, 5, 1);
        List<Object[]> faults = new ArrayList<>();
        String[] ids = {"BAT-99001-0000011", "BAT-99001-0000012", "BAT-99002-0000013", "BAT-99002-0000014",
            "BAT-99003-0000015"};
        for (int b = 0; b < ids.length; b++) {
            LocalDate from = start.plusDays(3 + 4 * b);
            faults.add(new Object[] {ids[b], "FLT-" + ids[b] + "-1", "night_base_load_drift", from,
                from.plusDays(4 + b), 1.0});
        }
        Random rnd = new Random(2);
        List<Object[]> rows = new ArrayList<>();
        for (int b = 0; b < ids.length; b++) {
            for (int d = 0; d < 30; d++) {
                LocalDate day = start.plusDays(d);
                boolean inFault = false;
                for (Object[] f : faults) {
                    inFault |= f[0].equals(ids[b]) && !day.isBefore((LocalDate) f[3]) && !day.isAfter((LocalDate) f[4]);
                }
                boolean closed = day.getDayOfWeek() == DayOfWeek.SUNDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY;
                double dayKw = r2(closed ? 4 + rnd.nextDouble() : 15 + 3 * rnd.nextDouble());
                double night = r2(3 + rnd.nextDouble() + (inFault ? 4 + rnd.nextDouble() : 0));
                double t = r2(14 + 3 * rnd.nextGaussian());
                rows.add(new Object[] {ids[b], day, b % 2 == 0 ? "education" : "public_administration", "ST-1",
                    closed ? "SUNDAY_HOLIDAY" : "WORKDAY", closed, false, false, day.getDayOfWeek().getValue(),
                    day.getMonthValue(), 48L, r2(24 * (night + dayKw) / 2), night, dayKw, r2(night * 0.8),
                    r2(dayKw * 1.3), r2(1.1 + 0.2 * rnd.nextDouble()), 0.0, night / dayKw, t, t - 4, t + 4,
                    Math.max(0, 12 - t), Math.max(0, 15 - t), Math.max(0, 18 - t), 800.0 + 100 * b, 1950.0 + 10 * b,
                    b == 0 ? 1.0 : 0.0});
            }
        }
        return new Table[] {new Table(schema, rows), new Table(faultSchema, faults)};
    }

    /** Five renovated buildings and one without works, 80 days each; works on day 40. */
    private static Table[] uc3() {
        StructType daily = ddl("building_id STRING, local_date DATE, kwh DOUBLE, temperature_mean_c DOUBLE, "
                + "hours_metered BIGINT, hours_temperature BIGINT");
        StructType works = ddl("building_id STRING, works_date DATE, works_type STRING, "
                + "heating_slope_reduction DOUBLE, base_load_reduction DOUBLE");
        StructType truth = ddl("building_id STRING, period_start DATE, period_end DATE, counterfactual_kwh DOUBLE, "
                + "actual_kwh DOUBLE, true_savings_kwh DOUBLE, true_savings_fraction DOUBLE");
        LocalDate start = LocalDate.of(2024, 1, 1);
        Random rnd = new Random(3);
        List<Object[]> days = new ArrayList<>();
        List<Object[]> workRows = new ArrayList<>();
        List<Object[]> truthRows = new ArrayList<>();
        String[] types = {"windows", "global", "insulation_roof", "heat_pump", "insulation_walls"};
        for (int b = 0; b < 6; b++) {
            String id = "BAT-99004-00000" + (20 + b);
            boolean renovated = b < 5;
            LocalDate worksDate = start.plusDays(40);
            double base = 50 + 10 * b;
            double slope = 4 + b;
            double counterfactual = 0;
            double actual = 0;
            for (int d = 0; d < 80; d++) {
                LocalDate day = start.plusDays(d);
                double t = r2(7 + 4 * Math.sin(d / 9.0) + rnd.nextGaussian());
                double normal = base + slope * Math.max(0, 18 - t);
                double reduction = renovated && !day.isBefore(worksDate) ? 0.3 - 0.04 * b : 0;
                double kwh = r2(normal * (1 - reduction) + 2 * rnd.nextGaussian());
                if (renovated && !day.isBefore(worksDate)) {
                    counterfactual += normal;
                    actual += kwh;
                }
                days.add(new Object[] {id, day, kwh, t, 24L, 24L});
            }
            if (renovated) {
                workRows.add(new Object[] {id, worksDate, types[b], 0.3, 0.02});
                truthRows.add(new Object[] {id, worksDate, start.plusDays(79), counterfactual, actual,
                    counterfactual - actual, (counterfactual - actual) / counterfactual});
            }
        }
        return new Table[] {new Table(daily, days), new Table(works, workRows), new Table(truth, truthRows)};
    }

    /** Twelve dwellings, six of them certified; true classes of all. */
    private static Table[] uc5() {
        StructType schema = ddl("building_id STRING, commune_code STRING, climate_zone STRING, "
                + "heating_energy STRING, envelope STRING, construction_year DOUBLE, surface_m2 DOUBLE, "
                + "envelope_index DOUBLE, subscribed_kva DOUBLE, heating_electricity DOUBLE, "
                + "heating_heat_pump DOUBLE, heating_gas DOUBLE, heating_fuel_oil DOUBLE, heating_wood DOUBLE, "
                + "zone_h1 DOUBLE, zone_h2 DOUBLE, zone_h3 DOUBLE, hdd_reference DOUBLE, small_surface_rule DOUBLE, "
                + "electricity_primary_factor DOUBLE, metered_days DOUBLE, elec_kwh_m2 DOUBLE, "
                + "elec_base_kwh_m2 DOUBLE, elec_slope_wh_m2_dd DOUBLE, gas_kwh_m2 DOUBLE, "
                + "gas_slope_wh_m2_dd DOUBLE, metered_pe_kwh_m2 DOUBLE, metered_ghg_kg_m2 DOUBLE, "
                + "conventional_need_kwh_m2 DOUBLE, conventional_pe_kwh_m2 DOUBLE, conventional_ghg_kg_m2 DOUBLE, "
                + "offpeak_block_kwh_m2 DOUBLE, certified BOOLEAN, dpe_id STRING, issued_on DATE, "
                + "certificate_class STRING, certificate_pe_kwh_m2 DOUBLE, certificate_ghg_kg_m2 DOUBLE, "
                + "reference_date DATE, metered_gas_days DOUBLE, works_date DATE");
        StructType truth = ddl("building_id STRING, true_primary_energy_kwh_m2 DOUBLE, true_ghg_kg_m2 DOUBLE, "
                + "true_class STRING");
        String[] classes = {"C", "D", "E", "D", "F", "C", "E", "D", "G", "B", "D", "E"};
        int[] years = {1930, 1960, 1965, 1980, 1900, 2005, 1970, 1995, 1920, 2015, 1985, 1955};
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> truthRows = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) {
            String id = "BAT-99005-00000" + (10 + i);
            boolean certified = i % 2 == 0;
            double pe = 100 + 40 * (classes[i].charAt(0) - 'A');
            LocalDate issued = certified ? LocalDate.of(2023, 1, 1).plusDays(30L * i) : null;
            rows.add(new Object[] {id, "9900" + (1 + i % 3), "H1c", i % 3 == 0 ? "gas" : "electricity",
                i % 2 == 0 ? "poor" : "average", (double) years[i], 60.0 + 5 * i, i % 2 == 0 ? 3.0 : 2.0, 6.0,
                i % 3 == 0 ? 0.0 : 1.0, 0.0, i % 3 == 0 ? 1.0 : 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 2600.0, 0.0, 2.3,
                365.0, pe * 0.5, 40.0, 20.0, i % 3 == 0 ? pe * 0.4 : 0.0, 10.0, pe * 1.1, 9.0, 150.0, pe, 10.0, 0.0,
                certified, certified ? "2399S" + i : null, issued, certified ? classes[i] : null,
                certified ? pe : null, certified ? 9.0 : null, certified ? issued : LocalDate.of(2024, 12, 1),
                i % 3 == 0 ? 365.0 : 0.0, i == 3 ? LocalDate.of(2024, 6, 1) : null});
            truthRows.add(new Object[] {id, pe, 9.0, classes[i]});
        }
        return new Table[] {new Table(schema, rows), new Table(truth, truthRows)};
    }
}

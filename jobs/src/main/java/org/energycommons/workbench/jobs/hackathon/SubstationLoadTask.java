package org.energycommons.workbench.jobs.hackathon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.models.uc4.Uc4Tables;

/**
 * {@code uc4-substation-load}: the day-ahead forecast of each substation's hourly load, from the uc4
 * point-in-time feature table (what is known on D-1 at 10:00). Test days are days of the last quarter, nine days
 * apart, so that no test row's lags reveal another test day; rows of substations failing the secrecy guard are
 * left out. Baseline: the load at the same local hour seven days before.
 */
public final class SubstationLoadTask implements HackathonTask {

    /** The task id. */
    public static final String ID = "uc4-substation-load";

    static final List<String> INPUTS = List.of("id", "substation", "ts_utc", "local_date", "issue_date",
            "local_hour", "iso_day_of_week", "is_weekend", "is_public_holiday", "is_school_holiday", "is_bridge_day",
            "d7_is_off_day", "doy_sin", "doy_cos", "capacity_kva", "n_meters", "temperature_forecast_c",
            "heating_degree_hours", "cooling_degree_hours", "forecast_daily_mean_c", "temperature_change_vs_d7_c",
            "lag_d7_kw", "lag_d2_kw", "d1_morning_kw", "d2_mean_kw", "level_kw");

    /** Lake columns read beside the inputs (the pack codes and ids are made from substation_id and ts_utc). */
    private static final List<String> READ = List.of("substation_id", "ts_utc", "local_date", "issue_date",
            "local_hour", "iso_day_of_week", "is_weekend", "is_public_holiday", "is_school_holiday", "is_bridge_day",
            "d7_is_off_day", "doy_sin", "doy_cos", "capacity_kva", "n_meters", "max_meter_share",
            "temperature_forecast_c", "heating_degree_hours", "cooling_degree_hours", "forecast_daily_mean_c",
            "temperature_change_vs_d7_c", "lag_d7_kw", "lag_d2_kw", "d1_morning_kw", "d2_mean_kw", "level_kw",
            "load_kw");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String useCase() {
        return "uc4";
    }

    @Override
    public Text title() {
        return new Text("Charge horaire des postes HTA/BT à J+1", "Day-ahead hourly substation load");
    }

    @Override
    public Text question() {
        return new Text("La veille à 10 h, quelle sera la charge moyenne (kW) de chaque poste HTA/BT à chaque heure "
                + "du lendemain ?", "On the day before at 10:00, what will the mean load (kW) of each HV/LV "
                + "substation be in each hour of the next day?");
    }

    @Override
    public boolean perMeter() {
        return false;
    }

    @Override
    public boolean forecast() {
        return true;
    }

    @Override
    public List<Source> sources(boolean synthetic) {
        return List.of(new Source(Uc4Tables.FEATURES, READ, false));
    }

    @Override
    public Metric metric() {
        return Metric.MAE;
    }

    @Override
    public Field target() {
        return Fields.of("load_kw");
    }

    @Override
    public String baselineName() {
        return "lag_7_days";
    }

    @Override
    public List<Text> rules() {
        return List.of(ForecastRules.POINT_IN_TIME);
    }

    @Override
    public BuiltTask build(TaskInputs in) {
        Frame f = in.table(Uc4Tables.FEATURES);
        List<Object[]> kept = new ArrayList<>();
        Set<String> hidden = new TreeSet<>();
        for (Object[] r : f.rows()) {
            double share = f.num(r, "max_meter_share");
            Object n = f.get(r, "n_meters");
            boolean allowed = n != null && in.guard().allows(((Number) n).longValue(),
                    Double.isNaN(share) ? 1.0 : share);
            if (!allowed) {
                hidden.add(f.str(r, "substation_id"));
            } else if (f.get(r, "load_kw") != null) {
                kept.add(r);
            }
        }
        Set<String> stations = new TreeSet<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Object[] r : kept) {
            stations.add(f.str(r, "substation_id"));
            days.add(LocalDate.parse(f.str(r, "local_date")));
        }
        Map<String, String> codes = Seeds.codes(stations, in.seed(), ID, "S");
        Seeds.TimeSplit split = Seeds.timeSplit(days, in.seed(), ID);
        Set<LocalDate> testDays = new HashSet<>(split.testDays());

        List<String> trainCols = new ArrayList<>(INPUTS);
        trainCols.add("load_kw");
        Frame train = Frame.of(trainCols);
        Frame test = Frame.of(INPUTS);
        Frame answer = new Frame(submission());
        Frame baseline = new Frame(submission());
        for (Object[] r : kept) {
            LocalDate day = LocalDate.parse(f.str(r, "local_date"));
            boolean isTrain = day.isBefore(split.cut());
            if (!isTrain && !testDays.contains(day)) {
                continue;
            }
            String code = codes.get(f.str(r, "substation_id"));
            String id = code + "_" + f.str(r, "ts_utc");
            List<Object> values = new ArrayList<>();
            for (String c : INPUTS) {
                values.add(switch (c) {
                    case "id" -> id;
                    case "substation" -> code;
                    default -> f.get(r, c);
                });
            }
            if (isTrain) {
                values.add(f.get(r, "load_kw"));
                train.add(values.toArray());
            } else {
                test.add(values.toArray());
                answer.add(id, f.get(r, "load_kw"));
                Object lag = f.get(r, "lag_d7_kw") != null ? f.get(r, "lag_d7_kw") : f.get(r, "level_kw");
                baseline.add(id, lag);
            }
        }
        for (Frame out : List.of(train, test, answer, baseline)) {
            out.sortBy("id");
        }
        Text splitText = new Text(String.format("Entraînement : les jours avant le %s ; test : %d jours à partir "
                        + "du %s, espacés de %d jours (décalage tiré de la graine).", split.cut(),
                        split.testDays().size(), split.testDays().get(0), Seeds.TEST_DAY_SPACING),
                String.format("Training: the days before %s; test: %d days from %s, %d days apart (offset drawn "
                        + "from the seed).", split.cut(), split.testDays().size(), split.testDays().get(0),
                        Seeds.TEST_DAY_SPACING));
        Text base = new Text("La charge à la même heure locale sept jours avant (colonne lag_d7_kw).",
                "The load at the same local hour seven days before (column lag_d7_kw).");
        return new BuiltTask(train, test, answer, baseline, Map.of(), splitText, base, BuiltTask.ordered(
                "training_days_before", split.cut().toString(),
                "test_days", split.testDays().stream().map(LocalDate::toString).toList(),
                "substations", codes.size(),
                "substations_left_out_by_secrecy", hidden.size()));
    }
}

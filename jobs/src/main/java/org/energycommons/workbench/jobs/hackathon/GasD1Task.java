package org.energycommons.workbench.jobs.hackathon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.models.uc6.Uc6Tables;

/**
 * {@code uc6-gas-d1}: each gas network area's demand on the next day, from the uc6 point-in-time feature rows of
 * horizon 1 (issued on D for D+1). Test days are target days of the last quarter, nine days apart. Baseline: per
 * area, a degree-day regression of the demand on the heating degree days of the forecast effective temperature,
 * fitted on the training rows.
 */
public final class GasD1Task implements HackathonTask {

    /** The task id. */
    public static final String ID = "uc6-gas-d1";

    static final List<String> INPUTS = List.of("id", "area", "issue_date", "target_date", "iso_day_of_week",
            "is_public_holiday", "is_school_holiday", "doy_sin", "doy_cos", "capacity_kwh_per_day",
            "demand_d0_ratio", "demand_d1_ratio", "demand_7d_ratio", "t_obs_issue_c", "te_obs_issue_c", "t_fc_c",
            "t_fc_prev_c", "te_fc_c", "te_fc_prev_c", "hdd_te_fc", "hdd_t_fc");

    private static final List<String> READ = List.of("area_id", "horizon", "issue_date", "target_date",
            "iso_day_of_week", "is_public_holiday", "is_school_holiday", "doy_sin", "doy_cos", "capacity_kwh_per_day",
            "demand_d0_ratio", "demand_d1_ratio", "demand_7d_ratio", "t_obs_issue_c", "te_obs_issue_c", "t_fc_c",
            "t_fc_prev_c", "te_fc_c", "te_fc_prev_c", "hdd_te_fc", "hdd_t_fc", "gas_kwh");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String useCase() {
        return "uc6";
    }

    @Override
    public Text title() {
        return new Text("Demande de gaz des zones à J+1", "Day-ahead gas demand of the network areas");
    }

    @Override
    public Text question() {
        return new Text("Le jour J, quelle sera la demande de gaz (kWh PCS) de chaque zone du réseau le lendemain ?",
                "On day D, what will the gas demand (kWh HHV) of each network area be on the next day?");
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
        return List.of(new Source(Uc6Tables.FEATURES, READ, false));
    }

    @Override
    public Metric metric() {
        return Metric.MAPE;
    }

    @Override
    public Field target() {
        return Fields.of("gas_kwh");
    }

    @Override
    public String baselineName() {
        return "degree_day_regression";
    }

    @Override
    public List<Text> rules() {
        return List.of(ForecastRules.POINT_IN_TIME);
    }

    @Override
    public BuiltTask build(TaskInputs in) {
        Frame f = in.table(Uc6Tables.FEATURES);
        List<Object[]> rows = new ArrayList<>();
        Set<String> areas = new TreeSet<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Object[] r : f.rows()) {
            Object h = f.get(r, "horizon");
            if (h == null || ((Number) h).intValue() != 1 || f.get(r, "gas_kwh") == null) {
                continue;
            }
            rows.add(r);
            areas.add(f.str(r, "area_id"));
            days.add(LocalDate.parse(f.str(r, "target_date")));
        }
        Map<String, String> codes = Seeds.codes(areas, in.seed(), ID, "A");
        Seeds.TimeSplit split = Seeds.timeSplit(days, in.seed(), ID);
        Set<LocalDate> testDays = new HashSet<>(split.testDays());

        List<String> trainCols = new ArrayList<>(INPUTS);
        trainCols.add("gas_kwh");
        Frame train = Frame.of(trainCols);
        Frame test = Frame.of(INPUTS);
        Frame answer = new Frame(submission());
        for (Object[] r : rows) {
            LocalDate day = LocalDate.parse(f.str(r, "target_date"));
            boolean isTrain = day.isBefore(split.cut());
            // MAPE divides by the true demand: a test day without demand is not scored.
            if (!isTrain && (!testDays.contains(day) || !(f.num(r, "gas_kwh") > 0))) {
                continue;
            }
            String code = codes.get(f.str(r, "area_id"));
            String id = code + "_" + f.str(r, "target_date");
            List<Object> values = new ArrayList<>();
            for (String c : INPUTS) {
                values.add(switch (c) {
                    case "id" -> id;
                    case "area" -> code;
                    default -> f.get(r, c);
                });
            }
            if (isTrain) {
                values.add(f.get(r, "gas_kwh"));
                train.add(values.toArray());
            } else {
                test.add(values.toArray());
                answer.add(id, f.get(r, "gas_kwh"));
            }
        }
        train.sortBy("id");
        test.sortBy("id");
        answer.sortBy("id");

        // The baseline, from the written values: per area, gas_kwh = a + b × hdd_te_fc over the training rows.
        Map<String, List<double[]>> points = new TreeMap<>();
        for (Object[] r : train.rows()) {
            double x = train.num(r, "hdd_te_fc");
            double y = train.num(r, "gas_kwh");
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                points.computeIfAbsent(train.str(r, "area"), k -> new ArrayList<>()).add(new double[] {x, y});
            }
        }
        Map<String, Line> lines = new TreeMap<>();
        points.forEach((area, p) -> lines.put(area, Line.fit(p, true)));
        Frame baseline = new Frame(submission());
        for (Object[] r : test.rows()) {
            Line line = lines.get(test.str(r, "area"));
            double x = test.num(r, "hdd_te_fc");
            double p = line == null ? 0 : Double.isNaN(x) ? line.intercept() : line.at(x);
            baseline.add(test.str(r, "id"), Math.max(0, Double.isNaN(p) ? 0 : p));
        }
        Text splitText = new Text(String.format("Entraînement : les jours cibles avant le %s ; test : %d jours "
                        + "cibles à partir du %s, espacés de %d jours (décalage tiré de la graine).", split.cut(),
                        split.testDays().size(), split.testDays().get(0), Seeds.TEST_DAY_SPACING),
                String.format("Training: the target days before %s; test: %d target days from %s, %d days apart "
                        + "(offset drawn from the seed).", split.cut(), split.testDays().size(),
                        split.testDays().get(0), Seeds.TEST_DAY_SPACING));
        Text base = new Text("Par zone, régression de gas_kwh sur hdd_te_fc (moindres carrés sur train.csv, pente "
                + "positive ou nulle), appliquée aux lignes de test.", "Per area, a least-squares regression of "
                + "gas_kwh on hdd_te_fc over train.csv (slope zero or above), applied to the test rows.");
        return new BuiltTask(train, test, answer, baseline, Map.of(), splitText, base, BuiltTask.ordered(
                "training_days_before", split.cut().toString(),
                "test_days", split.testDays().stream().map(LocalDate::toString).toList(),
                "areas", codes.size()));
    }
}

package org.energycommons.workbench.jobs.hackathon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.models.uc2.Uc2Tables;

/**
 * {@code uc2-fault-detection}: which days of public buildings fall in the window of a fault injected into their
 * load curve. Rows are the uc2 feature rows (one per building and day); the label comes from the truth layer's
 * injected faults, so the task needs a generated region. A seeded share of the buildings is the test set.
 * Baseline: the one threshold rule ({@code feature ≥ t}) over a few daily indicators that gives the best F1 on
 * the training rows.
 */
public final class FaultDetectionTask implements HackathonTask {

    /** The task id. */
    public static final String ID = "uc2-fault-detection";

    static final List<String> INPUTS = List.of("id", "building", "local_date", "building_use", "day_type", "closed",
            "is_school_holiday", "is_public_holiday", "iso_day_of_week", "month", "n_readings", "daily_kwh",
            "night_kw", "day_kw", "min_kw", "max_kw", "spike_ratio", "flat_share", "night_to_day_ratio",
            "temperature_mean_c", "temperature_min_c", "temperature_max_c", "hdd_12", "hdd_15", "hdd_18",
            "surface_m2", "construction_year", "electric_heating");

    /** The indicators the baseline rule may threshold, in the order ties are broken. */
    static final List<String> RULE_FEATURES = List.of("spike_ratio", "night_to_day_ratio", "flat_share");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String useCase() {
        return "uc2";
    }

    @Override
    public Text title() {
        return new Text("Défauts des bâtiments publics", "Faults in public buildings");
    }

    @Override
    public Text question() {
        return new Text("Quels jours de quels bâtiments publics sont dans la fenêtre d'un défaut (talon de nuit qui "
                + "dérive, chauffage pendant les vacances, usage les jours de fermeture, compteur figé, pics) ?",
                "Which days of which public buildings fall in the window of a fault (drifting night base load, "
                + "heating during holidays, use on closed days, frozen meter, spikes)?");
    }

    @Override
    public boolean perMeter() {
        return true;
    }

    @Override
    public boolean forecast() {
        return false;
    }

    @Override
    public List<Source> sources(boolean synthetic) {
        List<String> read = new ArrayList<>(INPUTS.subList(2, INPUTS.size()));
        read.add(0, "building_id");
        return List.of(new Source(Uc2Tables.FEATURES, read, false),
                Source.of(Tables.TRUTH_FAULTS, "building_id", "start_date", "end_date"));
    }

    @Override
    public Metric metric() {
        return Metric.F1;
    }

    @Override
    public Field target() {
        return Fields.of("fault");
    }

    @Override
    public String baselineName() {
        return "threshold_rule";
    }

    @Override
    public List<Text> rules() {
        return List.of(new Text("Les bâtiments de test n'ont aucun jour étiqueté : une règle se règle sur les "
                + "bâtiments d'entraînement.", "The test buildings have no labelled day: tune a rule on the training "
                + "buildings."));
    }

    @Override
    public BuiltTask build(TaskInputs in) {
        Frame f = in.table(Uc2Tables.FEATURES);
        Frame faults = in.table(Tables.TRUTH_FAULTS);
        Map<String, List<LocalDate[]>> windows = new TreeMap<>();
        for (Object[] r : faults.rows()) {
            windows.computeIfAbsent(faults.str(r, "building_id"), k -> new ArrayList<>()).add(new LocalDate[] {
                LocalDate.parse(faults.str(r, "start_date")), LocalDate.parse(faults.str(r, "end_date"))});
        }
        Set<String> buildings = new TreeSet<>();
        f.rows().forEach(r -> buildings.add(f.str(r, "building_id")));
        Map<String, String> codes = Seeds.codes(buildings, in.seed(), ID, "B");
        Set<String> testBuildings = Seeds.testEntities(buildings, in.seed(), ID, "public buildings");

        List<String> trainCols = new ArrayList<>(INPUTS);
        trainCols.add("fault");
        Frame train = Frame.of(trainCols);
        Frame test = Frame.of(INPUTS);
        Frame answer = new Frame(submission());
        for (Object[] r : f.rows()) {
            String building = f.str(r, "building_id");
            String code = codes.get(building);
            LocalDate day = LocalDate.parse(f.str(r, "local_date"));
            String id = code + "_" + day;
            long fault = windows.getOrDefault(building, List.of()).stream()
                    .anyMatch(w -> !day.isBefore(w[0]) && !day.isAfter(w[1])) ? 1L : 0L;
            List<Object> values = new ArrayList<>();
            for (String c : INPUTS) {
                values.add(switch (c) {
                    case "id" -> id;
                    case "building" -> code;
                    default -> f.get(r, c);
                });
            }
            if (testBuildings.contains(building)) {
                test.add(values.toArray());
                answer.add(id, fault);
            } else {
                values.add(fault);
                train.add(values.toArray());
            }
        }
        train.sortBy("id");
        test.sortBy("id");
        answer.sortBy("id");

        Rule rule = Rule.fit(train);
        Frame baseline = new Frame(submission());
        for (Object[] r : test.rows()) {
            baseline.add(test.str(r, "id"), rule.fires(test, r) ? 1L : 0L);
        }
        long positives = train.rows().stream().filter(r -> train.num(r, "fault") == 1).count();
        Text splitText = new Text(String.format("Par bâtiment : %d bâtiments d'entraînement, %d de test (tirés "
                        + "de la graine).", buildings.size() - testBuildings.size(), testBuildings.size()),
                String.format("By building: %d training buildings, %d test buildings (drawn from the seed).",
                        buildings.size() - testBuildings.size(), testBuildings.size()));
        String t = Csv.number(rule.threshold(), 4);
        Text base = new Text(String.format("fault = 1 quand %s ≥ %s : la règle à un seuil qui a le meilleur F1 sur "
                        + "train.csv parmi %s.", rule.feature(), t, String.join(", ", RULE_FEATURES)),
                String.format("fault = 1 when %s ≥ %s: the one-threshold rule with the best F1 on train.csv among "
                        + "%s.", rule.feature(), t, String.join(", ", RULE_FEATURES)));
        return new BuiltTask(train, test, answer, baseline, Map.of(), splitText, base, BuiltTask.ordered(
                "buildings", buildings.size(),
                "test_buildings", testBuildings.size(),
                "training_fault_days", positives,
                "baseline_rule", BuiltTask.ordered("feature", rule.feature(), "at_least", rule.threshold())));
    }

    /**
     * A one-threshold rule: {@code feature ≥ threshold}.
     *
     * @param feature the column
     * @param threshold the least value that fires
     */
    record Rule(String feature, double threshold) {

        boolean fires(Frame frame, Object[] row) {
            double v = frame.num(row, feature);
            return !Double.isNaN(v) && v >= threshold;
        }

        /** The rule of best F1 over the rows (ties: the earlier feature, then the higher threshold). */
        static Rule fit(Frame train) {
            Rule best = new Rule(RULE_FEATURES.get(0), Double.POSITIVE_INFINITY);
            double bestF1 = -1;
            long positives = train.rows().stream().filter(r -> train.num(r, "fault") == 1).count();
            for (String feature : RULE_FEATURES) {
                List<double[]> values = new ArrayList<>();
                for (Object[] r : train.rows()) {
                    double v = train.num(r, feature);
                    if (!Double.isNaN(v)) {
                        values.add(new double[] {v, train.num(r, "fault")});
                    }
                }
                values.sort(Comparator.comparingDouble((double[] v) -> v[0]).reversed());
                long tp = 0;
                long predicted = 0;
                for (int i = 0; i < values.size(); i++) {
                    predicted++;
                    tp += values.get(i)[1] == 1 ? 1 : 0;
                    boolean lastOfValue = i + 1 == values.size() || values.get(i + 1)[0] != values.get(i)[0];
                    if (!lastOfValue) {
                        continue;
                    }
                    double f1 = Metric.f1(tp, predicted - tp, positives - tp);
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        best = new Rule(feature, values.get(i)[0]);
                    }
                }
            }
            return best;
        }
    }
}

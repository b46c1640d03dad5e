package org.energycommons.workbench.jobs.hackathon;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.models.uc3.Uc3Tables;

/**
 * {@code uc3-savings}: the energy a renovated building saved over the year after its works (what it would have
 * used without them, minus what it used), from its daily consumption and temperature before and after. The key
 * is the truth layer's true savings, so the task needs a generated region. A seeded share of the renovated
 * buildings is the test set; the training buildings come with their true savings. Baseline: per building, a
 * degree-day regression over the year before the works, predicted over the reporting period.
 */
public final class SavingsTask implements HackathonTask {

    /** The task id. */
    public static final String ID = "uc3-savings";
    /** Base temperature of the baseline's heating degree days, °C. */
    public static final double HDD_BASE_C = 18.0;
    /** Fewest baseline days for the regression; fewer gives zero savings. */
    public static final int MIN_BASELINE_DAYS = 30;
    /** The file of daily series beside train.csv and test.csv. */
    public static final String DAILY = "daily.csv";

    static final List<String> INPUTS = List.of("id", "building", "works_date", "works_type", "period_start",
            "period_end");
    static final List<String> DAILY_COLUMNS = List.of("building", "local_date", "kwh", "temperature_mean_c",
            "hours_metered", "hours_temperature");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String useCase() {
        return "uc3";
    }

    @Override
    public Text title() {
        return new Text("Économies après travaux de rénovation", "Savings after renovation works");
    }

    @Override
    public Text question() {
        return new Text("Combien d'énergie (kWh) chaque bâtiment rénové a-t-il économisée sur sa période de suivi "
                + "(consommation qu'il aurait eue sans les travaux, moins sa consommation mesurée) ?",
                "How much energy (kWh) did each renovated building save over its reporting period (what it would "
                + "have used without the works, minus what it used)?");
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
        return List.of(
                Source.of(Tables.TRUTH_SAVINGS, "building_id", "period_start", "period_end", "true_savings_kwh"),
                Source.of(Tables.RENOVATION_WORKS, "building_id", "works_date", "works_type"),
                new Source(Uc3Tables.FEATURES, List.of("building_id", "local_date", "kwh", "temperature_mean_c",
                        "hours_metered", "hours_temperature"), false).within("building_id", Tables.TRUTH_SAVINGS));
    }

    @Override
    public Metric metric() {
        return Metric.MAE;
    }

    @Override
    public Field target() {
        return Fields.of("savings_kwh");
    }

    @Override
    public String baselineName() {
        return "degree_day_regression";
    }

    @Override
    public List<Text> rules() {
        return List.of(new Text("daily.csv donne la consommation et la température de chaque jour des bâtiments "
                + "d'entraînement et de test, avant et après travaux.", "daily.csv gives the consumption and "
                + "temperature of every day of the training and test buildings, before and after the works."));
    }

    @Override
    public BuiltTask build(TaskInputs in) {
        Frame truth = in.table(Tables.TRUTH_SAVINGS);
        Frame works = in.table(Tables.RENOVATION_WORKS);
        Frame days = in.table(Uc3Tables.FEATURES);
        Map<String, Object[]> workOf = new TreeMap<>();
        for (Object[] r : works.rows()) {
            // One work per building in the generated region; the earliest if a lake has several.
            workOf.merge(works.str(r, "building_id"), r,
                    (a, b) -> works.str(a, "works_date").compareTo(works.str(b, "works_date")) <= 0 ? a : b);
        }
        Map<String, Object[]> truthOf = new TreeMap<>();
        for (Object[] r : truth.rows()) {
            if (workOf.containsKey(truth.str(r, "building_id")) && truth.get(r, "true_savings_kwh") != null) {
                truthOf.put(truth.str(r, "building_id"), r);
            }
        }
        Map<String, String> codes = Seeds.codes(truthOf.keySet(), in.seed(), ID, "B");
        Set<String> testBuildings = Seeds.testEntities(truthOf.keySet(), in.seed(), ID, "renovated buildings");

        List<String> trainCols = new ArrayList<>(INPUTS);
        trainCols.add("savings_kwh");
        Frame train = Frame.of(trainCols);
        Frame test = Frame.of(INPUTS);
        Frame answer = new Frame(submission());
        for (Map.Entry<String, Object[]> e : truthOf.entrySet()) {
            String code = codes.get(e.getKey());
            Object[] t = e.getValue();
            Object[] w = workOf.get(e.getKey());
            Object[] values = {code, code, works.get(w, "works_date"), works.get(w, "works_type"),
                truth.get(t, "period_start"), truth.get(t, "period_end")};
            if (testBuildings.contains(e.getKey())) {
                test.add(values);
                answer.add(code, truth.get(t, "true_savings_kwh"));
            } else {
                Object[] withLabel = java.util.Arrays.copyOf(values, values.length + 1);
                withLabel[values.length] = truth.get(t, "true_savings_kwh");
                train.add(withLabel);
            }
        }
        Frame daily = Frame.of(DAILY_COLUMNS);
        for (Object[] r : days.rows()) {
            String code = codes.get(days.str(r, "building_id"));
            if (code != null) {
                daily.add(code, days.get(r, "local_date"), days.get(r, "kwh"), days.get(r, "temperature_mean_c"),
                        days.get(r, "hours_metered"), days.get(r, "hours_temperature"));
            }
        }
        train.sortBy("id");
        test.sortBy("id");
        answer.sortBy("id");
        daily.sortBy("building", "local_date");

        Frame baseline = new Frame(submission());
        Map<String, List<Object[]>> series = new TreeMap<>();
        daily.rows().forEach(r -> series.computeIfAbsent(daily.str(r, "building"), k -> new ArrayList<>()).add(r));
        for (Object[] r : test.rows()) {
            baseline.add(test.str(r, "id"), savings(daily, series.getOrDefault(test.str(r, "building"), List.of()),
                    LocalDate.parse(test.str(r, "works_date")), LocalDate.parse(test.str(r, "period_start")),
                    LocalDate.parse(test.str(r, "period_end"))));
        }
        Text splitText = new Text(String.format("Par bâtiment rénové : %d d'entraînement (économie vraie donnée), "
                        + "%d de test (tirés de la graine).", train.size(), test.size()),
                String.format("By renovated building: %d training buildings (true savings given), %d test "
                        + "buildings (drawn from the seed).", train.size(), test.size()));
        Text base = new Text(String.format("Par bâtiment : kwh = a + b × max(0, %s − temperature_mean_c) ajusté "
                        + "sur les jours de daily.csv de l'année avant les travaux (b ≥ 0), prédit sur les jours de "
                        + "la période de suivi ; économie = somme prédite − somme mesurée (0 avec moins de %d jours "
                        + "de référence).", Csv.number(HDD_BASE_C, 1), MIN_BASELINE_DAYS),
                String.format("Per building: kwh = a + b × max(0, %s − temperature_mean_c) fitted on the days of "
                        + "daily.csv in the year before the works (b ≥ 0), predicted on the days of the reporting "
                        + "period; savings = predicted sum − metered sum (0 with fewer than %d baseline days).",
                        Csv.number(HDD_BASE_C, 1), MIN_BASELINE_DAYS));
        return new BuiltTask(train, test, answer, baseline, BuiltTask.ordered(DAILY, daily), splitText, base,
                BuiltTask.ordered("buildings", truthOf.size(), "test_buildings", test.size(),
                        "hdd_base_c", HDD_BASE_C));
    }

    /** The baseline's savings of one building from its daily rows. */
    static double savings(Frame daily, List<Object[]> rows, LocalDate works, LocalDate from, LocalDate to) {
        List<double[]> points = new ArrayList<>();
        LocalDate start = works.minusDays(365);
        for (Object[] r : rows) {
            LocalDate d = LocalDate.parse(daily.str(r, "local_date"));
            double kwh = daily.num(r, "kwh");
            double t = daily.num(r, "temperature_mean_c");
            if (!d.isBefore(start) && d.isBefore(works) && !Double.isNaN(kwh) && !Double.isNaN(t)) {
                points.add(new double[] {Math.max(0, HDD_BASE_C - t), kwh});
            }
        }
        if (points.size() < MIN_BASELINE_DAYS) {
            return 0;
        }
        Line line = Line.fit(points, true);
        double saved = 0;
        for (Object[] r : rows) {
            LocalDate d = LocalDate.parse(daily.str(r, "local_date"));
            double kwh = daily.num(r, "kwh");
            double t = daily.num(r, "temperature_mean_c");
            if (!d.isBefore(from) && !d.isAfter(to) && !Double.isNaN(kwh) && !Double.isNaN(t)) {
                saved += line.at(Math.max(0, HDD_BASE_C - t)) - kwh;
            }
        }
        return saved;
    }
}

package org.energycommons.workbench.models.uc2;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.energycommons.workbench.models.usecase.BootstrapIntervals;
import org.energycommons.workbench.models.usecase.MetricInterval;

/**
 * How uc2 alerts are scored against injected faults (truth, read by evaluation only). Over an evaluation period
 * {@code [from, to]}:
 * <ul>
 *   <li>alerts are building-days (several rules firing on the same building-day are one alert day); alert days
 *       outside the period are ignored;</li>
 *   <li>an <b>alert episode</b> is a maximal run of consecutive alert days of one building; it is <i>true</i> when
 *       one of its days falls inside a fault window {@code [start, end]} of its building (any fault, even one that
 *       began before the period), otherwise it is one <b>false alert</b>;</li>
 *   <li>the faults evaluated are those starting inside the period; a fault is <b>detected</b> when an alert day
 *       of its building falls inside its window, and its <b>delay</b> is the first such day minus its start, in
 *       days;</li>
 *   <li>{@code precision} = true episodes / episodes; {@code recall} = detected faults / faults;
 *       {@code f1} = their harmonic mean; {@code median_detection_delay_days} = median delay of detected faults;
 *       {@code false_alerts_per_building_year} = false episodes / (monitored building-days / 365.25);</li>
 *   <li>per fault type T: {@code recall_T} over faults of type T, and {@code precision_T} = episodes touching a
 *       fault of type T / (those + false episodes), as if T were the only fault type (episodes touching only
 *       other types are left out), {@code f1_T} from both.</li>
 * </ul>
 * A metric without a denominator (no fault, no alert) is NaN.
 *
 * <p>The unit of the 90 % intervals is the building, which carries its faults, its alert episodes and its
 * monitored days ({@link BuildingRecord}): {@link #intervals} draws buildings with replacement and rescores each
 * draw with {@link #evaluateBuildings}, the function that gives the published point values. Each interval states
 * the items its metric counts: faults for a recall and an F1, alert episodes for a precision, detected faults for a
 * median delay, buildings for the false-alert rate; the counts themselves ({@code faults}, {@code detected_faults},
 * {@code alert_episodes}, {@code false_alerts}, {@code faults_<type>}) get none.
 */
public final class FaultMatching {

    private FaultMatching() {
    }

    /** An injected fault. */
    public record Fault(String buildingId, String faultId, String type, LocalDate start, LocalDate end) {
    }

    /** An alert day of a building. */
    public record AlertDay(String buildingId, LocalDate date) {
    }

    /** The detection of one fault: delay in days, or -1 when missed. */
    public record Detection(Fault fault, int delayDays) {
        /** Whether an alert fell inside its window. */
        public boolean detected() {
            return delayDays >= 0;
        }
    }

    /**
     * The scores of a set of alert days.
     *
     * @param metrics the scores (see the class comment)
     * @param detections each evaluated fault with its delay
     * @param episodes alert episodes in the period
     * @param falseEpisodes false alerts
     * @param trueEpisodesByType alert episodes touching a fault of each type
     */
    public record Evaluation(Uc2Metrics.Detection metrics, List<Detection> detections, int episodes,
                             int falseEpisodes, Map<String, Integer> trueEpisodesByType) {
        /** A metric by its published name, NaN when absent. */
        public double get(String name) {
            return metrics.value(name);
        }
    }

    /**
     * Scores alert days against faults over {@code [from, to]}.
     *
     * @param monitoredBuildingDays building-days with data in the period (the false-alert rate's exposure)
     * @param types the fault types to report separately (metrics exist for each, NaN without faults)
     */
    public static Evaluation evaluate(Collection<AlertDay> alerts, List<Fault> faults, LocalDate from, LocalDate to,
                                      long monitoredBuildingDays, List<String> types) {
        Map<String, TreeSet<LocalDate>> byBuilding = new TreeMap<>();
        for (AlertDay a : alerts) {
            if (!a.date().isBefore(from) && !a.date().isAfter(to)) {
                byBuilding.computeIfAbsent(a.buildingId(), k -> new TreeSet<>()).add(a.date());
            }
        }
        Map<String, List<Fault>> faultsByBuilding = new TreeMap<>();
        faults.forEach(f -> faultsByBuilding.computeIfAbsent(f.buildingId(), k -> new ArrayList<>()).add(f));

        int episodes = 0;
        int falseEpisodes = 0;
        Map<String, Integer> trueByType = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<LocalDate>> e : byBuilding.entrySet()) {
            List<Fault> own = faultsByBuilding.getOrDefault(e.getKey(), List.of());
            for (List<LocalDate> episode : episodes(e.getValue())) {
                episodes++;
                TreeSet<String> touched = new TreeSet<>();
                for (Fault f : own) {
                    if (episode.stream().anyMatch(d -> !d.isBefore(f.start()) && !d.isAfter(f.end()))) {
                        touched.add(f.type());
                    }
                }
                if (touched.isEmpty()) {
                    falseEpisodes++;
                }
                touched.forEach(t -> trueByType.merge(t, 1, Integer::sum));
            }
        }

        List<Detection> detections = new ArrayList<>();
        for (Fault f : faults) {
            if (f.start().isBefore(from) || f.start().isAfter(to)) {
                continue;
            }
            TreeSet<LocalDate> days = byBuilding.getOrDefault(f.buildingId(), new TreeSet<>());
            LocalDate first = days.ceiling(f.start());
            boolean hit = first != null && !first.isAfter(f.end());
            detections.add(new Detection(f, hit ? (int) ChronoUnit.DAYS.between(f.start(), first) : -1));
        }

        double precision = episodes == 0 ? Double.NaN : (episodes - falseEpisodes) / (double) episodes;
        double recall = recall(detections);
        Uc2Metrics.Counts counts = new Uc2Metrics.Counts(detections.size(),
                (int) detections.stream().filter(Detection::detected).count(), episodes, falseEpisodes);
        Map<String, Uc2Metrics.FaultTypeScores> byType = new LinkedHashMap<>();
        for (String type : types) {
            List<Detection> own = detections.stream().filter(d -> d.fault().type().equals(type)).toList();
            int trueT = trueByType.getOrDefault(type, 0);
            double precisionT = trueT + falseEpisodes == 0 ? Double.NaN : trueT / (double) (trueT + falseEpisodes);
            double recallT = recall(own);
            byType.put(type, new Uc2Metrics.FaultTypeScores(recallT, precisionT, f1(precisionT, recallT),
                    medianDelay(own), own.size()));
        }
        Uc2Metrics.Detection m = new Uc2Metrics.Detection(precision, recall, f1(precision, recall),
                medianDelay(detections), monitoredBuildingDays == 0 ? Double.NaN
                : falseEpisodes / (monitoredBuildingDays / 365.25), counts, byType);
        return new Evaluation(m, detections, episodes, falseEpisodes, trueByType);
    }

    /**
     * One building's part of an evaluation: the unit the intervals resample.
     *
     * @param buildingId the building
     * @param faults its faults (any period: a fault begun before the period still makes its episodes true)
     * @param alerts its alert days (any period)
     * @param monitoredDays its building-days with data in the period
     */
    public record BuildingRecord(String buildingId, List<Fault> faults, List<AlertDay> alerts, long monitoredDays) {
    }

    /**
     * The buildings of an evaluation: every building monitored, with a fault or with an alert, in that order of
     * first appearance (faults first, in their order).
     *
     * @param monitoredDays building-days with data in the period, by building
     */
    public static List<BuildingRecord> buildings(Collection<AlertDay> alerts, List<Fault> faults,
                                                 Map<String, Long> monitoredDays) {
        Map<String, List<Fault>> faultsOf = new LinkedHashMap<>();
        faults.forEach(f -> faultsOf.computeIfAbsent(f.buildingId(), k -> new ArrayList<>()).add(f));
        Map<String, List<AlertDay>> alertsOf = new HashMap<>();
        alerts.forEach(a -> alertsOf.computeIfAbsent(a.buildingId(), k -> new ArrayList<>()).add(a));
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(faultsOf.keySet());
        ids.addAll(new TreeSet<>(monitoredDays.keySet()));
        ids.addAll(new TreeSet<>(alertsOf.keySet()));
        List<BuildingRecord> buildings = new ArrayList<>();
        for (String id : ids) {
            buildings.add(new BuildingRecord(id, faultsOf.getOrDefault(id, List.of()),
                    alertsOf.getOrDefault(id, List.of()), monitoredDays.getOrDefault(id, 0L)));
        }
        return buildings;
    }

    /**
     * Scores a list of buildings over {@code [from, to]} as {@link #evaluate} does; a building listed again (a
     * bootstrap draw) counts as another building. On a list without repeats this is {@link #evaluate} of the
     * buildings' alerts, faults and monitored days.
     */
    public static Evaluation evaluateBuildings(List<BuildingRecord> buildings, LocalDate from, LocalDate to,
                                               List<String> types) {
        List<AlertDay> alerts = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        long monitored = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (BuildingRecord b : buildings) {
            int copy = seen.merge(b.buildingId(), 1, Integer::sum);
            // A repeat gets its own id, so that its episodes and faults are not merged with the first copy's.
            String id = copy == 1 ? b.buildingId() : b.buildingId() + "#" + copy;
            b.alerts().forEach(a -> alerts.add(new AlertDay(id, a.date())));
            b.faults().forEach(f -> faults.add(new Fault(id, f.faultId(), f.type(), f.start(), f.end())));
            monitored += b.monitoredDays();
        }
        return evaluate(alerts, faults, from, to, monitored, types);
    }

    /**
     * The estimates of an evaluation by published name, the counts left out: what the bootstrap recomputes.
     */
    public static Map<String, Double> estimates(Uc2Metrics.Detection metrics) {
        Map<String, Double> m = new LinkedHashMap<>();
        metrics.toMap().forEach((name, value) -> {
            if (!Uc2Metrics.Detection.COUNT_KEYS.contains(name) && !name.startsWith("faults_")) {
                m.put(name, value instanceof Number x ? x.doubleValue() : Double.NaN);
            }
        });
        return m;
    }

    /**
     * The 90 % interval of every estimate over buildings drawn with replacement, each with the items its metric
     * counts (see the class comment).
     *
     * @param buildings the evaluation's buildings ({@link #buildings})
     * @param seed the run's seed
     */
    public static Map<String, MetricInterval> intervals(List<BuildingRecord> buildings, LocalDate from,
                                                        LocalDate to, List<String> types, long seed) {
        Evaluation point = evaluateBuildings(buildings, from, to, types);
        Map<String, MetricInterval> drawn = BootstrapIntervals.of(buildings, "building",
                draw -> estimates(evaluateBuildings(draw, from, to, types).metrics()), seed);
        Uc2Metrics.Counts counts = point.metrics().counts();
        Map<String, Double> value = estimates(point.metrics());
        Map<String, MetricInterval> intervals = new LinkedHashMap<>();
        drawn.forEach((name, i) -> {
            MetricInterval stated = switch (name) {
                case "precision" -> i.withShareSample(value.get(name), counts.alertEpisodes(), "alert_episode");
                case "recall" -> i.withShareSample(value.get(name), counts.faults(), "fault");
                case "f1" -> i.withSample(counts.faults(), "fault");
                case "median_detection_delay_days" -> i.withSample(counts.detectedFaults(), "detected_fault");
                case "false_alerts_per_building_year" -> i;
                default -> typeSample(name, i, point, types, value.getOrDefault(name, Double.NaN));
            };
            intervals.put(name, stated);
        });
        return intervals;
    }

    /** The items behind a per-fault-type metric {@code <metric>_<type>}. */
    private static MetricInterval typeSample(String name, MetricInterval i, Evaluation point, List<String> types,
                                             double value) {
        for (String type : types) {
            if (!name.endsWith("_" + type)) {
                continue;
            }
            List<Detection> own = point.detections().stream().filter(d -> d.fault().type().equals(type)).toList();
            if (name.startsWith("precision_")) {
                return i.withShareSample(value, point.trueEpisodesByType().getOrDefault(type, 0)
                        + point.falseEpisodes(), "alert_episode");
            }
            if (name.startsWith("median_detection_delay_days_")) {
                return i.withSample((int) own.stream().filter(Detection::detected).count(), "detected_fault");
            }
            return name.startsWith("recall_") ? i.withShareSample(value, own.size(), "fault")
                    : i.withSample(own.size(), "fault");
        }
        return i;
    }

    /** Maximal runs of consecutive days. */
    static List<List<LocalDate>> episodes(TreeSet<LocalDate> days) {
        List<List<LocalDate>> runs = new ArrayList<>();
        List<LocalDate> current = null;
        LocalDate previous = null;
        for (LocalDate d : days) {
            if (previous == null || !d.equals(previous.plusDays(1))) {
                current = new ArrayList<>();
                runs.add(current);
            }
            current.add(d);
            previous = d;
        }
        return runs;
    }

    private static double recall(List<Detection> detections) {
        return detections.isEmpty() ? Double.NaN
                : detections.stream().filter(Detection::detected).count() / (double) detections.size();
    }

    private static double f1(double precision, double recall) {
        if (Double.isNaN(precision) || Double.isNaN(recall)) {
            return Double.NaN;
        }
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    private static double medianDelay(List<Detection> detections) {
        return ExpectedConsumptionModel.median(detections.stream().filter(Detection::detected)
                .mapToDouble(Detection::delayDays).toArray());
    }
}

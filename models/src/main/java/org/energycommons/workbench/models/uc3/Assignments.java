package org.energycommons.workbench.models.uc3;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who gets an M&amp;V run, with which works date: every building with works (its real date), the comparison group
 * (placebo, a fake date) and a sample of the other buildings without works (validation, a fake date). Pure and
 * deterministic: the fake dates and the sample are hashes of the seed and the building id.
 *
 * <p>Fake dates are drawn uniformly over the days that leave a full baseline before them and
 * {@code min_reporting_days} of data after them, so a placebo run has the data of a treated run whose savings can be
 * estimated; when the data are too short for that, the date is the middle of the data (the run then reports
 * "insufficient data").
 */
public final class Assignments {

    private Assignments() {
    }

    /**
     * The runs, treated first, then placebo, then validation, each by building id.
     *
     * @param works building id → {works date, works type} of silver {@code renovation_works}
     * @param comparisonGroup building ids of the comparison group (evaluation only: placebo runs)
     * @param buildings every building id with features (the validation sample is drawn from those left)
     * @param dataStart first local day of the data
     * @param dataEnd last local day of the data
     */
    public static List<Assignment> of(Map<String, Works> works, Set<String> comparisonGroup, Set<String> buildings,
                                      LocalDate dataStart, LocalDate dataEnd, Uc3Options options) {
        List<Assignment> out = new ArrayList<>();
        for (Map.Entry<String, Works> e : new TreeMap<>(works).entrySet()) {
            out.add(run(e.getKey(), Assignment.TREATED, e.getValue().type(), e.getValue().date(), dataEnd, options));
        }
        for (String id : new TreeSet<>(comparisonGroup)) {
            if (!works.containsKey(id)) {
                out.add(run(id, Assignment.PLACEBO, null, fakeDate(id, dataStart, dataEnd, options), dataEnd, options));
            }
        }
        List<String> others = new ArrayList<>();
        for (String id : buildings) {
            if (!works.containsKey(id) && !comparisonGroup.contains(id)) {
                others.add(id);
            }
        }
        others.sort(Comparator.comparingLong((String id) -> hash(options.seed(), "uc3.validation", id))
                .thenComparing(Comparator.naturalOrder()));
        List<String> sample = new ArrayList<>(others.subList(0, Math.min(options.validationBuildings(), others.size())));
        sample.sort(Comparator.naturalOrder());
        for (String id : sample) {
            out.add(run(id, Assignment.VALIDATION, null, fakeDate(id, dataStart, dataEnd, options), dataEnd, options));
        }
        return out;
    }

    /** A works date and type. */
    public record Works(LocalDate date, String type) {
    }

    private static Assignment run(String id, String role, String type, LocalDate date, LocalDate dataEnd,
                                  Uc3Options options) {
        LocalDate end = date.plusDays(options.reportingDays());
        LocalDate dataEndExclusive = dataEnd.plusDays(1);
        if (end.isAfter(dataEndExclusive)) {
            end = dataEndExclusive;
        }
        if (!end.isAfter(date)) { // works after the data: an empty reporting period, reported as insufficient
            end = date.plusDays(1);
        }
        return new Assignment(id, role, type, date, date.minusDays(options.daily().baselineDays()), end);
    }

    /** A fake works date: uniform over the days leaving a full baseline and the minimum reporting days. */
    static LocalDate fakeDate(String id, LocalDate dataStart, LocalDate dataEnd, Uc3Options options) {
        LocalDate first = dataStart.plusDays(options.daily().baselineDays());
        LocalDate last = dataEnd.plusDays(1).minusDays(options.minReportingDays());
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        if (span <= 0) {
            return dataStart.plusDays(ChronoUnit.DAYS.between(dataStart, dataEnd) / 2 + 1);
        }
        double u = (hash(options.seed(), "uc3.placebo", id) >>> 11) * 0x1.0p-53;
        return first.plusDays((long) Math.floor(u * span));
    }

    /** A 64-bit hash of the seed, a purpose and an id (FNV-1a then a SplitMix64 finaliser). */
    static long hash(long seed, String purpose, String id) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : (purpose + "|" + id).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h += 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}

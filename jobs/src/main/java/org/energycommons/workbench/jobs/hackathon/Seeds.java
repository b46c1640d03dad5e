package org.energycommons.workbench.jobs.hackathon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The seeded draws of a pack: codes of the entities, the test entities of a task, the test days of a forecast.
 * Each draw is a SHA-256 hash of the seed, the task, a purpose and the item, so that it depends on nothing else
 * (not on the order rows come in, the machine or the number of partitions).
 */
public final class Seeds {

    /** Days between two test days of a forecast task: more than the longest lag (the 7-day level ends on D-8). */
    public static final int TEST_DAY_SPACING = 9;
    /** Share of the days, at the end, from which a forecast task's test days are drawn. */
    public static final double FORECAST_TEST_SHARE = 0.25;
    /** Share of the entities (buildings, dwellings) put in the test set of a non-forecast task. */
    public static final double ENTITY_TEST_SHARE = 0.3;

    private Seeds() {
    }

    /** A 64-bit draw from the seed, the task, a purpose and an item. */
    public static long draw(long seed, String task, String purpose, String item) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((seed + "|" + task + "|" + purpose + "|" + item).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> shuffled(Collection<String> items, long seed, String task, String purpose) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(items));
        Map<String, Long> key = new LinkedHashMap<>();
        sorted.forEach(s -> key.put(s, draw(seed, task, purpose, s)));
        sorted.sort(Comparator.<String, Long>comparing(key::get, Long::compareUnsigned)
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    /**
     * Pack-local codes of entities: {@code prefix} and a number in a seeded order, zero-padded to the same width
     * ({@code B01} .. {@code B27}). They do not link back to the lake's identifiers.
     */
    public static Map<String, String> codes(Collection<String> entities, long seed, String task, String prefix) {
        List<String> order = shuffled(entities, seed, task, "code");
        int width = Math.max(2, String.valueOf(order.size()).length());
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            codes.put(order.get(i), prefix + String.format("%0" + width + "d", i + 1));
        }
        return codes;
    }

    /**
     * The test entities of a task: {@link #ENTITY_TEST_SHARE} of them, rounded up, drawn from the seed; at least
     * one in each set.
     *
     * @throws IllegalArgumentException with fewer than two entities
     */
    public static Set<String> testEntities(Collection<String> entities, long seed, String task, String what) {
        List<String> order = shuffled(entities, seed, task, "test");
        if (order.size() < 2) {
            throw new IllegalArgumentException("task " + task + ": " + order.size() + " " + what
                    + " in the workspace, at least 2 are needed (one to train on, one to test)");
        }
        int n = (int) Math.ceil(ENTITY_TEST_SHARE * order.size());
        n = Math.max(1, Math.min(order.size() - 1, n));
        return new HashSet<>(order.subList(0, n));
    }

    /**
     * The split of a forecast task over its days: the first day of the test period (the last
     * {@link #FORECAST_TEST_SHARE} of the days) and the test days, one every {@link #TEST_DAY_SPACING} days from
     * an offset drawn from the seed, so that no test row's lags reach another test day.
     *
     * @param cut first day of the test period: training rows are the days before it
     * @param testDays the test days, ascending
     */
    public record TimeSplit(LocalDate cut, List<LocalDate> testDays) {
    }

    /**
     * Draws the time split of a forecast task.
     *
     * @throws IllegalArgumentException when the days leave no training day or no test day
     */
    public static TimeSplit timeSplit(SortedSet<LocalDate> days, long seed, String task) {
        List<LocalDate> all = new ArrayList<>(days);
        int cutIndex = (int) Math.floor((1 - FORECAST_TEST_SHARE) * all.size());
        if (all.isEmpty() || cutIndex < 1) {
            throw new IllegalArgumentException("task " + task + ": " + all.size()
                    + " days of features in the workspace, too few to train and test");
        }
        LocalDate cut = all.get(cutIndex);
        LocalDate last = all.get(all.size() - 1);
        // The offset stays within the test period, however short.
        long span = Math.min(TEST_DAY_SPACING, java.time.temporal.ChronoUnit.DAYS.between(cut, last) + 1);
        int offset = (int) Long.remainderUnsigned(draw(seed, task, "offset", ""), span);
        List<LocalDate> test = new ArrayList<>();
        for (LocalDate d = cut.plusDays(offset); !d.isAfter(last); d = d.plusDays(TEST_DAY_SPACING)) {
            if (days.contains(d)) {
                test.add(d);
            }
        }
        if (test.isEmpty()) {
            throw new IllegalArgumentException("task " + task + ": no test day after " + cut
                    + " (too few days of features in the workspace)");
        }
        return new TimeSplit(cut, test);
    }
}

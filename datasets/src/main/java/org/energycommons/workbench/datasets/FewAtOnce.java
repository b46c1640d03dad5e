package org.energycommons.workbench.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Spark work from a few driver threads at once: each item's step is a handful of small Spark jobs (a table's
 * statistics and file listings, a learner fitted on a few hundred rows) whose cost is mostly the driver's
 * scheduling, so a few at a time finish sooner than one by one on two cores. Spark runs jobs from several threads of
 * one session; the threads inherit the caller's job group, and the results come back in the order of the items.
 */
public final class FewAtOnce {

    /** Items worked on at once. */
    public static final int AT_ONCE = 4;

    private FewAtOnce() {
    }

    /** {@code step} applied to each item, a few at once; the first failure is thrown as it was. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> step) {
        if (items.size() <= 1) {
            return items.stream().map(step).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, items.size()));
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : running) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

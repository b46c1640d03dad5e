package org.energycommons.workbench.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work on a few tables at once from the driver: each table's step is a handful of small Spark jobs and file
 * listings that mostly wait, so four at a time finish sooner than one by one on two cores. Spark runs jobs from
 * several threads of one session; the results come back in the order of the items.
 */
public final class FewAtOnce {

    /** Tables worked on at once. */
    public static final int TABLES = 4;

    private FewAtOnce() {
    }

    /** {@code step} applied to each item, a few at once; the first failure is thrown as it was. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> step) {
        if (items.size() <= 1) {
            return items.stream().map(step).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(TABLES, items.size()));
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

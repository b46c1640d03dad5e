package org.energycommons.workbench.models.usecase;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import smile.stat.distribution.GaussianDistribution;

/**
 * A Smile fit run on one dedicated thread whose random generator is seeded first, so that the same seed gives the
 * same model.
 *
 * <p>Smile draws from a per-thread generator ({@code MathEx.setSeed} seeds the calling thread's only), and some of
 * its fits (the isolation forest) build their trees in a parallel stream, on whichever threads of the common pool
 * are free, each drawing from its own generator: the trees then depend on the scheduling, and two runs of the same
 * code on the same data differ. A parallel stream started from inside a {@link ForkJoinPool} of one thread, never
 * compensated by a spare, runs on that thread alone, in a fixed order, from the generator seeded here.
 *
 * <p>One more piece of state outlives a fit: Smile's shared standard normal ({@code GaussianDistribution
 * .getInstance()}, drawn by the isolation trees) keeps the second value of each Box–Muller pair for its next draw,
 * so a fit would start from what the previous fit left. It is forgotten before each fit, through reflection on its
 * private field, because Smile has no method for it (checked on Smile 3.1.1; a Smile without that field fails here
 * loudly rather than silently giving figures that change from run to run).
 */
public final class SeededFit {

    private SeededFit() {
    }

    private static void forgetSpareGaussian() {
        try {
            Field spare = GaussianDistribution.class.getDeclaredField("z1");
            spare.setAccessible(true);
            spare.setDouble(GaussianDistribution.getInstance(), Double.NaN);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reset Smile's shared Gaussian generator (GaussianDistribution.z1):"
                    + " this Smile version is not the one the workbench was checked on: " + e, e);
        }
    }

    /** Runs {@code fit} on a fresh thread seeded with {@code seed}, and returns what it returns. */
    public static <T> T run(long seed, Supplier<T> fit) {
        // One thread and never a spare: a pool adds a compensating thread when a task waits on another, and that
        // thread would draw from an unseeded generator.
        ForkJoinPool pool = new ForkJoinPool(1, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false, 1, 1, 1,
                p -> true, 60, TimeUnit.SECONDS);
        try {
            return pool.submit(() -> {
                smile.math.MathEx.setSeed(seed);
                forgetSpareGaussian();
                return fit.get();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}

package org.energycommons.workbench.jobs;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What the stages of a run read, wrote and held: rows and bytes read and written by Spark's tasks, summed from
 * their task metrics, and the most heap still in use after a garbage collection.
 *
 * <p>Rows read are the records Spark's tasks read from files and from Spark's cache (a persisted dataset read again
 * counts again): a table read twice counts twice, so the figure shows repeated reads as well as the size of the
 * inputs; the actions of the Delta logs read add a few. Rows a model reads on the driver (after a collect) are not
 * in it. The heap after a collection is the best figure the JVM gives of what a stage really holds: the heap
 * in use at any moment also holds garbage no collection has yet reclaimed, and grows towards the maximum whatever
 * the work. After a young collection the old generation can still hold garbage, so the figure is an upper bound of
 * the live data, never below it.
 */
public final class StageMeter extends SparkListener implements AutoCloseable {

    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong heapAfterGcMax = new AtomicLong();
    private final AtomicLong heapAfterLastGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = this::onGc;
    private SparkContext spark;

    /** Starts listening to the JVM's garbage collections. */
    public StageMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts listening to the tasks of this Spark context. */
    public void attach(SparkContext context) {
        this.spark = context;
        context.addSparkListener(this);
    }

    /** What was counted so far; {@link #startStage()} resets the heap figure. */
    public record Counts(long rowsRead, long bytesRead, long rowsWritten, long bytesWritten, long heapAfterGcMaxMb) {

        /** The counts since {@code before} (the heap figure is this one's: it was reset when the stage began). */
        public Counts since(Counts before) {
            return new Counts(rowsRead - before.rowsRead, bytesRead - before.bytesRead,
                    rowsWritten - before.rowsWritten, bytesWritten - before.bytesWritten, heapAfterGcMaxMb);
        }
    }

    /** Marks the start of a stage: the heap figure starts again from what the last collection left. */
    public Counts startStage() {
        settle();
        heapAfterGcMax.set(heapAfterLastGc.get());
        return counts();
    }

    /** The counts now, once Spark has delivered the events of the tasks already finished. */
    public Counts endStage() {
        settle();
        return counts();
    }

    private Counts counts() {
        return new Counts(rowsRead.get(), bytesRead.get(), rowsWritten.get(), bytesWritten.get(),
                heapAfterGcMax.get() / (1024 * 1024));
    }

    /**
     * Waits (at most 10 s) until Spark's listener bus has delivered every event already posted: task-end events
     * arrive asynchronously, and a stage's last tasks would otherwise count in the next stage.
     */
    private void settle() {
        if (spark != null && !spark.isStopped()) {
            try {
                spark.listenerBus().waitUntilEmpty(10_000);
            } catch (TimeoutException e) {
                // A busy bus: the last events of the stage count in the next one; the totals stay right.
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics m = taskEnd.taskMetrics();
        if (m != null) {
            rowsRead.addAndGet(m.inputMetrics().recordsRead());
            bytesRead.addAndGet(m.inputMetrics().bytesRead());
            rowsWritten.addAndGet(m.outputMetrics().recordsWritten());
            bytesWritten.addAndGet(m.outputMetrics().bytesWritten());
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long after = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (usage != null && pool.getType() == java.lang.management.MemoryType.HEAP) {
                after += usage.getUsed();
            }
        }
        heapAfterLastGc.set(after);
        heapAfterGcMax.accumulateAndGet(after, Math::max);
    }

    /** Stops listening to Spark and to the garbage collector. */
    @Override
    public void close() {
        if (spark != null) {
            spark.removeSparkListener(this);
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException e) {
                // already removed
            }
        }
        emitters.clear();
    }
}

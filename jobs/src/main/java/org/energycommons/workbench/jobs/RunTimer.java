package org.energycommons.workbench.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time of each stage of a run, with the rows and bytes its Spark tasks read and wrote and the heap it held
 * ({@link StageMeter}), and the process's peak memory: {@code DIR/metrics/run.json}.
 */
public final class RunTimer implements AutoCloseable {

    private final Instant started = Instant.now();
    private final long t0 = System.nanoTime();
    private final List<Map<String, Object>> stages = new ArrayList<>();
    private final StageMeter meter = new StageMeter();

    /** Counts the rows of this Spark context's tasks from now on (the stages before it count none). */
    public void attach(org.apache.spark.SparkContext spark) {
        meter.attach(spark);
    }

    /** Runs a stage and records its wall time, rows and bytes read and written, and heap held. */
    public <T> T stage(String name, Supplier<T> work) {
        StageMeter.Counts before = meter.startStage();
        long t = System.nanoTime();
        T result = work.get();
        double seconds = (System.nanoTime() - t) / 1e9;
        StageMeter.Counts c = meter.endStage().since(before);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("seconds", round(seconds));
        s.put("rows_read", c.rowsRead());
        s.put("rows_written", c.rowsWritten());
        s.put("rows_per_second", seconds > 0 ? Math.round((c.rowsRead() + c.rowsWritten()) / seconds) : 0);
        s.put("mb_read", c.bytesRead() / (1024 * 1024));
        s.put("mb_written", c.bytesWritten() / (1024 * 1024));
        s.put("heap_after_gc_max_mb", c.heapAfterGcMaxMb());
        stages.add(s);
        return result;
    }

    /** The recorded stages. */
    public List<Map<String, Object>> stages() {
        return List.copyOf(stages);
    }

    /** Seconds since the timer started. */
    public double totalSeconds() {
        return round((System.nanoTime() - t0) / 1e9);
    }

    /** The run document. */
    public Map<String, Object> document(Map<String, Object> extra) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("started", started.toString());
        doc.putAll(extra);
        doc.put("stages", stages());
        doc.put("total_seconds", totalSeconds());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("peak_rss_mb", peakRssMb());
        memory.put("peak_heap_used_mb", peakHeapMb());
        memory.put("heap_after_gc_max_mb", stages.stream()
                .mapToLong(st -> (Long) st.get("heap_after_gc_max_mb")).max().orElse(0));
        memory.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        doc.put("memory", memory);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("available_processors", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
        doc.put("machine", machine);
        return doc;
    }

    /** Peak resident memory of this process (Linux VmHWM), MiB; -1 where unknown. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Sum of the peak usage of the heap memory pools, MiB. */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    /** Stops counting (the listeners go). */
    @Override
    public void close() {
        meter.close();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}

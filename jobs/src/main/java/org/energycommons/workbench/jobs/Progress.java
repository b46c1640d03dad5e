package org.energycommons.workbench.jobs;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of long work on the terminal, driven by Spark's scheduler events: on a terminal, one line redrawn in
 * place (step, stage, tasks done/total, elapsed); otherwise plain log lines, one per step and one per Spark job
 * that took more than two seconds.
 */
public final class Progress extends SparkListener implements AutoCloseable {

    /** How progress is shown. */
    public enum Mode {
        /** A line redrawn in place. */
        TERMINAL,
        /** Plain lines, for logs and CI. */
        PLAIN,
        /** Nothing but step lines. */
        QUIET
    }

    private final PrintWriter err;
    private final Mode mode;
    private final Map<Integer, int[]> stages = new ConcurrentHashMap<>();
    private final Map<Integer, Long> jobStarts = new ConcurrentHashMap<>();
    private final AtomicInteger tasksDone = new AtomicInteger();
    private final AtomicLong stepStart = new AtomicLong(System.nanoTime());
    private volatile String step = "starting";
    private volatile boolean lineDrawn;
    private final Thread painter;

    public Progress(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
        if (mode == Mode.TERMINAL) {
            painter = new Thread(this::paintLoop, "workbench-progress");
            painter.setDaemon(true);
            painter.start();
        } else {
            painter = null;
        }
    }

    /** The mode for this process: {@code WORKBENCH_PROGRESS} if set, else terminal when there is a console. */
    public static Mode detect() {
        String forced = System.getenv("WORKBENCH_PROGRESS");
        if (forced != null && !forced.isBlank()) {
            return switch (forced.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "terminal" -> Mode.TERMINAL;
                case "off", "quiet" -> Mode.QUIET;
                default -> Mode.PLAIN;
            };
        }
        return System.console() != null ? Mode.TERMINAL : Mode.PLAIN;
    }

    /** Starts a named step: printed as a line, then shown on the progress line. */
    public synchronized void step(String name) {
        clearLine();
        step = name;
        stepStart.set(System.nanoTime());
        tasksDone.set(0);
        err.println("» " + name);
        err.flush();
    }

    /** Prints an informational line (cleared from under the progress line). */
    public synchronized void info(String line) {
        clearLine();
        err.println("  " + line);
        err.flush();
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobStarts.put(jobStart.jobId(), System.nanoTime());
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        Long start = jobStarts.remove(jobEnd.jobId());
        if (mode == Mode.PLAIN && start != null) {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds > 2) {
                synchronized (this) {
                    err.printf("  [%s] spark job %d done in %.1f s (%s)%n", step, jobEnd.jobId(), seconds,
                            elapsed());
                    err.flush();
                }
            }
        }
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        stages.put(submitted.stageInfo().stageId(), new int[] {0, submitted.stageInfo().numTasks()});
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        stages.remove(completed.stageInfo().stageId());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        int[] s = stages.get(taskEnd.stageId());
        if (s != null) {
            synchronized (s) {
                s[0]++;
            }
        }
        tasksDone.incrementAndGet();
    }

    /** The current progress line. */
    String line() {
        int done = 0;
        int total = 0;
        int lastStage = -1;
        for (Map.Entry<Integer, int[]> e : stages.entrySet()) {
            done += e.getValue()[0];
            total += e.getValue()[1];
            lastStage = Math.max(lastStage, e.getKey());
        }
        String stage = lastStage < 0 ? "waiting" : "stage " + lastStage + (stages.size() > 1
                ? " (+" + (stages.size() - 1) + ")" : "");
        return String.format("  ▸ %s │ %s │ tasks %d/%d │ %d done in step │ %s", step, stage, done, total,
                tasksDone.get(), elapsed());
    }

    private String elapsed() {
        Duration d = Duration.ofNanos(System.nanoTime() - stepStart.get());
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private void paintLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (this) {
                String l = line();
                err.print("\r" + l + " ".repeat(Math.max(0, 100 - l.length())));
                err.flush();
                lineDrawn = true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void clearLine() {
        if (lineDrawn) {
            err.print("\r" + " ".repeat(110) + "\r");
            lineDrawn = false;
        }
    }

    @Override
    public synchronized void close() {
        if (painter != null) {
            painter.interrupt();
        }
        clearLine();
        err.flush();
    }
}

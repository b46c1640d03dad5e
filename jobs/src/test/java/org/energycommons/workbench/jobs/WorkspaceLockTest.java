package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second writer on a workspace stops with one line naming the holder (exit 5) or waits with {@code --wait};
 * readers never wait; a lock left by a killed process is taken over. The holder is another JVM, as a user's other
 * command would be.
 */
class WorkspaceLockTest {

    @TempDir
    Path dir;

    private Process holder;

    /** A child JVM that takes the workspace's lock as {@code holder-test} and keeps it until it is killed. */
    public static void main(String[] args) throws Exception {
        WorkspaceLock lock = WorkspaceLock.acquire(Path.of(args[0]), "holder-test", false, m -> { });
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        lock.close();
    }

    private Process startHolder() throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), WorkspaceLockTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("locked")) {
            // JVM warnings before the holder's line
        }
        assertEquals("locked", line, "the holder JVM took the lock");
        return p;
    }

    @AfterEach
    void stopHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondWriterStopsWithOneLineNamingTheHolder() throws Exception {
        holder = startHolder();
        CliRunner train = CliRunner.run("train", "uc1", "--out", dir.toString());
        assertEquals(Main.EXIT_BUSY, train.code());
        assertEquals(1, train.errorLines().size(), train.err());
        String line = train.errorLines().get(0);
        assertTrue(line.startsWith("workbench: error: workspace " + dir + " is in use by 'holder-test' (pid "
                + holder.pid() + ", since "), line);
        assertTrue(line.endsWith("run again with --wait"), line);
    }

    @Test
    void readersNeverWait() throws Exception {
        holder = startHolder();
        CliRunner list = CliRunner.run("list", "usecases", "--out", dir.toString());
        assertEquals(0, list.code(), list.err());
    }

    @Test
    void aWaitingWriterGoesOnWhenTheHolderEndsAndTakesOverTheLockOfAKilledOne() throws Exception {
        holder = startHolder();
        List<String> said = new CopyOnWriteArrayList<>();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<WorkspaceLock> waiting = waiter.submit(() -> WorkspaceLock.acquire(dir, "train uc4", true,
                    said::add));
            Thread.sleep(3 * WorkspaceLock.RETRY_MILLIS);
            assertTrue(!waiting.isDone(), "it waits while the holder lives");
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            try (WorkspaceLock lock = waiting.get(30, TimeUnit.SECONDS)) {
                assertEquals("train uc4", WorkspaceLock.holder(dir).command());
                assertEquals(ProcessHandle.current().pid(), WorkspaceLock.holder(dir).pid());
            }
        } finally {
            waiter.shutdownNow();
        }
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("waiting for 'holder-test' (pid " + holder.pid()), said.get(0));
        assertTrue(said.get(1).startsWith("taking the lock of 'holder-test' (pid " + holder.pid()), said.get(1));
        assertTrue(said.get(1).endsWith("which ended without releasing it"), said.get(1));
    }

    @Test
    void closingReleasesAndClearsTheHolder() throws Exception {
        try (WorkspaceLock lock = WorkspaceLock.acquire(dir, "publish", false, m -> { })) {
            assertEquals("publish", WorkspaceLock.holder(dir).command());
        }
        assertNull(WorkspaceLock.holder(dir), "no holder once released");
        List<String> said = new CopyOnWriteArrayList<>();
        WorkspaceLock.acquire(dir, "train uc1", false, said::add).close();
        assertEquals(List.of(), said, "a released lock is not reported as a killed command's");
    }
}

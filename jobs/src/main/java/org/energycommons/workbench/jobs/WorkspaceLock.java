package org.energycommons.workbench.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The lock a command that writes takes on its workspace, so that two writers (a user starting {@code train} while
 * {@code demo} runs) never interleave their writes: an operating-system file lock on {@code DIR/.workbench.lock}.
 *
 * <p>The lock file also says who holds the lock (command, pid, start time), for the second writer's message. The
 * operating system releases the lock when its process ends, however it ends; a holder line left by a process that
 * was killed is therefore stale, and the next writer takes the lock and says whose it was. Commands that only read
 * ({@code list}) take no lock and never wait.
 */
public final class WorkspaceLock implements AutoCloseable {

    /** The lock file, in the workspace folder. */
    public static final String FILE = ".workbench.lock";

    /** How often a waiting writer tries again. */
    static final long RETRY_MILLIS = 500;

    private final FileChannel channel;
    private final FileLock lock;

    /**
     * Who holds (or held) a workspace's lock.
     *
     * @param command   the command line's command, e.g. {@code train uc4}
     * @param pid       its process id
     * @param startedAt when it took the lock, ISO-8601
     */
    public record Holder(String command, long pid, String startedAt) {

        /** The holder of this process. */
        static Holder of(String command) {
            return new Holder(command, ProcessHandle.current().pid(), Instant.now().toString());
        }

        String line() {
            return command.replace('\t', ' ').replace('\n', ' ') + "\t" + pid + "\t" + startedAt + "\n";
        }

        /** The holder a lock file names; null when it names none (empty or unreadable). */
        static Holder parse(String text) {
            String[] f = text.strip().split("\t");
            if (f.length != 3) {
                return null;
            }
            try {
                return new Holder(f[0], Long.parseLong(f[1]), f[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** For a message: {@code 'train uc4' (pid 4242, since 2026-12-06 19:59:31 UTC)}. */
        public String describe() {
            return "'" + command + "' (pid " + pid + ", since " + org.energycommons.workbench.reports.render.Formats
                    .timestamp(startedAt) + ")";
        }
    }

    /** Another command writes to the workspace: the second writer stops with one line (exit 5) unless it waits. */
    public static final class BusyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BusyException(Path dir, Holder holder) {
            super("workspace " + dir + " is in use by " + (holder == null ? "another command" : holder.describe())
                    + "; wait for it to end, or run again with --wait");
        }
    }

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the workspace's lock for a command.
     *
     * @param dir     the workspace folder (created if missing)
     * @param command what the holder line names, e.g. {@code train uc4}
     * @param wait    whether to wait for the holder to end instead of failing
     * @param say     where to say that this command waits, or that it takes a stale lock
     * @return the lock, to close when the command ends
     * @throws BusyException when another process holds the lock and {@code wait} is false
     */
    public static WorkspaceLock acquire(Path dir, String command, boolean wait, Consumer<String> say)
            throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            boolean said = false;
            while (lock == null) {
                Holder holder = Holder.parse(read(channel));
                if (!wait) {
                    throw new BusyException(dir, holder);
                }
                if (!said) {
                    say.accept("waiting for " + (holder == null ? "another command" : holder.describe())
                            + " to release workspace " + dir);
                    said = true;
                }
                Thread.sleep(RETRY_MILLIS);
                lock = tryLock(channel);
            }
            Holder previous = Holder.parse(read(channel));
            if (previous != null) {
                // The OS released that holder's lock when its process ended, but it did not clear its line: killed.
                say.accept("taking the lock of " + previous.describe() + ", which ended without releasing it");
            }
            write(channel, Holder.of(command).line());
            return new WorkspaceLock(channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new IOException("interrupted while waiting for workspace " + dir, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The holder of a workspace's lock, as its lock file names it; null when none. */
    public static Holder holder(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        return Files.exists(file) ? Holder.parse(Files.readString(file, StandardCharsets.UTF_8)) : null;
    }

    /** The lock, or null when another process holds it; a lock this process already holds counts as held. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static void write(FileChannel channel, String text) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    /** Clears the holder line, then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            channel.force(true);
            lock.release();
        } finally {
            channel.close();
        }
    }
}

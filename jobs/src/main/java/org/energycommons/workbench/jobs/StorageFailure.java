package org.energycommons.workbench.jobs;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write the disk refused: the disk is full, the workspace is on a read-only file system, or a file is out of
 * this user's rights. Spark, Hadoop and Parquet wrap such a failure several layers deep, under a task failure that
 * names the table; this finds it and says it as one line a user can act on.
 *
 * @param kind what the disk refused
 * @param where the file or table being written, as the failure names it ("the workspace" when none does)
 */
public record StorageFailure(Kind kind, String where) {

    /** What the disk refused. */
    public enum Kind {
        /** No space left on the device. */
        FULL,
        /** A read-only file system. */
        READ_ONLY,
        /** A file or folder this user may not read or write. */
        DENIED
    }

    private static final Pattern WRITING = Pattern.compile("writing rows to (file:\\S+?)\\.?( |$)");

    /** The storage failure under {@code t}, if one caused it. */
    public static Optional<StorageFailure> of(Throwable t) {
        Kind kind = null;
        String where = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && seen.put(c, true) == null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage());
            if (where == null) {
                Matcher m = WRITING.matcher(message);
                if (m.find()) {
                    where = m.group(1).replaceFirst("^file:", "");
                }
            }
            if (c instanceof FileSystemException f && f.getFile() != null && where == null) {
                where = f.getFile();
            }
            if (message.contains("No space left on device")) {
                kind = Kind.FULL;
            } else if (kind == null && message.contains("Read-only file system")) {
                kind = Kind.READ_ONLY;
            } else if (kind == null && c instanceof AccessDeniedException) {
                kind = Kind.DENIED;
            }
        }
        return kind == null ? Optional.empty()
                : Optional.of(new StorageFailure(kind, where == null ? "the workspace" : where));
    }

    /** The line the user reads. */
    public String message() {
        return switch (kind) {
            case FULL -> "the disk is full (no space left on device) while writing " + where
                    + ": every table keeps its last committed version; free some space and run the command again";
            case READ_ONLY -> "cannot write " + where + ": read-only file system; commands that write need a "
                    + "writable workspace ('list' and 'verify' only read)";
            case DENIED -> "permission denied on " + where + ": this user may not use it (check its owner and "
                    + "rights)";
        };
    }
}

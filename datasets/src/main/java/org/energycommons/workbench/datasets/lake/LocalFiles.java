package org.energycommons.workbench.datasets.lake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Files and folders of a workspace on the local disk: a file written whole or not at all, a folder copied or
 * deleted with everything in it. Written by hand: the JDK has no recursive copy or delete, and the libraries
 * that have one (commons-io) do not write through a temporary name.
 */
public final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * Writes bytes, replacing the file, whole or not at all: to a temporary file beside it, then renamed into
     * place. A process killed, or a disk full, while writing leaves the former file (or none), never a part; the
     * temporary file is removed when the write fails.
     */
    public static void writeWhole(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies a folder and everything in it to {@code to}, replacing files already there. */
    public static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, p -> true);
    }

    /** Copies the files of a folder for which {@code keep} holds (their folders always) to {@code to}. */
    public static void copyTree(Path from, Path to, Predicate<Path> keep) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (keep.test(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

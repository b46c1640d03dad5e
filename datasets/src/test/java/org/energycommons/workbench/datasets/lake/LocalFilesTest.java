package org.energycommons.workbench.datasets.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aWriteReplacesTheFileWholeAndAFailedOneLeavesTheFormerFileAndNoTemporaryFile(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("metrics/uc1.json");
        LocalFiles.writeWhole(file, "{\"v\": 1}".getBytes(StandardCharsets.UTF_8));
        LocalFiles.writeWhole(file, "{\"v\": 2}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"v\": 2}", Files.readString(file));

        // A folder in the way: the rename fails after the temporary file was written.
        Path blocked = dir.resolve("metrics/uc2.json");
        Files.createDirectories(blocked.resolve("inside"));
        assertThrows(IOException.class, () -> LocalFiles.writeWhole(blocked, new byte[] {1, 2, 3}));
        assertEquals(List.of("uc1.json"), names(dir.resolve("metrics")));
    }

    @Test
    void aFolderIsCopiedWithTheKeptFilesAndDeletedWhole(@TempDir Path dir) throws IOException {
        Path from = dir.resolve("from");
        Files.createDirectories(from.resolve("lake/silver/t/_delta_log"));
        Files.writeString(from.resolve("lake/silver/t/_delta_log/00000000000000000000.json"), "{}");
        Files.writeString(from.resolve(".workbench.lock"), "");
        Files.createDirectories(from.resolve("site"));

        Path to = dir.resolve("to");
        LocalFiles.copyTree(from, to, p -> !p.getFileName().toString().equals(".workbench.lock"));
        assertEquals(List.of("lake/silver/t/_delta_log/00000000000000000000.json"), names(to));
        assertEquals(true, Files.isDirectory(to.resolve("site")));

        LocalFiles.deleteTree(to);
        assertFalse(Files.exists(to));
        LocalFiles.deleteTree(to); // nothing there: nothing to do
    }
}

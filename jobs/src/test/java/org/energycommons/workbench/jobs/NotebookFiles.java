package org.energycommons.workbench.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Jupyter notebooks of {@code notebooks-java/} as files: where they are and what their cells hold. */
final class NotebookFiles {

    private NotebookFiles() {
    }

    /** The notebooks of {@code ROOT/notebooks-java/}, by name. */
    static List<Path> notebooks(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("notebooks-java"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** A cell's source as one string (nbformat stores it as a string or a list of lines). */
    static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (!source.isArray()) {
            return source.asText();
        }
        StringBuilder s = new StringBuilder();
        source.forEach(line -> s.append(line.asText()));
        return s.toString();
    }
}

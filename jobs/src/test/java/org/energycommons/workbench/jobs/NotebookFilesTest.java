package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks of {@code notebooks-java/}: the expected set, on the {@code workbench-java} kernel, with
 * their outputs cleared (no outputs, no execution counts), so git holds code and text only. {@code NotebooksIT}
 * executes them.
 */
class NotebookFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theNotebooksAreTheStartOneEachUseCaseAndTheHackathon() throws Exception {
        List<String> names = NotebookFiles.notebooks(ROOT).stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 8, names.toString());
        assertTrue(names.contains("00-start-here.ipynb"), names.toString());
        for (int uc = 1; uc <= 6; uc++) {
            String prefix = String.format("%02d-uc%d-", uc, uc);
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), prefix + " missing: " + names);
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("07-hackathon")), names.toString());
    }

    @Test
    void everyNotebookIsCommittedWithoutOutputsOnTheWorkbenchKernel() throws Exception {
        for (Path nb : NotebookFiles.notebooks(ROOT)) {
            JsonNode doc = Json.mapper().readTree(nb.toFile());
            String name = nb.getFileName().toString();
            assertEquals(4, doc.path("nbformat").asInt(), name);
            assertEquals(NotebooksIT.KERNEL, doc.path("metadata").path("kernelspec").path("name").asText(), name);
            JsonNode cells = doc.path("cells");
            assertTrue(cells.size() > 2, name);
            assertEquals("markdown", cells.get(0).path("cell_type").asText(), name + " opens with its text");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                String where = name + ", cell " + (i + 1);
                if ("code".equals(cell.path("cell_type").asText())) {
                    assertTrue(cell.path("outputs").isArray() && cell.path("outputs").isEmpty(),
                            where + " has outputs: clear them before committing (docs/notebooks.md)");
                    assertTrue(cell.path("execution_count").isNull(), where + " has an execution count");
                    assertTrue(!cell.path("metadata").has("execution"), where + " keeps its execution times");
                }
                assertTrue(!NotebookFiles.source(cell).isBlank(), where + " is empty");
            }
        }
    }
}

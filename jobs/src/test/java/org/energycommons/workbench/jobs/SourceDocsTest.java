package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** datasets/README.md documents every source exactly as the connectors describe themselves. */
class SourceDocsTest {

    @Test
    void theDatasetsReadmeEmbedsTheGeneratedSourceReference() throws Exception {
        String readme = Files.readString(Path.of("..", "datasets", "README.md"));
        String start = "<!-- generated: ./workbench list sources --markdown (a test checks this section is up to date) -->\n";
        String end = "<!-- end of generated section -->";
        assertTrue(readme.contains(start) && readme.contains(end), "markers missing");
        String section = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end));
        assertEquals(SourceDocs.markdown(), section,
                "datasets/README.md is out of date: regenerate it with './workbench list sources --markdown'");
    }
}

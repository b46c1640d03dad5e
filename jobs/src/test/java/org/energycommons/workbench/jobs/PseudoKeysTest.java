package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoKeysTest {

    @Test
    void aSyntheticWorkspaceWithoutKeyGetsOneOnceAndKeepsIt(@TempDir Path out) throws Exception {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), Progress.Mode.PLAIN);
        Workspace ws = Workspace.of(out, null);
        String first = PseudoKeys.forSynthetic(ws, progress, null).pseudonym("25000000000003");
        String second = PseudoKeys.forSynthetic(ws, progress, null).pseudonym("25000000000003");
        assertEquals(first, second, "re-runs must give the same pseudonyms");
        Path key = out.resolve(".secrets/pseudo.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String text = err.toString();
        assertEquals(1, text.split("generated a pseudonymisation key").length - 1, text);
        assertFalse(text.contains(Files.readString(key).strip()), "the key is never printed");
        assertTrue(text.contains(key.toString()));
    }
}

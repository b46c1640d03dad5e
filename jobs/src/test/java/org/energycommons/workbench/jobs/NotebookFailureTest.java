package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code NotebooksIT} reports a failing notebook: the notebook, the cell's position and first line, the error. */
class NotebookFailureTest {

    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# Titre\\n", "Title"]},
              {"cell_type": "code", "id": "b", "execution_count": null, "metadata": {}, "outputs": [],
               "source": ["int x = 1;"]},
              {"cell_type": "code", "id": "c", "execution_count": null, "metadata": {}, "outputs": [],
               "source": ["// boom\\n", "throw new IllegalStateException(\\"boom\\");"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    /** The end of nbconvert's output when a cell fails on the workbench-java kernel (colours included). */
    private static final String OUTPUT = """
            [NbConvertApp] Converting notebook x.ipynb to notebook
            Traceback (most recent call last):
              File "/usr/lib/python3/dist-packages/nbclient/client.py", line 915, in _check_raise_for_error
            nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:
            ------------------
            // boom
            throw new IllegalStateException("boom");
            ------------------

            \u001B[0m\u001B[1m\u001B[31mjava.lang.IllegalStateException: boom
            \u001B[0m
            \u001B[0m\u001B[1m\u001B[34m   at .(#25:1)\u001B[0m
            \u001B[0m\u001B[0m\u001B[1m|--> throw new IllegalStateException("boom");\u001B[0m
            EvalException: boom
            """;

    @Test
    void aFailingCellIsNamedByItsPositionAndFirstLineWithItsError(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("01-x.ipynb");
        Files.writeString(nb, NOTEBOOK);
        Path log = dir.resolve("01-x.log");
        assertEquals("""
                01-x.ipynb: cell 3 failed (// boom):
                java.lang.IllegalStateException: boom
                |--> throw new IllegalStateException("boom");
                EvalException: boom
                (log: %s)""".formatted(log), NotebooksIT.failure(nb, OUTPUT, log));
    }

    @Test
    void aKernelThatNeverStartsShowsTheEndOfTheLog(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("01-x.ipynb");
        Files.writeString(nb, NOTEBOOK);
        Path log = dir.resolve("01-x.log");
        assertEquals("01-x.ipynb: nbconvert failed (log: " + log + "):\n"
                + "[NbConvertApp] Converting notebook x.ipynb to notebook\n"
                + "RuntimeError: Kernel didn't respond in 300 seconds",
                NotebooksIT.failure(nb, "[NbConvertApp] Converting notebook x.ipynb to notebook\n"
                        + "RuntimeError: Kernel didn't respond in 300 seconds\n", log));
    }
}

package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The result file option, {@code --report FILE.json}, and the writing of JSON files all at once: written to a
 * temporary file beside the target, then moved over it, so that a reader never sees half a file.
 */
public final class ReportFile {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path file;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "JSON file of the result (benchmarks: default DIR/bench/<benchmark>.json).")
    void file(Path value) {
        if (Files.isDirectory(value)) {
            throw new ParameterException(command.commandLine(),
                    "--report " + value + " is a folder; give the JSON file, e.g. --report " + value.resolve(
                            command.name() + ".json"));
        }
        this.file = value;
    }

    /** The file given with {@code --report}, if any. */
    Optional<Path> given() {
        return Optional.ofNullable(file);
    }

    /** Writes {@code text} to {@code target} (creating its folder) through a temporary file and a move. */
    static void write(Path target, String text) throws IOException {
        LocalFiles.writeWhole(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

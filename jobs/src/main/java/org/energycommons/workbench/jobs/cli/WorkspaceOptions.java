package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The workspace folder option, {@code --out DIR}: the lake, site, metrics and benchmark reports go under it. */
public final class WorkspaceOptions {

    /** The workspace when {@code --out} is not given. */
    static final Path DEFAULT = Path.of("out");

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", converter = Utf8Path.class,
            description = "Workspace folder: lake at DIR/lake, site at DIR/site, metrics at DIR/metrics, benchmark "
                    + "reports at DIR/bench (default: ${DEFAULT-VALUE}).")
    Path out;

    /**
     * A path given on the command line, refused when it is not valid UTF-8: the JVM reads such bytes as a
     * replacement character, and the workspace would land in a folder of another name than the one typed.
     */
    static final class Utf8Path implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.indexOf('\uFFFD') >= 0) {
                throw new TypeConversionException("'" + value.replace('\uFFFD', '?') + "' is not valid UTF-8: "
                        + "choose a folder whose name is (the workbench reads names as UTF-8)");
            }
            return Path.of(value);
        }
    }

    /** The workspace folder, {@code --out}. */
    public Path out() {
        return out;
    }
}

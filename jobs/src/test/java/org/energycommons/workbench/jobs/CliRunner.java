package org.energycommons.workbench.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Drives the CLI in-process as a user would and keeps what it printed. */
record CliRunner(int code, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** Lines of standard error that are errors (progress lines start with "»" or spaces). */
    List<String> errorLines() {
        return Arrays.stream(err.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("»") && !l.startsWith("  "))
                .toList();
    }
}

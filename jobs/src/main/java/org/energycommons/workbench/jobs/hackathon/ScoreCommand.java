package org.energycommons.workbench.jobs.hackathon;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.energycommons.workbench.jobs.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench hackathon score}: checks a submission and prints its score; may record it for a team. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Check a submission (columns, ids, values) and print its score on the task's metric. A fault "
                + "is one line and exit code 2.")
public final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "The task id.")
    String task;

    @Option(names = "--submission", required = true, paramLabel = "FILE", description = "The submission CSV.")
    Path submission;

    @Option(names = "--key", required = true, paramLabel = "DIR",
            description = "The key folder written by 'hackathon pack' (DIR/key).")
    Path key;

    @Option(names = "--team", paramLabel = "NAME", description = "The team, with --record.")
    String team;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Append the score to DIR/scores.csv, which 'hackathon leaderboard --dir DIR' reads.")
    Path record;

    @Option(names = "--verbose", description = "Print stack traces of errors (also WORKBENCH_DEBUG=1).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (record != null) {
            Scores.team(team);
        } else if (team != null) {
            throw new IllegalArgumentException("--team goes with --record DIR (where the score is recorded)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Score score;
        try {
            score = Scorer.score(key, task, submission);
        } catch (MissingKeyException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("workbench: error: " + e.getMessage());
            err.flush();
            return Main.EXIT_MISSING_INPUT;
        }
        out.println(score.line());
        if (record != null) {
            Path file = Scores.append(record, team, score);
            out.println("recorded for team " + team.strip() + " in " + file);
        }
        return 0;
    }
}

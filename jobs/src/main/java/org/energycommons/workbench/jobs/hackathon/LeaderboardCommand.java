package org.energycommons.workbench.jobs.hackathon;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.energycommons.workbench.datasets.lake.LocalFiles;
import org.energycommons.workbench.jobs.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench hackathon leaderboard}: ranks the recorded scores with the baselines, as HTML and JSON. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "Rank each team's best recorded score per task with the task's baseline; write "
                + "DIR/leaderboard.html (French, then English) and DIR/leaderboard.json.")
public final class LeaderboardCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "The hackathon folder: DIR/pack (cards), DIR/key (to recompute the baselines), "
                    + "DIR/scores.csv.")
    Path dir;

    @Option(names = "--verbose", description = "Print stack traces of errors (also WORKBENCH_DEBUG=1).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Leaderboard.Board> boards;
        try {
            boards = Leaderboard.rank(dir, w -> {
                err.println("workbench: warning: " + w);
                err.flush();
            });
        } catch (MissingKeyException e) {
            err.println("workbench: error: " + e.getMessage());
            err.flush();
            return Main.EXIT_MISSING_INPUT;
        }
        LocalFiles.writeWhole(dir.resolve(Leaderboard.JSON), Leaderboard.json(boards));
        LocalFiles.writeWhole(dir.resolve(Leaderboard.HTML), Leaderboard.html(boards));
        for (Leaderboard.Board b : boards) {
            Leaderboard.Entry first = b.entries().get(0);
            out.printf("%-22s %-9s baseline %-12s first %s (%s), %d team(s)%n", b.task(), b.metric(),
                    Csv.number(b.baselineScore(), 4), first.team(), Csv.number(first.score(), 4),
                    b.entries().size() - 1);
        }
        out.println("wrote " + dir.resolve(Leaderboard.HTML) + " and " + dir.resolve(Leaderboard.JSON));
        return 0;
    }
}

package org.energycommons.workbench.jobs.hackathon;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code workbench hackathon}: frozen tasks for hackathon teams. {@code pack} writes each task's files and, apart,
 * its answer key; {@code score} checks and scores a submission; {@code leaderboard} ranks the recorded scores.
 */
@Command(name = "hackathon", mixinStandardHelpOptions = true,
        description = "Frozen hackathon tasks: pack them from a workspace, score a submission, render the "
                + "leaderboard.",
        subcommands = {PackCommand.class, ScoreCommand.class, LeaderboardCommand.class})
public final class HackathonCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (pack, score, leaderboard)");
    }
}

package org.energycommons.workbench.jobs.hackathon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.datasets.lake.LocalFiles;

/**
 * The scores file of a hackathon, {@code DIR/scores.csv}, that {@code score --record DIR} appends to and the
 * leaderboard reads: one row per scored submission (UTC time, team, task, metric, score, rows scored, SHA-256 of
 * the submission). An append rewrites the file under a lock to a temporary name and renames it.
 */
public final class Scores {

    /** The file name under the hackathon folder. */
    public static final String FILE = "scores.csv";
    /** Its header. */
    public static final List<String> HEADER = List.of("recorded_at", "team", "task", "metric", "score", "rows",
            "submission_sha256");
    /** Longest team name. */
    public static final int MAX_TEAM = 60;

    private Scores() {
    }

    /**
     * A recorded score.
     *
     * @param recordedAt UTC time, {@code yyyy-MM-ddTHH:mm:ssZ}
     * @param team the team
     * @param task the task id
     * @param metric the metric's name
     * @param score the value
     * @param rows test rows scored
     * @param sha256 the submission's SHA-256
     */
    public record Entry(String recordedAt, String team, String task, String metric, double score, int rows,
                        String sha256) {
    }

    /** Checks a team name: 1 to {@value #MAX_TEAM} characters, no control character. */
    public static String team(String name) {
        String t = name == null ? "" : name.strip();
        if (t.isEmpty() || t.length() > MAX_TEAM || t.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--team must be 1 to " + MAX_TEAM
                    + " characters without control characters, got '" + name + "'");
        }
        return t;
    }

    /** Appends a score for a team; returns the file. */
    public static Path append(Path dir, String team, Score score) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".scores.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : String.join(",", HEADER) + "\n";
            Frame row = new Frame(List.of(
                    new Frame.Field("recorded_at", Frame.Type.STRING, 0, null, null, null),
                    new Frame.Field("team", Frame.Type.STRING, 0, null, null, null),
                    new Frame.Field("task", Frame.Type.STRING, 0, null, null, null),
                    new Frame.Field("metric", Frame.Type.STRING, 0, null, null, null),
                    new Frame.Field("score", Frame.Type.NUMBER, -1, null, null, null),
                    new Frame.Field("rows", Frame.Type.INTEGER, 0, null, null, null),
                    new Frame.Field("submission_sha256", Frame.Type.STRING, 0, null, null, null)));
            row.add(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), team(team), score.task(),
                    score.metric(), score.value(), score.rows(), score.submissionSha256());
            String line = new String(Csv.write(row), StandardCharsets.UTF_8);
            line = line.substring(line.indexOf('\n') + 1);
            String text = existing.isEmpty() || existing.endsWith("\n") ? existing : existing + "\n";
            LocalFiles.writeWhole(file, (text + line).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Reads the scores of a hackathon folder (none when the file is absent); a bad row is a one-line error. */
    public static List<Entry> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        Csv.Table t = Csv.read(Files.readString(file, StandardCharsets.UTF_8));
        if (!t.header().equals(HEADER)) {
            throw new IllegalArgumentException(file + ": header is not " + String.join(",", HEADER));
        }
        for (int i = 0; i < t.records().size(); i++) {
            List<String> r = t.records().get(i);
            try {
                entries.add(new Entry(r.get(0), r.get(1), r.get(2), r.get(3), Double.parseDouble(r.get(4)),
                        Integer.parseInt(r.get(5)), r.get(6)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + t.lines().get(i) + ": not a score row");
            }
        }
        return entries;
    }
}

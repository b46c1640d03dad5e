package org.energycommons.workbench.jobs.hackathon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;

/**
 * Scores a submission against a task's answer key, after checking it: the submission's columns are those of the
 * task ({@code id} and the target), one row per test id, none missing, none extra, none twice, every value
 * parsable and finite (a number, a 0/1 flag or a class A–G). Any fault is one line naming the file, the line and
 * the id ({@link SubmissionException}).
 *
 * <pre>{@code
 * Score s = Scorer.score(Path.of("hackathon/key"), "uc4-substation-load", Path.of("my-submission.csv"));
 * System.out.println(s.metric() + " = " + s.value());
 * }</pre>
 */
public final class Scorer {

    /** The key file of a task, under the key folder. */
    public static final String ANSWER = "answer.csv";
    /** Decimals a score is rounded to. */
    public static final int SCORE_DECIMALS = 6;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Scorer() {
    }

    /**
     * Scores a submission.
     *
     * @param keyDir the key folder ({@code DIR/key}, holding {@code <task>/answer.csv}; {@code DIR} also works)
     * @param task the task id
     * @param submission the submission CSV
     * @throws IllegalArgumentException for an unknown task
     * @throws SubmissionException for a submission that cannot be scored (one line)
     * @throws MissingKeyException when the key has no answer for the task
     */
    public static Score score(Path keyDir, String task, Path submission) {
        HackathonTask t = Tasks.of(task);
        Path answer = answerFile(keyDir, task);
        Map<String, Object> key = readKey(t, answer);
        String name = submission.getFileName() == null ? submission.toString() : submission.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(submission);
        } catch (IOException e) {
            throw new SubmissionException(name + ": cannot read the submission (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Map<String, Object> predicted = parse(t, name, text(name, bytes), key);
        List<Object> truth = new ArrayList<>(key.size());
        List<Object> pred = new ArrayList<>(key.size());
        key.forEach((id, v) -> {
            truth.add(v);
            pred.add(predicted.get(id));
        });
        // Scores are defined to 6 decimals: the card, the scorer and the leaderboard then show the same number.
        Map<String, Double> details = new LinkedHashMap<>();
        t.metric().compute(truth, pred).forEach((k, v) -> details.put(k, Csv.rounded(v, SCORE_DECIMALS)));
        String unit = t.metric() == Metric.MAPE ? "%" : t.metric() == Metric.MAE ? t.target().unit() : null;
        return new Score(t.id(), t.metric().id(), t.metric().higherIsBetter(), details.get(t.metric().id()), unit,
                key.size(), details, PackWriter.sha256(bytes));
    }

    /** The answer file of a task under a key folder ({@code DIR/key} or {@code DIR}). */
    static Path answerFile(Path keyDir, String task) {
        Path direct = keyDir.resolve(task).resolve(ANSWER);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path nested = keyDir.resolve("key").resolve(task).resolve(ANSWER);
        if (Files.isRegularFile(nested)) {
            return nested;
        }
        throw new MissingKeyException("no answer key for " + task + " at " + direct
                + " (give --key the key folder that 'hackathon pack' wrote, DIR/key)");
    }

    private static String text(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SubmissionException(name + ": not UTF-8 text (save the CSV as UTF-8)");
        }
    }

    private static Map<String, Object> readKey(HackathonTask t, Path answer) {
        try {
            String text = Files.readString(answer, StandardCharsets.UTF_8);
            return parse(t, answer.toString(), text, null);
        } catch (IOException e) {
            throw new MissingKeyException("cannot read the answer key " + answer + ": " + e.getMessage());
        } catch (SubmissionException e) {
            throw new IllegalStateException("the answer key is damaged: " + e.getMessage());
        }
    }

    /**
     * Parses a submission (or the key when {@code key} is null) into id → value, in the key's order.
     */
    private static Map<String, Object> parse(HackathonTask t, String name, String text, Map<String, Object> key) {
        Csv.Table table;
        try {
            table = Csv.read(text);
        } catch (IllegalArgumentException e) {
            throw new SubmissionException(name + ": " + e.getMessage());
        }
        List<Field> expected = t.submission();
        List<String> expectedNames = expected.stream().map(Field::name).toList();
        String want = " (expected the columns " + String.join(",", expectedNames) + ")";
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            String h = table.header().get(i);
            if (position.put(h, i) != null) {
                throw new SubmissionException(name + ": column '" + h + "' appears twice" + want);
            }
        }
        for (String e : expectedNames) {
            if (!position.containsKey(e)) {
                throw new SubmissionException(name + ": missing column '" + e + "'" + want);
            }
        }
        for (String h : table.header()) {
            if (!expectedNames.contains(h)) {
                throw new SubmissionException(name + ": unexpected column '" + h + "'" + want);
            }
        }
        int idAt = position.get("id");
        Field target = t.target();
        int valueAt = position.get(target.name());
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int r = 0; r < table.records().size(); r++) {
            List<String> rec = table.records().get(r);
            int line = table.lines().get(r);
            String where = name + " line " + line;
            if (rec.size() != table.header().size()) {
                throw new SubmissionException(where + ": " + rec.size() + " cells for " + table.header().size()
                        + " columns");
            }
            String id = rec.get(idAt).strip();
            if (id.isEmpty()) {
                throw new SubmissionException(where + ": empty id");
            }
            Integer seen = firstLine.putIfAbsent(id, line);
            if (seen != null) {
                throw new SubmissionException(where + ": duplicate id " + id + " (first on line " + seen + ")");
            }
            if (key != null && !key.containsKey(id)) {
                throw new SubmissionException(where + ": id " + id + " is not in the test set");
            }
            values.put(id, value(target, rec.get(valueAt).strip(), where + ", id " + id));
        }
        if (key == null) {
            return values;
        }
        if (values.size() < key.size()) {
            String first = key.keySet().stream().filter(k -> !values.containsKey(k)).findFirst().orElseThrow();
            throw new SubmissionException(name + ": " + (key.size() - values.size()) + " of the " + key.size()
                    + " test ids have no prediction (first: " + first + ")");
        }
        return values;
    }

    /** A typed value of the target column, or the one-line reason it is not one. */
    private static Object value(Field target, String cell, String where) {
        String column = target.name();
        if (cell.isEmpty()) {
            throw new SubmissionException(where + ": no value for " + column);
        }
        switch (target.type()) {
            case NUMBER -> {
                if (!NUMBER.matcher(cell).matches()) {
                    String lower = cell.toLowerCase(Locale.ROOT);
                    if (lower.contains("nan") || lower.contains("inf") || lower.equals("null") || lower.equals("na")) {
                        throw new SubmissionException(where + ": " + column + " is " + cell
                                + " (every prediction must be a finite number)");
                    }
                    throw new SubmissionException(where + ": " + column + " '" + cell + "' is not a number (use a "
                            + "dot for decimals: 12.5)");
                }
                double v = Double.parseDouble(cell);
                if (!Double.isFinite(v)) {
                    throw new SubmissionException(where + ": " + column + " " + cell + " is not finite");
                }
                return v;
            }
            case INTEGER -> {
                if (!cell.equals("0") && !cell.equals("1")) {
                    throw new SubmissionException(where + ": " + column + " '" + cell + "' is not 0 or 1");
                }
                return Long.parseLong(cell);
            }
            default -> {
                String c = cell.toUpperCase(Locale.ROOT);
                if (!DpeClassTask.CLASSES.contains(c)) {
                    throw new SubmissionException(where + ": " + column + " '" + cell + "' is not a class A to G");
                }
                return c;
            }
        }
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;

/**
 * The reading shared by the {@code ;}-separated open-data connectors of this package: the header found and matched
 * by normalised names and aliases, one record a line (or more, for quoted fields holding line breaks), every record accounted for, and field parsers whose
 * failures become short reject reasons naming the field.
 *
 * <p>Rules common to the connectors that use it:
 * <ul>
 *   <li>blank lines are not records and are skipped; the header is the first non-blank line; a file with no
 *       non-blank line is refused as an empty file;</li>
 *   <li>header names are compared through {@link FrenchText#headerKey} after repairing UTF-8 text that was
 *       decoded as Windows-1252 (e.g. {@code RÃ©gion}), so accents, case, punctuation and snake_case exports
 *       match; unknown columns are ignored; when a name appears twice, the first column wins;</li>
 *   <li>a record must have exactly as many fields as the header;</li>
 *   <li>a record whose key repeats the key of an earlier accepted record of the file is rejected as
 *       {@code duplicate of line N};</li>
 *   <li>text values are stripped and repaired like header names; a text value that still holds U+FFFD (bytes
 *       that could not be decoded) or is longer than {@value #MAX_TEXT_CHARS} characters is rejected.</li>
 * </ul>
 */
final class SemicolonCsv {

    static final char SEPARATOR = ';';

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int QUOTE_CHARS = 40;
    /** Longest plausible text value (names, statuses): longer text is a broken record, not a name. */
    static final int MAX_TEXT_CHARS = 200;

    /**
     * A column a connector reads.
     *
     * @param label the name as the publisher writes it, used in messages
     * @param keys the normalised header names ({@link FrenchText#headerKey}) that designate it, in order of
     *     preference (the label's first) when a header has several of them
     */
    record Column(String label, List<String> keys) implements Serializable {

        /** A column known by its label and by other header names (e.g. the snake_case of an export). */
        static Column of(String label, String... aliases) {
            java.util.Set<String> keys = new LinkedHashSet<>();
            keys.add(FrenchText.headerKey(label));
            for (String alias : aliases) {
                keys.add(FrenchText.headerKey(alias));
            }
            return new Column(label, List.copyOf(keys));
        }
    }

    /** What is wrong with one record: the message is the reject reason. */
    static final class Problem extends Exception {

        private static final long serialVersionUID = 1L;

        Problem(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Turns the fields of one record, already checked for their count, into the typed values of the schema. */
    @FunctionalInterface
    interface RecordParser {
        Object[] parse(String[] fields) throws Problem;
    }

    /** The key of an accepted record: a series (e.g. a region code) and a UTC instant. */
    @FunctionalInterface
    interface KeyOf {
        SeenKeys.Key of(Object[] values);
    }

    private final String fileName;
    private final DelimitedRecords records;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int width;

    private SemicolonCsv(String fileName, DelimitedRecords records, String[] header) {
        this.fileName = fileName;
        this.records = records;
        this.width = header.length;
        for (int i = 0; i < header.length; i++) {
            positions.putIfAbsent(FrenchText.headerKey(repair(header[i])), i);
        }
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws SchemaMismatchException when the file has no non-blank line
     */
    static SemicolonCsv open(String fileName, InputStream content) throws IOException {
        BufferedReader reader = FrenchText.reader(content);
        long n = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                return new SemicolonCsv(fileName, new DelimitedRecords(reader, SEPARATOR, n),
                        DelimitedRecords.fields(line, SEPARATOR));
            }
        }
        throw new SchemaMismatchException(fileName + ": empty file");
    }

    /** Position of a column in the header, or -1 when the header does not have it. */
    int index(Column column) {
        for (String key : column.keys()) {
            Integer i = positions.get(key);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the header has the column. */
    boolean has(Column column) {
        return index(column) >= 0;
    }

    /** Labels of the columns the header does not have, in the given order. */
    List<String> missing(List<Column> columns) {
        List<String> missing = new ArrayList<>();
        for (Column c : columns) {
            if (!has(c)) {
                missing.add(c.label());
            }
        }
        return missing;
    }

    /**
     * Refuses the file when columns are missing.
     *
     * @throws SchemaMismatchException {@code "<file>: not a <source> file: missing columns [...]"}
     */
    void refuseIfMissing(String source, List<String> missing) {
        if (!missing.isEmpty()) {
            throw new SchemaMismatchException(fileName + ": not a " + source + " file: missing columns "
                    + missing);
        }
    }

    /**
     * Reads every record after the header: each goes to exactly one of {@code accept} or {@code reject}.
     * Exceptions thrown while parsing a record reject that record; those thrown by the sink propagate.
     */
    void forEachRecord(RecordSink sink, RecordParser parser, KeyOf keyOf) throws IOException {
        SeenKeys seen = new SeenKeys();
        for (DelimitedRecords.Record record = records.next(); record != null; record = records.next()) {
            long lineNumber = record.line();
            Object[] values = null;
            String reason;
            try {
                String[] fields = record.fields();
                if (fields.length != width) {
                    throw new Problem("expected " + width + " fields, got " + fields.length);
                }
                Object[] parsed = parser.parse(fields);
                long first = seen.putIfAbsent(keyOf.of(parsed), lineNumber);
                if (first >= 0) {
                    throw new Problem("duplicate of line " + first);
                }
                values = parsed;
                reason = null;
            } catch (Problem p) {
                reason = p.getMessage();
            } catch (RuntimeException e) {
                reason = "unreadable record: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + FrenchText.abbreviate(e.getMessage(), 200));
            }
            if (values != null) {
                sink.accept(lineNumber, values);
            } else {
                sink.reject(lineNumber, FrenchText.abbreviate(record.text(), FrenchText.MAX_RAW_CHARS), reason);
            }
        }
    }

    // ---- field parsers ------------------------------------------------------------------------------------

    /** A field's text quoted and shortened for a message. */
    static String quote(String text) {
        return "'" + FrenchText.abbreviate(text, QUOTE_CHARS) + "'";
    }

    /** Optional text: stripped and repaired, {@code null} when blank, at most {@link #MAX_TEXT_CHARS}. */
    static String text(String field, String label) throws Problem {
        String s = repair(field.strip());
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf('\uFFFD') >= 0) {
            throw new Problem(label + ": undecodable characters: " + quote(s));
        }
        if (s.length() > MAX_TEXT_CHARS) {
            throw new Problem(label + ": too long: " + s.length() + " characters (at most " + MAX_TEXT_CHARS + ")");
        }
        return s;
    }

    /** An INSEE region code: two digits. */
    static String regionCode(String field, String label) throws Problem {
        String code = field.strip();
        if (code.isEmpty()) {
            throw new Problem(label + ": missing");
        }
        if (!code.matches("\\d{2}")) {
            throw new Problem(label + ": not a region code: " + quote(code));
        }
        return code;
    }

    /** Required text. */
    static String requiredText(String field, String label) throws Problem {
        String s = text(field, label);
        if (s == null) {
            throw new Problem(label + ": missing");
        }
        return s;
    }

    /**
     * An optional measure within plausible bounds (inclusive), {@code null} when blank.
     *
     * @throws Problem {@code "<label>: not a number: 'x'"}, {@code "<label>: negative: 'x'"},
     *     {@code "<label>: above 100000: 'x'"}...
     */
    static Double measure(String field, String label, double min, double max) throws Problem {
        Double v;
        try {
            v = FrenchText.number(field);
        } catch (NumberFormatException e) {
            throw new Problem(label + ": " + e.getMessage());
        }
        if (v == null) {
            return null;
        }
        if (v < min) {
            throw new Problem(label + ": " + (min == 0 ? "negative" : "below " + format(min)) + ": "
                    + quote(field.strip()));
        }
        if (v > max) {
            throw new Problem(label + ": " + (max == 0 ? "positive" : "above " + format(max)) + ": "
                    + quote(field.strip()));
        }
        return v == 0 ? 0.0 : v;
    }

    /** A required measure within plausible bounds. */
    static double requiredMeasure(String field, String label, double min, double max) throws Problem {
        Double v = measure(field, label, min, max);
        if (v == null) {
            throw new Problem(label + ": missing");
        }
        return v;
    }

    /** A bound written without a useless {@code .0}. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** An ISO date-time with offset ({@code 2023-01-01T00:30:00+01:00}, seconds optional, {@code Z} allowed). */
    static Instant offsetDateTime(String field, String label) throws Problem {
        String s = field.strip();
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new Problem(label + ": not an ISO date-time with offset: " + quote(s));
        }
    }

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A date, ISO ({@code 2023-01-01}) or French ({@code 01/01/2023}). */
    static LocalDate date(String field, String label) throws Problem {
        String s = field.strip();
        if (s.isEmpty()) {
            throw new Problem(label + ": missing");
        }
        try {
            return s.indexOf('/') >= 0 ? LocalDate.parse(s, FRENCH_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Problem(label + ": not a date: " + quote(s));
        }
    }

    /** A time of day, {@code HH:mm} or {@code HH:mm:ss}. */
    static LocalTime time(String field, String label) throws Problem {
        String s = field.strip();
        if (s.isEmpty()) {
            throw new Problem(label + ": missing");
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new Problem(label + ": not a time: " + quote(s));
        }
    }

    /**
     * Checks an instant against plausible years (inclusive) and a step: it must fall on a multiple of
     * {@code stepSeconds} since the epoch (whole quarter hours, half hours or hours).
     */
    static void checkInstant(Instant t, String label, String shown, int minYear, int maxYear, int stepSeconds)
            throws Problem {
        int year = t.atOffset(ZoneOffset.UTC).getYear();
        if (year < minYear || year > maxYear) {
            throw new Problem(label + ": implausible year " + year + " (expected " + minYear + ".." + maxYear
                    + "): " + quote(shown));
        }
        if (Math.floorMod(t.getEpochSecond(), stepSeconds) != 0 || t.getNano() != 0) {
            throw new Problem(label + ": not on a " + (stepSeconds / 60) + "-minute step: " + quote(shown));
        }
    }

    /**
     * The UTC instant of an ODRE record: the {@code Date - Heure} field (ISO with offset) when the header has it
     * and it is not empty, else the {@code Date} and {@code Heure} fields as Europe/Paris civil time resolved by
     * {@code localTimes} for the series; then checked by {@link #checkInstant}.
     *
     * @param iDateHeure position of {@code Date - Heure}, or -1
     * @param iDate position of {@code Date}, or -1
     * @param iHeure position of {@code Heure}, or -1
     */
    static Instant odreInstant(String[] f, String series, int iDateHeure, int iDate, int iHeure,
                               FrenchText.LocalTimes localTimes, int minYear, int maxYear, int stepSeconds)
            throws Problem {
        String dateHeure = iDateHeure >= 0 ? f[iDateHeure].strip() : "";
        Instant ts;
        String label;
        String shown;
        if (!dateHeure.isEmpty()) {
            label = "Date - Heure";
            shown = dateHeure;
            ts = offsetDateTime(dateHeure, label);
        } else {
            if (iDate < 0 || iHeure < 0) {
                throw new Problem("Date - Heure: missing");
            }
            label = "Date/Heure";
            shown = f[iDate].strip() + " " + f[iHeure].strip();
            LocalDateTime local = LocalDateTime.of(date(f[iDate], "Date"), time(f[iHeure], "Heure"));
            try {
                ts = localTimes.toUtc(series, local);
            } catch (DateTimeException e) {
                throw new Problem(label + ": " + e.getMessage());
            }
        }
        checkInstant(ts, label, shown, minYear, maxYear, stepSeconds);
        return ts;
    }

    /**
     * Repairs text that was UTF-8 but got decoded as Windows-1252 (e.g. {@code RÃ©gion} → {@code Région}): when
     * the text encodes to Windows-1252 and those bytes are valid UTF-8 with multi-byte sequences, the UTF-8
     * reading is taken. Genuine Windows-1252 French text ({@code Rhône}) is never valid UTF-8 that way, so it is
     * left as it is.
     */
    static String repair(String text) {
        boolean high = false;
        for (int i = 0; i < text.length() && !high; i++) {
            high = text.charAt(i) >= 0x80;
        }
        if (!high) {
            return text;
        }
        try {
            ByteBuffer bytes = WINDOWS_1252.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    /**
     * The keys already accepted in one file, with their line, in primitive arrays: a (series, instant) key costs
     * 16 bytes, so the largest ODRE exports (millions of rows) fit in a task's memory.
     */
    static final class SeenKeys {

        /** A key: a series and a UTC instant (whole seconds, years 1698..2242). */
        record Key(String series, Instant instant) {
        }

        private static final long OFFSET = 1L << 33;

        private final Map<String, Integer> seriesIds = new HashMap<>();
        private long[] keys = new long[1 << 10];
        private long[] lines = new long[1 << 10];
        private int size;

        SeenKeys() {
            Arrays.fill(keys, -1L);
        }

        /** Records the key at the line when new and returns -1; else returns the line it was first seen at. */
        long putIfAbsent(Key key, long line) {
            long seconds = key.instant().getEpochSecond() + OFFSET;
            if (seconds < 0 || seconds >= 2 * OFFSET || key.instant().getNano() != 0) {
                throw new IllegalArgumentException("instant out of the supported range: " + key.instant());
            }
            Integer id = seriesIds.get(key.series());
            if (id == null) {
                if (seriesIds.size() >= (1 << 29)) {
                    throw new IllegalStateException("too many series in one file");
                }
                id = seriesIds.size();
                seriesIds.put(key.series(), id);
            }
            long packed = ((long) id << 34) | seconds;
            int mask = keys.length - 1;
            int slot = mix(packed) & mask;
            while (keys[slot] != -1L) {
                if (keys[slot] == packed) {
                    return lines[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = packed;
            lines[slot] = line;
            if (++size * 2 > keys.length) {
                grow();
            }
            return -1;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldLines = lines;
            keys = new long[oldKeys.length * 2];
            lines = new long[oldKeys.length * 2];
            Arrays.fill(keys, -1L);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1L) {
                    int slot = mix(oldKeys[i]) & mask;
                    while (keys[slot] != -1L) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    lines[slot] = oldLines[i];
                }
            }
        }

        private static int mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}

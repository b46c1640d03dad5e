package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;

/**
 * The delimited-file reading shared by the building-data connectors ({@link AdemeDpe}, {@link Bdnb}).
 *
 * <p>Rules, the same for both sources:
 * <ul>
 *   <li>the header is the first non-blank line; its separator is {@code ;} or {@code ,}, whichever occurs more often
 *       outside quotes (a tie or neither gives {@code ,});</li>
 *   <li>columns are found by {@link FrenchText#headerKey normalised} header name, each under its own name or an
 *       alias (the first present wins); other columns are ignored; a file lacking a required column is refused with
 *       {@link SchemaMismatchException}, as is an empty file;</li>
 *   <li>a record is one line, or more when a quoted field holds line breaks; it is numbered by the line it
 *       starts on; blank lines are not records;</li>
 *   <li>a record must have exactly as many fields as the header; a record containing bytes that are not valid in
 *       the file's encoding (U+FFFD after decoding) is rejected, as is a repeat of the header line;</li>
 *   <li>a record whose key repeats an earlier accepted record of the file is rejected as
 *       {@code "duplicate of line N"};</li>
 *   <li>free text is stripped, blank gives {@code null}, UTF-8 text that was decoded as Windows-1252 (e.g.
 *       {@code "Ã©"} for {@code "é"}, when one Latin-1 line forced the whole file to Windows-1252) is repaired, and
 *       text longer than {@link #MAX_TEXT_CHARS} is rejected.</li>
 * </ul>
 * Reasons name the field as written in the file's header.
 */
final class BuildingCsv {

    /** Longest free-text value accepted, in characters. */
    static final int MAX_TEXT_CHARS = 1000;
    /** Longest value quoted back in a reason. */
    private static final int MAX_QUOTED_CHARS = 40;
    /** Time zone of "today" and "the current year" in plausibility bounds. */
    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");
    private static final Pattern COMMUNE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern DIGITS_4 = Pattern.compile("\\d{4}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private BuildingCsv() {
    }

    /**
     * A column a connector reads.
     *
     * @param name canonical name (the current header name), used in "missing columns" messages
     * @param required whether a file without it is refused
     * @param keys normalised header names that denote it, in order of preference
     */
    record Column(String name, boolean required, List<String> keys) {

        Column {
            keys = List.copyOf(keys);
        }

        static Column required(String name, String... aliases) {
            return new Column(name, true, keys(name, aliases));
        }

        static Column optional(String name, String... aliases) {
            return new Column(name, false, keys(name, aliases));
        }

        private static List<String> keys(String name, String... aliases) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(FrenchText.headerKey(name));
            for (String alias : aliases) {
                keys.add(FrenchText.headerKey(alias));
            }
            return new ArrayList<>(keys);
        }
    }

    /** Why a record is rejected: its message is the reason. */
    static final class Reject extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Reject(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Turns one record into the typed values of the connector's schema, or throws {@link Reject}. */
    @FunctionalInterface
    interface RowMapper {
        Object[] map(Row row);
    }

    /** Where each column is in the file, and how its header is written there. */
    private static final class Layout {
        private final Map<String, Integer> positions = new HashMap<>();
        private final Map<String, String> labels = new HashMap<>();
    }

    /** One record's fields, addressed by column. */
    static final class Row {

        private final String[] fields;
        private final Layout layout;

        private Row(String[] fields, Layout layout) {
            this.fields = fields;
            this.layout = layout;
        }

        /** The field as written, or {@code null} when the file has no such column. */
        String value(Column column) {
            Integer position = layout.positions.get(column.name());
            return position == null ? null : fields[position];
        }

        /** The column's header as written in the file (its canonical name when absent). */
        String label(Column column) {
            return layout.labels.getOrDefault(column.name(), column.name());
        }
    }

    /** The key of a record from its mapped values: a later record with an equal key is a duplicate. */
    @FunctionalInterface
    interface KeyOf {
        Object of(Object[] values);
    }

    /**
     * Reads a whole file: every data record goes to exactly one of {@code sink.accept} and {@code sink.reject}.
     *
     * @param source the source name, for messages
     * @param keyIndex index in the mapped values of the record key
     * @throws SchemaMismatchException for an empty file or one lacking required columns
     */
    static void parse(String fileName, InputStream content, RecordSink sink, String source, List<Column> columns,
                      RowMapper mapper, int keyIndex) throws IOException {
        parse(fileName, content, sink, source, columns, mapper, values -> String.valueOf(values[keyIndex]));
    }

    /**
     * Reads a whole file, as {@link #parse(String, InputStream, RecordSink, String, List, RowMapper, int)}, with a
     * key made of several values (e.g. a list of them).
     *
     * @param keyOf the key of a record from its mapped values
     */
    static void parse(String fileName, InputStream content, RecordSink sink, String source, List<Column> columns,
                      RowMapper mapper, KeyOf keyOf) throws IOException {
        BufferedReader in = FrenchText.reader(content);
        long lineNo = 0;
        String header = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (!line.isBlank()) {
                header = line;
                break;
            }
        }
        if (header == null) {
            throw new SchemaMismatchException(fileName + ": empty file");
        }
        char separator = separator(header);
        String[] names = DelimitedRecords.fields(header, separator);
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            byKey.putIfAbsent(FrenchText.headerKey(names[i]), i);
        }
        Layout layout = new Layout();
        List<String> missing = new ArrayList<>();
        for (Column column : columns) {
            Integer position = null;
            for (String key : column.keys()) {
                position = byKey.get(key);
                if (position != null) {
                    break;
                }
            }
            if (position != null) {
                layout.positions.put(column.name(), position);
                layout.labels.put(column.name(), names[position].strip().replace("\uFEFF", ""));
            } else if (column.required()) {
                missing.add(column.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaMismatchException(fileName + ": not a " + source + " file: missing columns " + missing);
        }
        Map<Object, Long> accepted = new HashMap<>();
        DelimitedRecords records = new DelimitedRecords(in, separator, lineNo);
        for (DelimitedRecords.Record record = records.next(); record != null; record = records.next()) {
            long recordLine = record.line();
            Object[] values = null;
            String reason;
            try {
                values = record(record, header, names.length, layout, mapper);
                Long first = accepted.putIfAbsent(keyOf.of(values), recordLine);
                reason = first == null ? null : "duplicate of line " + first;
            } catch (Reject e) {
                reason = e.getMessage();
            } catch (RuntimeException e) {
                reason = "unreadable record: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + quote(e.getMessage()));
            }
            if (reason == null) {
                sink.accept(recordLine, values);
            } else {
                sink.reject(recordLine, FrenchText.abbreviate(record.text(), FrenchText.MAX_RAW_CHARS), reason);
            }
        }
    }

    private static Object[] record(DelimitedRecords.Record record, String header, int width, Layout layout,
                                   RowMapper mapper) {
        if (record.text().indexOf('\uFFFD') >= 0) {
            throw new Reject("undecodable bytes: not valid in the file's encoding");
        }
        if (record.text().equals(header)) {
            throw new Reject("repeated header line");
        }
        String[] fields = record.fields();
        if (fields.length != width) {
            throw new Reject("expected " + width + " fields, got " + fields.length);
        }
        return mapper.map(new Row(fields, layout));
    }

    /** The separator of a header line: {@code ;} or {@code ,}, whichever occurs more often outside quotes. */
    static char separator(String header) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    // ---------------------------------------------------------------------------------------------------------
    // Field values

    /** Free text: stripped, mojibake repaired, {@code null} when blank; rejected beyond {@link #MAX_TEXT_CHARS}. */
    static String text(Row row, Column column) {
        String raw = row.value(column);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = repairMojibake(raw.strip());
        if (s.length() > MAX_TEXT_CHARS) {
            throw new Reject(row.label(column) + ": longer than " + MAX_TEXT_CHARS + " characters");
        }
        return s;
    }

    /** Free text that must be present. */
    static String requiredText(Row row, Column column) {
        return present(row, column, text(row, column));
    }

    /** A value that must be present: the parsed value, or the record rejected as missing the column. */
    private static <T> T present(Row row, Column column, T value) {
        if (value == null) {
            throw missing(row, column);
        }
        return value;
    }

    static Reject missing(Row row, Column column) {
        return new Reject(row.label(column) + ": missing");
    }

    static Reject invalid(Row row, Column column, String what, String value) {
        return new Reject(row.label(column) + ": " + what + ": " + quote(value));
    }

    /** A number (French or English notation); {@code null} when blank or absent. */
    private static Double number(Row row, Column column) {
        try {
            return FrenchText.number(row.value(column));
        } catch (NumberFormatException e) {
            throw new Reject(row.label(column) + ": " + e.getMessage());
        }
    }

    /**
     * A decimal number (French or English notation) within {@code [min, max]}; {@code null} when blank.
     */
    static Double decimal(Row row, Column column, double min, double max) {
        Double v = number(row, column);
        if (v != null && (v < min || v > max)) {
            throw new Reject(row.label(column) + ": outside plausible range [" + plain(min) + ", " + plain(max)
                    + "]: " + quote(row.value(column).strip()));
        }
        return v;
    }

    /** A decimal number that must be present. */
    static double requiredDecimal(Row row, Column column, double min, double max) {
        return present(row, column, decimal(row, column, min, max));
    }

    /** A whole number within {@code [min, max]} ({@code 1975} and {@code 1975.0} alike); {@code null} when blank. */
    static Integer whole(Row row, Column column, int min, int max) {
        Double number = number(row, column);
        if (number == null) {
            return null;
        }
        double v = number;
        String raw = row.value(column);
        if (v != Math.rint(v)) {
            throw invalid(row, column, "not a whole number", raw.strip());
        }
        if (v < min || v > max) {
            throw new Reject(row.label(column) + ": outside plausible range [" + min + ", " + max + "]: "
                    + quote(raw.strip()));
        }
        return (int) v;
    }

    /** A date written {@code 2023-05-17} or {@code 17/05/2023}, within {@code [min, max]}; must be present. */
    static LocalDate requiredDate(Row row, Column column, LocalDate min, LocalDate max) {
        String raw = row.value(column);
        if (raw == null || raw.isBlank()) {
            throw missing(row, column);
        }
        String s = raw.strip();
        LocalDate date;
        try {
            Matcher iso = ISO_DATE.matcher(s);
            Matcher french = FRENCH_DATE.matcher(s);
            if (iso.matches()) {
                date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            } else if (french.matches()) {
                date = LocalDate.of(Integer.parseInt(french.group(3)), Integer.parseInt(french.group(2)),
                        Integer.parseInt(french.group(1)));
            } else {
                throw invalid(row, column, "not a date", s);
            }
        } catch (DateTimeException e) {
            throw invalid(row, column, "not a date", s);
        }
        if (date.isBefore(min) || date.isAfter(max)) {
            throw new Reject(row.label(column) + ": outside plausible range [" + min + ", " + max + "]: "
                    + quote(s));
        }
        return date;
    }

    /** An energy-performance class A to G (trimmed, any case); {@code null} when blank. */
    static String dpeClass(Row row, Column column) {
        String raw = row.value(column);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 1 || s.charAt(0) < 'A' || s.charAt(0) > 'G') {
            throw invalid(row, column, "not a DPE class", raw.strip());
        }
        return s;
    }

    /** An energy-performance class that must be present. */
    static String requiredDpeClass(Row row, Column column) {
        return present(row, column, dpeClass(row, column));
    }

    /**
     * An INSEE commune code: five digits, or {@code 2A}/{@code 2B} and three digits for Corsica (upper-cased);
     * four digits are taken as a code whose leading zero was lost to a spreadsheet and padded; {@code null} when
     * blank.
     */
    static String communeCode(Row row, Column column) {
        return code(row, column, COMMUNE, "not a commune code");
    }

    /** A commune code that must be present. */
    static String requiredCommuneCode(Row row, Column column) {
        return present(row, column, communeCode(row, column));
    }

    /** A French postcode: five digits (four are padded, as for commune codes); {@code null} when blank. */
    static String postcode(Row row, Column column) {
        return code(row, column, POSTCODE, "not a postcode");
    }

    /**
     * A code of digits (and, for Corsican communes, letters), upper-cased; four digits are padded with a leading
     * zero; {@code null} when blank.
     */
    private static String code(Row row, Column column, Pattern valid, String notValid) {
        String raw = row.value(column);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (DIGITS_4.matcher(s).matches()) {
            s = "0" + s;
        }
        if (!valid.matcher(s).matches()) {
            throw invalid(row, column, notValid, raw.strip());
        }
        return s;
    }

    /**
     * Repairs UTF-8 text that was decoded as Windows-1252 ({@code "Ã©glise"} → {@code "église"}): when the text
     * re-encodes to Windows-1252 without loss and those bytes are valid UTF-8 with at least one multi-byte
     * sequence, the UTF-8 reading is returned; otherwise the text is returned unchanged.
     */
    static String repairMojibake(String s) {
        boolean suspect = false;
        for (int i = 0; i < s.length() && !suspect; i++) {
            char c = s.charAt(i);
            suspect = c >= '\u00C2' && c <= '\u00F4';
        }
        if (!suspect) {
            return s;
        }
        try {
            ByteBuffer bytes = WINDOWS_1252.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            String repaired = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            return repaired.length() < s.length() ? repaired : s;
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    static String quote(String value) {
        return "'" + FrenchText.abbreviate(value, MAX_QUOTED_CHARS) + "'";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Today in France. */
    static LocalDate today() {
        return LocalDate.now(FRANCE);
    }
}

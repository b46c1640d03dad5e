package org.energycommons.workbench.models.benchmark.ett;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;

/**
 * A table in the ETT CSV shape: a header with a {@code date} column (any position, name case-insensitive) and
 * numeric columns, one row per time step in increasing time order (ETTh1: {@code date,HUFL,HULL,MUFL,MULL,LUFL,
 * LULL,OT}, 17420 hourly rows). Dates are {@code yyyy-MM-dd HH:mm[:ss[.fff]]}, the same with {@code T}, or
 * {@code yyyy-MM-dd}. Every refusal is an {@link IllegalArgumentException} with a one-line message naming the source
 * and, for a bad value, the 1-based line.
 */
public final class EttData {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private final String name;
    private final LocalDateTime[] times;
    private final Map<String, double[]> columns;

    private EttData(String name, LocalDateTime[] times, Map<String, double[]> columns) {
        this.name = name;
        this.times = times;
        this.columns = columns;
    }

    /** Reads a CSV file; its name without extension names the data set (ETTh1.csv: ETTh1). */
    public static EttData read(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String fileName = file.getFileName().toString();
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return parse(Files.readString(file, StandardCharsets.UTF_8), stem, file.toString());
    }

    /** Parses CSV text; {@code name} names the data set, {@code source} the text in messages. */
    public static EttData parse(String text, String name, String source) {
        List<DelimitedRecords.Record> records = DelimitedRecords.of(text, ',');
        if (records.isEmpty() || records.get(0).line() != 1) {
            throw new IllegalArgumentException(source + ": empty file or blank header (line 1)");
        }
        String[] header = records.get(0).fields();
        int dateAt = -1;
        List<String> names = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String col = trimmed(header[c]);
            if (col.isEmpty()) {
                throw new IllegalArgumentException(source + ", line 1: empty column name at position " + (c + 1));
            }
            if (col.equalsIgnoreCase("date")) {
                if (dateAt >= 0) {
                    throw new IllegalArgumentException(source + ", line 1: two date columns");
                }
                dateAt = c;
            } else {
                if (names.contains(col)) {
                    throw new IllegalArgumentException(source + ", line 1: duplicate column '" + col + "'");
                }
                names.add(col);
                at.add(c);
            }
        }
        if (dateAt < 0) {
            throw new IllegalArgumentException(source + ", line 1: no 'date' column in header '" + records.get(0).text() + "'");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(source + ", line 1: no numeric column beside 'date'");
        }
        List<LocalDateTime> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (DelimitedRecords.Record record : records.subList(1, records.size())) {
            int lineNo = Math.toIntExact(record.line());
            String[] f = record.fields();
            if (f.length != header.length) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": " + f.length + " fields, the header has "
                        + header.length);
            }
            LocalDateTime t = parseTime(trimmed(f[dateAt]), source, lineNo);
            if (!times.isEmpty() && !t.isAfter(times.get(times.size() - 1))) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": date " + t
                        + " is not after the previous row's " + times.get(times.size() - 1));
            }
            double[] row = new double[names.size()];
            for (int c = 0; c < row.length; c++) {
                String v = trimmed(f[at.get(c)]);
                try {
                    row[c] = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    row[c] = Double.NaN;
                }
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException(source + ", line " + lineNo + ": column '" + names.get(c)
                            + "' has non-numeric value '" + v + "'");
                }
            }
            times.add(t);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows");
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = rows.get(r)[c];
            }
            cols.put(names.get(c), v);
        }
        return new EttData(name, times.toArray(new LocalDateTime[0]), Collections.unmodifiableMap(cols));
    }

    /** A field without surrounding white space (its quotes were removed by the tokeniser). */
    private static String trimmed(String s) {
        return s.trim();
    }

    private static LocalDateTime parseTime(String s, String source, int lineNo) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s.replace('T', ' '), DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ", line " + lineNo + ": cannot read date '" + s
                    + "' (expected yyyy-MM-dd HH:mm:ss)");
        }
    }

    /** The data set's name (the file name without extension). */
    public String name() {
        return name;
    }

    /** How many data rows. */
    public int rows() {
        return times.length;
    }

    /** The numeric column names, in file order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The time of every row (a copy). */
    public LocalDateTime[] times() {
        return times.clone();
    }

    /** A numeric column (a copy); an unknown name is refused with the list of columns. */
    public double[] column(String columnName) {
        double[] v = columns.get(columnName);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no column '" + columnName + "' (columns: "
                    + String.join(", ", columns.keySet()) + ")");
        }
        return v.clone();
    }
}

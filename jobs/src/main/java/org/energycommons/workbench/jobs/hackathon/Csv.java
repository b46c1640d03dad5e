package org.energycommons.workbench.jobs.hackathon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;

/**
 * The CSV of a hackathon pack: UTF-8 without BOM, comma-separated, a header row, {@code \n} line ends, a cell
 * quoted only when it holds a comma, a quote or a line break, an empty cell for null, numbers in plain notation
 * rounded half-even to their field's decimals with trailing zeros dropped. The same frame always gives the same
 * bytes. The reader accepts what spreadsheets and pandas write (BOM, {@code \r\n}, quoted cells).
 */
public final class Csv {

    private Csv() {
    }

    /** The bytes of a frame. */
    public static byte[] write(Frame frame) {
        StringBuilder sb = new StringBuilder(64 + frame.size() * 16 * Math.max(1, frame.fields().size()));
        List<Field> fields = frame.fields();
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(fields.get(i).name()));
        }
        sb.append('\n');
        for (Object[] row : frame.rows()) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(fields.get(i), row[i]));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One cell as written. */
    static String cell(Field field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (field.type()) {
            case NUMBER -> number(((Number) value).doubleValue(), field.decimals());
            case INTEGER -> Long.toString(((Number) value).longValue());
            default -> quote(value.toString());
        };
    }

    /** A number in plain notation, rounded half-even to {@code decimals}, trailing zeros dropped; NaN is empty. */
    public static String number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        BigDecimal d = decimals < 0 ? BigDecimal.valueOf(v).stripTrailingZeros()
                : BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** A number rounded as {@link #number} writes it. */
    public static double rounded(double v, int decimals) {
        String s = number(v, decimals);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * A parsed CSV: header and records, each record with the line number it starts on (1 = the header).
     *
     * @param header the header cells
     * @param records the records (header excluded)
     * @param lines the line each record starts on
     */
    public record Table(List<String> header, List<List<String>> records, List<Integer> lines) {
    }

    /**
     * Parses CSV text.
     *
     * @throws IllegalArgumentException with the line of an unterminated quote, or when there is no header
     */
    public static Table read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> all = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean inRecord = false;
        int line = 1;
        int recordLine = 1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            if (!inRecord) {
                inRecord = true;
                recordLine = line;
            }
            if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    all.add(record);
                    starts.add(recordLine);
                }
                record = new ArrayList<>();
                inRecord = false;
                line++;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + recordLine + ": a quoted cell is never closed");
        }
        if (inRecord) {
            record.add(cell.toString());
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                all.add(record);
                starts.add(recordLine);
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the file is empty (no header row)");
        }
        return new Table(all.get(0).stream().map(String::strip).toList(), all.subList(1, all.size()),
                starts.subList(1, starts.size()));
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;

/**
 * A {@code ;}-separated Enedis file opened for reading: the header is the first non-blank line, columns are found
 * by normalised name ({@link FrenchText#headerKey} without underscores, so {@code Courbe Moyenne n°1 + n°2 (Wh)}
 * and {@code courbe_moyenne_n1_n2_wh} are the same column) with aliases, extra columns are tolerated, and each
 * following non-blank record (a line, or more when a quoted field holds line breaks) has exactly as many fields as
 * the header. Empty names at the end of the header (a header ending in {@code ;}) are dropped, and a record may end
 * with as many extra empty fields (at least one: a record ending in {@code ;}).
 *
 * <p>Each record is first passed through {@link EnedisFormats#repair}, so a UTF-8 file that the reader decoded as
 * Windows-1252 (because it also holds a Latin-1 line) still has its accented headers and values.
 */
final class EnedisCsv {

    /**
     * A column of a source.
     *
     * @param label the French label, used in messages
     * @param required whether a file without it is refused
     * @param aliases other names it is published under
     */
    record Column(String label, boolean required, String... aliases) {

        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            keys.add(compact(label));
            for (String a : aliases) {
                keys.add(compact(a));
            }
            return keys;
        }
    }

    private static boolean blankFrom(String[] fields, int from) {
        for (int i = from; i < fields.length; i++) {
            if (!fields[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Handles one record; throws {@link EnedisFormats.Bad} to reject it. */
    interface Handler {
        void record(long line, String raw, String[] fields);
    }

    private final DelimitedRecords records;
    private final String[] header;
    private final int[] index;
    private final int extraBlanks;

    private EnedisCsv(DelimitedRecords records, String[] header, int[] index, int extraBlanks) {
        this.records = records;
        this.header = header;
        this.index = index;
        this.extraBlanks = extraBlanks;
    }

    /** Normalised column name: {@link FrenchText#headerKey} without underscores. */
    static String compact(String name) {
        return FrenchText.headerKey(EnedisFormats.repair(name)).replace("_", "");
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws SchemaMismatchException for an empty file or a header that lacks a required column
     */
    static EnedisCsv open(String fileName, String source, InputStream content, List<Column> columns)
            throws IOException {
        BufferedReader reader = FrenchText.reader(content);
        long lineNo = 0;
        String line;
        do {
            line = reader.readLine();
            lineNo++;
        } while (line != null && line.isBlank());
        if (line == null) {
            throw new SchemaMismatchException(fileName + ": not a " + source + " file: empty file");
        }
        String[] header = DelimitedRecords.fields(EnedisFormats.repair(line), ';');
        int trailing = 0;
        while (header.length - trailing > 1 && header[header.length - 1 - trailing].isBlank()) {
            trailing++;
        }
        header = Arrays.copyOf(header, header.length - trailing);
        String[] keys = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            keys[i] = compact(header[i]);
        }
        int[] index = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Set<String> wanted = columns.get(c).keys();
            index[c] = -1;
            for (int i = 0; i < keys.length && index[c] < 0; i++) {
                if (wanted.contains(keys[i])) {
                    index[c] = i;
                }
            }
            if (index[c] < 0 && columns.get(c).required()) {
                missing.add(columns.get(c).label());
            }
        }
        if (!missing.isEmpty()) {
            String hint = null;
            if (header.length == 1 && line.indexOf(',') >= 0) {
                hint = "the header is separated by ',' not ';'";
            } else if (header.length == 1 && line.indexOf('\t') >= 0) {
                hint = "the header is separated by tabs not ';'";
            }
            throw EnedisFormats.missingColumns(fileName, source, missing, hint);
        }
        return new EnedisCsv(new DelimitedRecords(reader, ';', lineNo), header, index, Math.max(1, trailing));
    }

    /** Position of the i-th column of the list given to {@link #open} in a record, or -1 when absent. */
    int index(int column) {
        return index[column];
    }

    /** Whether the header has a column of this name (normalised). */
    boolean hasHeader(String name) {
        String key = compact(name);
        for (String h : header) {
            if (compact(h).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The stripped value of a field, or the empty string when the column is absent. */
    static String field(String[] fields, int index) {
        return index < 0 ? "" : fields[index].strip();
    }

    /**
     * Reads every record: blank lines are skipped, a line with the wrong number of fields is rejected, and any
     * exception of the handler rejects the record with its message.
     */
    void forEach(RecordSink sink, Handler handler) throws IOException {
        int n = header.length;
        for (DelimitedRecords.Record record = records.next(); record != null; record = records.next()) {
            long lineNo = record.line();
            String raw = FrenchText.abbreviate(record.text(), FrenchText.MAX_RAW_CHARS);
            String repaired = EnedisFormats.repair(record.text());
            String[] fields = repaired.equals(record.text()) ? record.fields() : DelimitedRecords.fields(repaired, ';');
            if (fields.length > n && fields.length <= n + extraBlanks && blankFrom(fields, n)) {
                fields = Arrays.copyOf(fields, n);
            }
            if (fields.length != n) {
                sink.reject(lineNo, raw, "expected " + n + " fields, got " + fields.length);
                continue;
            }
            try {
                handler.record(lineNo, raw, fields);
            } catch (EnedisFormats.Bad e) {
                sink.reject(lineNo, raw, e.getMessage());
            } catch (RuntimeException e) {
                sink.reject(lineNo, raw, "unreadable record: " + FrenchText.abbreviate(String.valueOf(e), 200));
            }
        }
    }
}

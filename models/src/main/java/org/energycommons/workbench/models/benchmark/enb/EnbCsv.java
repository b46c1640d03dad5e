package org.energycommons.workbench.models.benchmark.enb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;

/**
 * Reads the ENB2012 CSV as distributed ({@code ENB2012_data.csv}: comma separated (tokenised by
 * {@link DelimitedRecords}), header
 * {@code X1,X2,X3,X4,X5,X6,X7,X8,Y1,Y2}, CRLF line ends, possibly no final newline). Columns are found by
 * name, so their order does not matter and extra columns are ignored. Every refusal is an
 * {@link IllegalArgumentException} naming the source and the 1-based line.
 */
public final class EnbCsv {

    private EnbCsv() {
    }

    /** Reads a file. */
    public static EnbData read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses CSV text; {@code source} names it in messages. */
    public static EnbData parse(String text, String source) {
        List<DelimitedRecords.Record> records = DelimitedRecords.of(text, ',');
        if (records.isEmpty() || records.get(0).line() != 1) {
            throw new IllegalArgumentException(source + ": empty file or blank header (line 1)");
        }
        String[] header = records.get(0).fields();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].trim();
            if (index.putIfAbsent(name, c) != null && !name.isEmpty()) {
                throw new IllegalArgumentException(source + ", line 1: duplicate column '" + name + "'");
            }
        }
        List<String> wanted = new ArrayList<>(EnbData.FEATURES);
        wanted.addAll(EnbData.TARGETS);
        List<String> missing = wanted.stream().filter(w -> !index.containsKey(w)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ", line 1: missing column(s) " + missing
                    + " in header '" + records.get(0).text() + "' (expected " + String.join(",", wanted) + ")");
        }
        int[] at = wanted.stream().mapToInt(index::get).toArray();
        List<double[]> rows = new ArrayList<>();
        for (DelimitedRecords.Record record : records.subList(1, records.size())) {
            long lineNo = record.line();
            String[] fields = record.fields();
            if (fields.length != header.length) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": expected " + header.length
                        + " fields, found " + fields.length + ": '" + record.text() + "'");
            }
            double[] row = new double[at.length];
            for (int j = 0; j < at.length; j++) {
                String field = fields[at[j]].trim();
                try {
                    row[j] = Double.parseDouble(field);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ", line " + lineNo + ", column " + wanted.get(j)
                            + ": not a number: '" + field + "'", e);
                }
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(source + ", line " + lineNo + ", column " + wanted.get(j)
                            + ": not a finite number: '" + field + "'");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": header but no data rows");
        }
        int p = EnbData.FEATURES.size();
        double[][] x = new double[rows.size()][];
        double[] y1 = new double[rows.size()];
        double[] y2 = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            x[i] = java.util.Arrays.copyOf(r, p);
            y1[i] = r[p];
            y2[i] = r[p + 1];
        }
        return new EnbData(x, y1, y2);
    }
}

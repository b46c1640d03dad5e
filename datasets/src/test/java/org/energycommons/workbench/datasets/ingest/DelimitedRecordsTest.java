package org.energycommons.workbench.datasets.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedRecordsTest {

    private static DelimitedRecords after(String text, long linesBefore) {
        try {
            return new DelimitedRecords(new BufferedReader(new StringReader(text)), ';', linesBefore);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRecord(long line, String text, String[] fields, DelimitedRecords.Record r) {
        assertEquals(line, r.line(), "line");
        assertEquals(text, r.text(), "text");
        assertArrayEquals(fields, r.fields(), "fields");
    }

    @Test
    void quotedLineBreaksMakeOneRecordNumberedByItsFirstLine() throws IOException {
        DelimitedRecords records = after("a;\"b\nc\";d\r\n\r\n  \ne;\"f\r\ng\rh\"\ni;j", 1);
        assertRecord(2, "a;\"b\nc\";d", new String[] {"a", "b\nc", "d"}, records.next());
        assertRecord(6, "e;\"f\r\ng\rh\"", new String[] {"e", "f\r\ng\rh"}, records.next());
        assertRecord(9, "i;j", new String[] {"i", "j"}, records.next());
        assertNull(records.next());
    }

    @Test
    void quotesAsFrenchExportsWriteThem() throws IOException {
        DelimitedRecords records = after("\"a\"\"b\";c\"d;\"e\"f;;\n\"open;to the end\nof the file", 0);
        assertRecord(1, "\"a\"\"b\";c\"d;\"e\"f;;", new String[] {"a\"b", "c\"d", "ef", "", ""}, records.next());
        assertRecord(2, "\"open;to the end\nof the file", new String[] {"open;to the end\nof the file"},
                records.next());
        assertNull(records.next());
    }

    @Test
    void allRecordsOfATextWithoutItsByteOrderMark() {
        List<DelimitedRecords.Record> records = DelimitedRecords.of("\uFEFFx,y\n\n1,\"a\nb\"\n", ',');
        assertEquals(2, records.size());
        assertRecord(1, "x,y", new String[] {"x", "y"}, records.get(0));
        assertRecord(3, "1,\"a\nb\"", new String[] {"1", "a\nb"}, records.get(1));
    }

    @Test
    void fieldsOfOneLine() {
        assertArrayEquals(new String[] {""}, DelimitedRecords.fields("", ';'));
        assertArrayEquals(new String[] {"x", " \"y\" ", "z,w"}, DelimitedRecords.fields("x; \"y\" ;z,w", ';'));
        assertArrayEquals(new String[] {"x;y", "z"}, DelimitedRecords.fields("x;y,z", ','));
    }

    @Test
    void aRecordTooLongToHoldIsOneClearFailureNotTheWholeMemory() throws IOException {
        // A single line of 5 million characters (as a quote left open, or a file of something else, would read).
        String text = "a;b\nc;d\n" + "x".repeat(5_000_000) + "\ne;f\n";
        DelimitedRecords records = new DelimitedRecords(new BufferedReader(new StringReader(text)), ';', 0);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
            for (DelimitedRecords.Record r = records.next(); r != null; r = records.next()) {
                assertEquals(3, r.fields().length + 1, "only the short records come back: " + r.line());
            }
        });
        assertEquals("a record longer than 4,194,304 characters on line 3: a quote left open, or not a file of "
                + "this source", e.getMessage());
    }
}

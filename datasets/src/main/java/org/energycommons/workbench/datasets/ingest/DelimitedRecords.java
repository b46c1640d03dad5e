package org.energycommons.workbench.datasets.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a delimited text file, tokenised by Commons CSV, each with the line it starts on and its text as
 * written (for reject messages).
 *
 * <p>Fields are separated by one character and may be quoted with {@code "}: a quoted field may hold the
 * separator and line breaks, and a doubled quote in it is one quote. As French exports write them, a quote that does
 * not open a field is an ordinary character, text after a closing quote stays in the field, and a quote left open
 * runs to the end of the file. Blank records (empty or white-space lines) are skipped but their lines counted;
 * {@code \n}, {@code \r\n} and {@code \r} each end a line.
 */
public final class DelimitedRecords {

    /**
     * One record.
     *
     * @param line the 1-based line of the file it starts on
     * @param text the record as written, without its final line break (it holds the line breaks of quoted fields)
     * @param fields its fields, unquoted
     */
    public record Record(long line, String text, String[] fields) {
    }

    /**
     * Longest record read, in characters (a record of a real source is a few hundred; records read ahead count):
     * beyond it, the file is refused with one line rather than held in memory.
     */
    public static final int MAX_RECORD_CHARS = 4 << 20;

    private final CapturingReader text;
    private final Iterator<CSVRecord> parsed;
    private CSVRecord pending;
    private long nextLine;

    /**
     * Reads the records that follow in a reader, e.g. after a header line read with
     * {@link BufferedReader#readLine()}.
     *
     * @param linesBefore the lines of the file already read (so the first record read here is on line
     *     {@code linesBefore + 1})
     */
    public DelimitedRecords(BufferedReader reader, char separator, long linesBefore) throws IOException {
        this.text = new CapturingReader(reader);
        this.parsed = CSVParser.builder().setReader(text).setFormat(format(separator)).get().iterator();
        this.nextLine = linesBefore + 1;
        this.pending = nextParsed();
    }

    /** The Commons CSV format of these files: RFC 4180 quoting, lenient about trailing text and an open quote. */
    public static CSVFormat format(char separator) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
    }

    /** The fields of the first record of a text, e.g. a header line; an empty text is one empty field. */
    public static String[] fields(String text, char separator) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format(separator)).get()) {
            Iterator<CSVRecord> records = p.iterator();
            return records.hasNext() ? records.next().values() : new String[] {""};
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
    }

    /**
     * All the non-blank records of a text, a header included (it is the first when on line 1); a byte-order mark
     * opening the text is not part of it.
     */
    public static List<Record> of(String text, char separator) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            DelimitedRecords records = new DelimitedRecords(new BufferedReader(new StringReader(body)), separator, 0);
            List<Record> all = new ArrayList<>();
            for (Record r = records.next(); r != null; r = records.next()) {
                all.add(r);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
    }

    /** The next non-blank record, or {@code null} at the end of the file. */
    public Record next() throws IOException {
        while (pending != null) {
            CSVRecord current = pending;
            pending = nextParsed();
            long end = pending == null ? text.end() : pending.getCharacterPosition();
            String written = text.take(current.getCharacterPosition(), end);
            long line = nextLine;
            nextLine += lineBreaks(written);
            text.line = nextLine;
            String record = withoutLineEnd(written);
            if (!record.isBlank()) {
                return new Record(line, record, current.values());
            }
        }
        return null;
    }

    private CSVRecord nextParsed() throws IOException {
        try {
            return parsed.hasNext() ? parsed.next() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long lineBreaks(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    private static String withoutLineEnd(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '\r') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Keeps the characters read from a reader until they are taken, so that a record's text can be cut out; refuses
     * to keep more than {@link #MAX_RECORD_CHARS} (a record that long is a quote left open or not a file of the
     * source, and a single line of a gigabyte must not take the memory of every task).
     */
    private static final class CapturingReader extends Reader {

        private final Reader in;
        private final StringBuilder kept = new StringBuilder();
        /** Position in the stream of {@code kept}'s first character. */
        private long keptFrom;
        /** The line the first record kept starts on, for the message. */
        private long line = 1;

        CapturingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                kept.append(buffer, offset, n);
                if (kept.length() > MAX_RECORD_CHARS) {
                    // The lines of the records read ahead are in the kept text: the long one is after them.
                    long at = line + lineBreaks(kept.substring(0, Math.max(0, kept.lastIndexOf("\n") + 1)));
                    throw new IOException(String.format(java.util.Locale.ROOT, "a record longer than %,d "
                            + "characters on line %d: a quote left open, or not a file of this source",
                            MAX_RECORD_CHARS, at));
                }
            }
            return n;
        }

        /** Position in the stream after the last character read. */
        long end() {
            return keptFrom + kept.length();
        }

        /** The characters from {@code from} (inclusive) to {@code to}, forgetting everything before {@code to}. */
        String take(long from, long to) {
            String s = kept.substring((int) (from - keptFrom), (int) (to - keptFrom));
            kept.delete(0, (int) (to - keptFrom));
            keptFrom = to;
            return s;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

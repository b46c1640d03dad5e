package org.energycommons.workbench.datasets.ingest.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.types.StructField;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/** Fixture loading and the checks every connector test makes. */
final class ConnectorFixtures {

    private ConnectorFixtures() {
    }

    /** The bytes of {@code fixtures/<source>/<file>}. */
    static byte[] bytes(String source, String file) throws IOException {
        String resource = "/fixtures/" + source + "/" + file;
        try (InputStream in = ConnectorFixtures.class.getResourceAsStream(resource)) {
            assertNotNull(in, "no test resource " + resource);
            return in.readAllBytes();
        }
    }

    /**
     * Parses a fixture and checks the accounting: accepted + rejected equals the records the file holds, counted
     * independently of the connector (non-blank lines after the header).
     */
    static CollectingSink parse(SourceConnector connector, String source, String file) throws IOException {
        byte[] content = bytes(source, file);
        CollectingSink sink = CollectingSink.parse(connector, file, content);
        assertEquals(recordCount(content), sink.read(), file + ": every record accepted or rejected");
        checkReasons(sink);
        return sink;
    }

    /** {@link #parse} and {@link #checkRows}: the records accounted for, the accepted rows well formed. */
    static CollectingSink parseChecked(SourceConnector connector, String source, String file) throws IOException {
        CollectingSink sink = parse(connector, source, file);
        checkRows(connector, sink);
        return sink;
    }

    /** The refusal of a fixture (of this source or another one) by a connector. */
    static SchemaMismatchException refusal(SourceConnector connector, String source, String file) throws IOException {
        byte[] content = bytes(source, file);
        return assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(connector, file, content));
    }

    /** Expected values of a row. */
    static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    /** Gzipped bytes. */
    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    /** Checks that every record of a file was accepted, and how many there were. */
    static void assertAllAccepted(int records, CollectingSink sink) {
        assertEquals(records, sink.accepted.size(), "accepted");
        assertEquals(List.of(), sink.rejected, "rejected");
    }

    /** Instants written in ISO-8601 UTC. */
    static List<Instant> instantsOf(String... isoInstants) {
        return Arrays.stream(isoInstants).map(Instant::parse).toList();
    }

    /** Non-blank lines after the first non-blank one (the header), gunzipping when needed. */
    static int recordCount(byte[] content) throws IOException {
        byte[] plain = content;
        if (content.length > 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                plain = in.readAllBytes();
            }
        }
        int nonBlank = 0;
        int start = 0;
        for (int i = 0; i <= plain.length; i++) {
            if (i == plain.length || plain[i] == '\n') {
                boolean blank = true;
                for (int j = start; j < i && blank; j++) {
                    int b = plain[j] & 0xff;
                    blank = b == ' ' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF;
                }
                if (!blank) {
                    nonBlank++;
                }
                start = i + 1;
            }
        }
        return Math.max(0, nonBlank - 1);
    }

    /** Reasons are short one-liners; raw text is bounded. */
    static void checkReasons(CollectingSink sink) {
        for (CollectingSink.Rejected r : sink.rejected) {
            assertFalse(r.reason().isBlank(), "reason of line " + r.line());
            assertTrue(r.reason().length() <= 200, "short reason: " + r.reason());
            assertFalse(r.reason().contains("\n"), r.reason());
            assertTrue(r.raw().length() <= org.energycommons.workbench.datasets.ingest.FrenchText.MAX_RAW_CHARS + 1,
                    "raw text abbreviated");
        }
    }

    /** Line → reason of the rejected records, in file order. */
    static Map<Long, String> reasons(CollectingSink sink) {
        Map<Long, String> reasons = new LinkedHashMap<>();
        sink.rejected.forEach(r -> reasons.put(r.line(), r.reason()));
        return reasons;
    }

    /** Lines of the accepted records. */
    static List<Long> acceptedLines(CollectingSink sink) {
        List<Long> lines = new ArrayList<>();
        sink.accepted.forEach(a -> lines.add(a.line()));
        return lines;
    }

    /** The accepted record at a line. */
    static List<Object> row(CollectingSink sink, long line) {
        return sink.accepted.stream().filter(a -> a.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no accepted record at line " + line)).values();
    }

    /** A UTC instant as the connectors return it. */
    static Timestamp ts(String isoInstant) {
        return Timestamp.from(Instant.parse(isoInstant));
    }

    /** The catalogue entry, schema and key agree; the connector survives Java serialisation (Spark ships it). */
    static void checkContract(SourceConnector connector, String name) {
        assertEquals(name, connector.name());
        SourceDescription d = connector.description();
        assertEquals(name, d.name());
        assertEquals("etalab-2.0", d.licence());
        assertFalse(d.personalData());
        assertTrue(d.url().startsWith("https://"));
        assertEquals(org.energycommons.workbench.datasets.ingest.SilverMappings.of(name).table().relativePath(),
                d.silverTable(), "the silver table the ingest writes");
        StructField[] fields = connector.schema().fields();
        assertEquals(fields.length, d.columns().size());
        for (int i = 0; i < fields.length; i++) {
            assertEquals(fields[i].name(), d.columns().get(i).name());
            assertEquals(fields[i].dataType().simpleString(), d.columns().get(i).type());
        }
        for (String k : connector.key()) {
            StructField f = connector.schema().apply(k);
            assertFalse(f.nullable(), "key column " + k + " is not nullable");
        }
        assertEquals(connector.schema(), serialisedCopy(connector).schema());
    }

    /** A Java-serialised copy, as Spark ships connectors to executors. */
    static SourceConnector serialisedCopy(SourceConnector connector) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(connector);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (SourceConnector) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("not serialisable: " + connector.name(), e);
        }
    }

    /** Every accepted row has as many values as the schema, and non-nullable columns are set. */
    static void checkRows(SourceConnector connector, CollectingSink sink) {
        StructField[] fields = connector.schema().fields();
        for (CollectingSink.Accepted a : sink.accepted) {
            assertEquals(fields.length, a.values().size(), "values of line " + a.line());
            for (int i = 0; i < fields.length; i++) {
                if (!fields[i].nullable()) {
                    assertNotNull(a.values().get(i), fields[i].name() + " of line " + a.line());
                }
            }
        }
    }

    /** Instants of one series, in file order. */
    static List<Instant> instants(CollectingSink sink, int seriesColumn, String series, int tsColumn) {
        List<Instant> out = new ArrayList<>();
        for (CollectingSink.Accepted a : sink.accepted) {
            if (series.equals(a.values().get(seriesColumn))) {
                out.add(((Timestamp) a.values().get(tsColumn)).toInstant());
            }
        }
        return out;
    }

    /**
     * Checks that a quoted field holding a line break is read as one record: the file with {@code field} (its
     * first occurrence) replaced by {@code quotedWithLineBreak} gives as many accepted and rejected records as the
     * original, with the same values except that one field, and the records after it one line further down.
     *
     * @return the sink of the edited file
     */
    static CollectingSink checkQuotedLineBreak(SourceConnector connector, String text, Charset charset,
                                               String field, String quotedWithLineBreak) throws IOException {
        int at = text.indexOf(field);
        assertTrue(at > 0, "the fixture holds " + field);
        long editedLine = 1 + text.substring(0, at).chars().filter(c -> c == '\n').count();
        String edited = text.substring(0, at) + quotedWithLineBreak + text.substring(at + field.length());
        CollectingSink before = CollectingSink.parse(connector, "before.csv", text.getBytes(charset));
        CollectingSink after = CollectingSink.parse(connector, "after.csv", edited.getBytes(charset));
        assertEquals(before.rejected.size(), after.rejected.size(), "rejected: " + after.rejected);
        assertEquals(before.accepted.size(), after.accepted.size());
        boolean seen = false;
        for (int i = 0; i < before.accepted.size(); i++) {
            CollectingSink.Accepted b = before.accepted.get(i);
            CollectingSink.Accepted a = after.accepted.get(i);
            assertEquals(b.line() + (b.line() > editedLine ? 1 : 0), a.line(), "line of record " + i);
            if (b.line() == editedLine) {
                seen = true;
                for (int c = 0; c < b.values().size(); c++) {
                    Object value = a.values().get(c);
                    assertTrue(java.util.Objects.equals(b.values().get(c), value)
                            || String.valueOf(value).contains("\n"), "value " + c + ": " + value);
                }
            } else {
                assertEquals(b.values(), a.values());
            }
        }
        assertTrue(seen, "the edited record is accepted");
        return after;
    }
}

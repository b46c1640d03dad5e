package org.energycommons.workbench.datasets.ingest.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/** Shared helpers of the Enedis connector tests. */
final class EnedisFixtures {

    private EnedisFixtures() {
    }

    /** Parses {@code /fixtures/<source>/<file>}. */
    static CollectingSink parse(SourceConnector connector, String source, String file) throws IOException {
        return CollectingSink.parseResource(connector, "/fixtures/" + source + "/" + file);
    }

    /** Rejects as line → reason. */
    static Map<Long, String> reasons(CollectingSink sink) {
        Map<Long, String> out = new TreeMap<>();
        for (CollectingSink.Rejected r : sink.rejected) {
            out.put(r.line(), r.reason());
        }
        assertEquals(sink.rejected.size(), out.size(), "one reject per line");
        return out;
    }

    /** The instant of a timestamp value. */
    static Instant instant(Object value) {
        return ((Timestamp) value).toInstant();
    }

    /** The instants in column {@code column} of the accepted rows, checked strictly increasing. */
    static List<Instant> strictlyIncreasing(CollectingSink sink, int column) {
        List<Instant> out = new ArrayList<>();
        for (CollectingSink.Accepted a : sink.accepted) {
            Instant t = instant(a.values().get(column));
            if (!out.isEmpty()) {
                assertTrue(t.isAfter(out.get(out.size() - 1)), "not increasing at line " + a.line() + ": " + t);
            }
            out.add(t);
        }
        return out;
    }

    /** Every accepted row has one value per schema column, and every raw text is abbreviated. */
    static void wellFormed(SourceConnector connector, CollectingSink sink) {
        int n = connector.schema().fields().length;
        for (CollectingSink.Accepted a : sink.accepted) {
            assertEquals(n, a.values().size(), "values of line " + a.line());
        }
        for (CollectingSink.Rejected r : sink.rejected) {
            assertTrue(r.raw().length() <= FrenchText.MAX_RAW_CHARS + 1, "raw of line " + r.line());
            assertTrue(!r.reason().isBlank() && r.reason().length() < 400, "reason of line " + r.line());
        }
    }

    /** The catalogue entry matches the schema and the brief's conventions. */
    static void describes(SourceConnector connector, String licence, boolean personal) {
        SourceDescription d = connector.description();
        assertEquals(connector.name(), d.name());
        assertEquals("Enedis", d.producer());
        assertEquals(licence, d.licence());
        assertEquals(personal, d.personalData());
        assertTrue(d.url().startsWith("https://"));
        assertTrue(d.silverTable().startsWith("silver/"));
        assertEquals(connector.schema().fields().length, d.columns().size());
        for (int i = 0; i < d.columns().size(); i++) {
            assertEquals(connector.schema().fields()[i].name(), d.columns().get(i).name());
            assertEquals(connector.schema().fields()[i].dataType().simpleString(), d.columns().get(i).type());
            assertTrue(!d.columns().get(i).description().isBlank());
        }
        for (String k : connector.key()) {
            assertTrue(connector.schema().getFieldIndex(k).isDefined(), "key column " + k);
        }
        assertEquals(connector.name(), ConnectorFixtures.serialisedCopy(connector).name());
    }
}

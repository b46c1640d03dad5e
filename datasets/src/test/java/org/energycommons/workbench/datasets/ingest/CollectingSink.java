package org.energycommons.workbench.datasets.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A {@link RecordSink} that keeps everything, for connector tests. */
public final class CollectingSink implements RecordSink {

    /** An accepted record. */
    public record Accepted(long line, List<Object> values) {
    }

    /** A rejected record. */
    public record Rejected(long line, String raw, String reason) {
    }

    public final List<Accepted> accepted = new ArrayList<>();
    public final List<Rejected> rejected = new ArrayList<>();

    @Override
    public void accept(long line, Object... values) {
        accepted.add(new Accepted(line, java.util.Arrays.asList(values)));
    }

    @Override
    public void reject(long line, String raw, String reason) {
        rejected.add(new Rejected(line, raw, reason));
    }

    /** Records read: accepted plus rejected. */
    public int read() {
        return accepted.size() + rejected.size();
    }

    /** Parses bytes with a connector into a new sink. */
    public static CollectingSink parse(SourceConnector connector, String fileName, byte[] content) throws IOException {
        CollectingSink sink = new CollectingSink();
        connector.parse(fileName, new ByteArrayInputStream(content), sink);
        return sink;
    }

    /** Parses a test resource with a connector. */
    public static CollectingSink parseResource(SourceConnector connector, String resource) throws IOException {
        try (var in = CollectingSink.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(connector, resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        }
    }
}

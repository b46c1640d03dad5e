package org.energycommons.workbench.datasets.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Runs a connector's push-style parse on its own thread and hands its records out as a pull-style iterator
 * through a bounded queue, so a file of any size streams through a Spark task without being held in memory.
 *
 * @param <T> the type records are converted to
 */
public final class StreamingParse<T> implements Iterator<T> {

    /** One record as the connector passed it. */
    public record Record(long line, boolean accepted, Object[] values, String raw, String reason) {
    }

    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4096);
    private final Function<Record, T> convert;
    private Object next;

    /**
     * Starts parsing.
     *
     * @param connector the connector
     * @param fileName the file's name
     * @param content the file's bytes (closed when parsing ends)
     * @param convert turns each record into an output element
     */
    public StreamingParse(SourceConnector connector, String fileName, InputStream content, Function<Record, T> convert) {
        this.convert = convert;
        Thread producer = new Thread(() -> {
            try (InputStream in = content) {
                connector.parse(fileName, in, new RecordSink() {
                    @Override
                    public void accept(long line, Object... values) {
                        put(new Record(line, true, values, null, null));
                    }

                    @Override
                    public void reject(long line, String raw, String reason) {
                        put(new Record(line, false, null, FrenchText.abbreviate(raw, FrenchText.MAX_RAW_CHARS),
                                reason));
                    }
                });
                put(END);
            } catch (IOException e) {
                put(new IOException("cannot read " + fileName + ": " + e.getMessage() + hint(e), e));
            } catch (RuntimeException e) {
                put(e);
            }
        }, "parse-" + fileName);
        producer.setDaemon(true);
        producer.start();
    }

    /** What a user can do about a read failure, when its kind says it. */
    static String hint(IOException e) {
        if (e instanceof java.io.EOFException) {
            return " (the file ends early: a download or a copy cut short; fetch it again)";
        }
        if (e instanceof java.util.zip.ZipException) {
            return " (the compressed file is corrupt; fetch it again)";
        }
        return "";
    }

    private void put(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("parsing interrupted", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("parsing interrupted", e);
            }
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record r = (Record) next;
        next = null;
        return convert.apply(r);
    }
}

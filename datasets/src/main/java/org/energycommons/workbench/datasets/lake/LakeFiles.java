package org.energycommons.workbench.datasets.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Plain files beside the Delta tables (model artifacts, JSON), read and written through Hadoop's file system so
 * that the same code works on a local disk and on {@code s3a://} or {@code abfss://}.
 */
public final class LakeFiles {

    private final Configuration hadoop;

    public LakeFiles(SparkSession spark) {
        this.hadoop = spark.sparkContext().hadoopConfiguration();
    }

    private FileSystem fs(String path) throws IOException {
        return FileSystem.get(URI.create(toUri(path)), hadoop);
    }

    private static String toUri(String path) {
        // A URI keeps its scheme, Spark's "file:/tmp/x" (one slash) included; anything else is a local path.
        return path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*") ? path : java.nio.file.Path.of(path).toUri().toString();
    }

    /**
     * Writes bytes, replacing the file, whole or not at all: on a local disk through a temporary file beside it,
     * renamed into place (a process killed while writing leaves the former file, or none); on an object store
     * ({@code s3a://}, {@code abfss://}) an object appears only once its upload completes.
     */
    public void writeBytes(String path, byte[] content) {
        String uri = toUri(path);
        if (uri.startsWith("file:")) {
            java.nio.file.Path target = java.nio.file.Path.of(URI.create(uri));
            try {
                LocalFiles.writeWhole(target, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
            return;
        }
        try (OutputStream out = fs(path).create(new Path(uri), true)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes UTF-8 text, replacing the file. */
    public void writeString(String path, String content) {
        writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a whole file. */
    public byte[] readBytes(String path) {
        try (InputStream in = fs(path).open(new Path(toUri(path)))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a UTF-8 text file. */
    public String readString(String path) {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    /** Whether a file or folder exists. */
    public boolean exists(String path) {
        try {
            return fs(path).exists(new Path(toUri(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or folder recursively, if present. */
    public void delete(String path) {
        try {
            fs(path).delete(new Path(toUri(path)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}

package org.energycommons.workbench.datasets.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parsing of source files on Spark: one task per file, each file streamed through its connector, every record
 * out as one row with its file, line, status and either its typed values or its raw text and reason.
 */
public final class Ingestion {

    /** Metadata columns of parsed rows. */
    public static final String FILE = "source_file";
    public static final String LINE = "line";
    public static final String ACCEPTED = "accepted";
    public static final String RAW = "raw";
    public static final String REASON = "reason";

    private Ingestion() {
    }

    /** The files matched by paths or globs (local or Hadoop URIs), sorted; fails when one matches nothing. */
    public static List<String> expand(SparkSession spark, List<String> pathsOrGlobs) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TreeSet<String> files = new TreeSet<>();
        for (String p : pathsOrGlobs) {
            String uri = p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? p
                    : java.nio.file.Path.of(p).toAbsolutePath().normalize().toUri().toString();
            try {
                FileSystem fs = FileSystem.get(URI.create(uri), conf);
                FileStatus[] matches = fs.globStatus(new Path(uri));
                List<String> found = new ArrayList<>();
                if (matches != null) {
                    for (FileStatus s : matches) {
                        if (s.isFile()) {
                            found.add(s.getPath().toString());
                        }
                    }
                }
                // Hadoop's glob skips a name it cannot decode without a word: that file would be silently left out.
                requireUtf8Names(p, uri);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no file matches " + p);
                }
                files.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(files);
    }

    /**
     * The size and modification time of each file ({@code "bytes@millis"}), to tell whether a file changed while it
     * was read: a file still being copied or downloaded is ingested once complete, never half.
     */
    public static Map<String, String> stamps(SparkSession spark, List<String> files) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : files) {
            try {
                FileStatus s = FileSystem.get(URI.create(f), conf).getFileStatus(new Path(f));
                out.put(f, s.getLen() + "@" + s.getModificationTime());
            } catch (IOException e) {
                out.put(f, "unreadable: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Throws when a file's stamp differs from the one taken before reading it.
     *
     * @throws IllegalArgumentException naming the first file that changed
     */
    public static void requireUnchanged(Map<String, String> before, Map<String, String> after) {
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (!e.getValue().equals(now)) {
                String name = e.getKey().replaceAll(".*/", "");
                throw new IllegalArgumentException(name + " changed while it was read (" + describe(e.getValue())
                        + ", then " + describe(now) + "): nothing was written; ingest it again once it is complete");
            }
        }
    }

    private static String describe(String stamp) {
        if (stamp == null || !stamp.contains("@")) {
            return String.valueOf(stamp);
        }
        return stamp.substring(0, stamp.indexOf('@')) + " bytes";
    }

    /** What the JVM puts for bytes of a file name that are not UTF-8: such a name cannot be opened again. */
    private static final char NOT_UTF8 = '\uFFFD';

    /**
     * Refuses a path, or a file of the folder it names, whose name is not valid UTF-8: Java reads such a name with
     * a replacement character and can then neither match nor open the file, and a glob leaves it out silently.
     */
    private static void requireUtf8Names(String given, String uri) {
        if (given.indexOf(NOT_UTF8) >= 0) {
            throw new IllegalArgumentException("the path " + given + " is not valid UTF-8: rename the file or the "
                    + "folder (the workbench reads names as UTF-8)");
        }
        if (!uri.startsWith("file:")) {
            return;
        }
        java.nio.file.Path folder = java.nio.file.Path.of(URI.create(uri)).getParent();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> names = java.nio.file.Files.list(folder)) {
            names.map(f -> f.getFileName().toString()).filter(n -> n.indexOf(NOT_UTF8) >= 0).findFirst()
                    .ifPresent(n -> {
                        throw new IllegalArgumentException("a file name in " + folder + " is not valid UTF-8 ("
                                + n.replace(NOT_UTF8, '?') + "): rename it (the workbench reads names as UTF-8)");
                    });
        } catch (IOException e) {
            // The folder cannot be listed: the glob's own answer stands.
        }
    }

    /** Schema of parsed rows: metadata columns, then the connector's columns (nullable). */
    public static StructType parsedSchema(SourceConnector connector) {
        StructType s = new StructType()
                .add(FILE, DataTypes.StringType, false)
                .add(LINE, DataTypes.LongType, false)
                .add(ACCEPTED, DataTypes.BooleanType, false)
                .add(RAW, DataTypes.StringType, true)
                .add(REASON, DataTypes.StringType, true);
        for (StructField f : connector.schema().fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        return s;
    }

    /**
     * Parses the files, one Spark task per file (lazily: nothing runs until an action).
     *
     * @throws SchemaMismatchException from the action, when a file is not of this source
     */
    public static Dataset<Row> parse(SparkSession spark, SourceConnector connector, List<String> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int width = connector.schema().fields().length;
        JavaRDD<Row> rows = jsc.binaryFiles(String.join(",", files), files.size())
                .flatMap(fileAndStream -> {
                    String file = fileAndStream._1();
                    String name = file.substring(file.lastIndexOf('/') + 1);
                    return new StreamingParse<>(connector, name, fileAndStream._2().open(), r -> {
                        Object[] values = new Object[5 + width];
                        values[0] = file;
                        values[1] = r.line();
                        values[2] = r.accepted();
                        values[3] = r.raw();
                        values[4] = r.reason();
                        if (r.accepted()) {
                            System.arraycopy(r.values(), 0, values, 5, width);
                        }
                        return RowFactory.create(values);
                    });
                });
        return spark.createDataFrame(rows, parsedSchema(connector));
    }
}

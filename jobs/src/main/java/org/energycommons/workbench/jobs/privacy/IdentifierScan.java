package org.energycommons.workbench.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The files under a folder that still hold one of a person's identifiers: every Parquet file read with Spark
 * (a data file, a Delta checkpoint, a saved model's table), each row as JSON; every other file read as bytes (a
 * Delta commit file, a checksum, a saved model). What proves an erasure, and what it reports when something it
 * cannot edit still holds the person.
 *
 * <p>An identifier matches only as a whole word (not inside a longer identifier); a pseudonym matches by its first
 * 32 characters, which is what Delta keeps of it in the column statistics of its commit files.
 */
public final class IdentifierScan {

    /** What Delta keeps of a string in its column statistics. */
    static final int STATS_PREFIX = 32;

    private final SparkSession spark;
    private final List<String> patterns;
    private final Pattern any;

    /**
     * @param identifiers the values to look for, each in full (a pseudonym is looked for by its first 32
     *     characters); none may be blank
     */
    public IdentifierScan(SparkSession spark, List<String> identifiers) {
        this.spark = spark;
        this.patterns = identifiers.stream().map(IdentifierScan::pattern).toList();
        this.any = Pattern.compile(String.join("|", patterns));
    }

    private static String pattern(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("a blank identifier would match everything");
        }
        boolean pseudonym = HouseholdMeter.PSEUDONYM.matcher(identifier).matches();
        String word = pseudonym ? identifier.substring(0, STATS_PREFIX) : identifier;
        return "(?<![A-Za-z0-9_-])" + Pattern.quote(word) + (pseudonym ? "" : "(?![A-Za-z0-9_-])");
    }

    /**
     * The files under {@code root} (a local folder or a Hadoop URI) holding an identifier, sorted.
     *
     * @param skip folders and files left out, by their path
     */
    public List<String> filesHolding(String root, Predicate<String> skip) {
        Map<String, List<String>> parquetByFolder = new LinkedHashMap<>();
        TreeSet<String> holding = new TreeSet<>();
        try {
            Path top = new Path(URI.create(uri(root)));
            FileSystem fs = top.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(top)) {
                return List.of();
            }
            List<FileStatus> pending = new ArrayList<>(List.of(fs.listStatus(top)));
            while (!pending.isEmpty()) {
                FileStatus f = pending.remove(pending.size() - 1);
                String path = f.getPath().toString();
                if (skip.test(path)) {
                    continue;
                }
                if (f.isDirectory()) {
                    pending.addAll(List.of(fs.listStatus(f.getPath())));
                } else if (path.endsWith(".parquet") && !f.getPath().getName().startsWith(".")) {
                    parquetByFolder.computeIfAbsent(f.getPath().getParent().toString(), k -> new ArrayList<>())
                            .add(path);
                } else if (holds(fs, f)) {
                    holding.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root + ": " + e.getMessage(), e);
        }
        for (List<String> files : parquetByFolder.values()) {
            holding.addAll(parquetHolding(files));
        }
        return List.copyOf(holding);
    }

    private boolean holds(FileSystem fs, FileStatus f) throws IOException {
        try (InputStream in = fs.open(f.getPath())) {
            // ISO-8859-1 maps every byte to one character: an identifier stored as text is found as it is.
            return any.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).find();
        }
    }

    /** The Parquet files of one folder holding an identifier: read together, else one by one. */
    private List<String> parquetHolding(List<String> files) {
        try {
            return matching(spark.read().option("mergeSchema", "true").parquet(files.toArray(String[]::new)));
        } catch (Exception together) { // schemas that do not merge (a table rewritten with another schema)
            List<String> found = new ArrayList<>();
            for (String file : files) {
                found.addAll(matching(spark.read().parquet(file)));
            }
            return found;
        }
    }

    private List<String> matching(Dataset<Row> data) {
        Column row = to_json(struct(col("*")));
        Column hit = lit(false);
        for (String p : patterns) {
            hit = hit.or(row.rlike(p));
        }
        return data.select(col("_metadata.file_path").as("file"), hit.as("hit"))
                .filter(col("hit"))
                .select("file").distinct()
                .collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static String uri(String root) {
        return root.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? root
                : java.nio.file.Path.of(root).toAbsolutePath().normalize().toUri().toString();
    }
}

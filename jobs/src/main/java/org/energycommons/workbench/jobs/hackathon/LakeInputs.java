package org.energycommons.workbench.jobs.hackathon;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.jobs.hackathon.Frame.Type;

/**
 * Reads what a task declares from the lake onto the driver, each table at one Delta version fixed first (a
 * writer committing meanwhile changes nothing in the pack): declared columns only, dates as {@code yyyy-MM-dd},
 * times as UTC {@code yyyy-MM-ddTHH:mm:ssZ}, booleans as 0/1. Reading writes nothing to the workspace. Real
 * per-meter data is read through the workspace's research consents ({@link ResearchConsent}) when given.
 */
final class LakeInputs {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Lake lake;
    private final Map<TableId, Long> versions = new LinkedHashMap<>();
    private final ResearchConsent consent;

    LakeInputs(Lake lake) {
        this(lake, null);
    }

    /** Reads per-meter tasks' tables through {@code consent} (null: as they are, synthetic data). */
    LakeInputs(Lake lake, ResearchConsent consent) {
        this.lake = lake;
        this.consent = consent;
    }

    /** The version a table is read at: its latest when first asked, the same afterwards. */
    long version(TableId table) {
        return versions.computeIfAbsent(table, lake::version);
    }

    /** Reads the sources of a task (missing optional ones are left out). */
    Map<TableId, Frame> read(List<HackathonTask.Source> sources) {
        return read(sources, false);
    }

    /** Reads the sources of a task; those of a per-meter task through the research consents, when given. */
    Map<TableId, Frame> read(List<HackathonTask.Source> sources, boolean perMeter) {
        Map<TableId, Frame> frames = new LinkedHashMap<>();
        for (HackathonTask.Source s : sources) {
            if (s.optional() && !lake.exists(s.table())) {
                continue;
            }
            frames.put(s.table(), read(s, perMeter && consent != null));
        }
        return frames;
    }

    /** The tables a task read with their versions, in the order declared. */
    Map<String, Long> versionsOf(List<HackathonTask.Source> sources) {
        Map<String, Long> v = new LinkedHashMap<>();
        for (HackathonTask.Source s : sources) {
            if (versions.containsKey(s.table())) {
                v.put(s.table().relativePath(), versions.get(s.table()));
            }
        }
        return v;
    }

    private Dataset<Row> at(TableId table) {
        return lake.read(table, version(table));
    }

    private Frame read(HackathonTask.Source s, boolean byConsent) {
        Dataset<Row> d = at(s.table());
        List<String> present = Arrays.asList(d.columns());
        for (String c : s.columns()) {
            if (!present.contains(c)) {
                throw new IllegalStateException("lake table " + s.table() + " has no column " + c
                        + " (rebuild it with this version of the workbench)");
            }
        }
        if (s.keyColumn() != null) {
            d = d.join(at(s.keyTable()).select(s.keyColumn()).distinct(), new String[] {s.keyColumn()}, "left_semi");
        }
        if (byConsent) {
            d = consent.shareable(s.table(), d);
        }
        List<Column> select = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (String c : s.columns()) {
            DataType t = d.schema().apply(c).dataType();
            Type type;
            Column column = col(c);
            if (t instanceof StringType) {
                type = Type.STRING;
            } else if (t instanceof IntegerType || t instanceof LongType || t instanceof ShortType
                    || t instanceof ByteType) {
                type = Type.INTEGER;
                column = column.cast("long");
            } else if (t instanceof BooleanType) {
                type = Type.INTEGER;
            } else if (t instanceof DateType) {
                type = Type.DATE;
                column = column.cast("string");
            } else if (t instanceof TimestampType || t instanceof TimestampNTZType) {
                type = Type.DATETIME;
                // Epoch seconds: formatted in UTC here, whatever the session's time zone.
                column = column.cast("long");
            } else {
                type = Type.NUMBER;
                column = column.cast("double");
            }
            select.add(column.as(c));
            fields.add(new Field(c, type, -1, null, null, null));
        }
        Frame frame = new Frame(fields);
        for (Row r : d.select(select.toArray(Column[]::new)).collectAsList()) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = r.get(i);
                if (v != null && fields.get(i).type() == Type.DATETIME) {
                    v = UTC.format(Instant.ofEpochSecond((Long) v));
                }
                values[i] = v;
            }
            frame.add(values);
        }
        if (byConsent) {
            consent.kept(s.table(), frame.size());
        }
        return frame;
    }
}

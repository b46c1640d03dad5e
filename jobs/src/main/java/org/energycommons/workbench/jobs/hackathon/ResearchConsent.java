package org.energycommons.workbench.jobs.hackathon;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.ConsentRegister;

/**
 * The research consents a pack of real per-meter data is filtered by: a meter's rows are shared only when it holds
 * a valid {@code research} consent in {@code silver/consents} on the day of the pack, and a building's rows only
 * when every meter of the building does (a block of flats is shared only with all its households' consent; a
 * building without a meter, none). What was left out is counted per table, for the card.
 */
final class ResearchConsent {

    private final LocalDate day;
    private final Dataset<Row> meters;
    private final Dataset<Row> buildings;
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    private ResearchConsent(LocalDate day, Dataset<Row> meters, Dataset<Row> buildings) {
        this.day = day;
        this.meters = meters;
        this.buildings = buildings;
    }

    /**
     * The consents of a workspace of real data on {@code day}.
     *
     * @throws IllegalArgumentException when the workspace has no consent register or no meters table
     */
    static ResearchConsent of(Lake lake, LocalDate day) {
        for (TableId t : List.of(Tables.CONSENTS, Tables.METERS)) {
            if (!lake.exists(t)) {
                throw new IllegalArgumentException("--allow-personal-data shares a household's rows only with its "
                        + "research consent, and this workspace has no " + t + ": ingest the consent register "
                        + "first ('workbench ingest consents FILE'), or pack the aggregate tasks alone with --tasks");
            }
        }
        Dataset<Row> consenting = ConsentRegister.consenting(lake.read(Tables.CONSENTS), ConsentRegister.RESEARCH,
                day).withColumn("_consents", lit(true));
        Dataset<Row> buildings = lake.read(Tables.METERS).select("meter_id", "building_id")
                .join(consenting, new String[] {"meter_id"}, "left")
                .groupBy("building_id")
                .agg(max(when(col("_consents").isNull(), 1).otherwise(0)).as("_refused"))
                .filter(col("_refused").equalTo(0))
                .select("building_id");
        return new ResearchConsent(day, consenting.select("meter_id"), buildings);
    }

    /** The day the consents hold on. */
    LocalDate day() {
        return day;
    }

    /**
     * The rows of a table that may be shared: by {@code meter_id} when the table has one, else by
     * {@code building_id}; a table with neither is not per-meter data and stays whole. The rows read are counted
     * here, the rows kept by the caller, which collects them ({@link #kept}).
     */
    Dataset<Row> shareable(TableId table, Dataset<Row> rows) {
        List<String> columns = Arrays.asList(rows.columns());
        Dataset<Row> kept;
        if (columns.contains("meter_id")) {
            kept = rows.join(meters, new String[] {"meter_id"}, "left_semi");
        } else if (columns.contains("building_id")) {
            kept = rows.join(buildings, new String[] {"building_id"}, "left_semi");
        } else {
            return rows;
        }
        counts.put(table.relativePath(), new long[] {rows.count(), -1});
        return kept;
    }

    /** Records how many rows of a table {@link #shareable} kept, once they are collected. */
    void kept(TableId table, long rows) {
        long[] n = counts.get(table.relativePath());
        if (n != null) {
            n[1] = rows;
        }
    }

    /**
     * What a task's card says of the filter: the purpose, the day, and for each of the task's tables it filtered
     * the rows read and the rows kept.
     */
    Map<String, Object> card(java.util.Collection<String> tables) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("purpose", ConsentRegister.RESEARCH);
        c.put("day", day.toString());
        Map<String, Object> filtered = new LinkedHashMap<>();
        for (String t : tables) {
            long[] n = counts.get(t);
            if (n != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rows", n[0]);
                m.put("kept", n[1]);
                filtered.put(t, m);
            }
        }
        c.put("tables", filtered);
        return c;
    }

    /** The rows a task's tables left out, all together. */
    long leftOut(java.util.Collection<String> tables) {
        return tables.stream().map(counts::get).filter(java.util.Objects::nonNull).mapToLong(n -> n[0] - n[1]).sum();
    }
}

package org.energycommons.workbench.jobs.hackathon;

import java.util.List;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;

/**
 * A frozen hackathon task: the lake tables it reads, the question it asks, how it is scored, and how it cuts the
 * tables into training rows, test inputs, an answer key and the baseline's predictions.
 */
public interface HackathonTask {

    /** The task id (fixed: cards, keys and scores name it). */
    String id();

    /** The use case it comes from ({@code uc4}). */
    String useCase();

    /** Short title. */
    Text title();

    /** The question a team answers. */
    Text question();

    /** Whether its rows describe single delivery points or buildings (refused from real data without a flag). */
    boolean perMeter();

    /** Whether the test rows are later in time than the training rows (a forecast). */
    boolean forecast();

    /** The lake tables it reads, and the columns of each (what {@link TaskInputs} must hold). */
    List<Source> sources(boolean synthetic);

    /** The metric. */
    Metric metric();

    /** The submission's prediction column (beside {@code id}). */
    Field target();

    /** The submission columns: {@code id} then the target. */
    default List<Field> submission() {
        return List.of(Fields.of("id"), target());
    }

    /** The baseline's name ({@code lag_7_days}). */
    String baselineName();

    /** Rules of this task beyond the common ones (may be empty). */
    List<Text> rules();

    /** Cuts the inputs into the task's files. */
    BuiltTask build(TaskInputs inputs);

    /**
     * A table read and the columns read from it.
     *
     * @param table the lake table
     * @param columns its columns the task reads
     * @param optional whether the task runs without it
     * @param keyColumn when not null, only rows whose value in this column is a value of the same column of
     *     {@code keyTable} are read (the buildings of the task, say)
     * @param keyTable see {@code keyColumn}
     */
    record Source(TableId table, List<String> columns, boolean optional, String keyColumn, TableId keyTable) {

        /** A whole table. */
        public Source(TableId table, List<String> columns, boolean optional) {
            this(table, columns, optional, null, null);
        }

        /** A required table. */
        public static Source of(TableId table, String... columns) {
            return new Source(table, List.of(columns), false);
        }

        /** The same source, restricted to the rows whose {@code column} value is in {@code keyTable}. */
        public Source within(String column, TableId keys) {
            return new Source(table, columns, optional, column, keys);
        }
    }
}

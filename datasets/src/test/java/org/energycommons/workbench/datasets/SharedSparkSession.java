package org.energycommons.workbench.datasets;

import org.apache.spark.sql.SparkSession;

/**
 * A test that uses Spark, given the one local session of the test JVM by implementing this interface, as Delta
 * Lake's Java tests are given theirs: a session costs seconds to start (docs/stack.md, pitfall 8), so every test class of every
 * module shares the recipe of {@link SparkSessions#forTests()} instead of making its own.
 *
 * <p>Instance code calls {@link #spark()}; static code ({@code @BeforeAll}, static helpers) reads {@link #SPARK},
 * which the implementing class inherits. The interface reaches the other modules through the datasets test-jar.
 */
public interface SharedSparkSession {

    /** The shared session, for the static code of the implementing tests. */
    SparkSession SPARK = SparkSessions.forTests();

    /** The shared local session. */
    default SparkSession spark() {
        return SparkSessions.forTests();
    }
}

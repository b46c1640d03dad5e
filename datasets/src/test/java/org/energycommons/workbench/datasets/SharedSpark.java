package org.energycommons.workbench.datasets;

import org.apache.spark.sql.SparkSession;

/** The one Spark session of a test JVM (docs/stack.md, pitfall 7: a session costs seconds, share it). */
public final class SharedSpark {

    private SharedSpark() {
    }

    /** The shared local session. */
    public static synchronized SparkSession get() {
        return SparkSessions.forTests();
    }
}

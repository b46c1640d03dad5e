package org.energycommons.workbench.datasets.ingest.connectors;

/**
 * The Enedis open-data half-hourly consumption aggregates of delivery points &gt;36 kVA, by profile, subscribed
 * power range and activity sector ({@code conso-sup36}); see {@link EnedisAggregatedCurve} for the format and
 * rules.
 */
public final class EnedisConsoSup36 extends EnedisAggregatedCurve {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = NAME_SUP36;

    public EnedisConsoSup36() {
        super(true);
    }
}

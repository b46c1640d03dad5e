package org.energycommons.workbench.datasets.ingest.connectors;

/**
 * The Enedis open-data half-hourly consumption aggregates of delivery points ≤36 kVA, by profile and subscribed
 * power range ({@code conso-inf36}); see {@link EnedisAggregatedCurve} for the format and rules.
 */
public final class EnedisConsoInf36 extends EnedisAggregatedCurve {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = NAME_INF36;

    public EnedisConsoInf36() {
        super(false);
    }
}

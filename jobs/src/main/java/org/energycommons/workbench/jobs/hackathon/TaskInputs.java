package org.energycommons.workbench.jobs.hackathon;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;

/**
 * What a task is built from: the tables it declared (read at one Delta version each), whether the workspace is
 * a generated synthetic region, the seed of the split, and the statistical-secrecy guard of aggregates.
 *
 * @param tables each declared table that exists, with the declared columns
 * @param synthetic whether the workspace holds a generated region (else real, pseudonymised data)
 * @param seed the seed of the split and of the pack's codes
 * @param guard the secrecy guard that aggregate rows (substation load) must pass
 */
public record TaskInputs(Map<TableId, Frame> tables, boolean synthetic, long seed, SecrecyGuard guard) {

    /** A declared table; fails naming it when it was not read. */
    public Frame table(TableId id) {
        Frame f = tables.get(id);
        if (f == null) {
            throw new IllegalStateException("table " + id + " was not read");
        }
        return f;
    }

    /** Whether a declared optional table was read. */
    public boolean has(TableId id) {
        return tables.containsKey(id);
    }
}

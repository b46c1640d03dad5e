package org.energycommons.workbench.models.mv;

import java.io.Serializable;

/**
 * What the grid search found for one candidate type: how many balance points (or pairs) were fitted, how many
 * qualified (CalTRACK: enough degree days, slopes > 0 and p-values below the threshold), and the best qualified
 * one.
 *
 * @param type the candidate type
 * @param evaluated candidates fitted (balance points or pairs that had enough degree days)
 * @param qualified candidates that passed the sign and significance checks
 * @param bestAdjustedRSquared adjusted R² of the best qualified candidate; NaN when none qualified
 * @param heatingBalancePointC its heating balance point, °C; NaN when none or without heating term
 * @param coolingBalancePointC its cooling balance point, °C; NaN when none or without cooling term
 */
public record CandidateSummary(ModelType type, int evaluated, int qualified, double bestAdjustedRSquared,
                               double heatingBalancePointC, double coolingBalancePointC) implements Serializable {

    private static final long serialVersionUID = 1L;
}

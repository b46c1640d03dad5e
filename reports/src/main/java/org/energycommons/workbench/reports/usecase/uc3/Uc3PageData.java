package org.energycommons.workbench.reports.usecase.uc3;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePageData;

/**
 * Everything the uc3 report page (savings after renovation works) shows, already computed by the jobs and passed
 * through the statistical-secrecy guard: groups of at least the guard's minimum of buildings, never one building.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc3.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data
 * @param method the method whose savings are shown (the best one)
 * @param groups renovated buildings in groups of similar true savings (for the estimated-vs-true scatter),
 *     labelled by their rank ({@code "1"}, {@code "2"}, ...) in increasing true savings
 * @param suppressedGroups groups of {@code groups} left out by the guard
 * @param worksTypes renovated buildings by works type, one group per type that passes the guard, labelled by the
 *     type's code ({@code insulation_walls}, {@code heat_pump}, ...)
 * @param suppressedWorksTypes works types left out by the guard
 * @param allRenovated every renovated building together; null when none or when the group does not pass the guard
 * @param fit the aggregated baseline-fit picture; null when no week passes the guard
 * @param generatedAt ISO-8601 instant the page was generated
 */
public record Uc3PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                          String method, List<SavingsGroup> groups, int suppressedGroups,
                          List<SavingsGroup> worksTypes, int suppressedWorksTypes, SavingsGroup allRenovated,
                          FitPicture fit, String generatedAt) implements UseCasePageData {

    /**
     * The savings of a group of renovated buildings: sums over its buildings, the 90 % interval combining the
     * buildings' independent intervals ({@code ± sqrt(Σ halfWidth²)}).
     *
     * @param label what the group is: a rank or a works type's code, which the page words for its reader
     * @param buildings buildings in the group
     * @param largestShare largest building's share of the group's counterfactual
     * @param trueFraction Σ true savings / Σ true counterfactual
     * @param estimatedFraction Σ estimated savings / Σ estimated counterfactual
     * @param lowerFraction lower end of the 90 % interval of the estimated fraction
     * @param upperFraction upper end
     * @param savingsMwh Σ estimated savings, MWh
     * @param halfWidthMwh 90 % half-width of the summed savings, MWh
     */
    public record SavingsGroup(String label, int buildings, double largestShare, double trueFraction,
                               double estimatedFraction, double lowerFraction, double upperFraction, double savingsMwh,
                               double halfWidthMwh) {
    }

    /**
     * Mean metered and baseline-predicted daily use per building, by week relative to the works, over the renovated
     * buildings (each week shown only when it gathers enough buildings, none dominating).
     *
     * @param method the method of the predictions
     * @param weeks week offsets relative to the works week (negative: baseline)
     * @param meteredKwh mean metered kWh per building-day
     * @param predictedKwh mean predicted kWh per building-day (the counterfactual after the works)
     * @param minBuildings the fewest buildings of a week shown
     */
    public record FitPicture(String method, double[] weeks, double[] meteredKwh, double[] predictedKwh,
                             int minBuildings) {
    }
}

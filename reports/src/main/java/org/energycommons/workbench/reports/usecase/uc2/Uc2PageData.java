package org.energycommons.workbench.reports.usecase.uc2;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePageData;

/**
 * Everything the uc2 report page (anomaly alerts for public buildings) shows, already computed by the jobs and
 * passed through the secrecy guard: the page renders, it never computes a figure.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc2.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data
 * @param split period name → date range
 * @param rules the rules file's rules, with whether tuning kept them
 * @param alertsByRule evaluation-period alert days per rule (and the forest) and fault type ({@code none} =
 *     outside every fault window)
 * @param faultTypes per fault type: detection scores of the best detector on the evaluation period
 * @param delayBins delay histogram of the best detector's evaluation-period faults: bin label → faults
 *     (the last bin counts missed faults)
 * @param timeline the aggregate of all public buildings, actual vs expected, with alerts; null when it may not
 *     be published
 * @param visits the public buildings in alert over the evaluation period, in all and by commune; null when not
 *     computed
 * @param outcome "ok" or the insufficient-data reason
 * @param generatedAt ISO-8601 instant the page was generated
 */
public record Uc2PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                                Map<String, String> split, List<RuleRow> rules,
                                Map<String, Map<String, Long>> alertsByRule, List<FaultTypeRow> faultTypes,
                                Map<String, Long> delayBins, Timeline timeline, Visits visits, String outcome,
                                String generatedAt) implements UseCasePageData {

    /**
     * The public buildings that had at least one alert of the best detector over the evaluation period: the visits
     * the alerts call for.
     *
     * @param buildings public buildings scored over the evaluation period
     * @param withAlert those with at least one alert
     * @param communes the same by commune; a commune the secrecy guard withholds has its counts at -1
     */
    public record Visits(long buildings, long withAlert, List<CommuneVisits> communes) {

        /** Copies the communes. */
        public Visits {
            communes = List.copyOf(communes);
        }
    }

    /** One commune's public buildings and those in alert; both -1 when the secrecy guard withholds them. */
    public record CommuneVisits(String communeCode, long buildings, long withAlert) {

        /** Whether the guard let the commune's counts through. */
        public boolean published() {
            return buildings >= 0;
        }
    }

    /** A rule as written in the rules file. */
    public record RuleRow(String id, String severity, String condition, boolean kept) {
    }

    /** Detection of one fault type by the best detector on the evaluation period. */
    public record FaultTypeRow(String faultType, long faults, double recall, double precision, double f1,
                               double medianDelayDays) {
    }

    /**
     * Daily totals over all public buildings (an aggregate of {@code minBuildings} delivery points or more that
     * passed the secrecy guard on every day shown).
     *
     * @param epochMillis the days (local midnight, UTC epoch milliseconds)
     * @param actualKwh metered consumption
     * @param expectedKwh the expected-consumption model's sum
     * @param buildingsWithAlert buildings with an alert of the best detector that day
     * @param minBuildings fewest buildings in a day's aggregate
     */
    public record Timeline(long[] epochMillis, double[] actualKwh, double[] expectedKwh, double[] buildingsWithAlert,
                           long minBuildings) {
    }
}

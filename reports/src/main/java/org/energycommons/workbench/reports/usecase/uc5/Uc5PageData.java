package org.energycommons.workbench.reports.usecase.uc5;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePageData;

/**
 * Everything the uc5 report page (building energy performance, DPE) shows, already computed by the jobs and passed
 * through the secrecy guard: the page renders, it never computes a figure.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc5.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data
 * @param split split name → description
 * @param insufficient the reason no model was trained, or null when models were trained
 * @param confusionTest best model, test split: counts by true class (rows A..G) and predicted class (columns)
 * @param confusionHeldOut best model, test split and dwellings without certificate, same layout
 * @param classRecall model → recall of each true class A..G on the held-out dwellings ({@code NaN}: absent)
 * @param intensity predicted against true primary energy, by groups of dwellings (null when no regression model)
 * @param communes "passoires thermiques" per commune, only communes that pass the guard
 * @param gap the performance-gap distribution (null when no dwelling is eligible)
 * @param generatedAt ISO-8601 instant the page was generated
 * @param minPoints the secrecy threshold: the least count of dwellings the page may show (a smaller one shows as
 *     {@code "< minPoints"})
 */
public record Uc5PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                            Map<String, String> split, String insufficient, long[][] confusionTest,
                            long[][] confusionHeldOut, Map<String, double[]> classRecall, IntensityGroups intensity,
                            List<CommuneRow> communes, GapDistribution gap, String generatedAt, int minPoints)
        implements UseCasePageData {

    /**
     * Mean true and predicted primary energy of groups of held-out dwellings consecutive in true intensity: a
     * scatter of aggregates, each of at least the guard's number of dwellings.
     *
     * @param model the regression model shown
     * @param groupSize least dwellings per group
     * @param meanTrue mean true primary energy of each group, kWh/m²/yr
     * @param meanPredicted mean predicted primary energy, aligned
     * @param dwellings held-out dwellings in the groups
     */
    public record IntensityGroups(String model, int groupSize, double[] meanTrue, double[] meanPredicted,
                                  long dwellings) {
    }

    /**
     * F/G dwellings of one commune: certified F/G plus uncertified dwellings the best model predicts F/G. A count
     * of dwellings is {@code null} where statistical secrecy leaves it out ({@link #published}), and so is the share
     * when the estimated count is.
     */
    public record CommuneRow(String communeCode, String name, long dwellings, long certified, Long certifiedFg,
                             Long uncertified, Long predictedFg, Long estimatedFg, Double estimatedShare) {

        /**
         * The row as the page may show it (docs/publication-policy.md): every count of dwellings from 1 to {@code
         * minPoints - 1} is left out; so is the other part of the estimate when only one of its two parts is
         * (their sum, shown, would give it back), and the share when the estimated count is (the commune's
         * dwellings, shown, would give it back).
         */
        public static CommuneRow published(String communeCode, String name, long dwellings, long certified,
                                           long certifiedFg, long uncertified, long predictedFg, long estimatedFg,
                                           double estimatedShare, int minPoints) {
            Long certifiedShown = shown(certifiedFg, minPoints);
            Long predictedShown = shown(predictedFg, minPoints);
            Long estimatedShown = shown(estimatedFg, minPoints);
            if (estimatedShown != null && (certifiedShown == null) != (predictedShown == null)) {
                certifiedShown = null;
                predictedShown = null;
            }
            return new CommuneRow(communeCode, name, dwellings, certified, certifiedShown,
                    shown(uncertified, minPoints), predictedShown, estimatedShown,
                    estimatedShown == null ? null : estimatedShare);
        }

        private static Long shown(long count, int minPoints) {
            return count > 0 && count < minPoints ? null : count;
        }
    }

    /**
     * The ratio of metered to certificate primary energy, binned relative to its median; bins with fewer dwellings
     * than the guard allows are merged with their neighbour.
     *
     * @param bins bin labels (ratio to the median)
     * @param counts dwellings per bin
     * @param dwellings eligible dwellings (certified, heated by a metered energy)
     * @param flagged dwellings whose ratio departs from the median beyond the tolerance
     * @param medianRatio the median ratio (metered use includes appliances the DPE leaves out)
     * @param tolerance the relative tolerance of the flag
     */
    public record GapDistribution(List<String> bins, long[] counts, long dwellings, long flagged, double medianRatio,
                                  double tolerance) {
    }
}

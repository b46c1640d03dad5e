package org.energycommons.workbench.reports.usecase.uc1;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePageData;

/**
 * Everything the uc1 report page shows, already computed by the jobs and passed through the secrecy guard: the
 * page renders, it never computes a figure.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc1.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data
 * @param profiles the centroid profiles of the best model's publishable segments
 * @param silhouetteByK clustering → k → silhouette on the fitted meters
 * @param communeMix the segment mix per commune, cells that passed the guard
 * @param exclusions why meters were kept out → how many
 * @param withheldSegments segments of the best model not shown because they fail the guard
 * @param generatedAt ISO-8601 instant the page was generated
 */
public record Uc1PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                                     List<SegmentProfile> profiles, Map<String, Map<Integer, Double>> silhouetteByK,
                                     List<CommuneCell> communeMix, Map<String, Long> exclusions, int withheldSegments,
                                     String generatedAt) implements UseCasePageData {

    /**
     * The normalised mean day of one segment (1.0 = the meters' mean half-hour) per season and day type.
     *
     * @param shapes {@code season_daytype} (e.g. {@code winter_workday}) → 48 half-hourly values
     */
    public record SegmentProfile(int segment, int meters, Map<String, double[]> shapes) {
    }

    /** Meters of one segment in one commune. */
    public record CommuneCell(String communeCode, int segment, int meters, int communeMeters, double share) {
    }
}

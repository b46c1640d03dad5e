package org.energycommons.workbench.reports.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the private report of one household shows, already queried: its consumption before and after its
 * works against the counterfactual (uc3), its segment of load profiles (uc1) and its certificate against its
 * metered performance (uc5). Personal data of that household: never published, never linked from the portal.
 *
 * @param commune the commune's name
 * @param made the day the report was made (the day its consent was checked on)
 * @param consent the consent it was made under: purpose, first day, last day or null
 * @param works the works and the savings estimate
 * @param months metered and counterfactual consumption by month, baseline and reporting periods
 * @param profile the household's segment of load profiles, or null when uc1 has none for it
 * @param certificate its certificate and uc5's estimate, or null when uc5 has none for it
 */
public record HouseholdPageData(String commune, LocalDate made, Consent consent, Works works, List<Month> months,
                                Profile profile, Certificate certificate) {

    public HouseholdPageData {
        months = List.copyOf(months);
    }

    /** The consent the report was made under. */
    public record Consent(String purpose, LocalDate from, LocalDate to) {
    }

    /**
     * The works and what they saved, by uc3's chosen method.
     *
     * @param status {@code fitted}, or why no estimate could be made
     * @param message the reason when not fitted
     */
    public record Works(String type, LocalDate interventionDate, String method, String status, String message,
                        Double savingsKwh, Double lowerKwh, Double upperKwh, Double fraction, Double meteredKwh,
                        Double counterfactualKwh) {
    }

    /** A month of the baseline or reporting period: metered and counterfactual kWh (null when not predicted). */
    public record Month(String month, String period, double meteredKwh, Double counterfactualKwh) {
    }

    /**
     * The household's segment in uc1's chosen segmentation, and how it compares with it.
     *
     * @param segment its segment
     * @param segmentMeters meters in the segment (all uses)
     * @param meanDailyKwh the household's mean daily consumption
     * @param segmentMeanDailyKwh the segment's median of the same
     * @param ownShape the household's winter workday profile (48 half-hours, relative to the meter's
     *                 mean half-hour over the year), or null
     * @param segmentShape the segment's, or null
     */
    public record Profile(int segment, long segmentMeters, Double meanDailyKwh, Double segmentMeanDailyKwh,
                          double[] ownShape, double[] segmentShape) {
    }

    /** The certificate (if any) and uc5's estimate against the metered primary energy. */
    public record Certificate(String certifiedClass, Double certifiedKwhM2, String estimatedClass,
                              Double estimatedKwhM2, Double meteredKwhM2, Double gapRatio, String model) {
    }
}

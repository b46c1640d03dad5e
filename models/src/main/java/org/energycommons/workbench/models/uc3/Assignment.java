package org.energycommons.workbench.models.uc3;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One M&amp;V run to do: a building, the day its (real or fake) works start, and the periods around it.
 *
 * @param buildingId the building
 * @param role {@link #TREATED} (real works), {@link #PLACEBO} (comparison group, fake date: the test of the
 *     intervals) or {@link #VALIDATION} (other buildings without works, fake date: selects the best method)
 * @param worksType the works type for treated buildings, null otherwise
 * @param interventionDate first local day with works in effect (the baseline ends the day before)
 * @param baselineStart first baseline day ({@code interventionDate − baseline_days})
 * @param reportingEnd day after the last reporting day ({@code min(interventionDate + reporting_days, data end + 1)})
 */
public record Assignment(String buildingId, String role, String worksType, LocalDate interventionDate,
                         LocalDate baselineStart, LocalDate reportingEnd) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Buildings with works (silver {@code renovation_works}). */
    public static final String TREATED = "treated";
    /** Comparison-group buildings with a fake works date (the placebo test). */
    public static final String PLACEBO = "placebo";
    /** Other buildings without works with a fake works date (method selection). */
    public static final String VALIDATION = "validation";

    public Assignment {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(interventionDate, "interventionDate");
        Objects.requireNonNull(baselineStart, "baselineStart");
        Objects.requireNonNull(reportingEnd, "reportingEnd");
        if (!role.equals(TREATED) && !role.equals(PLACEBO) && !role.equals(VALIDATION)) {
            throw new IllegalArgumentException("unknown role '" + role + "'");
        }
        if (!baselineStart.isBefore(interventionDate)) {
            throw new IllegalArgumentException("baseline start " + baselineStart + " not before " + interventionDate);
        }
    }
}

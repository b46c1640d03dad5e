/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.Map;

import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * What every use-case page's data holds for the {@link UseCasePage} skeleton: the use case, its result, the data it
 * was computed from and when the page was generated. Each {@code UcNPageData} record implements it with its own
 * components.
 */
public interface UseCasePageData {

    /** The use-case definition (question, criteria). */
    UseCase useCase();

    /** The machine-readable result, as in {@code DIR/metrics/<uc>.json}. */
    UseCaseResult result();

    /** Delta table path → version the results were computed from. */
    Map<String, Long> tables();

    /** Description of the data. */
    RegionDescription region();

    /** Split or period name → range; none by default. */
    default Map<String, String> split() {
        return Map.of();
    }

    /** ISO-8601 instant the page was generated. */
    String generatedAt();
}

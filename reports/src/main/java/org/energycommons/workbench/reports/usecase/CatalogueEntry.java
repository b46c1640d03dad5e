/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

/**
 * One entry of the data catalogue as the portal shows it: a source the workbench ingests, or a table of the lake.
 *
 * @param kind         {@code source} or {@code table}
 * @param name         the connector's name, or the table's lake path ({@code silver/load_curve})
 * @param description  what it holds, as its connector or pipeline describes it (in English)
 * @param producer     who produces its data
 * @param licence      its licence
 * @param personalData whether it holds personal data; null when the catalogue does not say (tables)
 * @param version      its current Delta version; null when not in the lake
 * @param temporal     its temporal coverage; null when not measured
 * @param spatial      its spatial coverage; null when not measured
 */
public record CatalogueEntry(String kind, String name, String description, String producer, String licence,
                             Boolean personalData, Long version, String temporal, String spatial) {

    /** The kind of a source the workbench ingests. */
    public static final String SOURCE = "source";

    /** The kind of a table of the lake. */
    public static final String TABLE = "table";

    /** Whether this entry is a source. */
    public boolean isSource() {
        return SOURCE.equals(kind);
    }
}

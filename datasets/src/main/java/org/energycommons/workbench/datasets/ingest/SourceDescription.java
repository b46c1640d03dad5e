package org.energycommons.workbench.datasets.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * The catalogue entry of a source: what it is, who produces it, under which licence, which silver table it
 * feeds, and its columns with units. It travels with its connector to Spark executors, hence serialisable.
 *
 * @param name the source name, as on the command line
 * @param title a short title
 * @param producer who publishes the data (e.g. Enedis, ODRE, ADEME, CSTB, Météo-France)
 * @param licence SPDX identifier, e.g. {@code etalab-2.0}, {@code ODbL-1.0}
 * @param url where the data is published
 * @param format the file format and its peculiarities (separator, encoding, time convention)
 * @param silverTable the silver table it feeds, e.g. {@code silver/load_curve}
 * @param personalData whether rows are personal data (identifiers are then pseudonymised at silver)
 * @param columns the accepted columns with units
 */
public record SourceDescription(String name, String title, String producer, String licence, String url,
                                String format, String silverTable, boolean personalData, List<Column> columns)
        implements Serializable {

    public SourceDescription {
        columns = List.copyOf(columns);
    }

    /**
     * One column of a source's accepted rows.
     *
     * @param name column name
     * @param type Spark SQL type name
     * @param unit unit, or empty
     * @param description what it holds
     */
    public record Column(String name, String type, String unit, String description) implements Serializable {
    }
}

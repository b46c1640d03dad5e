package org.energycommons.workbench.datasets.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.energycommons.workbench.datasets.ingest.connectors.AdemeDpe;
import org.energycommons.workbench.datasets.ingest.connectors.Bdnb;
import org.energycommons.workbench.datasets.ingest.connectors.CommuneCentres;
import org.energycommons.workbench.datasets.ingest.connectors.ConsentsCsv;
import org.energycommons.workbench.datasets.ingest.connectors.EnedisAnnualAddress;
import org.energycommons.workbench.datasets.ingest.connectors.EnedisConsoInf36;
import org.energycommons.workbench.datasets.ingest.connectors.EnedisConsoSup36;
import org.energycommons.workbench.datasets.ingest.connectors.EnedisLoadCurveCsv;
import org.energycommons.workbench.datasets.ingest.connectors.EnedisLoadCurveJson;
import org.energycommons.workbench.datasets.ingest.connectors.MeteoFranceHourly;
import org.energycommons.workbench.datasets.ingest.connectors.OdreEco2mixRegional;
import org.energycommons.workbench.datasets.ingest.connectors.OdreGasDaily;

/** The catalogue of source connectors, by the names used on the command line. */
public final class Connectors {

    private Connectors() {
    }

    /** Every connector, in catalogue order. */
    public static List<SourceConnector> all() {
        return List.of(new EnedisLoadCurveJson(), new EnedisLoadCurveCsv(), new EnedisConsoInf36(),
                new EnedisConsoSup36(), new EnedisAnnualAddress(), new OdreEco2mixRegional(), new OdreGasDaily(),
                new AdemeDpe(), new Bdnb(), new MeteoFranceHourly(), new CommuneCentres(), new ConsentsCsv());
    }

    /** The connector of a source name; a clear error listing the known names otherwise. */
    public static SourceConnector byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + name + "'; known: "
                        + all().stream().map(SourceConnector::name).collect(Collectors.joining(", "))));
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.lake.Tables;
import org.junit.jupiter.api.Test;

class CommuneCentresTest {

    private static final String DIR = "/fixtures/communes/";

    private final CommuneCentres communes = new CommuneCentres();

    @Test
    void describesItselfAndFeedsSilverCommunes() {
        assertEquals("communes", communes.name());
        assertTrue(Connectors.byName("communes") instanceof CommuneCentres, "registered under its name");
        assertEquals(List.of("commune_code", "name", "latitude", "longitude"),
                Arrays.asList(communes.schema().fieldNames()));
        assertEquals(List.of("commune_code"), communes.key());
        assertFalse(communes.description().personalData());
        assertEquals("etalab-2.0", communes.description().licence());
        assertTrue(communes.schema().apply("latitude").nullable());
        assertEquals(Tables.COMMUNES, SilverMappings.of("communes").table());
    }

    @Test
    void readsTheCurrentFileWithTheCentreOfEachCommune() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(communes, DIR + "communes-france-sample.csv");
        assertEquals(List.of(), sink.rejected);
        assertEquals(5, sink.read());
        assertEquals(values("01001", "L'Abergement-Clémenciat", 46.1517, 4.9306), sink.accepted.get(0).values());
        assertEquals(values("2A004", "Ajaccio", 41.9192, 8.7386), sink.accepted.get(2).values());
        assertEquals(values("97411", "Saint-Denis", -20.8821, 55.4507), sink.accepted.get(3).values(),
                "an overseas commune, south of the equator");
        assertEquals(values("13055", "Marseille", null, null), sink.accepted.get(4).values(),
                "a commune without a centre is kept, unplaced");
    }

    @Test
    void readsTheOlderFileKeepingEveryRejectWithItsReason() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(communes, DIR + "communes-departement-region-sample.csv");
        assertEquals(8, sink.read());
        assertEquals(sink.read(), sink.accepted.size() + sink.rejected.size(), "nothing lost");
        assertEquals(List.of(
                List.of(2L, values("01001", "L'Abergement-Clémenciat", 46.1534, 4.926)),
                List.of(3L, values("69123", "Lyon", 45.7578, 4.832)),
                List.of(5L, values("01004", "Ambérieu-en-Bugey", 45.9608, 5.3729))),
                sink.accepted.stream().map(a -> List.of(a.line(), a.values())).toList());
        assertEquals(List.of(
                "4: duplicate of line 3",
                "6: code_commune_INSEE: not a commune code: '12345678'",
                "7: latitude: outside plausible range [-30, 52]: '95.0'",
                "8: longitude: missing",
                "9: nom_commune_complet: missing"),
                sink.rejected.stream().map(r -> r.line() + ": " + r.reason()).toList());
    }

    @Test
    void refusesAFileWithoutCommuneCodes() {
        byte[] other = "nom,latitude,longitude\nLyon,45.75,4.83\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(communes, "other.csv", other));
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.gzip;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refusals the delimited-file connectors of ODRE, Météo-France, the BDNB and ADEME share: an empty file, and a
 * file of another source, named in a one-line message.
 */
class ConnectorRefusalsTest {

    /** Each connector with its source folder and its empty fixture. */
    static Stream<Arguments> emptyFixtures() {
        return Stream.of(
                Arguments.of(new OdreEco2mixRegional(), OdreEco2mixRegional.NAME, "eco2mix-regional-empty.csv"),
                Arguments.of(new OdreGasDaily(), OdreGasDaily.NAME, "gas-daily-empty.csv"),
                Arguments.of(new MeteoFranceHourly(), MeteoFranceHourly.NAME, "H_00_empty.csv"),
                Arguments.of(new Bdnb(), Bdnb.NAME, "empty.csv"),
                Arguments.of(new AdemeDpe(), AdemeDpe.NAME, "empty.csv"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("emptyFixtures")
    void anEmptyFileIsRefused(SourceConnector connector, String source, String file) throws IOException {
        assertEquals(file + ": empty file", refusal(connector, source, file).getMessage());
        // Blank lines, a lone byte-order mark and an empty gzip member hold no header either.
        for (byte[] empty : new byte[][] {"\n  \r\n\t\n".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, gzip(new byte[0])}) {
            assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(connector, "blank.csv", empty));
        }
    }

    /**
     * A connector, a fixture of another source, and the start of the list of missing columns its refusal names (the
     * whole list where it ends with {@code ]}).
     */
    static Stream<Arguments> filesOfOtherSources() {
        OdreEco2mixRegional eco2mix = new OdreEco2mixRegional();
        OdreGasDaily gas = new OdreGasDaily();
        MeteoFranceHourly meteo = new MeteoFranceHourly();
        return Stream.of(
                Arguments.of(eco2mix, OdreGasDaily.NAME, "gas-daily-clean-utf8-bom.csv", ""),
                Arguments.of(eco2mix, MeteoFranceHourly.NAME, "H_69_latest-2023-2024.csv.gz", ""),
                Arguments.of(gas, OdreEco2mixRegional.NAME, "eco2mix-regional-clean-utf8-bom.csv", ""),
                Arguments.of(gas, OdreEco2mixRegional.NAME, "eco2mix-regional-comma.csv", ""),
                Arguments.of(gas, MeteoFranceHourly.NAME, "H_01_latest-2023-2024.csv", ""),
                Arguments.of(meteo, OdreEco2mixRegional.NAME, "eco2mix-regional-clean-latin1.csv",
                        "NUM_POSTE, NOM_USUEL, LAT, LON, ALTI, AAAAMMJJHH, T, GLO]"),
                Arguments.of(meteo, OdreGasDaily.NAME, "gas-daily-clean-snake.csv",
                        "NUM_POSTE, NOM_USUEL, LAT, LON, ALTI, AAAAMMJJHH, T, GLO]"),
                Arguments.of(new Bdnb(), AdemeDpe.NAME, "dpe03existant_sample.csv",
                        "batiment_groupe_id, code_commune_insee]"),
                Arguments.of(new AdemeDpe(), Bdnb.NAME, "batiment_groupe_sample.csv",
                        "numero_dpe, date_etablissement_dpe, etiquette_dpe, etiquette_ges, conso_5_usages_par_m2_ep, "
                                + "surface_habitable_logement]"));
    }

    @ParameterizedTest(name = "refuses {2}")
    @MethodSource("filesOfOtherSources")
    void aFileOfAnotherSourceIsRefused(SourceConnector connector, String otherSource, String file,
                                       String missingColumns) throws IOException {
        String message = refusal(connector, otherSource, file).getMessage();
        String expected = file + ": not a " + connector.name() + " file: missing columns [" + missingColumns;
        if (missingColumns.endsWith("]")) {
            assertEquals(expected, message);
        } else {
            assertTrue(message.startsWith(expected), message);
        }
    }
}

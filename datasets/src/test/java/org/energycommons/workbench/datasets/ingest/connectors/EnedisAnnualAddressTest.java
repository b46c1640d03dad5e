package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.acceptedLines;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.parse;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.reasons;
import static org.energycommons.workbench.datasets.ingest.connectors.EnedisFixtures.wellFormed;
import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.assertAllAccepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.junit.jupiter.api.Test;

class EnedisAnnualAddressTest {

    private static final String SOURCE = EnedisAnnualAddress.NAME;
    private static final String TOTAL = "Consommation annuelle totale de l'adresse (MWh)";

    private final EnedisAnnualAddress connector = new EnedisAnnualAddress();

    @Test
    void catalogue() {
        assertEquals("enedis-annual-address", connector.name());
        EnedisFixtures.describes(connector, "etalab-2.0", true);
        assertEquals(List.of("year", "commune_code", "address"), connector.key());
        assertEquals(List.of("year", "commune_code", "iris_code", "address", "n_dwellings", "total_kwh",
                "mean_kwh_per_dwelling"), List.of(connector.schema().fieldNames()));
    }

    @Test
    void cleanLatin1FrenchLabels() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "clean-latin1.csv");
        assertAllAccepted(5, sink);
        wellFormed(connector, sink);
        assertEquals(List.of(2022, "69381", "693810101", "12 Rue de la République 69381 Lyon 1er Arrondissement",
                24, 96_500.0, 4_020.0), sink.accepted.get(0).values());
        assertEquals("8 Rue de l'Église 75101 Paris 1er Arrondissement", sink.accepted.get(3).values().get(3));
        assertEquals("2A004", sink.accepted.get(4).values().get(1));
        assertEquals("2A0040101", sink.accepted.get(4).values().get(2));
        assertEquals(50_600.0, (Double) sink.accepted.get(4).values().get(5), 1e-9);
    }

    @Test
    void quotedFieldWithALineBreakIsOneRecord() throws IOException {
        java.nio.charset.Charset latin1 = java.nio.charset.Charset.forName("windows-1252");
        String text = new String(ConnectorFixtures.bytes(SOURCE, "clean-latin1.csv"), latin1);
        CollectingSink sink = ConnectorFixtures.checkQuotedLineBreak(connector, text, latin1,
                ";12 Rue de la République 69381 Lyon 1er Arrondissement;",
                ";\"12 Rue de la République\n69381 Lyon 1er Arrondissement\";");
        // the address's white space is normalised, the line break included
        assertEquals("12 Rue de la République 69381 Lyon 1er Arrondissement", sink.accepted.get(0).values().get(3));
        assertEquals(4, sink.accepted.get(1).line());
    }

    @Test
    void snakeCaseHeaderPaddedCodesAndDerivedMean() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "snake.csv");
        assertAllAccepted(4, sink);
        List<Object> first = sink.accepted.get(0).values();
        assertEquals(2021, first.get(0));
        assertEquals("01053", first.get(1));
        assertEquals("010530101", first.get(2));
        assertEquals("5 Avenue Jean Jaurès 1053 Bourg-en-Bresse", first.get(3));
        assertEquals(30, first.get(4));
        assertEquals(120_500.0, (Double) first.get(5), 1e-9);
        assertEquals(4_016.6, (Double) first.get(6), 1e-9);
        assertEquals(3_500.0, (Double) sink.accepted.get(1).values().get(6), 1e-9);
        assertNull(sink.accepted.get(2).values().get(2));
    }

    @Test
    void addressFromItsParts() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "parts-only.csv");
        assertEquals(List.of(2L, 3L), acceptedLines(sink));
        assertEquals(Map.of(4L, "Adresse: empty"), reasons(sink));
        assertEquals("12 bis Rue de la Paix", sink.accepted.get(0).values().get(3));
        assertEquals("14 Rue de la Paix", sink.accepted.get(1).values().get(3));
        assertEquals(3_900.0, (Double) sink.accepted.get(1).values().get(6), 1e-9);
    }

    @Test
    void utf8FileWithALatin1Line() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "mixed-encoding.csv");
        assertEquals(List.of(2L, 3L, 4L), acceptedLines(sink));
        for (CollectingSink.Accepted a : sink.accepted) {
            assertTrue(((String) a.values().get(3)).contains("Rue de l'Église 75101"), a.values().toString());
        }
    }

    @Test
    void malformedCorpus() throws IOException {
        CollectingSink sink = parse(connector, SOURCE, "malformed.csv");
        assertEquals(14, sink.read());
        // Line 13 has a blank Adresse: the address is rebuilt from its parts.
        assertEquals(List.of(2L, 13L), acceptedLines(sink));
        assertEquals("10 Rue Neuve", sink.accepted.get(1).values().get(3));
        Map<Long, String> reasons = reasons(sink);
        assertEquals("Année: absurd value 2999 (max " + Year.now(ZoneOffset.UTC).getValue() + ")",
                reasons.remove(15L));
        assertEquals(Map.ofEntries(
                Map.entry(3L, "expected 17 fields, got 6"),
                Map.entry(4L, "expected 17 fields, got 1"),
                Map.entry(5L, "Année: not a number: '20x3'"),
                Map.entry(6L, "Année: value 1999 below the minimum 2000"),
                Map.entry(7L, TOTAL + ": negative value -3 MWh"),
                Map.entry(8L, TOTAL + ": not a number: 'NaN'"),
                Map.entry(9L, TOTAL + ": absurd value 5000 MWh (max 1000 MWh)"),
                Map.entry(10L, "Nombre de logements: value 0 below the minimum 1"),
                Map.entry(11L, "Code Commune: not an INSEE commune code: 'ABCDE'"),
                Map.entry(12L, "duplicate of line 2"),
                Map.entry(14L, "Nombre de logements: not a whole number: '12.5'")), reasons);
        wellFormed(connector, sink);
    }

    @Test
    void veryLongLine() throws IOException {
        String header = "Année;Code Commune;Adresse;Nombre de logements;" + TOTAL;
        String text = header + "\n2023;69381;" + "A".repeat(100_000) + ";10;40\n" + ";".repeat(100_000) + "\n";
        CollectingSink sink = CollectingSink.parse(connector, "long.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(2L), acceptedLines(sink));
        assertEquals(Map.of(3L, "expected 5 fields, got 100001"), reasons(sink));
        assertEquals(FrenchText.MAX_RAW_CHARS + 1, sink.rejected.get(0).raw().length());
    }

    @Test
    void refusedFiles() {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(connector, "empty.csv", new byte[0]));
        assertEquals("empty.csv: not a enedis-annual-address file: empty file", e.getMessage());
        assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "blank.csv"));
        e = assertThrows(SchemaMismatchException.class, () -> parse(connector, SOURCE, "missing-columns.csv"));
        assertEquals("missing-columns.csv: not a enedis-annual-address file: missing columns [" + TOTAL + "]",
                e.getMessage());
        String noAddress = "Année;Code Commune;Nombre de logements;" + TOTAL + "\n2023;69381;10;40\n";
        e = assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(connector, "a.csv",
                noAddress.getBytes(StandardCharsets.UTF_8)));
        assertEquals("a.csv: not a enedis-annual-address file: missing columns [Adresse] (or its parts, Libellé de "
                + "voie)", e.getMessage());
        assertThrows(SchemaMismatchException.class, () -> parse(connector, EnedisConsoInf36.NAME, "clean.csv"));
        assertThrows(SchemaMismatchException.class,
                () -> parse(connector, EnedisLoadCurveCsv.NAME, "clean.csv.gz"));
        byte[] noHeader = "2023;69381;1 Rue Neuve;10;40\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(SchemaMismatchException.class, () -> CollectingSink.parse(connector, "h.csv", noHeader));
    }
}

package org.energycommons.workbench.datasets.ingest.connectors;

import static org.energycommons.workbench.datasets.ingest.connectors.ConnectorFixtures.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.energycommons.workbench.datasets.ingest.CollectingSink;
import org.energycommons.workbench.datasets.ingest.DelimitedRecords;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.junit.jupiter.api.Test;

class AdemeDpeTest {

    private static final String DIR = "/fixtures/ademe-dpe/";
    private static final String CURRENT = DIR + "dpe03existant_sample.csv";
    private static final String OLD = DIR + "dpe_v2_logements_existants_latin1.csv";
    private static final String MALFORMED = DIR + "dpe_malformed.csv";

    private final AdemeDpe dpe = new AdemeDpe();

    private static Date date(String iso) {
        return Date.valueOf(LocalDate.parse(iso));
    }

    private static Map<Long, List<Object>> byLine(CollectingSink sink) {
        return sink.accepted.stream().collect(Collectors.toMap(CollectingSink.Accepted::line,
                CollectingSink.Accepted::values));
    }

    private static Map<String, List<Object>> byId(CollectingSink sink) {
        return sink.accepted.stream().collect(Collectors.toMap(a -> (String) a.values().get(0),
                CollectingSink.Accepted::values));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = AdemeDpeTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void describesItself() {
        assertEquals("ademe-dpe", AdemeDpe.NAME);
        assertEquals(AdemeDpe.NAME, dpe.name());
        SourceDescription d = dpe.description();
        assertEquals("ADEME", d.producer());
        assertEquals("etalab-2.0", d.licence());
        assertTrue(d.personalData());
        assertEquals(AdemeDpe.NAME, d.name());
        assertEquals(List.of("dpe_id"), dpe.key());
        assertEquals(List.of("dpe_id", "issued_on", "energy_class", "ghg_class", "primary_energy_kwh_m2",
                "final_energy_kwh_m2", "ghg_kg_m2", "surface_m2", "construction_year", "construction_period",
                "building_type", "commune_code", "postcode", "address", "heating_energy"),
                Arrays.asList(dpe.schema().fieldNames()));
        assertEquals(Arrays.asList(dpe.schema().fieldNames()),
                d.columns().stream().map(SourceDescription.Column::name).toList());
        for (StructField f : dpe.schema().fields()) {
            SourceDescription.Column c = d.columns().get(dpe.schema().fieldIndex(f.name()));
            assertEquals(f.dataType().simpleString(), c.type(), f.name());
        }
        assertEquals(DataTypes.DateType, dpe.schema().apply("issued_on").dataType());
        assertEquals(DataTypes.IntegerType, dpe.schema().apply("construction_year").dataType());
        assertEquals(false, dpe.schema().apply("surface_m2").nullable());
        assertEquals(true, dpe.schema().apply("final_energy_kwh_m2").nullable());
    }

    @Test
    void readsTheCurrentGeneration() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(dpe, CURRENT);
        assertEquals(List.of(), sink.rejected);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L, 11L),
                sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
        Map<Long, List<Object>> rows = byLine(sink);
        assertEquals(values("2375E0123456X", date("2023-05-17"), "D", "B", 215.3, 93.6, 6.4, 98.5, 1975,
                "1975-1977", "maison", "69382", "69002", "12 Rue de la République, Bâtiment B", "Électricité"),
                rows.get(2L));
        // leading zeros kept, blank year with only a period
        assertEquals(values("2401E0000002A", date("2024-01-10"), "F", "C", 412.7, 179.4, 14.2, 23.4, null,
                "avant 1948", "appartement", "01053", "01000", "3 Place du Marché, Apt 12", "Électricité"),
                rows.get(3L));
        assertEquals("2A004", rows.get(4L).get(11));
        // French date
        assertEquals(date("2023-05-17"), rows.get(6L).get(1));
        // doubled quotes inside a quoted field with a separator
        assertEquals("Résidence \"Les Pins\", 4 allée des Chênes", rows.get(8L).get(13));
        // optional values blank
        assertEquals(values("2344E0000007F", date("2023-10-01"), "G", "F", 455.0, null, null, 75.0, null, null,
                "maison", null, null, null, null), rows.get(9L));
    }

    @Test
    void readsTheOlderAccentedGenerationFromLatin1() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(dpe, OLD);
        assertEquals(List.of(), sink.rejected);
        assertEquals(List.of(2L, 3L, 4L, 6L, 7L, 8L, 9L),
                sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
        Map<Long, List<Object>> rows = byLine(sink);
        assertEquals(values("2113E0000011K", date("2021-09-02"), "D", "C", 230.1, 100.0, 14.9, 45.5, 1958,
                "1948-1974", "appartement", "13208", "13008", "7 Impasse des Lilas", "Électricité"), rows.get(3L));
        // thousands space and decimal comma, separator inside quotes, capitalised type
        assertEquals(values("2202E0000013M", date("2022-01-15"), "D", "D", 240.0, 210.0, 48.0, 3400.5, 1972,
                "1948-1974", "immeuble", "93066", "93200", "Cité Émile Zola; bât. A à D",
                "Réseau de Chauffage urbain"), rows.get(6L));
        assertEquals("2B042", rows.get(8L).get(11));
    }

    @Test
    void bothGenerationsGiveTheSameSchemaAndValues() throws IOException {
        CollectingSink current = CollectingSink.parseResource(dpe, CURRENT);
        CollectingSink old = CollectingSink.parseResource(dpe, OLD);
        // the same certificate, as each generation writes it
        assertEquals(byId(current).get("2375E0123456X"), byId(old).get("2375E0123456X"));
        StructField[] fields = dpe.schema().fields();
        for (CollectingSink sink : List.of(current, old)) {
            for (CollectingSink.Accepted a : sink.accepted) {
                assertEquals(fields.length, a.values().size());
                for (int i = 0; i < fields.length; i++) {
                    Object v = a.values().get(i);
                    if (v == null) {
                        assertTrue(fields[i].nullable(), fields[i].name());
                    } else {
                        assertInstanceOf(javaType(fields[i].dataType()), v, fields[i].name());
                    }
                }
            }
        }
    }

    private static Class<?> javaType(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return String.class;
        } else if (type.equals(DataTypes.DoubleType)) {
            return Double.class;
        } else if (type.equals(DataTypes.IntegerType)) {
            return Integer.class;
        } else if (type.equals(DataTypes.DateType)) {
            return Date.class;
        }
        throw new AssertionError("unexpected type " + type);
    }

    @Test
    void fixtureLabelsFollowTheOfficialRule() throws IOException {
        int checked = 0;
        for (String file : List.of(CURRENT, OLD)) {
            for (CollectingSink.Accepted a : CollectingSink.parseResource(dpe, file).accepted) {
                List<Object> v = a.values();
                if (v.get(6) != null) {
                    LocalDate issued = ((Date) v.get(1)).toLocalDate();
                    assertEquals(v.get(2), AdemeDpe.officialClass((Double) v.get(4), (Double) v.get(6),
                            (Double) v.get(7), issued), (String) v.get(0));
                    checked++;
                }
            }
        }
        assertEquals(15, checked);
    }

    @Test
    void malformedCorpusIsAccountedForRecordByRecord() throws IOException {
        CollectingSink sink = CollectingSink.parseResource(dpe, MALFORMED);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String dateRange = "[2021-07-01, " + today + "]";
        // 34 physical data lines, one of them blank
        assertEquals(33, sink.read());
        assertEquals(List.of(2L, 14L, 19L, 25L, 33L),
                sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
        List<String> expected = List.of(
                "3: expected 25 fields, got 8",
                "4: expected 25 fields, got 2",
                "5: date_etablissement_dpe: not a date: '2023-02-30'",
                "6: date_etablissement_dpe: not a date: '31/13/2023'",
                "7: date_etablissement_dpe: not a date: 'hier'",
                "8: date_etablissement_dpe: outside plausible range " + dateRange + ": '2099-01-01'",
                "9: date_etablissement_dpe: outside plausible range " + dateRange + ": '2019-05-05'",
                "10: surface_habitable_logement: outside plausible range [1, 100000]: '-45'",
                "11: conso_5_usages_par_m2_ep: not a number: 'NaN'",
                "12: conso_5_usages_par_m2_ep: outside plausible range [0, 2000]: '25000'",
                "13: etiquette_dpe: not a DPE class: 'H'",
                "15: duplicate of line 2",
                "16: surface_habitable_logement: missing",
                "17: annee_construction: outside plausible range [1000, " + today.getYear() + "]: '2150'",
                "18: annee_construction: not a whole number: '1975.5'",
                "20: code_insee_ban: not a commune code: 'ABCDE'",
                "21: type_batiment: not a building type: 'château'",
                "22: repeated header line",
                "23: expected 25 fields, got 26",
                "24: expected 25 fields, got 16",
                "26: numero_dpe: missing",
                "27: emission_ges_5_usages_par_m2: outside plausible range [0, 1000]: '-3'",
                "28: numero_dpe: not a DPE number: '2375E 0123'",
                "30: conso_5_usages_par_m2_ef: not a number: '12abc'",
                "31: surface_habitable_logement: not a number: 'Infinity'",
                "32: code_postal_ban: not a postcode: '750'",
                "34: numero_dpe: missing",
                "35: surface_habitable_logement: outside plausible range [1, 100000]: '0'");
        assertEquals(expected, sink.rejected.stream().map(r -> r.line() + ": " + r.reason()).toList());

        Map<Long, List<Object>> rows = byLine(sink);
        // one Latin-1 line made the file Windows-1252: UTF-8 text elsewhere is repaired, the Latin-1 line read right
        assertEquals("3 Rue de l'Église", rows.get(2L).get(13));
        assertEquals("5 Allée des Érables", rows.get(25L).get(13));
        assertEquals("Électricité", rows.get(2L).get(14));
        // classes trimmed and upper-cased; a commune code that lost its leading zero is padded
        assertEquals(List.of("C", "B"), rows.get(14L).subList(2, 4));
        assertEquals(List.of("01053", "01000"), rows.get(19L).subList(11, 13));
        assertEquals(55.5, rows.get(33L).get(7));
        // raw text is the line as read
        CollectingSink.Rejected h = sink.rejected.stream().filter(r -> r.line() == 13).findFirst().orElseThrow();
        assertTrue(h.raw().startsWith("2300E0000012A,2023-03-01,"), h.raw());
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() {
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parseResource(dpe, DIR + "dpe_missing_columns.csv"));
        assertEquals("dpe_missing_columns.csv: not a ademe-dpe file: missing columns [etiquette_ges, "
                + "surface_habitable_logement]", e.getMessage());
    }

    @Test
    void refusesAFileWithoutHeader() throws IOException {
        String text = new String(resource(CURRENT), StandardCharsets.UTF_8);
        String withoutHeader = text.substring(text.indexOf('\n') + 1);
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> CollectingSink.parse(dpe, "no-header.csv", withoutHeader.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("no-header.csv: not a ademe-dpe file: missing columns [numero_dpe"),
                e.getMessage());
    }

    @Test
    void rejectsAVeryLongLineWithItsRawTextAbbreviated() throws IOException {
        String header = "numero_dpe,date_etablissement_dpe,etiquette_dpe,etiquette_ges,conso_5_usages_par_m2_ep,"
                + "surface_habitable_logement,adresse_ban";
        String prefix = "2300E0000001A,2023-03-01,D,C,200,50,\"";
        String longLine = prefix + "x".repeat(100_000 - prefix.length() - 1) + "\"";
        assertEquals(100_000, longLine.length());
        String noSeparator = "y".repeat(100_000);
        String text = header + "\n" + longLine + "\n" + noSeparator + "\n2300E0000002A,2023-03-01,D,C,200,50,ok\n";
        CollectingSink sink = CollectingSink.parse(dpe, "long.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, sink.read());
        assertEquals(List.of(4L), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
        assertEquals(List.of("2: adresse_ban: longer than 1000 characters", "3: expected 7 fields, got 1"),
                sink.rejected.stream().map(r -> r.line() + ": " + r.reason()).toList());
        for (CollectingSink.Rejected r : sink.rejected) {
            assertEquals(FrenchText.MAX_RAW_CHARS + 1, r.raw().length());
            assertTrue(r.raw().endsWith("…"));
        }
    }

    @Test
    void readsGzippedAndSemicolonSeparatedCurrentExports() throws IOException {
        byte[] plain = resource(CURRENT);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        CollectingSink expected = CollectingSink.parseResource(dpe, CURRENT);
        CollectingSink gzipped = CollectingSink.parse(dpe, "dpe03existant_sample.csv.gz", gz.toByteArray());
        assertEquals(expected.accepted, gzipped.accepted);
        assertEquals(expected.rejected, gzipped.rejected);

        String semicolons = "numero_dpe;date_etablissement_dpe;etiquette_dpe;etiquette_ges;conso_5_usages_par_m2_ep;"
                + "surface_habitable_logement;adresse_ban;code_insee_ban\n"
                + "2300E0000001A;2023-03-01;d;c;212,4;48,2;\"4 rue du Lac; escalier 2, porte 3\";2b033\n";
        CollectingSink sink = CollectingSink.parse(dpe, "semi.csv", semicolons.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), sink.rejected);
        assertEquals(values("2300E0000001A", date("2023-03-01"), "D", "C", 212.4, null, null, 48.2, null, null,
                null, "2B033", null, "4 rue du Lac; escalier 2, porte 3", null), sink.accepted.get(0).values());
    }

    @Test
    void rejectsALineWithBytesInvalidInTheFileEncoding() throws IOException {
        // the encoding is chosen from the first megabyte: a Latin-1 byte after it cannot be decoded
        StringBuilder text = new StringBuilder("numero_dpe,date_etablissement_dpe,etiquette_dpe,etiquette_ges,"
                + "conso_5_usages_par_m2_ep,surface_habitable_logement,adresse_ban\n");
        int rows = 0;
        while (text.length() < (1 << 20) + 1000) {
            rows++;
            text.append(String.format("2300E%07dA,2023-03-01,D,C,200,50,%s\n", rows, "Allée des Tilleuls ".repeat(5)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(text.toString().getBytes(StandardCharsets.UTF_8));
        bytes.write("2399E0000001A,2023-03-01,D,C,200,50,Rue de l'".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xC9);
        bytes.write("glise\n".getBytes(StandardCharsets.US_ASCII));
        CollectingSink sink = CollectingSink.parse(dpe, "big.csv", bytes.toByteArray());
        assertEquals(rows + 1, sink.read());
        assertEquals(rows, sink.accepted.size());
        assertEquals("Allée des Tilleuls Allée des Tilleuls Allée des Tilleuls Allée des Tilleuls Allée des Tilleuls",
                sink.accepted.get(rows - 1).values().get(13));
        assertEquals(1, sink.rejected.size());
        assertEquals(rows + 2, sink.rejected.get(0).line());
        assertEquals("undecodable bytes: not valid in the file's encoding", sink.rejected.get(0).reason());
    }

    @Test
    void nothingButSchemaMismatchEscapesFromMangledLines() throws IOException {
        String text = new String(resource(CURRENT), StandardCharsets.UTF_8).replace("\r", "");
        String[] lines = text.split("\n");
        String header = lines[0];
        String alphabet = ",;\"'é\u00a0 -.0123456789eNaAZ/\t";
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<String> out = new ArrayList<>();
            out.add(header);
            for (int i = 1; i < lines.length; i++) {
                StringBuilder line = new StringBuilder(lines[i]);
                int edits = random.nextInt(6);
                for (int k = 0; k < edits && line.length() > 0; k++) {
                    int at = random.nextInt(line.length());
                    switch (random.nextInt(4)) {
                        case 0 -> line.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> line.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 2 -> line.deleteCharAt(at);
                        default -> line.setLength(at);
                    }
                }
                out.add(line.toString());
            }
            String mangled = String.join("\n", out);
            // a stray quote opening a field makes one record of several lines: count records, not lines
            long records = DelimitedRecords.of(mangled, BuildingCsv.separator(header)).size() - 1;
            CollectingSink sink = CollectingSink.parse(dpe, "mangled.csv", mangled.getBytes(StandardCharsets.UTF_8));
            assertEquals(records, sink.read(), "seed " + seed);
            for (CollectingSink.Rejected r : sink.rejected) {
                assertTrue(!r.reason().isBlank() && r.reason().length() < 200, r.reason());
            }
        }
    }

    @Test
    void headerAliasesCoverBothGenerations() {
        String[] old = {"N°DPE", "Date_établissement_DPE", "Etiquette_DPE", "Etiquette_GES",
            "Conso_5_usages_par_m²_é_primaire", "Conso_5_usages/m²_é_finale", "Emission_GES_5_usages_par_m²",
            "Surface_habitable_logement", "Année_construction", "Période_construction", "Type_bâtiment",
            "Code_INSEE_(BAN)", "Code_postal_(BAN)", "Adresse_(BAN)", "Type_énergie_principale_chauffage"};
        List<BuildingCsv.Column> columns = List.of(AdemeDpe.ID, AdemeDpe.ISSUED, AdemeDpe.ENERGY_CLASS,
                AdemeDpe.GHG_CLASS, AdemeDpe.PRIMARY, AdemeDpe.FINAL, AdemeDpe.GHG, AdemeDpe.SURFACE, AdemeDpe.YEAR,
                AdemeDpe.PERIOD, AdemeDpe.TYPE, AdemeDpe.COMMUNE, AdemeDpe.POSTCODE, AdemeDpe.ADDRESS,
                AdemeDpe.HEATING);
        assertEquals(old.length, columns.size());
        for (int i = 0; i < old.length; i++) {
            assertTrue(columns.get(i).keys().contains(FrenchText.headerKey(old[i])), old[i]);
            assertEquals(FrenchText.headerKey(columns.get(i).name()), columns.get(i).keys().get(0));
        }
        assertArrayEquals(new String[] {"n_dpe", "conso_5_usages_par_m_e_primaire", "conso_5_usages_m_e_finale",
            "emission_ges_5_usages_par_m"}, new String[] {FrenchText.headerKey(old[0]), FrenchText.headerKey(old[4]),
            FrenchText.headerKey(old[5]), FrenchText.headerKey(old[6])});
    }

    @Test
    void connectorIsSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(dpe);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            AdemeDpe back = assertInstanceOf(AdemeDpe.class, in.readObject());
            assertEquals(AdemeDpe.NAME, back.name());
        }
    }
}

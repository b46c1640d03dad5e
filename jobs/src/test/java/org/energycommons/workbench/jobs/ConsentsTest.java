package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.ConsentRegister;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consent register end to end: {@code workbench ingest consents FILE} accounts for every record and writes
 * pseudonymised silver rows that the register's rule reads; the workspace lists the table and passes
 * {@code workbench verify}. A generated region's consents are checked on the demo's workspace
 * ({@code DemoPipelineTest}).
 */
class ConsentsTest implements SharedSparkSession {

    private static final TableId REJECTS = new TableId(Layer.REJECTS, "consents");

    private static void write(Path file, String... lines) throws Exception {
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    @Test
    void ingestedConsentsAreAccountedForPseudonymisedAndWithdrawnByTheirEndDay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("register.csv");
        write(file, "prm;purpose;valid_from;valid_to;source",
                "30000000000001;household_report;2024-01-01;;form-1",
                "30000000000001;research;2023-06-01;2024-02-29;form-1",
                "30000000000002;research;2024-01-01;;form-2",
                "3000000000000X;research;2024-01-01;;form-3",
                "30000000000004;marketing;2024-01-01;;form-4",
                "30000000000005;research;2024-05-01;2024-04-30;form-5",
                "30000000000001;household_report;2024-01-01;;form-1 again");
        String out = dir.resolve("ws").toString();
        CliRunner first = CliRunner.run("ingest", "consents", file.toString(), "--out", out,
                "--report", dir.resolve("r1.json").toString(), "--master", "local[2]");
        assertEquals(0, first.code(), first.err());
        JsonNode r1 = Json.mapper().readTree(dir.resolve("r1.json").toFile());
        assertEquals(7, r1.get("read").asLong());
        assertEquals(3, r1.get("accepted").asLong());
        assertEquals(4, r1.get("rejected").asLong());
        assertEquals(r1.get("read").asLong(), r1.get("accepted").asLong() + r1.get("rejected").asLong());
        assertEquals(1, r1.get("duplicates").asLong());

        Lake lake = new Lake(SPARK, out + "/lake");
        assertEquals(List.of(
                "5: prm: not a 14-digit PRM: '3000000000000X'",
                "6: purpose: unknown purpose (expected household_report, research or publication): 'marketing'",
                "7: valid_to: 2024-04-30 is before valid_from 2024-05-01",
                "8: duplicate of line 2"),
                lake.read(REJECTS).orderBy("line").collectAsList().stream()
                        .map(r -> r.getAs("line") + ": " + r.getAs("reason")).toList());

        Pseudonymizer key = Pseudonymizer.fromHex(System.getenv("WORKBENCH_PSEUDO_KEY"));
        String meter1 = key.pseudonym("30000000000001");
        String meter2 = key.pseudonym("30000000000002");
        Dataset<Row> consents = lake.read(Tables.CONSENTS);
        assertEquals(List.of("meter_id", "purpose", "valid_from", "valid_to", "source"),
                Arrays.asList(consents.columns()));
        assertEquals(List.of(
                "[" + meter1 + ",household_report,2024-01-01,null,form-1]",
                "[" + meter1 + ",research,2023-06-01,2024-02-29,form-1]",
                "[" + meter2 + ",research,2024-01-01,null,form-2]"),
                consents.collectAsList().stream().map(Row::toString).sorted().toList());
        assertTrue(ConsentRegister.holds(consents, meter1, ConsentRegister.HOUSEHOLD_REPORT, LocalDate.of(2024, 6, 1)));
        assertFalse(ConsentRegister.holds(consents, meter1, ConsentRegister.RESEARCH, LocalDate.of(2024, 6, 1)));
        assertFalse(ConsentRegister.holds(consents, meter2, ConsentRegister.HOUSEHOLD_REPORT,
                LocalDate.of(2024, 6, 1)));

        // Withdrawn: the same consent again with its last day; the stored row is replaced, not doubled.
        Path withdrawal = dir.resolve("withdrawal.csv");
        write(withdrawal, "prm,purpose,valid_from,valid_to,source",
                "30000000000001,household_report,2024-01-01,2024-03-31,form-1 withdrawn 2024-03-31");
        CliRunner second = CliRunner.run("ingest", "consents", withdrawal.toString(), "--out", out,
                "--master", "local[2]");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("read 1, accepted 1, rejected 0, duplicates 1"), second.out());
        consents = lake.read(Tables.CONSENTS);
        assertEquals(3, consents.count());
        assertEquals(Date.valueOf("2024-03-31"), consents.filter("purpose = 'household_report'").first()
                .getAs("valid_to"));
        assertTrue(ConsentRegister.holds(consents, meter1, ConsentRegister.HOUSEHOLD_REPORT,
                LocalDate.of(2024, 3, 31)));
        assertFalse(ConsentRegister.holds(consents, meter1, ConsentRegister.HOUSEHOLD_REPORT,
                LocalDate.of(2024, 4, 1)));

        // Listed as personal data, never published; the workspace is healthy.
        Row entry = lake.read(Tables.CATALOG).filter("name = 'table:silver/consents'").first();
        assertEquals("internal (personal data, not published)", entry.getAs("licence"));
        assertTrue(lake.read(Tables.CATALOG).filter("name = 'source:consents'").count() == 1);
        CliRunner tables = CliRunner.run("list", "tables", "--out", out, "--master", "local[2]");
        assertEquals(0, tables.code(), tables.err());
        assertTrue(tables.out().lines().anyMatch(l -> l.startsWith("silver/consents ")), tables.out());
        CliRunner healthy = CliRunner.run("verify", "--out", out, "--master", "local[2]");
        assertEquals(0, healthy.code(), healthy.out() + healthy.err());
        assertFalse(healthy.out().contains("silver/consents"), healthy.out());
    }
}

package org.energycommons.workbench.models.benchmark.ett;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

class EttDataAndBenchmarkTest {

    private static final String HEADER = "date,HUFL,OT";

    private static String csv(int rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        LocalDateTime t = LocalDateTime.of(2016, 7, 1, 0, 0);
        for (int i = 0; i < rows; i++) {
            double ot = 20 + 5 * Math.sin(2 * Math.PI * i / 24) + 0.01 * i;
            double hufl = 3 + Math.cos(2 * Math.PI * i / 24);
            sb.append(t.plusHours(i).toString().replace('T', ' ')).append(":00,").append(hufl).append(',').append(ot)
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void readsTheEttShape() {
        EttData d = EttData.parse("date,HUFL,OT\r\n2016-07-01 00:00:00,1.5,30.5\r\n2016-07-01 01:00:00,2,27\r\n",
                "ETTh1", "x.csv");
        assertEquals("ETTh1", d.name());
        assertEquals(2, d.rows());
        assertEquals(List.of("HUFL", "OT"), d.columnNames());
        assertEquals(27, d.column("OT")[1]);
        assertEquals(LocalDateTime.of(2016, 7, 1, 1, 0), d.times()[1]);
    }

    @Test
    void badInputsAreRefusedWithOneLineMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EttData.parse("date,HUFL,OT\n2016-07-01 00:00:00,1.5,30.5\n2016-07-01 01:00:00,x,27\n", "d",
                        "x.csv"));
        assertEquals("x.csv, line 3: column 'HUFL' has non-numeric value 'x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EttData.parse("date,OT\n2016-07-01 00:00:00,\n", "d", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv, line 2: column 'OT'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EttData.parse("time,OT\n1,2\n", "d", "x.csv"));
        assertTrue(e.getMessage().contains("no 'date' column"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EttData.parse("date,OT\nyesterday,2\n", "d", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv, line 2: cannot read date 'yesterday'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EttData.parse("date,OT\n2016-07-01 00:00:00,1,2\n", "d", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv, line 2: 3 fields"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EttData.parse("date,OT\n2016-07-01 01:00:00,1\n2016-07-01 00:00:00,1\n", "d", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv, line 3: date"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EttData.parse("", "d", "x.csv"));
        assertThrows(IllegalArgumentException.class, () -> EttData.parse("date,OT\n", "d", "x.csv"));
        e = assertThrows(IllegalArgumentException.class,
                () -> EttData.read(Path.of("/nonexistent/ETTh1.csv")));
        assertEquals("no such file: /nonexistent/ETTh1.csv", e.getMessage());

        EttData d = EttData.parse(csv(100), "small", "small.csv");
        e = assertThrows(IllegalArgumentException.class, () -> d.column("Ot"));
        assertEquals("small: no column 'Ot' (columns: HUFL, OT)", e.getMessage());
        EttProtocol p = new EttProtocol(60, 80, 100, 24, List.of(4));
        e = assertThrows(IllegalArgumentException.class,
                () -> EttBenchmark.run(d, "small.csv", "XX", p, s -> { }));
        assertTrue(e.getMessage().contains("no column 'XX'"), e.getMessage());
        EttProtocol longer = new EttProtocol(60, 80, 101, 24, List.of(4));
        e = assertThrows(IllegalArgumentException.class,
                () -> EttBenchmark.run(d, "small.csv", "OT", longer, s -> { }));
        assertTrue(e.getMessage().startsWith("small.csv: too few rows"), e.getMessage());
        for (IllegalArgumentException x : List.of(e)) {
            assertFalse(x.getMessage().contains("\n"));
        }
    }

    @Test
    void theBenchmarkRunsEveryModelAndWritesTheJsonShape() {
        EttData d = EttData.parse(csv(300), "ETTh1", "synthetic.csv");
        EttProtocol p = new EttProtocol(180, 240, 300, 48, List.of(6, 12));
        List<String> progress = new ArrayList<>();
        EttBenchmark.Result r = EttBenchmark.run(d, "synthetic.csv", "OT", p, progress::add);
        assertEquals(10, progress.size());
        // 5 models x 2 evaluations + repeat M x 2, per horizon
        assertEquals(2 * (5 * 2 + 2), r.results().size());
        EttBenchmark.Row rep = r.row("repeat", "S", "all", 12);
        assertEquals(60 - 12 + 1, rep.windows());
        assertEquals(32, r.row("repeat", "S", "drop_last_32", 12).windows());
        assertNotNull(r.row("repeat", "M", "drop_last_32", 6));
        assertTrue(r.row("nlinear", "S", "all", 12).mse() < rep.mse() / 10);
        assertTrue(r.published().isEmpty()); // no published figures for these horizons

        JsonNode j = Json.read(r.toJson(), JsonNode.class);
        assertEquals("ETTh1", j.get("dataset").asText());
        assertEquals("OT", j.get("target").asText());
        assertEquals(48, j.get("protocol").get("look_back").asInt());
        assertEquals(192, j.get("protocol").get("test_rows").get(0).asInt()); // 240 - 48
        JsonNode first = j.get("results").get(0);
        for (String f : List.of("model", "horizon", "mse", "mae", "windows", "evaluation", "features")) {
            assertTrue(first.has(f), f);
        }
        assertTrue(j.has("published"));
        assertTrue(EttBenchmark.table(r).contains("nlinear (S, all)"));

        EttBenchmark.Result standardHorizons = EttBenchmark.run(EttData.parse(csv(300), "ETTh1", "s.csv"), "s.csv",
                "OT", new EttProtocol(200, 250, 300, 4, List.of(12, 36)), List.of(new RepeatModel()), s -> { });
        assertEquals(2 * (2 + 2), standardHorizons.results().size());
        assertEquals(EttBenchmark.PUBLISHED.size(), 12);
    }
}

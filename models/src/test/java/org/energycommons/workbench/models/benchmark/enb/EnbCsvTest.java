package org.energycommons.workbench.models.benchmark.enb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnbCsvTest {

    private static final String HEADER = "X1,X2,X3,X4,X5,X6,X7,X8,Y1,Y2";

    @Test
    void readsTheDistributedFormatCrlfWithoutFinalNewline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ENB2012_data.csv");
        Files.writeString(file, HEADER + "\r\n0.98,514.5,294,110.25,7,2,0,0,15.55,21.33\r\n"
                + "0.9,563.5,318.5,122.5,7,3,0.1,1,20.84,28.28");
        EnbData d = EnbCsv.read(file);
        assertEquals(2, d.size());
        assertArrayEquals(new double[] {0.9, 563.5, 318.5, 122.5, 7, 3, 0.1, 1}, d.x()[1], 0);
        assertArrayEquals(new double[] {15.55, 20.84}, d.target("Y1"), 0);
        assertArrayEquals(new double[] {21.33, 28.28}, d.target("Y2"), 0);
    }

    @Test
    void columnsAreFoundByNameAndTrailingBlankLinesIgnored() {
        EnbData d = EnbCsv.parse("Y2,Y1,X8,X7,X6,X5,X4,X3,X2,X1\n2,1,8,7,6,5,4,3,2.5,0.5\n\n", "t");
        assertArrayEquals(new double[] {0.5, 2.5, 3, 4, 5, 6, 7, 8}, d.x()[0], 0);
        assertEquals(1, d.y1()[0]);
        assertEquals(2, d.y2()[0]);
    }

    @Test
    void missingColumnIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> EnbCsv.parse("X1,X2,X3,X4,X5,X6,X7,X8,Y1\n1,2,3,4,5,6,7,8,9", "t.csv"));
        assertTrue(e.getMessage().contains("missing column(s) [Y2]"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void badNumberGivesLineAndColumn() {
        var e = assertThrows(IllegalArgumentException.class, () -> EnbCsv.parse(HEADER
                + "\r\n1,2,3,4,5,6,7,8,9,10\r\n1,2,abc,4,5,6,7,8,9,10\r\n", "t.csv"));
        assertTrue(e.getMessage().contains("line 3, column X3: not a number: 'abc'"), e.getMessage());
    }

    @Test
    void wrongFieldCountGivesLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> EnbCsv.parse(HEADER
                + "\n1,2,3,4,5,6,7,8,9,10\n1,2,3,4,5,6,7,8,9\n", "t.csv"));
        assertTrue(e.getMessage().contains("line 3: expected 10 fields, found 9"), e.getMessage());
    }

    @Test
    void emptyOrHeaderOnlyOrNonFiniteOrAbsentFileIsRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> EnbCsv.parse("", "t.csv"));
        var e = assertThrows(IllegalArgumentException.class, () -> EnbCsv.parse(HEADER + "\r\n", "t.csv"));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> EnbCsv.parse(HEADER + "\n1,2,3,4,5,6,7,8,NaN,10", "t.csv"));
        assertTrue(nan.getMessage().contains("line 2, column Y1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnbCsv.read(dir.resolve("absent.csv")));
    }
}

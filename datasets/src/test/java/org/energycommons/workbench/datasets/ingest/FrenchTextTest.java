package org.energycommons.workbench.datasets.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FrenchTextTest {

    @Test
    void numbersWrittenTheFrenchOrTheEnglishWay() {
        assertEquals(12.5, FrenchText.number("12,5"));
        assertEquals(1234.5, FrenchText.number("1 234,5"));
        assertEquals(1234.5, FrenchText.number("1\u202f234,5"));
        assertEquals(1234.5, FrenchText.number("1.234,5"));
        assertEquals(-3.0, FrenchText.number("-3"));
        assertEquals(1.5e3, FrenchText.number("1.5E3"));
        assertNull(FrenchText.number("  "));
        assertEquals("not a number: 'abc'", assertThrows(NumberFormatException.class,
                () -> FrenchText.number("abc")).getMessage());
        assertThrows(NumberFormatException.class, () -> FrenchText.number("NaN"));
        assertThrows(NumberFormatException.class, () -> FrenchText.number("1e999"));
    }

    @Test
    void aHugeFieldFailsFastNotInQuadraticTime() {
        String digits = "9".repeat(100_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(NumberFormatException.class, () -> FrenchText.number(digits)));
    }

    @Test
    void fieldsAreSplitWithQuotes() {
        assertArrayEquals(new String[] {"a", "b;c", "d\"e", ""}, FrenchText.split("a;\"b;c\";\"d\"\"e\";", ';'));
    }

    @Test
    void encodingsAreDetectedAndGzipOpened() throws Exception {
        String text = "Région;Qualité\nÎle-de-France;élevée\n";
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = text.getBytes(Charset.forName("windows-1252"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] bytes : new byte[][] {bom, latin1, gz.toByteArray()}) {
            try (var reader = FrenchText.reader(new ByteArrayInputStream(bytes))) {
                assertEquals("Région;Qualité", reader.readLine());
                assertEquals("Île-de-France;élevée", reader.readLine());
            }
        }
    }

    @Test
    void localTimesFollowTheDstRule() {
        FrenchText.LocalTimes times = new FrenchText.LocalTimes(ZoneId.of("Europe/Paris"));
        LocalDateTime repeated = LocalDateTime.parse("2024-10-27T02:30");
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"), times.toUtc("m1", repeated));
        assertEquals(Instant.parse("2024-10-27T01:30:00Z"), times.toUtc("m1", repeated));
        assertThrows(java.time.DateTimeException.class, () -> times.toUtc("m1", repeated));
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"), times.toUtc("m2", repeated), "series are independent");
        assertThrows(java.time.DateTimeException.class,
                () -> times.toUtc("m1", LocalDateTime.parse("2024-03-31T02:30")));
        assertEquals(Instant.parse("2024-01-01T11:00:00Z"), times.toUtc("m1", LocalDateTime.parse("2024-01-01T12:00")));
    }
}

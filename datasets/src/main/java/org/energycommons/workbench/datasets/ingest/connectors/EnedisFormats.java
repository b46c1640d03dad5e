package org.energycommons.workbench.datasets.ingest.connectors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;

/**
 * Field parsing shared by the Enedis connectors: time stamps (ISO with offset or Europe/Paris local time), steps,
 * PRMs, units, bounded numbers, and the repair of UTF-8 text that was decoded as Windows-1252.
 */
final class EnedisFormats {

    /** The time zone of every local time stamp in Enedis files. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Earliest instant accepted in any Enedis file (before the Linky roll-out and the open-data series). */
    static final Instant MIN_INSTANT = Instant.parse("2000-01-01T00:00:00Z");
    /** Latest instant accepted in any Enedis file. */
    static final Instant MAX_INSTANT = Instant.parse("2100-01-01T00:00:00Z");

    /** Load-curve steps (minutes) that Enedis meters record. */
    static final Set<Integer> STEPS = Set.of(10, 15, 30, 60);

    /**
     * Highest average power accepted for one delivery point: 40 MW, beyond the largest sites connected to the
     * distribution network (bigger ones are connected to the transmission network, not metered by Enedis).
     */
    static final double MAX_POINT_POWER_W = 40e6;

    /** Longest text read as a number. */
    static final int MAX_NUMBER_CHARS = 100;

    private static final Pattern PRM = Pattern.compile("\\d{14}");

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter FRENCH_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("dd/MM/uuuu HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private EnedisFormats() {
    }

    /** A record that cannot be accepted: its message is the reject reason. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The UTC instant of a time stamp: ISO 8601 with an offset ({@code 2023-01-01T00:30:00+01:00}) is taken as
     * is; a local time ({@code 2023-01-01 00:30:00}, {@code 2023-01-01T00:30}, {@code 01/01/2023 00:30}) is
     * resolved in Europe/Paris by {@link FrenchText.LocalTimes} for the given series (DST gap refused, repeated
     * autumn hour summer offset first).
     */
    static Instant instant(String field, String text, FrenchText.LocalTimes times, String series) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new Bad(field + ": empty");
        }
        Instant instant;
        try {
            TemporalAccessor t;
            try {
                t = DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            } catch (DateTimeParseException e) {
                t = LocalDateTime.parse(s, FRENCH_DATE_TIME);
            }
            if (t instanceof OffsetDateTime odt) {
                instant = odt.toInstant();
            } else {
                instant = times.toUtc(series, (LocalDateTime) t);
            }
        } catch (DateTimeParseException e) {
            throw new Bad(field + ": not a date-time: '" + FrenchText.abbreviate(s, 40) + "'");
        } catch (DateTimeException e) {
            throw new Bad(field + ": " + e.getMessage());
        }
        if (instant.isBefore(MIN_INSTANT) || !instant.isBefore(MAX_INSTANT)) {
            throw new Bad(field + ": " + instant + " is outside 2000–2099");
        }
        return instant;
    }

    /** The step in minutes of an ISO duration such as {@code PT30M}; one of {@link #STEPS}. */
    static int stepMinutes(String field, String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new Bad(field + ": empty");
        }
        long minutes;
        try {
            Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
            minutes = d.toMinutes();
            if (d.isNegative() || d.toSeconds() % 60 != 0) {
                minutes = -1;
            }
        } catch (DateTimeParseException e) {
            throw new Bad(field + ": not an ISO duration: '" + FrenchText.abbreviate(s, 40) + "'");
        }
        if (minutes < 0 || minutes > Integer.MAX_VALUE || !STEPS.contains((int) minutes)) {
            throw new Bad(field + ": unsupported step '" + FrenchText.abbreviate(s, 40)
                    + "' (expected PT10M, PT15M, PT30M or PT60M)");
        }
        return (int) minutes;
    }

    /** A delivery-point identifier: 14 digits. */
    static String prm(String field, String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new Bad(field + ": empty");
        }
        if (!PRM.matcher(s).matches()) {
            throw new Bad(field + ": not a 14-digit PRM: '" + FrenchText.abbreviate(s, 40) + "'");
        }
        return s;
    }

    /**
     * The unit of a load-curve value as its conversion to an average power in W: W and kW are average powers;
     * Wh and kWh are energies over the interval (divided by its duration). Blank means W, the unit of every Enedis
     * load-curve export.
     *
     * @return the factor to W for powers, or minus the factor to Wh for energies
     */
    static double unitFactor(String field, String text) {
        String s = text == null ? "" : text.strip();
        switch (s) {
            case "", "W", "w" -> {
                return 1;
            }
            case "kW", "KW", "kw" -> {
                return 1000;
            }
            case "Wh", "WH", "wh" -> {
                return -1;
            }
            case "kWh", "KWH", "kwh" -> {
                return -1000;
            }
            default -> throw new Bad(field + ": unknown unit '" + FrenchText.abbreviate(s, 20)
                    + "' (expected W, kW, Wh or kWh)");
        }
    }

    /** Average power in W of a value in a unit given by {@link #unitFactor} over a step of some minutes. */
    static double toWatts(double value, double unitFactor, int stepMinutes) {
        return unitFactor > 0 ? value * unitFactor : value * -unitFactor * 60.0 / stepMinutes;
    }

    /** A required number. */
    static double number(String field, String text) {
        Double v = optionalNumber(field, text);
        if (v == null) {
            throw new Bad(field + ": empty");
        }
        return v;
    }

    /**
     * An optional number; blank gives {@code null}. Text longer than {@link #MAX_NUMBER_CHARS} is refused before it
     * reaches {@link FrenchText#number}, whose pattern takes quadratic time on long runs of digits.
     */
    static Double optionalNumber(String field, String text) {
        if (text != null && text.length() > MAX_NUMBER_CHARS) {
            throw new Bad(field + ": not a number: '" + FrenchText.abbreviate(text.strip(), 40) + "'");
        }
        try {
            return FrenchText.number(text);
        } catch (NumberFormatException e) {
            throw new Bad(field + ": " + e.getMessage());
        }
    }

    /** A required whole number. */
    static long whole(String field, String text) {
        double v = number(field, text);
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) {
            throw new Bad(field + ": not a whole number: '" + FrenchText.abbreviate(text.strip(), 40) + "'");
        }
        return (long) v;
    }

    /**
     * Checks {@code min <= v <= max}, naming the field and unit in the reason ({@code "Valeur: negative value -5
     * W"}, {@code "Valeur: absurd value 5000000000 W (max 40000000 W)"}).
     */
    static double bounded(String field, double v, double min, double max, String unit) {
        if (v < min) {
            throw new Bad(field + (v < 0 && min >= 0 ? ": negative value " + plain(v) + unit
                    : ": value " + plain(v) + unit + " below the minimum " + plain(min) + unit));
        }
        if (v > max) {
            throw new Bad(field + ": absurd value " + plain(v) + unit + " (max " + plain(max) + unit + ")");
        }
        return v;
    }

    /**
     * {@code v × 10^places} computed in decimal, so that a unit change of a value read from text adds no binary
     * rounding ({@code 4.02} MWh gives {@code 4020.0} kWh, not {@code 4019.9999999999995}).
     */
    static double shift(double v, int places) {
        return java.math.BigDecimal.valueOf(v).movePointRight(places).doubleValue();
    }

    /** A number without a useless {@code .0} or exponent. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * Repairs text that was UTF-8 but decoded as Windows-1252 ({@code dÃ©but} → {@code début}), as happens to a
     * UTF-8 file holding one Latin-1 line (the reader then decodes it all as Windows-1252). Text that is not
     * such mojibake (a genuine Latin-1 {@code é}) is returned unchanged.
     */
    static String repair(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            return text;
        }
        try {
            CharsetEncoder encoder = WINDOWS_1252.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    /** The refusal of a file whose header lacks required columns. */
    static SchemaMismatchException missingColumns(String fileName, String source, List<String> missing,
                                                  String hint) {
        return new SchemaMismatchException(fileName + ": not a " + source + " file: missing columns " + missing
                + (hint == null ? "" : " (" + hint + ")"));
    }
}

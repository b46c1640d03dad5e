package org.energycommons.workbench.datasets.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reading French open-data files as they really are: gzip or not, UTF-8 with or without a BOM or Latin-1
 * (Windows-1252), {@code ;} separators with quoted fields, decimal commas and thousands spaces, local times
 * around DST changes.
 */
public final class FrenchText {

    /** Bytes sampled to tell UTF-8 from Latin-1. */
    static final int SNIFF_BYTES = 1 << 20;
    /** Longest number text accepted (a double has at most 17 significant digits; this leaves room for zeros). */
    static final int MAX_NUMBER_CHARS = 100;
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");
    /** Longest raw text kept for a rejected record. */
    public static final int MAX_RAW_CHARS = 2000;

    private FrenchText() {
    }

    /**
     * A line reader over the file: gunzips when the content is gzip, skips a UTF-8 BOM, and decodes as UTF-8 when
     * the first megabyte is valid UTF-8, else as Windows-1252 (a superset of Latin-1 used by French exports).
     */
    public static BufferedReader reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream body = in;
        if (b1 == 0x1f && b2 == 0x8b) {
            body = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        body.mark(SNIFF_BYTES + 3);
        byte[] head = body.readNBytes(SNIFF_BYTES);
        body.reset();
        Charset charset;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            body.skip(3);
            charset = StandardCharsets.UTF_8;
        } else {
            charset = isUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        return new BufferedReader(new InputStreamReader(body, charset), 1 << 16);
    }

    private static boolean isUtf8(byte[] head) {
        // A multi-byte sequence cut by the sample boundary is not an error: trim up to 3 trailing bytes.
        int end = head.length;
        for (int i = 0; i < 3 && end > 0 && (head[end - 1] & 0x80) != 0; i++) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Splits a delimited line; fields may be quoted with {@code "} and a doubled quote escapes one (the rules of
     * {@link DelimitedRecords}).
     */
    public static String[] split(String line, char separator) {
        return DelimitedRecords.fields(line, separator);
    }

    /**
     * Parses a number written the French or the English way: {@code 12,5}, {@code 1 234,5} (space or no-break
     * space thousands), {@code 12.5}, {@code -3}. Blank gives {@code null}.
     *
     * @throws NumberFormatException with a readable message for anything else, NaN and infinities included
     */
    public static Double number(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(',') >= 0) {
            if (s.indexOf('.') >= 0) {
                s = s.replace(".", "");
            }
            s = s.replace(',', '.');
        }
        if (s.length() > MAX_NUMBER_CHARS) {
            throw new NumberFormatException("not a number: too long (" + s.length() + " characters)");
        }
        // Possessive quantifiers: a failed match costs linear time, whatever the input.
        if (!NUMBER.matcher(s).matches()) {
            throw new NumberFormatException("not a number: '" + abbreviate(text, 40) + "'");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("not a finite number: '" + abbreviate(text, 40) + "'");
        }
        return v;
    }

    /** Normalises a header name for comparison: lower case, accents removed, non-alphanumerics to '_'. */
    public static String headerKey(String header) {
        String s = java.text.Normalizer.normalize(header.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** Text cut to {@code max} characters with an ellipsis. */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * Turns local civil times into UTC instants by one documented rule: a local time that does not exist (the
     * spring DST gap) is refused; an ambiguous one (the repeated autumn hour) takes the summer offset the first
     * time it is seen for a series and the winter offset the second time, as a file listing a day in order does.
     */
    public static final class LocalTimes {

        private final ZoneId zone;
        private final Map<String, Integer> seen = new HashMap<>();

        public LocalTimes(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * The UTC instant of a local time of a series.
         *
         * @param series what makes times comparable (e.g. the meter id), so that each series resolves its own
         *     repeated hour
         * @throws java.time.DateTimeException with a readable message for a time in the DST gap, or one seen more
         *     than twice
         */
        public Instant toUtc(String series, LocalDateTime local) {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                ZoneOffsetTransition t = zone.getRules().getTransition(local);
                throw new java.time.DateTimeException("local time " + local + " does not exist in " + zone
                        + " (DST gap " + t.getDateTimeBefore() + " → " + t.getDateTimeAfter() + ")");
            }
            if (offsets.size() == 1) {
                return local.toInstant(offsets.get(0));
            }
            int n = seen.merge(series + "|" + local, 1, Integer::sum);
            if (n > 2) {
                throw new java.time.DateTimeException("local time " + local + " appears more than twice for "
                        + series + " (ambiguous DST hour)");
            }
            // getValidOffsets lists the earlier (summer) offset first.
            return local.toInstant(offsets.get(n - 1));
        }
    }
}

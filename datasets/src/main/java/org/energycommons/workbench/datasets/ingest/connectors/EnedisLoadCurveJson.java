package org.energycommons.workbench.datasets.ingest.connectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SchemaMismatchException;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/**
 * The load curve of one delivery point as returned by Enedis Data Connect ({@code metering_data_clc}):
 * {@code {"meter_reading":{"usage_point_id":…,"reading_type":{"unit":"W","aggregate":"average",…},
 * "interval_reading":[{"value":"540","date":"2019-05-06 03:00:00","interval_length":"PT30M",
 * "measure_type":"B"},…]}}}.
 *
 * <p>The file is read with Jackson's streaming parser, so a large {@code interval_reading} array is never held
 * whole. A record is one element of {@code interval_reading}; its line is its 1-based index in the array.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code date} is the Europe/Paris local time of the interval END (an ISO time with an offset is also
 *       taken, as the instant); local times are resolved per PRM by {@link FrenchText.LocalTimes} (spring DST gap
 *       rejected, the repeated autumn hour takes the summer offset first). The start is the end minus
 *       {@code interval_length} ({@code PT10M}, {@code PT15M}, {@code PT30M} or {@code PT60M}; it may change
 *       within a file).</li>
 *   <li>{@code value} (a string or a number) is the average power over the interval in
 *       {@code reading_type.unit}: W (also when absent) or kW; Wh and kWh are energies over the interval turned
 *       into the average power; any other unit, or an aggregate other than {@code average} for a power unit,
 *       rejects every reading. Bounds: 0 ≤ power ≤ 40 MW ({@link EnedisFormats#MAX_POINT_POWER_W}), time stamps
 *       in 2000–2099.</li>
 *   <li>{@code usage_point_id} must be a 14-digit PRM, else every reading is rejected. When
 *       {@code usage_point_id} or {@code reading_type} come after {@code interval_reading} in the object (the
 *       API puts them first), readings are held until {@code meter_reading} closes.</li>
 *   <li>A file that is not JSON, or lacks {@code meter_reading} or {@code meter_reading.interval_reading}, or
 *       ends or breaks before {@code interval_reading} opens, is refused ({@link SchemaMismatchException}).</li>
 *   <li><b>Truncated JSON.</b> When the input ends (or is no longer valid JSON) inside {@code interval_reading},
 *       the readings parsed before the break are kept, and one more record is rejected, with the index of the
 *       element being read (or the next index when the break falls between elements), its partial text, and the
 *       reason {@code "truncated JSON: …"} ({@code "malformed JSON: …"} for a syntax error before the end of
 *       the input). Nothing after the break is read. A break after the array has closed loses no reading and
 *       rejects nothing.</li>
 *   <li>A second reading of the same PRM and interval end is rejected as {@code "duplicate of line N"}.</li>
 * </ul>
 */
public final class EnedisLoadCurveJson extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = "enedis-load-curve-json";

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Load curve of one delivery point, Enedis Data Connect JSON (metering_data_clc)",
            "Enedis",
            "proprietary (customer data, shared with consent)",
            "https://datahub-enedis.fr/services-api/data-connect/",
            "JSON {meter_reading:{usage_point_id, reading_type:{unit}, interval_reading:[{value, date, "
                    + "interval_length, measure_type}]}}, optionally gzipped; date is the Europe/Paris local "
                    + "time of the interval end; value is the average power in W, as a string",
            "silver/load_curve",
            true,
            columns(EnedisLoadCurveRows.SCHEMA, EnedisLoadCurveRows.DOCS));

    public EnedisLoadCurveJson() {
        super(DESCRIPTION, EnedisLoadCurveRows.SCHEMA, EnedisLoadCurveRows.KEY);
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        BufferedReader reader = FrenchText.reader(content);
        if (onlyWhitespace(reader)) {
            throw new SchemaMismatchException(fileName + ": not a " + NAME + " file: empty file");
        }
        JsonFactory factory = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        new Reading(fileName, sink).run(factory.createParser(reader));
    }

    private static boolean onlyWhitespace(BufferedReader reader) throws IOException {
        while (true) {
            reader.mark(1);
            int c = reader.read();
            if (c < 0) {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                reader.reset();
                return false;
            }
        }
    }

    /** One element of {@code interval_reading}: its scalar fields and its text. */
    private record Element(long index, Map<String, String> fields, String raw, String notObject) {
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final String fileName;
        private final RecordSink sink;
        private final FrenchText.LocalTimes times = new FrenchText.LocalTimes(EnedisFormats.PARIS);
        private final EnedisLoadCurveRows rows = new EnedisLoadCurveRows();
        private final List<Element> pending = new ArrayList<>();

        private boolean inArray;
        private boolean arraySeen;
        private boolean prmSeen;
        private String prm;
        private boolean readingTypeSeen;
        private String unit;
        private String aggregate;
        private long index;
        private boolean elementOpen;
        private StringBuilder partial = new StringBuilder();

        Reading(String fileName, RecordSink sink) {
            this.fileName = fileName;
            this.sink = sink;
        }

        private SchemaMismatchException notThis(String what) {
            return new SchemaMismatchException(fileName + ": not a " + NAME + " file: " + what);
        }

        void run(JsonParser p) throws IOException {
            try (p) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    throw notThis("missing fields [meter_reading]");
                }
                boolean meterReading = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("meter_reading".equals(name) && v == JsonToken.START_OBJECT && !meterReading) {
                        meterReading = true;
                        meterReading(p);
                    } else {
                        p.skipChildren();
                    }
                }
                if (t == null) {
                    throw new JsonEOFException(p, null, "Unexpected end-of-input in the root object");
                }
                if (!meterReading) {
                    throw notThis("missing fields [meter_reading]");
                }
            } catch (JsonProcessingException e) {
                String message = describe(e);
                boolean eof = e instanceof JsonEOFException || message.contains("end-of-input");
                if (inArray) {
                    long line = elementOpen ? index : index + 1;
                    sink.reject(line, FrenchText.abbreviate(partial.toString(), FrenchText.MAX_RAW_CHARS),
                            (eof ? "truncated JSON: " : "malformed JSON: ") + message);
                    inArray = false;
                } else if (!arraySeen) {
                    throw notThis((eof ? "truncated JSON before interval_reading: " : "not JSON: ") + message);
                }
                flush();
            }
        }

        private static String describe(JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m == null) {
                m = e.getClass().getSimpleName();
            }
            m = m.replaceAll("\\s+", " ");
            if (e.getLocation() != null) {
                m = m + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            }
            return FrenchText.abbreviate(m, 200);
        }

        private void meterReading(JsonParser p) throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "usage_point_id" -> {
                        prmSeen = true;
                        prm = scalar(p, v);
                    }
                    case "reading_type" -> {
                        readingTypeSeen = true;
                        if (v == JsonToken.START_OBJECT) {
                            readingType(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "interval_reading" -> {
                        if (v != JsonToken.START_ARRAY) {
                            throw notThis("meter_reading.interval_reading is not an array");
                        }
                        array(p);
                        arraySeen = true;
                    }
                    default -> p.skipChildren();
                }
            }
            if (t == null) {
                throw new JsonEOFException(p, null, "Unexpected end-of-input in meter_reading");
            }
            if (!arraySeen) {
                throw notThis("missing fields [meter_reading.interval_reading]");
            }
            flush();
        }

        private void readingType(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("unit".equals(name)) {
                    unit = scalar(p, v);
                } else if ("aggregate".equals(name)) {
                    aggregate = scalar(p, v);
                } else {
                    p.skipChildren();
                }
            }
        }

        /** The text of a scalar value, null for null, an object or an array (skipped). */
        private static String scalar(JsonParser p, JsonToken v) throws IOException {
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
                return null;
            }
            return v == JsonToken.VALUE_NULL ? null : p.getText();
        }

        private void array(JsonParser p) throws IOException {
            inArray = true;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new JsonEOFException(p, null, "Unexpected end-of-input in interval_reading");
                }
                index++;
                elementOpen = true;
                partial = new StringBuilder();
                Element e = element(p, t);
                elementOpen = false;
                if (prmSeen && readingTypeSeen) {
                    handle(e);
                } else {
                    pending.add(e);
                }
            }
            inArray = false;
        }

        private Element element(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                boolean structured = t == JsonToken.START_ARRAY;
                String text = structured ? "[…]" : p.getText();
                p.skipChildren();
                return new Element(index, Map.of(), text, structured ? "an array" : "'"
                        + FrenchText.abbreviate(text, 40) + "'");
            }
            Map<String, String> fields = new HashMap<>();
            partial.append('{');
            boolean first = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!first) {
                    partial.append(',');
                }
                first = false;
                quote(partial, name).append(':');
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    partial.append(v == JsonToken.START_OBJECT ? "{…}" : "[…]");
                    p.skipChildren();
                    fields.put(name, null);
                } else if (v == JsonToken.VALUE_NULL) {
                    partial.append("null");
                    fields.put(name, null);
                } else if (v == JsonToken.VALUE_STRING) {
                    quote(partial, p.getText());
                    fields.put(name, p.getText());
                } else {
                    partial.append(p.getText());
                    fields.put(name, p.getText());
                }
            }
            partial.append('}');
            return new Element(index, fields, partial.toString(), null);
        }

        private static StringBuilder quote(StringBuilder out, String text) {
            out.append('"');
            int max = Math.min(text.length(), FrenchText.MAX_RAW_CHARS);
            for (int i = 0; i < max; i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            if (max < text.length()) {
                out.append('…');
            }
            return out.append('"');
        }

        private void flush() {
            for (Element e : pending) {
                handle(e);
            }
            pending.clear();
        }

        private void handle(Element e) {
            String raw = FrenchText.abbreviate(e.raw(), FrenchText.MAX_RAW_CHARS);
            try {
                if (e.notObject() != null) {
                    throw new EnedisFormats.Bad("interval_reading element is not a JSON object: " + e.notObject());
                }
                if (prm == null) {
                    throw new EnedisFormats.Bad("usage_point_id: missing");
                }
                String id = EnedisFormats.prm("usage_point_id", prm);
                double unitFactor = EnedisFormats.unitFactor("reading_type.unit", unit);
                if (unitFactor > 0 && aggregate != null && !aggregate.isBlank()
                        && !"average".equalsIgnoreCase(aggregate.strip())) {
                    throw new EnedisFormats.Bad("reading_type.aggregate: '" + FrenchText.abbreviate(aggregate, 20)
                            + "' is not an average power");
                }
                int step = EnedisFormats.stepMinutes("interval_length", required(e, "interval_length"));
                Instant end = EnedisFormats.instant("date", required(e, "date"), times, id);
                double value = EnedisFormats.number("value", required(e, "value"));
                double watts = EnedisFormats.toWatts(value, unitFactor, step);
                sink.accept(e.index(), rows.row(e.index(), "value", id, end, step, watts,
                        e.fields().get("measure_type")));
            } catch (EnedisFormats.Bad bad) {
                sink.reject(e.index(), raw, bad.getMessage());
            } catch (RuntimeException ex) {
                sink.reject(e.index(), raw, "unreadable record: " + FrenchText.abbreviate(String.valueOf(ex), 200));
            }
        }

        private static String required(Element e, String field) {
            String v = e.fields().get(field);
            if (v == null) {
                throw new EnedisFormats.Bad(field + ": missing");
            }
            return v;
        }
    }
}

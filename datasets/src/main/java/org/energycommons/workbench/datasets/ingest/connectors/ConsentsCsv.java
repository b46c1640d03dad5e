package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Column;
import org.energycommons.workbench.datasets.ingest.connectors.BuildingCsv.Row;
import org.energycommons.workbench.datasets.privacy.ConsentRegister;

/**
 * The connector of the consent register: one row per consent a household gave for one delivery point and one
 * purpose, as the programme records it (a form, a signed letter, a web page), feeding {@code silver/consents}.
 *
 * <p>The file is a CSV separated by {@code ;} or {@code ,} (detected from the header), UTF-8 with or without BOM,
 * with the columns {@code prm}, {@code purpose}, {@code valid_from}, {@code valid_to} and {@code source} (other
 * columns are ignored; a file lacking one of these is refused). The reading rules are those of {@link BuildingCsv}.
 * A record is rejected, with the field named in its reason, when:
 * <ul>
 *   <li>{@code prm} is not a delivery point number of 14 digits;</li>
 *   <li>{@code purpose} is not one of {@link ConsentRegister#PURPOSES} (case and surrounding blanks do not
 *       matter; it is stored in lower case);</li>
 *   <li>{@code valid_from} or a non-empty {@code valid_to} is not a date written {@code YYYY-MM-DD} within
 *       2000–2099; an empty {@code valid_to} is an open-ended consent;</li>
 *   <li>{@code valid_to} is before {@code valid_from} (equal is a consent of one day);</li>
 *   <li>{@code prm}, {@code purpose}, {@code valid_from} or {@code source} is empty: a consent is kept with who
 *       recorded it, or not at all;</li>
 *   <li>its key ({@code prm}, {@code purpose}, {@code valid_from}) repeats an earlier record of the file.</li>
 * </ul>
 * The PRM is personal data: it is kept in clear at bronze and pseudonymised into {@code meter_id} at silver. A
 * consent is withdrawn by ingesting its row again with {@code valid_to} set: the key is the same, so the stored row
 * is replaced.
 */
public final class ConsentsCsv extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name on the command line. */
    public static final String NAME = "consents";

    /** First day a consent may start or end on. */
    static final LocalDate MIN_DAY = LocalDate.of(2000, 1, 1);
    /** Last day a consent may start or end on. */
    static final LocalDate MAX_DAY = LocalDate.of(2099, 12, 31);

    private static final Pattern PRM = Pattern.compile("\\d{14}");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    static final Column PRM_COLUMN = Column.required("prm", "pdl", "prm_pdl", "identifiant_prm");
    static final Column PURPOSE = Column.required("purpose", "finalite");
    static final Column VALID_FROM = Column.required("valid_from", "date_debut");
    static final Column VALID_TO = Column.required("valid_to", "date_fin");
    static final Column SOURCE = Column.required("source", "origine");

    private static final List<Column> COLUMNS = List.of(PRM_COLUMN, PURPOSE, VALID_FROM, VALID_TO, SOURCE);

    private static final StructType SCHEMA = new StructType(new StructField[] {
        field("prm", DataTypes.StringType, false),
        field("purpose", DataTypes.StringType, false),
        field("valid_from", DataTypes.DateType, false),
        field("valid_to", DataTypes.DateType, true),
        field("source", DataTypes.StringType, false),
    });

    /** Unit and description of each column of {@link #SCHEMA}, in its order. */
    private static final String[][] DOCS = {
        {"", "delivery point (PRM/PDL, 14 digits), in clear at bronze, pseudonymised at silver"},
        {"", "what the consent allows: household_report, research or publication"},
        {"", "first day the consent is valid (inclusive)"},
        {"", "last day the consent is valid (inclusive); null when open-ended"},
        {"", "who recorded the consent and how, e.g. a form id"},
    };

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Consent register: consents of households to a purpose, per delivery point",
            "the programme (consent forms)",
            "proprietary (personal data, never published)",
            "docs/consent.md",
            "CSV, ';' or ',' separated, UTF-8 with or without BOM; columns prm;purpose;valid_from;valid_to;source, "
                    + "dates YYYY-MM-DD, valid_to empty when open-ended",
            "silver/consents", true, columns(SCHEMA, DOCS));

    public ConsentsCsv() {
        super(DESCRIPTION, SCHEMA, List.of("prm", "purpose", "valid_from"));
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        BuildingCsv.parse(fileName, content, sink, NAME, COLUMNS, ConsentsCsv::values,
                values -> List.of(values[0], values[1], values[2]));
    }

    private static Object[] values(Row row) {
        String prm = BuildingCsv.requiredText(row, PRM_COLUMN);
        if (!PRM.matcher(prm).matches()) {
            throw BuildingCsv.invalid(row, PRM_COLUMN, "not a 14-digit PRM", prm);
        }
        String purpose = BuildingCsv.requiredText(row, PURPOSE).toLowerCase(Locale.ROOT);
        if (!ConsentRegister.PURPOSES.contains(purpose)) {
            throw BuildingCsv.invalid(row, PURPOSE, "unknown purpose (expected " + ConsentRegister.expected() + ")",
                    purpose);
        }
        LocalDate from = date(row, VALID_FROM);
        if (from == null) {
            throw BuildingCsv.missing(row, VALID_FROM);
        }
        LocalDate to = date(row, VALID_TO);
        if (to != null && to.isBefore(from)) {
            throw new BuildingCsv.Reject(row.label(VALID_TO) + ": " + to + " is before " + row.label(VALID_FROM)
                    + " " + from);
        }
        String source = BuildingCsv.requiredText(row, SOURCE);
        return new Object[] {prm, purpose, java.sql.Date.valueOf(from), to == null ? null : java.sql.Date.valueOf(to),
            source};
    }

    /** A day written {@code YYYY-MM-DD} within {@link #MIN_DAY}..{@link #MAX_DAY}; {@code null} when blank. */
    private static LocalDate date(Row row, Column column) {
        String raw = row.value(column);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        Matcher m = ISO_DATE.matcher(s);
        LocalDate day;
        try {
            if (!m.matches()) {
                throw BuildingCsv.invalid(row, column, "not a date YYYY-MM-DD", s);
            }
            day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw BuildingCsv.invalid(row, column, "not a date YYYY-MM-DD", s);
        }
        if (day.isBefore(MIN_DAY) || day.isAfter(MAX_DAY)) {
            throw new BuildingCsv.Reject(row.label(column) + ": outside plausible range [" + MIN_DAY + ", " + MAX_DAY
                    + "]: " + BuildingCsv.quote(s));
        }
        return day;
    }
}

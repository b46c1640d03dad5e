package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/**
 * The load-curve export of the Enedis customer space ("Télécharger mes données", {@code .csv} or
 * {@code .csv.gz}): one delivery point's average power per interval, as a {@code ;}-separated file with the header
 * {@code Identifiant PRM;Date de début;Date de fin;Grandeur physique;Grandeur métier;Etape métier;Unité;
 * Horodate;Valeur;Nature;Pas;Indice de vraisemblance;Etat complémentaire}.
 *
 * <p>Rules:
 * <ul>
 *   <li>Columns are matched by {@link FrenchText#headerKey} (accents, case and punctuation do not matter);
 *       {@code Identifiant PRM}, {@code Unité}, {@code Horodate}, {@code Valeur} and {@code Pas} are required,
 *       {@code Nature} is optional, other columns are ignored.</li>
 *   <li><b>Metadata rows are context, not records.</b> A row with an {@code Identifiant PRM} and empty
 *       {@code Horodate} and {@code Valeur} (the row carrying the PRM, the period and the unit) is, like the
 *       header, a context line: it is neither accepted nor rejected, and sets the PRM and unit of the readings
 *       that follow until the next metadata row. A reading row (with a {@code Horodate}) uses its own PRM and unit
 *       when it has them, else those of the last metadata row; with no PRM at all it is rejected with
 *       {@code "no Identifiant PRM before this reading"}. An invalid PRM or unit in a metadata row rejects each
 *       reading that uses it, naming the metadata line.</li>
 *   <li>{@code Horodate} is the END of the interval, ISO 8601 with an offset (taken as the instant) or a
 *       Europe/Paris local time (resolved per PRM by {@link FrenchText.LocalTimes}: a time in the spring DST gap
 *       is rejected, the repeated autumn hour takes the summer offset first). The start is the end minus
 *       {@code Pas} ({@code PT10M}, {@code PT15M}, {@code PT30M} or {@code PT60M}; steps may change within a
 *       file).</li>
 *   <li>Units: W (also when blank) and kW are average powers (kW × 1000); Wh and kWh are energies over the
 *       interval, turned into the average power (× 60 / step minutes); any other unit rejects the reading.</li>
 *   <li>Bounds: 0 ≤ average power ≤ 40 MW ({@link EnedisFormats#MAX_POINT_POWER_W}); a time stamp must fall in
 *       2000–2099. A second reading of the same PRM and interval end is rejected as
 *       {@code "duplicate of line N"}.</li>
 * </ul>
 */
public final class EnedisLoadCurveCsv extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = "enedis-load-curve-csv";

    private static final int PRM = 0;
    private static final int UNIT = 1;
    private static final int TIME = 2;
    private static final int VALUE = 3;
    private static final int NATURE = 4;
    private static final int STEP = 5;

    private static final List<EnedisCsv.Column> COLUMNS = List.of(
            new EnedisCsv.Column("Identifiant PRM", true, "PRM", "Identifiant PDL"),
            new EnedisCsv.Column("Unité", true, "Unite de mesure"),
            new EnedisCsv.Column("Horodate", true),
            new EnedisCsv.Column("Valeur", true),
            new EnedisCsv.Column("Nature", false),
            new EnedisCsv.Column("Pas", true));

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Load curve of one delivery point, customer-space CSV export",
            "Enedis",
            "proprietary (customer data, shared with consent)",
            "https://mon-compte-particulier.enedis.fr/",
            "';'-separated CSV, optionally gzipped, UTF-8 (with or without BOM) or Windows-1252; a metadata row "
                    + "(PRM, period, unit) precedes its readings, which carry Horodate;Valeur;Nature;Pas; "
                    + "Horodate is the interval end, ISO with offset or Europe/Paris local time",
            "silver/load_curve",
            true,
            columns(EnedisLoadCurveRows.SCHEMA, EnedisLoadCurveRows.DOCS));

    public EnedisLoadCurveCsv() {
        super(DESCRIPTION, EnedisLoadCurveRows.SCHEMA, EnedisLoadCurveRows.KEY);
    }

    /** The PRM and unit given by the last metadata row, and its line. */
    private record Context(String prm, String unit, long line) {
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        EnedisCsv csv = EnedisCsv.open(fileName, NAME, content, COLUMNS);
        int iPrm = csv.index(PRM);
        int iUnit = csv.index(UNIT);
        int iTime = csv.index(TIME);
        int iValue = csv.index(VALUE);
        int iNature = csv.index(NATURE);
        int iStep = csv.index(STEP);
        FrenchText.LocalTimes times = new FrenchText.LocalTimes(EnedisFormats.PARIS);
        EnedisLoadCurveRows rows = new EnedisLoadCurveRows();
        Context[] context = {null};
        csv.forEach(sink, (line, raw, f) -> {
            String prmText = EnedisCsv.field(f, iPrm);
            String unitText = EnedisCsv.field(f, iUnit);
            String time = EnedisCsv.field(f, iTime);
            String value = EnedisCsv.field(f, iValue);
            if (time.isEmpty() && value.isEmpty() && !prmText.isEmpty()) {
                context[0] = new Context(prmText, unitText, line);
                return;
            }
            if (time.isEmpty()) {
                throw new EnedisFormats.Bad("Horodate: empty");
            }
            Context ctx = context[0];
            String prm;
            if (!prmText.isEmpty()) {
                prm = EnedisFormats.prm("Identifiant PRM", prmText);
            } else if (ctx != null) {
                prm = fromMetadata(() -> EnedisFormats.prm("Identifiant PRM", ctx.prm()), ctx);
            } else {
                throw new EnedisFormats.Bad("no Identifiant PRM before this reading");
            }
            double unitFactor;
            if (!unitText.isEmpty() || ctx == null) {
                unitFactor = EnedisFormats.unitFactor("Unité", unitText);
            } else {
                unitFactor = fromMetadata(() -> EnedisFormats.unitFactor("Unité", ctx.unit()), ctx);
            }
            int step = EnedisFormats.stepMinutes("Pas", EnedisCsv.field(f, iStep));
            Instant end = EnedisFormats.instant("Horodate", time, times, prm);
            double v = EnedisFormats.number("Valeur", value);
            double watts = EnedisFormats.toWatts(v, unitFactor, step);
            sink.accept(line, rows.row(line, "Valeur", prm, end, step, watts, EnedisCsv.field(f, iNature)));
        });
    }

    private static <T> T fromMetadata(java.util.function.Supplier<T> value, Context ctx) {
        try {
            return value.get();
        } catch (EnedisFormats.Bad e) {
            throw new EnedisFormats.Bad(e.getMessage() + " (metadata line " + ctx.line() + ")");
        }
    }
}

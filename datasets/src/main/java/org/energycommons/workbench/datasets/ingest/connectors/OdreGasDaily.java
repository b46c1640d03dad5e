package org.energycommons.workbench.datasets.ingest.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.FrenchText;
import org.energycommons.workbench.datasets.ingest.RecordSink;
import org.energycommons.workbench.datasets.ingest.SourceDescription;
import org.energycommons.workbench.datasets.ingest.SourceDescription.Column;

/**
 * Connector for ODRE's "consommation-quotidienne-brute-regionale": the raw gas consumption of each region
 * (GRTgaz and Teréga networks) and its raw electricity consumption (RTE), as half-hourly or hourly mean powers.
 *
 * <p>Format: {@code ;}-separated text, UTF-8 with or without BOM or Windows-1252, header
 * {@code Date - Heure;Date;Heure;Code INSEE région;Région;Consommation brute gaz (MW PCS 0°C) - GRTgaz;
 * Statut - GRTgaz;Consommation brute gaz (MW PCS 0°C) - Teréga;Statut - Teréga;
 * Consommation brute gaz totale (MW PCS 0°C);Consommation brute électricité (MW) - RTE;Statut - RTE;
 * Consommation brute totale (MW)} or its snake_case variant ({@code date_heure;date;heure;code_insee_region;region;
 * consommation_brute_gaz_grtgaz;statut_grtgaz;...;consommation_brute_totale}). Columns are found by name; extra
 * columns are ignored.
 *
 * <p>Rules:
 * <ul>
 *   <li>Time: {@code Date - Heure} is an ISO date-time with offset; when the column is absent or the field empty,
 *       {@code Date} and {@code Heure} are Europe/Paris civil time resolved by {@link FrenchText.LocalTimes} with
 *       the region code as series (DST gap rejected, repeated autumn hour summer offset first). The instant must
 *       fall on a whole half hour (rows are half-hourly or hourly, possibly mixed) in a year 2000..2100.</li>
 *   <li>Region: {@code Code INSEE région} is two digits; {@code Région} is required text.</li>
 *   <li>Values are mean powers over the step in MW; gas in MW PCS 0 °C (higher heating value, gas volume at
 *       0 °C). An empty value is {@code null} (the gas of a network the region is not on, gas on half-hour rows
 *       where only electricity is given, or not yet published), never a rejection; a row whose values are all
 *       empty is accepted. Plausible bounds per region: each gas network, the gas total and electricity
 *       0..100 000 MW; the gas + electricity total 0..200 000 MW. Statuses ("Définitif", "Provisoire"...) are
 *       free text, {@code null} when empty. Use {@link #energyMwh} to turn a value into energy over its step.</li>
 *   <li>Key: region code and instant; a repeat within a file is rejected as {@code duplicate of line N}.</li>
 * </ul>
 */
public final class OdreGasDaily extends CataloguedConnector {

    private static final long serialVersionUID = 1L;

    /** The source name. */
    public static final String NAME = "odre-gas-daily";
    /** Largest plausible regional mean power in MW of one energy (a region's winter gas peak is below 40 000). */
    public static final double MAX_REGIONAL_MW = 100_000;
    /** Largest plausible regional gas + electricity mean power in MW. */
    public static final double MAX_REGIONAL_TOTAL_MW = 200_000;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** Steps are whole half hours. */
    static final int STEP_SECONDS = 30 * 60;

    static final SemicolonCsv.Column DATE_HEURE = SemicolonCsv.Column.of("Date - Heure", "date_heure");
    static final SemicolonCsv.Column DATE = SemicolonCsv.Column.of("Date", "date");
    static final SemicolonCsv.Column HEURE = SemicolonCsv.Column.of("Heure", "heure");
    static final SemicolonCsv.Column REGION_CODE = SemicolonCsv.Column.of("Code INSEE région", "code_insee_region");
    static final SemicolonCsv.Column REGION = SemicolonCsv.Column.of("Région", "region", "libelle_region");
    static final SemicolonCsv.Column GAS_GRTGAZ = SemicolonCsv.Column.of(
            "Consommation brute gaz (MW PCS 0°C) - GRTgaz", "consommation_brute_gaz_grtgaz");
    static final SemicolonCsv.Column STATUS_GRTGAZ = SemicolonCsv.Column.of("Statut - GRTgaz", "statut_grtgaz");
    static final SemicolonCsv.Column GAS_TEREGA = SemicolonCsv.Column.of(
            "Consommation brute gaz (MW PCS 0°C) - Teréga", "consommation_brute_gaz_terega");
    static final SemicolonCsv.Column STATUS_TEREGA = SemicolonCsv.Column.of("Statut - Teréga", "statut_terega");
    static final SemicolonCsv.Column GAS_TOTAL = SemicolonCsv.Column.of(
            "Consommation brute gaz totale (MW PCS 0°C)", "consommation_brute_gaz_totale");
    static final SemicolonCsv.Column ELECTRICITY = SemicolonCsv.Column.of(
            "Consommation brute électricité (MW) - RTE", "consommation_brute_electricite_rte");
    static final SemicolonCsv.Column STATUS_RTE = SemicolonCsv.Column.of("Statut - RTE", "statut_rte");
    static final SemicolonCsv.Column TOTAL = SemicolonCsv.Column.of(
            "Consommation brute totale (MW)", "consommation_brute_totale");

    private static final StructType SCHEMA = StructType.fromDDL("""
            ts_utc TIMESTAMP NOT NULL, region_code STRING NOT NULL, region STRING NOT NULL, gas_grtgaz_mw DOUBLE,
            gas_terega_mw DOUBLE, gas_total_mw DOUBLE, electricity_mw DOUBLE, total_mw DOUBLE, status_grtgaz STRING,
            status_terega STRING, status_rte STRING""");

    private static final SourceDescription DESCRIPTION = new SourceDescription(NAME,
            "Daily raw regional gas and electricity consumption (GRTgaz, Teréga, RTE, ODRE)",
            "GRTgaz, Teréga and RTE, published on ODRE (Open Data Réseaux Énergies)",
            "etalab-2.0",
            "https://odre.opendatasoft.com/explore/dataset/consommation-quotidienne-brute-regionale/",
            "';'-separated CSV, UTF-8 (BOM or not) or Windows-1252, French or snake_case headers; 'Date - Heure'"
                    + " ISO with offset, else Date + Heure in Europe/Paris time; half-hourly or hourly rows;"
                    + " mean powers in MW (gas MW PCS 0 °C); empty value = null",
            "silver/regional_gas",
            false,
            List.of(
                    new Column("ts_utc", "timestamp", "", "UTC start instant of the step (Date - Heure)"),
                    new Column("region_code", "string", "", "INSEE region code, two digits (Code INSEE région)"),
                    new Column("region", "string", "", "region name (Région)"),
                    new Column("gas_grtgaz_mw", "double", "MW PCS 0°C",
                            "raw gas consumption on the GRTgaz network, mean power over the step, 0..100000"),
                    new Column("gas_terega_mw", "double", "MW PCS 0°C",
                            "raw gas consumption on the Teréga network, mean power over the step, 0..100000"),
                    new Column("gas_total_mw", "double", "MW PCS 0°C",
                            "raw gas consumption, both networks, mean power over the step, 0..100000"),
                    new Column("electricity_mw", "double", "MW",
                            "raw electricity consumption (RTE), mean power over the step, 0..100000"),
                    new Column("total_mw", "double", "MW",
                            "raw gas + electricity consumption, mean power over the step, 0..200000"),
                    new Column("status_grtgaz", "string", "", "GRTgaz data status (Statut - GRTgaz)"),
                    new Column("status_terega", "string", "", "Teréga data status (Statut - Teréga)"),
                    new Column("status_rte", "string", "", "RTE data status (Statut - RTE)")));

    public OdreGasDaily() {
        super(DESCRIPTION, SCHEMA, List.of("region_code", "ts_utc"));
    }

    /**
     * The energy of a mean power held over a step: MW × hours = MWh. A half-hourly row of 1 000 MW is 500 MWh,
     * an hourly one 1 000 MWh; summing this over the rows of a day (whatever their step) gives the day's energy.
     * For gas the result is in MWh PCS 0 °C, like the power.
     *
     * @param averagePowerMw mean power over the step, in MW (finite)
     * @param step the step length (positive)
     * @return energy in MWh
     * @throws IllegalArgumentException for a non-finite power or a step that is not positive
     */
    public static double energyMwh(double averagePowerMw, Duration step) {
        if (!Double.isFinite(averagePowerMw)) {
            throw new IllegalArgumentException("power must be finite: " + averagePowerMw);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        double hours = step.getSeconds() / 3600.0 + step.getNano() / 3.6e12;
        return averagePowerMw * hours;
    }

    @Override
    public void parse(String fileName, InputStream content, RecordSink sink) throws IOException {
        SemicolonCsv csv = SemicolonCsv.open(fileName, content);
        List<String> missing = new ArrayList<>();
        if (!csv.has(DATE_HEURE) && !(csv.has(DATE) && csv.has(HEURE))) {
            missing.add(DATE_HEURE.label() + " (or " + DATE.label() + " and " + HEURE.label() + ")");
        }
        missing.addAll(csv.missing(List.of(REGION_CODE, REGION, GAS_GRTGAZ, STATUS_GRTGAZ, GAS_TEREGA,
                STATUS_TEREGA, GAS_TOTAL, ELECTRICITY, STATUS_RTE, TOTAL)));
        csv.refuseIfMissing(NAME, missing);

        int iDateHeure = csv.index(DATE_HEURE);
        int iDate = csv.index(DATE);
        int iHeure = csv.index(HEURE);
        int iCode = csv.index(REGION_CODE);
        int iRegion = csv.index(REGION);
        int iGrtgaz = csv.index(GAS_GRTGAZ);
        int iStatusGrtgaz = csv.index(STATUS_GRTGAZ);
        int iTerega = csv.index(GAS_TEREGA);
        int iStatusTerega = csv.index(STATUS_TEREGA);
        int iGasTotal = csv.index(GAS_TOTAL);
        int iElectricity = csv.index(ELECTRICITY);
        int iStatusRte = csv.index(STATUS_RTE);
        int iTotal = csv.index(TOTAL);
        FrenchText.LocalTimes localTimes = new FrenchText.LocalTimes(ZoneId.of("Europe/Paris"));

        csv.forEachRecord(sink, f -> {
            String code = SemicolonCsv.regionCode(f[iCode], REGION_CODE.label());
            String region = SemicolonCsv.requiredText(f[iRegion], REGION.label());
            Instant ts = SemicolonCsv.odreInstant(f, code, iDateHeure, iDate, iHeure, localTimes, MIN_YEAR,
                    MAX_YEAR, STEP_SECONDS);
            return new Object[] {
                Timestamp.from(ts),
                code,
                region,
                SemicolonCsv.measure(f[iGrtgaz], GAS_GRTGAZ.label(), 0, MAX_REGIONAL_MW),
                SemicolonCsv.measure(f[iTerega], GAS_TEREGA.label(), 0, MAX_REGIONAL_MW),
                SemicolonCsv.measure(f[iGasTotal], GAS_TOTAL.label(), 0, MAX_REGIONAL_MW),
                SemicolonCsv.measure(f[iElectricity], ELECTRICITY.label(), 0, MAX_REGIONAL_MW),
                SemicolonCsv.measure(f[iTotal], TOTAL.label(), 0, MAX_REGIONAL_TOTAL_MW),
                SemicolonCsv.text(f[iStatusGrtgaz], STATUS_GRTGAZ.label()),
                SemicolonCsv.text(f[iStatusTerega], STATUS_TEREGA.label()),
                SemicolonCsv.text(f[iStatusRte], STATUS_RTE.label()),
            };
        }, values -> new SemicolonCsv.SeenKeys.Key((String) values[1], ((Timestamp) values[0]).toInstant()));
    }
}

package org.energycommons.workbench.datasets.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;

/**
 * The silver side of every source: which silver table its rows feed, on which key, and how identifiers are
 * pseudonymised (PRM → {@code meter_id}, address → {@code address_id}, both keyed HMAC-SHA256). Documented per
 * table in {@code datasets/README.md}.
 */
public final class SilverMappings {

    /** Aggregated half-hourly curves of Enedis segments (≤ 36 kVA and > 36 kVA). */
    public static final TableId AGGREGATED_LOAD_CURVE = new TableId(Layer.SILVER, "aggregated_load_curve");
    /** Annual residential consumption per (pseudonymised) address. */
    public static final TableId ANNUAL_BY_ADDRESS = Tables.ANNUAL_BY_ADDRESS;
    /** Regional power balance (éCO2mix). */
    public static final TableId REGIONAL_POWER = new TableId(Layer.SILVER, "regional_power");
    /** Regional gas and electricity consumption. */
    public static final TableId REGIONAL_GAS = new TableId(Layer.SILVER, "regional_gas");
    /** DPE certificates. */
    public static final TableId DPE = Tables.DPE;
    /** BDNB building groups. */
    public static final TableId BUILDING_GROUPS = new TableId(Layer.SILVER, "building_groups");

    private static final List<String> METADATA = List.of(Ingestion.FILE, Ingestion.LINE, "ingest_run");

    private SilverMappings() {
    }

    private static Dataset<Row> withoutMetadata(Dataset<Row> bronze) {
        return bronze.drop(METADATA.toArray(String[]::new));
    }

    private static Column addressId(Pseudonymizer p, String... parts) {
        Column joined = concat_ws("|", java.util.Arrays.stream(parts).map(c -> col(c)).toArray(Column[]::new));
        return when(col(parts[parts.length - 1]).isNull(), lit(null).cast("string")).otherwise(p.asUdf().apply(joined));
    }

    /** The mapping of a source, by its name. */
    public static SilverMapping of(String source) {
        return switch (source) {
            case "enedis-load-curve-json", "enedis-load-curve-csv" -> new SilverMapping(Tables.LOAD_CURVE,
                    // Pseudonyms are computed once per PRM (a few thousand) and joined, not once per reading.
                    List.of("meter_id", "ts_utc"), (b, p) -> b.join(broadcast(b.select("prm").distinct()
                            .withColumn("meter_id", p.asUdf().apply(col("prm")))), "prm").select(
                            col("meter_id"),
                            col("interval_start_utc").as("ts_utc"),
                            col("kwh"),
                            col("step_minutes")));
            case "enedis-conso-inf36", "enedis-conso-sup36" -> new SilverMapping(AGGREGATED_LOAD_CURVE,
                    List.of("segment", "ts_utc", "profile", "power_range", "sector"), (b, p) ->
                    withoutMetadata(b).withColumn("segment", lit(source.substring("enedis-conso-".length()))));
            case "enedis-annual-address" -> new SilverMapping(ANNUAL_BY_ADDRESS, List.of("year", "address_id"),
                    (b, p) -> withoutMetadata(b).withColumn("address_id", addressId(p, "commune_code", "address"))
                            .drop("address"));
            case "odre-eco2mix-regional" -> new SilverMapping(REGIONAL_POWER, List.of("region_code", "ts_utc"),
                    (b, p) -> withoutMetadata(b));
            case "odre-gas-daily" -> new SilverMapping(REGIONAL_GAS, List.of("region_code", "ts_utc"),
                    (b, p) -> withoutMetadata(b));
            case "meteofrance-hourly" -> new SilverMapping(Tables.WEATHER_HOURLY, List.of("station_id", "ts_utc"),
                    // AAAAMMJJHH ends the hour GLO is summed over: silver stamps an hour by its start.
                    (b, p) -> b.select(col("station_id"), col("ts_utc").minus(expr("INTERVAL 1 HOUR")).as("ts_utc"),
                            col("temperature_c"),
                            lit(null).cast("double").as("temperature_forecast_c"), col("irradiance_w_m2")));
            case "ademe-dpe" -> new SilverMapping(DPE, List.of("dpe_id"),
                    (b, p) -> withoutMetadata(b).withColumn("address_id", addressId(p, "commune_code", "address"))
                            .drop("address")
                            .withColumn("building_id", lit(null).cast("string")));
            case "bdnb" -> new SilverMapping(BUILDING_GROUPS, List.of("building_group_id"),
                    (b, p) -> withoutMetadata(b));
            // The commune list gives names and centres; the weather station and climate zone of a real commune
            // are not in it (null until a mapping to stations is ingested).
            case "communes" -> new SilverMapping(Tables.COMMUNES, List.of("commune_code"),
                    (b, p) -> b.select(col("commune_code"), col("name"), lit(null).cast("string").as("station_id"),
                            lit(null).cast("string").as("climate_zone"), col("latitude"), col("longitude")));
            // A consent is per delivery point: its PRM becomes the meter_id the other per-meter tables use.
            case "consents" -> new SilverMapping(Tables.CONSENTS, List.of("meter_id", "purpose", "valid_from"),
                    (b, p) -> b.select(p.asUdf().apply(col("prm")).as("meter_id"), col("purpose"),
                            col("valid_from"), col("valid_to"), col("source")));
            default -> throw new IllegalArgumentException("no silver mapping for source " + source);
        };
    }
}

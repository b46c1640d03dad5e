package org.energycommons.workbench.jobs.federation;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.models.uc2.Uc2Features;

/**
 * The entities of the region's shared tables, which every use case refers to: its public buildings
 * ({@code Building}; a dwelling or a business is never exported) and its weather stations' days
 * ({@code WeatherObserved}, daily figures of the hourly observations).
 */
public final class RegionEntities {

    /** The Smart Data Model's {@code category} of each public use of the building registry. */
    static final Map<String, String> CATEGORIES = Map.of("education", "school", "public_administration", "civic");

    private RegionEntities() {
    }

    /** The public buildings of {@code silver/buildings}, placed at their commune's centre. */
    public static EntitySet buildings(Lake lake) {
        Map<String, EntityValues.Commune> communes = EntityValues.communes(lake);
        List<Row> rows = lake.read(Tables.BUILDINGS)
                .filter(col("building_use").isin(Uc2Features.PUBLIC_USES.toArray()))
                .select("building_id", "commune_code", "building_use", "construction_year", "surface_m2",
                        "heating_energy")
                .orderBy("building_id")
                .collectAsList();
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : rows) {
            String commune = r.getString(1);
            EntityValues.Commune place = communes.get(commune);
            Map<String, Object> address = new LinkedHashMap<>();
            if (place != null) {
                address.put("addressLocality", place.name());
            }
            address.put("addressCountry", "FR");
            NgsiEntity e = NgsiEntity.of(EntityModels.BUILDING.type(), r.getString(0))
                    .property("category", List.of(CATEGORIES.get(r.getString(2))))
                    .property("address", address)
                    .property("buildingUse", r.getString(2))
                    .property("communeCode", commune)
                    .property("constructionYear", r.isNullAt(3) ? null : r.getInt(3))
                    .property("floorArea", EntityValues.round(EntityValues.number(r, "surface_m2")), "MTK", null)
                    .property("heatingEnergy", r.getString(5));
            out.add(place == null ? e : place.locate(e));
        }
        return new EntitySet(EntityModels.BUILDING, "region", List.of(Tables.BUILDINGS, Tables.COMMUNES), out);
    }

    /** Each weather station's local days: mean, lowest and highest temperature, mean irradiance. */
    public static EntitySet weather(Lake lake) {
        Map<String, Row> stations = new LinkedHashMap<>();
        lake.read(Tables.WEATHER_STATIONS).select("station_id", "name", "longitude", "latitude").collectAsList()
                .forEach(r -> stations.put(r.getString(0), r));
        List<Row> days = lake.read(Tables.WEATHER_HOURLY)
                .withColumn("local_date", to_date(from_utc_timestamp(col("ts_utc"), EntityValues.LOCAL.getId())))
                .groupBy("station_id", "local_date")
                .agg(avg("temperature_c").as("temperature"), min("temperature_c").as("temperature_min"),
                        max("temperature_c").as("temperature_max"), avg("irradiance_w_m2").as("irradiance"),
                        count(lit(1)).as("hours"))
                .orderBy("station_id", "local_date")
                .collectAsList();
        List<NgsiEntity> out = new ArrayList<>();
        for (Row r : days) {
            Row station = stations.get(r.getString(0));
            if (station == null) {
                continue; // observations of a station the registry does not place: no location to give
            }
            LocalDate day = r.getDate(1).toLocalDate();
            out.add(NgsiEntity.of(EntityModels.WEATHER_OBSERVED.type(), r.getString(0) + ":" + day)
                    .dateTime("dateObserved", EntityValues.startOf(day))
                    .point("location", station.getDouble(2), station.getDouble(3))
                    .property("name", station.getString(1))
                    .property("weatherStation", r.getString(0))
                    .property("temperature", round2(EntityValues.number(r, "temperature")), "CEL", null)
                    .property("temperatureMin", round2(EntityValues.number(r, "temperature_min")), "CEL", null)
                    .property("temperatureMax", round2(EntityValues.number(r, "temperature_max")), "CEL", null)
                    .property("solarRadiation", round2(EntityValues.number(r, "irradiance")))
                    .property("observedHours", r.getLong(6)));
        }
        return new EntitySet(EntityModels.WEATHER_OBSERVED, "region",
                List.of(Tables.WEATHER_HOURLY, Tables.WEATHER_STATIONS), out);
    }

    private static Double round2(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}

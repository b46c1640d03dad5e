package org.energycommons.workbench.jobs.federation;

import java.util.List;
import java.util.Map;

/**
 * The entity types of the NGSI-LD export, one constant each: three FIWARE Smart Data Models and four types of the
 * workbench's own where no Smart Data Model fits (docs/federation.md, with their JSON schemas in docs/ngsi-ld/).
 *
 * <p>The required members of the Smart Data Models are those of their published JSON schemas, as read on
 * 2026-12-07 from the smart-data-models repositories: dataModel.Building {@code Building/schema.json} at commit
 * 381736eb, dataModel.Weather {@code WeatherObserved/schema.json} at c857c0c4, dataModel.Alert
 * {@code Anomaly/schema.json} at 15451d18. uc2's alerts are {@code Anomaly} entities, from the same repository as
 * {@code Alert}: {@code Alert}'s categories (traffic, weather, health...) have none for a building's consumption,
 * while {@code Anomaly} is made for a property that leaves its expected range. No Smart Data Model holds a load
 * forecast with quantiles (EnergyCIM's substations are stubs, ZEB's {@code DeviceForecast} has one value and no
 * area), a load profile, a savings estimate or an energy performance certificate: those are own types.
 */
public final class EntityModels {

    private static final String SDM = "https://raw.githubusercontent.com/smart-data-models/";

    /** A public building (school, town hall): Smart Data Model {@code Building}; dwellings are never exported. */
    public static final EntityModel BUILDING = new EntityModel("Building", "dataModel.Building/Building",
            SDM + "dataModel.Building/master/context.jsonld", List.of("id", "type", "category", "address"),
            List.of("location", "name"),
            Map.of("buildingUse", "use in the building registry: education or public_administration",
                    "communeCode", "INSEE code of the commune",
                    "constructionYear", "year of construction",
                    "floorArea", "heated floor area, m² (unitCode MTK)",
                    "heatingEnergy", "main heating energy"));

    /** A weather station's day: Smart Data Model {@code WeatherObserved}. */
    public static final EntityModel WEATHER_OBSERVED = new EntityModel("WeatherObserved",
            "dataModel.Weather/WeatherObserved", SDM + "dataModel.Weather/master/context.jsonld",
            List.of("id", "type", "dateObserved", "location"), List.of("temperature", "solarRadiation", "name"),
            Map.of("temperatureMin", "lowest hourly temperature of the day, °C (unitCode CEL)",
                    "temperatureMax", "highest hourly temperature of the day, °C (unitCode CEL)",
                    "observedHours", "hours observed in the local day",
                    "weatherStation", "identifier of the weather station"));

    /** A uc2 alert on a public building: Smart Data Model {@code Anomaly} (dataModel.Alert). */
    public static final EntityModel ANOMALY = new EntityModel("Anomaly", "dataModel.Alert/Anomaly",
            SDM + "dataModel.Alert/master/context.jsonld", List.of("id", "type", "anomalousProperty", "dateDetected"),
            List.of("description"),
            Map.of("refBuilding", "the public building (Relationship to a Building)",
                    "alertRule", "the uc2 rule that fired",
                    "severity", "severity of the rule: informational, low, medium, high",
                    "condition", "the rule's condition, as evaluated",
                    "evidence", "the features the condition read, by name, on that day",
                    "detectionModel", "the uc2 detector that raised it"));

    /** A uc4 substation-hour or a uc6 gas area-day forecast with its quantiles: own type. */
    public static final EntityModel LOAD_FORECAST = new EntityModel("LoadForecast", null, null,
            List.of("id", "type", "gridArea", "forecastedQuantity", "dateIssued", "validFrom", "validTo", "p50"),
            List.of("location"),
            Map.ofEntries(Map.entry("gridArea", "the substation or gas area forecast"),
                    Map.entry("gridAreaKind", "substation (electricity, HTA/BT) or gasArea"),
                    Map.entry("forecastedQuantity", "meanLoad (kW over the hour) or dailyConsumption (kWh)"),
                    Map.entry("dateIssued", "when the forecast could be issued: the end of the data it used"),
                    Map.entry("validFrom", "start of the forecast period"),
                    Map.entry("validTo", "end of the forecast period"),
                    Map.entry("horizonDays", "days from issue to the forecast day (uc6)"),
                    Map.entry("p10", "10 % quantile of the forecast"),
                    Map.entry("p50", "median forecast"),
                    Map.entry("p90", "90 % quantile of the forecast"),
                    Map.entry("capacity", "the area's capacity (kVA for a substation, kWh/day for a gas area)"),
                    Map.entry("forecastModel", "the model that made it (the use case's chosen model)"),
                    Map.entry("communeCode", "INSEE code of the area's commune")));

    /** A uc1 typical daily load profile of a segment of meters: own type. */
    public static final EntityModel LOAD_PROFILE = new EntityModel("LoadProfile", null, null,
            List.of("id", "type", "segment", "season", "dayType", "halfHourlyShape", "meters"), List.of(),
            Map.of("segment", "segment number in the chosen segmentation",
                    "season", "season of the profile",
                    "dayType", "type of day (working day, weekend or holiday...)",
                    "halfHourlyShape", "48 half-hourly values of the profile, share of the day's energy",
                    "meters", "meters in the segment (at least the secrecy threshold)",
                    "offPeakStartHalfHour", "half-hour the off-peak block starts, when the segment has one",
                    "segmentationModel", "the uc1 segmentation that made it"));

    /** A uc3 savings estimate after works on a public building: own type. */
    public static final EntityModel SAVINGS_ESTIMATE = new EntityModel("EnergySavingsEstimate", null, null,
            List.of("id", "type", "refBuilding", "savings", "savingsLower90", "savingsUpper90", "method"),
            List.of(),
            Map.ofEntries(Map.entry("refBuilding", "the public building (Relationship to a Building)"),
                    Map.entry("worksType", "type of the works"),
                    Map.entry("interventionDate", "day the works ended"),
                    Map.entry("reportingEnd", "last day of the reporting period"),
                    Map.entry("savings", "energy saved over the reporting period, kWh (unitCode KWH)"),
                    Map.entry("savingsLower90", "lower bound of its 90 % interval, kWh"),
                    Map.entry("savingsUpper90", "upper bound of its 90 % interval, kWh"),
                    Map.entry("savingsFraction", "savings / counterfactual consumption"),
                    Map.entry("counterfactual", "consumption the building would have had without the works, kWh"),
                    Map.entry("metered", "metered consumption over the reporting period, kWh"),
                    Map.entry("method", "the uc3 method (CalTRACK daily, billing, hourly TOWT)")));

    /**
     * A commune's dwellings by energy performance, certified and estimated: own type, the aggregate over a
     * commune of the CityGML Energy ADE's {@code EnergyPerformanceCertification} rating (a dwelling's certificate
     * is never exported).
     */
    public static final EntityModel PERFORMANCE_STATISTICS = new EntityModel("EnergyPerformanceStatistics", null,
            null, List.of("id", "type", "communeCode", "dwellings", "classificationModel"), List.of("location"),
            Map.ofEntries(Map.entry("communeCode", "INSEE code of the commune"),
                    Map.entry("communeName", "name of the commune"),
                    Map.entry("dwellings", "dwellings of the commune (at least the secrecy threshold)"),
                    Map.entry("certified", "dwellings with a certificate (DPE)"),
                    Map.entry("uncertified", "dwellings without a certificate"),
                    Map.entry("certifiedFG", "certified dwellings rated F or G"),
                    Map.entry("predictedFGUncertified", "uncertified dwellings the model rates F or G"),
                    Map.entry("estimatedFG", "certifiedFG + predictedFGUncertified"),
                    Map.entry("estimatedFGShare", "estimatedFG / dwellings"),
                    Map.entry("classificationModel", "the uc5 model that rated the uncertified dwellings")));

    /** Every type, in the order the export writes them. */
    public static final List<EntityModel> ALL = List.of(BUILDING, WEATHER_OBSERVED, ANOMALY, LOAD_FORECAST,
            LOAD_PROFILE, SAVINGS_ESTIMATE, PERFORMANCE_STATISTICS);

    private EntityModels() {
    }
}

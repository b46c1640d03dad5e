package org.energycommons.workbench.jobs.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** The normalized representation of {@link NgsiEntity} and the checks of {@link EntityModel}. */
class NgsiEntityTest {

    @Test
    void membersAreWrittenInTheNormalizedForm() {
        NgsiEntity e = NgsiEntity.of("WeatherObserved", "ST-1:2024-01-02")
                .dateTime("dateObserved", Instant.parse("2024-01-01T23:00:00.123Z"))
                .point("location", 4.7, 45.8)
                .property("temperature", 3.25, "CEL", null)
                .property("solarRadiation", Double.NaN)
                .property("name", null);
        assertEquals("urn:ngsi-ld:WeatherObserved:ST-1:2024-01-02", e.id());
        assertEquals(List.of("dateObserved", "location", "temperature"), e.members(), "NaN and null are left out");
        Map<String, Object> json = e.toJsonLd(EntityModels.WEATHER_OBSERVED.context());
        assertEquals("{\"id\":\"urn:ngsi-ld:WeatherObserved:ST-1:2024-01-02\",\"type\":\"WeatherObserved\","
                + "\"dateObserved\":{\"type\":\"Property\",\"value\":{\"@type\":\"DateTime\","
                + "\"@value\":\"2024-01-01T23:00:00Z\"}},"
                + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[4.7,45.8]}},"
                + "\"temperature\":{\"type\":\"Property\",\"value\":3.25,\"unitCode\":\"CEL\"},"
                + "\"@context\":[\"https://raw.githubusercontent.com/smart-data-models/dataModel.Weather/master/"
                + "context.jsonld\",{\"observedHours\":\"urn:energy-commons:terms:observedHours\","
                + "\"temperatureMax\":\"urn:energy-commons:terms:temperatureMax\","
                + "\"temperatureMin\":\"urn:energy-commons:terms:temperatureMin\","
                + "\"weatherStation\":\"urn:energy-commons:terms:weatherStation\"},"
                + "\"https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld\"]}",
                Json.write(json).replaceAll("\\s", ""));
    }

    @Test
    void idsStayValidUrnsAndRelationshipsPointToEntities() {
        assertEquals("urn:ngsi-ld:Building:B%20%C3%A9%2F1", NgsiEntity.id("Building", "B é/1"));
        NgsiEntity a = NgsiEntity.of("Anomaly", "x").relationship("refBuilding", NgsiEntity.id("Building", "B1"));
        assertEquals(List.of("refBuilding"), a.members());
        assertThrows(IllegalArgumentException.class, () -> a.relationship("refOther", "B1"));
        assertThrows(IllegalArgumentException.class, () -> a.property("refBuilding", 1), "given twice");
        assertThrows(IllegalArgumentException.class, () -> a.property("Bad-Name", 1));
        assertThrows(IllegalArgumentException.class, () -> a.property("id", 1));
        assertThrows(IllegalArgumentException.class, () -> NgsiEntity.of("building", "x"));
        assertThrows(IllegalArgumentException.class, () -> NgsiEntity.of("Building", " "));
        assertThrows(IllegalArgumentException.class, () -> a.point("location", 200, 0));
    }

    @Test
    void aModelNamesWhatAnEntityLacksOrDoesNotDefine() {
        NgsiEntity b = NgsiEntity.of("Building", "B1").property("category", List.of("school"))
                .property("colour", "red");
        assertEquals(List.of("address"), EntityModels.BUILDING.missing(b));
        assertEquals(List.of("colour"), EntityModels.BUILDING.undefined(b));
        assertThrows(IllegalArgumentException.class, () -> EntityModels.ANOMALY.missing(b));
        assertFalse(EntityModels.BUILDING.own());
        assertEquals("LoadForecast", ((Map<?, ?>) EntityModels.LOAD_FORECAST.context().get(0)).keySet().stream()
                .filter("LoadForecast"::equals).findFirst().orElseThrow(), "an own type defines its name");
    }

    @Test
    void theSmartDataModelsRequiredMembersAreThoseOfTheirPublishedSchemas() {
        // "required" of the published JSON schemas (smart-data-models, read 2026-12-07): Building/schema.json at
        // 381736eb, WeatherObserved/schema.json at c857c0c4, Anomaly/schema.json at 15451d18.
        assertEquals(List.of("id", "type", "category", "address").stream().sorted().toList(),
                EntityModels.BUILDING.required().stream().sorted().toList());
        assertEquals(List.of("id", "type", "dateObserved", "location").stream().sorted().toList(),
                EntityModels.WEATHER_OBSERVED.required().stream().sorted().toList());
        assertEquals(List.of("id", "type", "anomalousProperty", "dateDetected").stream().sorted().toList(),
                EntityModels.ANOMALY.required().stream().sorted().toList());
    }
}

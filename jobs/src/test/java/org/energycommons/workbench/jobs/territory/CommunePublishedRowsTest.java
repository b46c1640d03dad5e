package org.energycommons.workbench.jobs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.energycommons.workbench.reports.territory.CommunePageData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of the open datasets that a commune report shows: the commune's only, decimals rounded for reading. */
class CommunePublishedRowsTest {

    @Test
    void theCommunesRowsAreShownWithTheirDecimalsToThreeSignificantDigits(@TempDir Path publish) throws Exception {
        Files.createDirectories(publish.resolve("data"));
        Files.writeString(publish.resolve("datapackage.json"), """
                {"resources": [
                  {"name": "uc5_passoires_by_commune", "title": "F/G", "path": "data/uc5.csv",
                   "schema": {"fields": [{"name": "commune_code", "type": "string"},
                                         {"name": "dwellings", "type": "integer"},
                                         {"name": "estimated_fg_share", "type": "number"},
                                         {"name": "model", "type": "string"}]}},
                  {"name": "no_commune", "title": "x", "path": "data/x.csv", "schema": {"fields": []}}
                ]}""");
        Files.writeString(publish.resolve("data/uc5.csv"), """
                commune_code,dwellings,estimated_fg_share,model
                99001,91,0.12087912087912088,1.5
                99002,40,0.25,m
                99001,12,,m
                """);
        Files.writeString(publish.resolve("data/x.csv"), "a,b\n1,2\n");

        List<CommunePageData.PublishedRows> rows = CommuneReport.published(publish, "99001");

        assertEquals(1, rows.size());
        assertEquals("uc5_passoires_by_commune", rows.get(0).dataset());
        assertEquals(List.of("commune_code", "dwellings", "estimated_fg_share", "model"), rows.get(0).headers());
        // A count stays whole, a withheld value empty, a text column as published even when it looks numeric.
        assertEquals(List.of(List.of("99001", "91", "0.121", "1.5"), List.of("99001", "12", "", "m")),
                rows.get(0).rows());
    }
}

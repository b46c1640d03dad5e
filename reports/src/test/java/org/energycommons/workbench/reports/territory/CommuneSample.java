package org.energycommons.workbench.reports.territory;

import java.time.LocalDate;
import java.util.List;
import org.energycommons.workbench.reports.territory.CommunePageData.PublicBuilding;

/** Hand-made data of a commune's page (no Spark): two public buildings, and the published rows given. */
public final class CommuneSample {

    private CommuneSample() {
    }

    /** The commune of the samples with {@code published} as its open datasets' rows. */
    public static CommunePageData data(List<CommunePageData.PublishedRows> published) {
        PublicBuilding school = new PublicBuilding("BAT-1-0001", "education", 1975, 1000, "electricity", 90_000.0,
                35.0, 55_000.0, 3, List.of("spikes ×2", "flat_line ×1"),
                new CommunePageData.Alert(LocalDate.of(2024, 10, 2), "spikes", "medium", "spike",
                        "spike_ratio = 5.01"),
                new CommunePageData.Savings("global", LocalDate.of(2024, 6, 26), 4174.4, -3141, 11488, 0.114),
                null);
        PublicBuilding hall = new PublicBuilding("BAT-1-0002", "public_administration", null, 500, "gas", null,
                60.0, null, 0, List.of(), null, null, new CommunePageData.Certificate("D", LocalDate.of(2023, 3, 1)));
        return new CommunePageData("99001", "Valbrune <&>", List.of("région synthétique", "synthetic region"),
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30)}, "rules", "caltrack-billing",
                List.of(school, hall), published, List.of("silver/buildings v3"));
    }

    /** The widest open dataset a commune's page shows: uc5's nine columns, as {@code CommuneReport} reads them. */
    public static CommunePageData.PublishedRows widest() {
        return new CommunePageData.PublishedRows("uc5_passoires_by_commune", "Logements F ou G estimés par commune",
                List.of("commune_code", "commune_name", "dwellings", "certified", "uncertified", "certified_fg",
                        "predicted_fg_uncertified", "estimated_fg", "estimated_fg_share"),
                List.of(List.of("99001", "Saint-Rémy-de-Valbrune-les-Bains", "91", "35", "56", "1", "10", "11",
                        "0.121")));
    }
}

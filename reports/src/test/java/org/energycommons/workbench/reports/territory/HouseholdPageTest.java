package org.energycommons.workbench.reports.territory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.energycommons.workbench.reports.render.Lang;
import org.junit.jupiter.api.Test;

/** The private household page, in both languages, from hand-made data (no Spark). */
class HouseholdPageTest {

    private static HouseholdPageData data(HouseholdPageData.Works works, HouseholdPageData.Profile profile) {
        return new HouseholdPageData("Valbrune", LocalDate.of(2026, 12, 7),
                new HouseholdPageData.Consent("household_report", LocalDate.of(2024, 1, 1), null), works,
                List.of(new HouseholdPageData.Month("2024-03", "baseline", 900, 905.0),
                        new HouseholdPageData.Month("2024-06", "reporting", 700, 850.0)),
                profile, new HouseholdPageData.Certificate(null, null, "E", 328.0, 476.0, null, "ridge"));
    }

    @Test
    void theSavingsComeWithTheirIntervalUnderAPersonalDataBanner() {
        double[] shape = new double[48];
        Arrays.fill(shape, 1.0);
        String fr = HouseholdPage.render(data(new HouseholdPageData.Works("global", LocalDate.of(2024, 4, 30),
                "caltrack-billing", "fitted", null, 1664.0, 1506.0, 1822.0, 0.185, 7333.0, 8996.0),
                new HouseholdPageData.Profile(2, 100, 41.0, 42.0, shape, shape)), Lang.FR, "h.en.html");
        assertTrue(fr.contains("Données personnelles de ce foyer"), "the banner");
        assertTrue(fr.contains("1664 kWh (18,5 %)") && fr.contains("[1506 ; 1822] kWh"), "savings and interval");
        assertTrue(fr.contains("segment 2 (100 compteurs)"));
        assertTrue(fr.contains("pas de DPE") && fr.contains("E (328 kWh/m²/an, ridge)"));
        assertTrue(fr.contains("<svg"), "the monthly chart and the profile");
        assertTrue(fr.contains("href=\"h.en.html\""));
    }

    @Test
    void worksWithoutAnEstimateSayWhyAndAMissingProfileIsSaid() {
        String en = HouseholdPage.render(data(new HouseholdPageData.Works("windows", LocalDate.of(2024, 4, 30),
                "caltrack-daily", "insufficient_baseline", "baseline of 120 days < 365", null, null, null, null, null,
                null), null), Lang.EN, "h.html");
        assertTrue(en.contains("Personal data of this household"));
        assertTrue(en.contains("no estimate: baseline of 120 days &lt; 365"), "why there is no estimate");
        assertTrue(en.contains("No profile: the segmentation could not place this dwelling"));
        assertFalse(en.contains("Économie"), "no French on the English page");
    }
}

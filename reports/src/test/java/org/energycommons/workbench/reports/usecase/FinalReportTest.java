/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.section;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Sample;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Sample;
import org.junit.jupiter.api.Test;

/**
 * The final report covers every use case run: the summary with each criterion's value, interval and sample size,
 * how each model was chosen, the sources with their licences and the secrecy rule, and what reproduces the run.
 */
class FinalReportTest {

    private static String report(Lang lang) {
        var uc4 = Uc4Sample.data();
        var uc5 = Uc5Sample.data();
        Map<String, String> run = new LinkedHashMap<>();
        run.put("command", "workbench demo");
        run.put("git commit", "0123abcd");
        return FinalReport.render(List.of(new FinalReport.Outcome(uc4.useCase(), uc4.result()),
                        new FinalReport.Outcome(uc5.useCase(), uc5.result())),
                List.of(new CatalogueEntry(CatalogueEntry.SOURCE, "enedis-load-curve-json", "Load curve", "Enedis",
                        "proprietary (customer data, shared with consent)", true, null, null, null),
                        new CatalogueEntry(CatalogueEntry.SOURCE, "ademe-dpe", "DPE", "ADEME", "etalab-2.0", false,
                                null, null, null),
                        new CatalogueEntry(CatalogueEntry.TABLE, "silver/dpe", "DPE certificates", "ADEME",
                                "etalab-2.0", null, 3L, "2019-07-01 .. 2024-12-31", "12 commune")),
                new SecrecyGuard(10, 0.85), run, new SiteIndex.SyntheticRegion(42, 300, 730, LocalDate.of(2023, 1, 1)),
                "2026-12-06T10:00:00Z", lang);
    }

    @Test
    void summarisesEveryUseCaseWithIntervalsThenModellingGovernanceAndReproducibility() {
        String html = report(Lang.FR);
        writeSample("final-report.html", html);
        String summary = section(html, "resume");
        assertTrue(summary.contains("uc4 · Prévision J+1"), summary);
        assertTrue(summary.matches("(?s).*rappel des heures de congestion [0-9,]+ \\[[0-9,]+ ; [0-9,]+\\] n = \\d+.*"),
                "a criterion with its interval and sample size");
        assertTrue(summary.contains("<a href=\"uc5-synthesis.html\">Note de synthèse uc5</a>"));
        String modelling = section(html, "modelisation");
        assertTrue(modelling.contains("Règle d&#39;un écart-type"), "uc5's selection in words");
        assertTrue(modelling.contains("Méthode transverse"));
        String governance = section(html, "gouvernance");
        assertTrue(governance.contains("<td>enedis-load-curve-json</td><td>Enedis</td>"));
        assertFalse(governance.contains("silver/dpe"), "tables are the catalogue page's, not the sources'");
        assertTrue(governance.contains("<a href=\"catalogue.html\">"));
        assertTrue(governance.contains("au moins 10 points et aucun ne dépasse 85 % du total"));
        String reproduce = section(html, "reproductibilite");
        assertTrue(reproduce.contains("<dt>commit git</dt><dd>0123abcd</dd>"));
        assertTrue(html.contains("<ol class=\"toc\"><li><a href=\"#resume\">Résumé exécutif</a></li>"));
        assertTrue(html.contains("Région synthétique"));
        assertSelfContained(html);
    }

    @Test
    void theEnglishReportIsWhollyEnglish() {
        String html = report(Lang.EN);
        assertTrue(html.contains("<h1>Final report</h1>"));
        assertTrue(section(html, "modelisation").contains("One-standard-error rule"));
        for (String french : List.of("Résumé", "Gouvernance", "Règle", "atteignent", "Bibliothèques", "oui")) {
            assertFalse(html.contains(french), french);
        }
    }
}

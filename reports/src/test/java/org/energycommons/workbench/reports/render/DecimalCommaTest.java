/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DecimalCommaTest {

    @Test
    void writesDecimalCommasInTextOnly() {
        assertEquals("<p>12,7 % des 1389 logements ; IC [0,811 ; 0,904] ; -3,2 ; 0,50–0,67 ; de 0 à 0,148.</p>",
                DecimalComma.apply("<p>12.7 % des 1389 logements ; IC [0.811 ; 0.904] ; -3.2 ; 0.50–0.67 ; de 0 à "
                        + "0.148.</p>"));
        assertEquals("<svg viewBox='0 0 800.5 360'><text x='12.5'>0,5</text></svg>",
                DecimalComma.apply("<svg viewBox='0 0 800.5 360'><text x='12.5'>0.5</text></svg>"),
                "attributes keep their points, chart labels change");
    }

    @Test
    void leavesVersionsIdentifiersDatesAndCodeAlone() {
        String text = "<p>spark 4.1.0, java 17.0.15, uc4.backtest.origins=0, v1.2, 2024-11-19 18:45, f1.5, "
                + "CC-BY-4.0, GPL-3.0-or-later</p>";
        assertEquals(text, DecimalComma.apply(text));
        String code = "<style>p{line-height:1.5}</style><pre>0.5</pre><code>0.25</code>"
                + "<dl class=\"kv\" translate=\"no\"><dt>alpha</dt><dd>0.3</dd><dl><dd>0.4</dd></dl><dd>0.6</dd></dl>"
                + "<p>0.7</p>";
        assertEquals(code.replace("<p>0.7</p>", "<p>0,7</p>"), DecimalComma.apply(code),
                "nested elements inside a kept one stay kept until it closes");
    }

    @Test
    void aColumnOfCodeKeepsItsPoints() {
        String html = HtmlPage.create("Règles", "fr").table(List.of("Règle", "Condition", "Seuil"),
                List.of(List.of("talon", "night_kw > 1.3 * day_kw", "1.3")), Set.of(1))
                .render();
        assertTrue(html.contains("<td><code>night_kw &gt; 1.3 * day_kw</code></td>"), html);
        assertTrue(html.contains(">1,3</td>"), "the other columns are French");
    }

    @Test
    void aFrenchPageWritesCommasAndAnEnglishOnePoints() {
        HtmlPage fr = HtmlPage.create("Note", "fr").paragraph("MAPE 6.9 %").codeValues(Map.of("lr", "0.05"));
        assertTrue(fr.render().contains("MAPE 6,9 %"));
        assertTrue(fr.render().contains("<dd>0.05</dd>"), "code values keep their point");
        assertTrue(HtmlPage.create("Note", "en").paragraph("MAPE 6.9 %").render().contains("MAPE 6.9 %"));
    }
}

/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.energycommons.workbench.reports.render.HtmlAssertions.assertSelfContained;
import static org.energycommons.workbench.reports.render.HtmlAssertions.count;
import static org.energycommons.workbench.reports.render.HtmlAssertions.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site index lists every use case with its status and link, escapes every text and loads nothing. */
class SiteIndexTest {

    private static List<SiteIndex.Entry> entries() {
        List<SiteIndex.Entry> entries = new ArrayList<>();
        for (UseCase uc : UseCases.ALL) {
            entries.add(switch (uc.id()) {
                case "uc4" -> new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), "uc4.html", true,
                        "MAPE 4.3 %, skill 35.1 %");
                case "uc2" -> new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), "uc2/index.html",
                        false, null);
                default -> new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), null, null, null);
            });
        }
        return entries;
    }

    private static Map<String, String> run() {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("command", "workbench run uc4 --region synthetic");
        run.put("git commit", "0123abcd");
        run.put("started", "2025-01-15T09:30:00Z");
        run.put("duration", "4 min 12 s");
        return run;
    }

    @Test
    void listsEveryUseCaseWithLinksAndStatuses() {
        String html = SiteIndex.render(entries(), run());
        writeSample("index.html", html);
        assertTrue(html.contains("<title>Energy Commons Workbench</title>"));
        for (UseCase uc : UseCases.ALL) {
            assertTrue(html.contains("<td>" + uc.id() + "</td>"), uc.id());
            assertTrue(html.contains(HtmlPage.escape(uc.title())), uc.title());
            assertTrue(html.contains(HtmlPage.escape(uc.titleEn())), uc.titleEn());
        }
        assertTrue(html.contains("<a href=\"uc4.html\">"));
        assertTrue(html.contains("<a href=\"uc2/index.html\">"));
        assertEquals(2, count(html, "<a href="), "only run use cases are linked");
        assertEquals(1, count(html, "<span class=\"badge ok\" style=\"white-space:nowrap\">&#10003; " + SiteIndex.MET + "</span>"));
        assertEquals(1, count(html, "<span class=\"badge ko\" style=\"white-space:nowrap\">&#10007; " + SiteIndex.NOT_MET + "</span>"));
        assertEquals(4, count(html, "<span class=\"badge\" style=\"white-space:nowrap\">" + SiteIndex.NOT_RUN + "</span>"));
        assertTrue(html.contains("MAPE 4.3 %, skill 35.1 %"));
        assertTrue(html.contains("2 cas d&#39;usage sur 6 exécutés"));
        assertTrue(html.contains("<dt>git commit</dt><dd>0123abcd</dd>"));
        assertTrue(html.contains("<dt>duration</dt><dd>4 min 12 s</dd>"));
        assertTrue(html.contains("<dt>started</dt><dd>2025-01-15 09:30:00 UTC</dd>"), "the pages' one time format");
        assertTrue(html.contains(UseCasePage.FOOTER));
        assertSelfContained(html);
    }

    @Test
    void escapesEveryText() {
        List<SiteIndex.Entry> entries = List.of(new SiteIndex.Entry("uc<1>", "Titre <script>alert(1)</script>",
                "Title & \"quoted\"", "kind 'x'", "a.html?x=1&y=\"2\"", false, "<b>MAPE</b> & co"));
        Map<String, String> run = Map.of("<key>", "<value> & more");
        String html = SiteIndex.render(entries, run);
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>MAPE"));
        assertTrue(html.contains("<td>uc&lt;1&gt;</td>"));
        assertTrue(html.contains("Titre &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Title &amp; &quot;quoted&quot;"));
        assertTrue(html.contains("kind &#39;x&#39;"));
        assertTrue(html.contains("<a href=\"a.html?x=1&amp;y=&quot;2&quot;\">"));
        assertTrue(html.contains("&lt;b&gt;MAPE&lt;/b&gt; &amp; co"));
        assertTrue(html.contains("<dt>&lt;key&gt;</dt><dd>&lt;value&gt; &amp; more</dd>"));
    }

    @Test
    void rejectsScriptLinks() {
        List<SiteIndex.Entry> entries = List.of(new SiteIndex.Entry("uc4", "t", "t", "k", " JavaScript:alert(1)",
                true, null));
        assertThrows(IllegalArgumentException.class, () -> SiteIndex.render(entries, Map.of()));
    }

    @Test
    void emptyInputsRender() {
        String html = SiteIndex.render(null, null);
        assertTrue(html.contains("0 cas d&#39;usage sur 0 exécuté"));
        assertTrue(html.contains("No run information."));
        assertTrue(html.trim().endsWith("</html>"));
    }
}

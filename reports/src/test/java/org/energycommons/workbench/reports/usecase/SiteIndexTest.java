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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site index, in each language: the synthetic banner, the overall verdict, every use case with its status and
 * link; it escapes every text and loads nothing; the root opens the French version.
 */
class SiteIndexTest {

    private static final SiteIndex.SyntheticRegion REGION = new SiteIndex.SyntheticRegion(42, 300, 730,
            LocalDate.of(2023, 1, 1));

    private static List<SiteIndex.Entry> entries() {
        List<SiteIndex.Entry> entries = new ArrayList<>();
        for (UseCase uc : UseCases.ALL) {
            int n = uc.criteria().size();
            entries.add(switch (uc.id()) {
                case "uc4" -> new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), "uc4.html", true,
                        n, n, lang -> "MAPE 4.3 %, skill 35.1 %")
                        .withDocuments("uc4-framing.html", "uc4-synthesis.html", "uc4-model-card.html");
                case "uc2" -> new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), "uc2/index.html",
                        false, 1, n, null);
                default -> new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), null, null, 0, n, null);
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
    void listsEveryUseCaseWithLinksAndStatusesInFrench() {
        String html = SiteIndex.render(entries(), run(), REGION, null, Lang.FR);
        writeSample("index.html", html);
        assertTrue(html.contains("<html lang=\"fr\">"));
        assertTrue(html.contains("<title>Energy Commons Workbench</title>"));
        for (UseCase uc : UseCases.ALL) {
            assertTrue(html.contains("<td style=\"white-space:nowrap\">" + uc.id() + "</td>"), uc.id());
            assertTrue(html.contains(HtmlPage.escape(uc.title())), uc.title());
            assertFalse(html.contains(HtmlPage.escape(uc.titleEn())), "no English title on the French page");
        }
        assertTrue(html.contains("<a href=\"uc4-framing.html\">Note de cadrage</a><br>"
                + "<a href=\"uc4-synthesis.html\">Note de synthèse</a><br><a href=\"uc4.html\">Rapport "
                + "uc4</a><br><a href=\"uc4-model-card.html\">Fiche du modèle</a>"), "the use case's documents");
        assertTrue(html.contains("<a href=\"uc2/index.html\">"));
        assertTrue(html.contains("<a href=\"../en/index.html\" hreflang=\"en\" lang=\"en\">English</a>"));
        assertEquals(1, count(html, "badge ok\" style=\"white-space:nowrap\">&#10003; atteints 5/5</span>"));
        assertEquals(1, count(html, "badge ko\" style=\"white-space:nowrap\">&#10007; atteints 1/3</span>"));
        assertEquals(4, count(html, "<span class=\"badge\" style=\"white-space:nowrap\">non exécuté</span>"));
        assertTrue(html.contains("MAPE 4,3 %, skill 35,1 %"));
        assertTrue(html.contains("1 cas d&#39;usage sur 6 atteignent tous leurs critères (6 critères atteints sur 8)"),
                "the verdict counts the use cases run");
        assertTrue(html.contains("uc2 (" + HtmlPage.escape(UseCases.UC2.title()) + ") : 1 critère(s) atteint(s) sur 3"),
                "a use case that falls short is named");
        assertTrue(html.contains("4 cas d&#39;usage non exécuté(s)"));
        assertTrue(html.contains("<p class=\"notice\" role=\"note\">Région synthétique : toutes les données de ces "
                + "pages sont générées (graine 42, 300 compteurs, 730 jours depuis le 2023-01-01)."));
        assertTrue(html.contains("<dt>commit git</dt><dd>0123abcd</dd>"));
        assertTrue(html.contains("<dt>début</dt><dd>2025-01-15 09:30:00 UTC</dd>"), "the pages' one time format");
        assertTrue(html.contains(UseCasePage.footer(Lang.FR)));
        assertSelfContained(html);
    }

    @Test
    void theEnglishVersionIsWhollyEnglish() {
        String html = SiteIndex.render(entries(), run(), REGION, null, Lang.EN);
        writeSample("index-en.html", html);
        assertTrue(html.contains("<html lang=\"en\">"));
        for (UseCase uc : UseCases.ALL) {
            assertTrue(html.contains(HtmlPage.escape(uc.titleEn())), uc.titleEn());
            assertFalse(html.contains(HtmlPage.escape(uc.title())), "no French title on the English page");
        }
        assertTrue(html.contains("1 of 6 use cases meet all their criteria (6 of 8 criteria met)"));
        assertTrue(html.contains("Synthetic region: every figure on these pages comes from generated data (seed 42, "
                + "300 meters, 730 days from 2023-01-01)."));
        assertTrue(html.contains("<a href=\"../fr/index.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
        for (String french : List.of("atteint", "Rapport", "Exécution", "exécuté")) {
            assertFalse(html.contains(french), french);
        }
        assertSelfContained(html);
    }

    @Test
    void realDataGetNoBannerAndAllMetIsGreen() {
        List<SiteIndex.Entry> all = new ArrayList<>();
        for (UseCase uc : UseCases.ALL) {
            int n = uc.criteria().size();
            all.add(new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), uc.id() + ".html", true, n, n,
                    null));
        }
        String html = SiteIndex.render(all, run(), null, null, Lang.FR);
        assertFalse(html.contains("class=\"notice\""));
        assertTrue(html.contains("<span class=\"badge ok\">&#10003; 6 cas d&#39;usage sur 6 atteignent"));
    }

    @Test
    void theRootOpensTheFrenchVersion() {
        String html = SiteIndex.root();
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=fr/index.html\">"));
        assertTrue(html.contains("<a href=\"fr/index.html\">Français</a>"));
        assertTrue(html.contains("<a href=\"en/index.html\">English</a>"));
        assertSelfContained(html);
    }

    @Test
    void escapesEveryText() {
        List<SiteIndex.Entry> entries = List.of(new SiteIndex.Entry("uc<1>", "Titre <script>alert(1)</script>",
                "Title & \"quoted\"", "kind 'x'", "a.html?x=1&y=\"2\"", false, 0, 1, lang -> "<b>MAPE</b> & co"));
        Map<String, String> run = Map.of("<key>", "<value> & more");
        String html = SiteIndex.render(entries, run, null, null, Lang.FR);
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>MAPE"));
        assertTrue(html.contains("<td style=\"white-space:nowrap\">uc&lt;1&gt;</td>"));
        assertTrue(html.contains("Titre &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("kind &#39;x&#39;"));
        assertTrue(html.contains("<a href=\"a.html?x=1&amp;y=&quot;2&quot;\">"));
        assertTrue(html.contains("&lt;b&gt;MAPE&lt;/b&gt; &amp; co"));
        assertTrue(html.contains("<dt>&lt;key&gt;</dt><dd>&lt;value&gt; &amp; more</dd>"));
        String english = SiteIndex.render(entries, run, null, null, Lang.EN);
        assertTrue(english.contains("Title &amp; &quot;quoted&quot;"));
    }

    @Test
    void rejectsScriptLinks() {
        List<SiteIndex.Entry> entries = List.of(new SiteIndex.Entry("uc4", "t", "t", "k", " JavaScript:alert(1)",
                true, 1, 1, null));
        assertThrows(IllegalArgumentException.class, () -> SiteIndex.render(entries, Map.of(), null, null, Lang.FR));
    }

    @Test
    void emptyInputsRender() {
        String html = SiteIndex.render(null, null, null, null, Lang.EN);
        assertTrue(html.contains("No use case run."));
        assertTrue(html.contains("No run information."));
        assertTrue(html.trim().endsWith("</html>"));
    }
}

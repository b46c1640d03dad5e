/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.CatalogueEntry;
import org.energycommons.workbench.reports.usecase.CataloguePage;
import org.energycommons.workbench.reports.usecase.FinalReport;
import org.energycommons.workbench.reports.usecase.FramingNote;
import org.energycommons.workbench.reports.usecase.ModelCard;
import org.energycommons.workbench.reports.usecase.ModelCardPage;
import org.energycommons.workbench.reports.usecase.SiteIndex;
import org.energycommons.workbench.reports.usecase.SynthesisNote;
import org.energycommons.workbench.reports.usecase.Territory;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.UseCasePageData;
import org.energycommons.workbench.reports.usecase.uc1.Uc1Page;
import org.energycommons.workbench.reports.usecase.uc1.Uc1Sample;
import org.energycommons.workbench.reports.usecase.uc2.Uc2Page;
import org.energycommons.workbench.reports.usecase.uc2.Uc2Sample;
import org.energycommons.workbench.reports.usecase.uc3.Uc3Page;
import org.energycommons.workbench.reports.usecase.uc3.Uc3Sample;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Page;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Sample;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Page;
import org.energycommons.workbench.reports.usecase.uc5.Uc5Sample;
import org.energycommons.workbench.reports.usecase.uc6.Uc6Page;
import org.energycommons.workbench.reports.usecase.uc6.Uc6Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every page of a small site, in French and English, opened in a headless Chromium as a reader would: no console
 * error, no network request, nothing wider than its container, every chart drawn. The site (index, use-case pages,
 * synthesis notes, model cards) is rendered from the pages' samples (fully populated page data, long names included)
 * into {@code target/browser/site}, and each page's screenshot goes to {@code target/browser/screenshots} for a
 * person to look at.
 *
 * <p>With {@code -Dbrowser.site=DIR} it checks a published site instead (e.g. {@code out/site} after
 * {@code ./workbench demo}): every {@code .html} under {@code DIR/fr} and {@code DIR/en}:
 * {@code mvn -pl reports test -Dtest=SiteInBrowserTest -Dbrowser.site=$PWD/out/site}.
 */
class SiteInBrowserTest {

    private static final Path ROOT = Path.of("target", "browser");
    private static final Path SITE = ROOT.resolve("site");
    private static final String GENERATED = "2026-12-06T10:00:00Z";
    private static final List<CatalogueEntry> CATALOGUE = List.of(
            new CatalogueEntry(CatalogueEntry.SOURCE, "enedis-load-curve-json", "Load curve of one delivery point, "
                    + "Enedis Data Connect JSON (metering_data_clc)", "Enedis", "proprietary (customer data, shared "
                    + "with consent)", true, null, null, null),
            new CatalogueEntry(CatalogueEntry.TABLE, "gold/features/uc3_hourly", "uc3 hourly features per building, "
                    + "with temperature and occupancy", "Energy Commons Workbench (synthetic region)", "etalab-2.0",
                    null, 12L, "2022-12-31 23:00:00.0 .. 2024-12-30 22:00:00.0", "9 commune_code, 4 station_id"));

    private static HeadlessBrowser browser;

    @BeforeAll
    static void start() {
        browser = Browsers.required();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A use case's sample, its page's renderer and what the page says its figures mean. */
    private record Sample(UseCasePageData data, Function<Lang, String> page, Function<Lang, Territory> territory) {
    }

    private static List<Sample> samples() {
        var uc1 = Uc1Sample.data();
        var uc2 = Uc2Sample.data();
        var uc3 = Uc3Sample.data();
        var uc4 = Uc4Sample.data();
        var uc5 = Uc5Sample.data();
        var uc6 = Uc6Sample.data();
        return List.of(new Sample(uc1, lang -> Uc1Page.render(uc1, lang),
                        lang -> Uc1Page.territory(uc1, lang)),
                new Sample(uc2, lang -> Uc2Page.render(uc2, lang),
                        lang -> Uc2Page.territory(uc2, lang)),
                new Sample(uc3, lang -> Uc3Page.render(uc3, lang),
                        lang -> Uc3Page.territory(uc3, lang)),
                new Sample(uc4, lang -> Uc4Page.render(uc4, lang),
                        lang -> Uc4Page.territory(uc4, lang)),
                new Sample(uc5, lang -> Uc5Page.render(uc5, lang),
                        lang -> Uc5Page.territory(uc5, lang)),
                new Sample(uc6, lang -> Uc6Page.render(uc6, lang),
                        lang -> Uc6Page.territory(uc6, lang)));
    }

    /**
     * Writes the site as {@code publish} lays it out: the root, then each language's index and pages; returns the
     * pages a reader reads (the root only opens the French index, see {@code SiteIndexTest}).
     */
    private static List<Path> writeSite() {
        List<Sample> samples = samples();
        List<SiteIndex.Entry> entries = new ArrayList<>();
        for (Sample s : samples) {
            UseCaseResult r = s.data().result();
            var uc = s.data().useCase();
            entries.add(new SiteIndex.Entry(uc.id(), uc.title(), uc.titleEn(), uc.kind(), UseCasePage.page(uc.id()),
                    r.allCriteriaMet(), UseCasePage.metCount(r), r.criteria().size(),
                    lang -> lang.t("MAPE 4,3 %", "MAPE 4.3 %"))
                    .withDocuments(FramingNote.page(uc.id()), SynthesisNote.page(uc.id()),
                            ModelCardPage.page(uc.id())));
        }
        Map<String, String> run = new LinkedHashMap<>();
        run.put("commit", "0123456789abcdef0123456789abcdef01234567");
        run.put("started", "2026-12-06T10:00:00Z");
        List<Path> pages = new ArrayList<>();
        write(SITE.resolve(UseCasePage.INDEX), SiteIndex.root());
        for (Lang lang : Lang.ALL) {
            Path dir = SITE.resolve(lang.tag());
            SiteIndex.SyntheticRegion region = new SiteIndex.SyntheticRegion(42, 300, 730, LocalDate.of(2023, 1, 1));
            pages.add(write(dir.resolve(UseCasePage.INDEX), SiteIndex.render(entries, run, region, FinalReport.PAGE,
                    lang)));
            pages.add(write(dir.resolve(CataloguePage.PAGE), CataloguePage.render(CATALOGUE, GENERATED, lang)));
            pages.add(write(dir.resolve(FinalReport.PAGE), FinalReport.render(samples.stream()
                    .map(s -> new FinalReport.Outcome(s.data().useCase(), s.data().result())).toList(),
                    CATALOGUE,
                    new SecrecyGuard(10, 0.85), run, region, GENERATED, lang)));
            for (Sample s : samples) {
                UseCase uc = s.data().useCase();
                pages.add(write(dir.resolve(UseCasePage.page(uc.id())), s.page().apply(lang)));
                pages.add(write(dir.resolve(FramingNote.page(uc.id())), FramingNote.render(uc, s.data().result(),
                        List.of(new FramingNote.TableSource("silver/load_curve", "Energy Commons Workbench (synthetic "
                                + "region)", "etalab-2.0", 3L, "2023-01-01 .. 2024-12-30", "12 commune")), true,
                        GENERATED, lang)));
                pages.add(write(dir.resolve(SynthesisNote.page(uc.id())), SynthesisNote.render(uc, s.data().result(),
                        s.territory().apply(lang), true, GENERATED, lang)));
                pages.add(write(dir.resolve(ModelCardPage.page(uc.id())), ModelCardPage.render(uc, card(s), GENERATED,
                        lang)));
            }
        }
        return pages;
    }

    /** The card of a sample's best model, with a provenance as the registry would hold it. */
    private static ModelCard card(Sample s) {
        UseCaseResult r = s.data().result();
        UseCaseResult.ModelEntry best = UseCasePage.best(r);
        ModelProvenance p = new ModelProvenance(best.modelId(), s.data().useCase().id(), best.name(), best.engine(),
                "a long algorithm description with its settings, as the registry holds it", Map.of("max_depth", "6",
                "learning_rate", "0.05"), 42, s.data().tables(), List.of("construction_year", "surface_m2",
                "heating_degree_days_reference_18c"), "target", Map.of("train", "2023-01-01..2023-12-31"), 12_345,
                "0123456789abcdef", "0123456789abcdef0123456789abcdef01234567", Map.of("spark", "3.5.1"), GENERATED);
        return ModelCard.of(s.data().useCase(), p, "/workspace/out/lake/models/" + p.useCase() + "/" + p.modelId(), r,
                true);
    }

    private static Path write(Path file, String html) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageOpensCleanInBothLanguages() throws IOException {
        String published = System.getProperty("browser.site");
        Path site = published == null || published.isBlank() ? SITE : Path.of(published);
        List<Path> pages;
        if (site == SITE) {
            pages = writeSite();
            assertEquals(Lang.ALL.size() * 27, pages.size(), "an index, the catalogue, the final report, then a "
                    + "page, a framing note, a synthesis note and a model card per use case, per language");
        } else {
            try (Stream<Path> files = Files.walk(site)) {
                pages = files.filter(f -> f.toString().endsWith(".html") && !f.getParent().equals(site)).sorted()
                        .toList();
            }
            assertTrue(pages.size() > 0, "no page under " + site);
        }
        return pages.stream().map(page -> DynamicTest.dynamicTest(site.relativize(page).toString(), () -> {
            String name = site.relativize(page).toString().replace('/', '-').replace(".html", ".png");
            List<String> problems = browser.check(page, ROOT.resolve("screenshots").resolve(name));
            assertTrue(problems.isEmpty(), page + ":\n  " + String.join("\n  ", problems));
        }));
    }

    /** The report for a local authority ({@code workbench report commune}), with the widest open dataset it shows. */
    @TestFactory
    Stream<DynamicTest> theCommuneReportOpensCleanInBothLanguages() {
        var data = org.energycommons.workbench.reports.territory.CommuneSample.data(List.of(
                org.energycommons.workbench.reports.territory.CommuneSample.widest()));
        return Lang.ALL.stream().map(lang -> DynamicTest.dynamicTest("commune." + lang.tag() + ".html", () -> {
            Path page = write(ROOT.resolve("commune").resolve("99001." + lang.tag() + ".html"),
                    org.energycommons.workbench.reports.territory.CommunePage.render(data, lang, "other.html"));
            List<String> problems = browser.check(page, ROOT.resolve("screenshots")
                    .resolve("commune-" + lang.tag() + ".png"));
            assertTrue(problems.isEmpty(), page + ":\n  " + String.join("\n  ", problems));
        }));
    }
}

package org.energycommons.workbench.reports.territory;

import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.territory.CommunePageData.PublicBuilding;

/**
 * The local-authority report of a commune, in one language: its public buildings ranked by savings potential,
 * their consumption, uc2 alerts with their evidence, savings after works and certificates, then the commune's
 * published aggregates. Facts only: the report gives no advice.
 */
public final class CommunePage {

    private CommunePage() {
    }

    /** The page in a language. */
    public static String render(CommunePageData d, Lang lang, String otherLanguageFile) {
        HtmlPage page = HtmlPage.create(lang.t("Bâtiments publics de ", "Public buildings of ") + d.name()
                        + " (" + d.code() + ")", lang.tag())
                .subtitle(lang.t("Rapport pour la collectivité", "Report for the local authority"))
                .subtitle(d.region().get(lang == Lang.FR ? 0 : 1))
                .alternate(new HtmlPage.Alternate(otherLanguageFile, lang.other().tag(),
                        lang.t("English version", "Version française")));
        page.section("summary", lang.t("En bref", "In short"))
                .paragraph(summary(d, lang));

        page.section("ranking", lang.t("Potentiel d'économie", "Savings potential"))
                .paragraph(lang.t("Le potentiel d'un bâtiment est l'électricité qu'il consomme au-delà de la médiane "
                        + "des bâtiments publics de même usage de la région, rapportée à sa surface : "
                        + "(intensité − médiane) × surface, sur les 365 derniers jours de données. C'est un écart "
                        + "à ses pairs, pas un gain garanti.",
                        "A building's potential is the electricity it uses above the median of the region's public "
                        + "buildings of the same use, scaled by its floor area: (intensity − median) × area, over "
                        + "the last 365 days of data. It is a gap to its peers, not a promised saving."));
        List<List<String>> ranking = new ArrayList<>();
        int rank = 0;
        for (PublicBuilding b : d.buildings()) {
            rank++;
            ranking.add(List.of(String.valueOf(rank), b.id(), use(b.use(), lang), Formats.whole(b.surfaceM2()),
                    b.annualKwh() == null ? Formats.MISSING : Formats.whole(b.annualKwh()),
                    b.intensity() == null ? Formats.MISSING : Formats.whole(b.intensity()),
                    b.useMedianKwhM2() == null ? Formats.MISSING : Formats.whole(b.useMedianKwhM2()),
                    b.potentialKwh() == null ? Formats.MISSING : Formats.whole(b.potentialKwh())));
        }
        page.table(List.of("#", lang.t("Bâtiment", "Building"), lang.t("Usage", "Use"), lang.t("Surface (m²)",
                        "Area (m²)"), lang.t("Consommation (kWh/an)", "Consumption (kWh/year)"),
                lang.t("Intensité (kWh/m²/an)", "Intensity (kWh/m²/year)"),
                lang.t("Médiane de l'usage (kWh/m²/an)", "Median of the use (kWh/m²/year)"),
                lang.t("Potentiel (kWh/an)", "Potential (kWh/year)")), ranking, java.util.Set.of(1));

        page.section("alerts", lang.t("Alertes de consommation (uc2)", "Consumption alerts (uc2)"));
        if (d.alertModel() == null) {
            page.notice(lang.t("uc2 n'a pas encore de résultat dans cet espace de travail.",
                    "uc2 has no result in this workspace yet."));
        } else {
            page.paragraph(lang.t("Jours d'alerte de la période d'évaluation, détecteur retenu : ",
                    "Alert days over the evaluation period, chosen detector: ") + d.alertModel() + ".");
            List<List<String>> rows = new ArrayList<>();
            for (PublicBuilding b : d.buildings()) {
                CommunePageData.Alert a = b.lastAlert();
                rows.add(List.of(b.id(), String.valueOf(b.alertDays()),
                        b.rules().isEmpty() ? Formats.MISSING : String.join(", ", b.rules()),
                        a == null ? Formats.MISSING : a.day() + " · " + a.rule() + " (" + a.severity() + ")",
                        a == null ? Formats.MISSING : a.evidence()));
            }
            page.table(List.of(lang.t("Bâtiment", "Building"), lang.t("Jours d'alerte", "Alert days"),
                    lang.t("Règles", "Rules"), lang.t("Dernière alerte", "Last alert"),
                    lang.t("Ce que la règle a lu ce jour-là", "What the rule read that day")), rows,
                    java.util.Set.of(0));
        }

        page.section("works", lang.t("Économies après travaux (uc3)", "Savings after works (uc3)"));
        List<List<String>> works = new ArrayList<>();
        for (PublicBuilding b : d.buildings()) {
            CommunePageData.Savings s = b.savings();
            if (s != null) {
                works.add(List.of(b.id(), s.worksType(), s.interventionDate().toString(),
                        Formats.whole(s.savingsKwh()),
                        Formats.interval(Formats.whole(s.lowerKwh()), Formats.whole(s.upperKwh()), lang),
                        s.fraction() == null ? Formats.MISSING : Formats.percent(s.fraction())));
            }
        }
        if (works.isEmpty()) {
            page.paragraph(d.savingsMethod() == null
                    ? lang.t("uc3 n'a pas encore de résultat dans cet espace de travail.",
                            "uc3 has no result in this workspace yet.")
                    : lang.t("Aucun bâtiment public de la commune n'a de travaux évalués.",
                            "No public building of the commune has works with an estimate."));
        } else {
            page.paragraph(lang.t("Économies sur la période de suivi par rapport à la consommation qu'aurait eue le "
                    + "bâtiment sans travaux, méthode ", "Savings over the reporting period against the "
                    + "consumption the building would have had without the works, method ") + d.savingsMethod()
                    + lang.t(", avec leur intervalle à 90 %.", ", with their 90 % interval."));
            page.table(List.of(lang.t("Bâtiment", "Building"), lang.t("Travaux", "Works"),
                    lang.t("Fin des travaux", "Works ended"), lang.t("Économie (kWh)", "Savings (kWh)"),
                    lang.t("Intervalle à 90 % (kWh)", "90 % interval (kWh)"), lang.t("Part", "Share")), works,
                    java.util.Set.of(0));
        }

        page.section("certificates", lang.t("Diagnostics de performance énergétique", "Energy performance "
                + "certificates"));
        List<List<String>> certificates = new ArrayList<>();
        for (PublicBuilding b : d.buildings()) {
            if (b.certificate() != null) {
                certificates.add(List.of(b.id(), b.certificate().energyClass(),
                        b.certificate().issuedOn().toString(),
                        b.intensity() == null ? Formats.MISSING : Formats.whole(b.intensity())));
            }
        }
        if (certificates.isEmpty()) {
            page.paragraph(lang.t("Aucun bâtiment public de la commune n'a de DPE dans le lac : l'écart entre classe "
                    + "certifiée et performance mesurée ne peut pas être calculé. L'intensité mesurée est dans le "
                    + "classement ci-dessus.", "No public building of the commune has a certificate (DPE) in the "
                    + "lake: the gap between certified class and metered performance cannot be computed. The "
                    + "metered intensity is in the ranking above."));
        } else {
            page.table(List.of(lang.t("Bâtiment", "Building"), lang.t("Classe DPE", "DPE class"),
                    lang.t("Établi le", "Issued on"), lang.t("Électricité mesurée (kWh/m²/an)",
                            "Metered electricity (kWh/m²/year)")), certificates, java.util.Set.of(0));
        }

        page.section("published", lang.t("Agrégats publiés de la commune", "The commune's published aggregates"));
        if (d.published().isEmpty()) {
            page.paragraph(lang.t("Aucun jeu de données ouvert de cet espace de travail ne détaille la commune "
                    + "(lancer « workbench publish » d'abord, ou la commune est sous le seuil du secret "
                    + "statistique).", "No open dataset of this workspace details the commune (run 'workbench "
                    + "publish' first, or the commune is under the statistical-secrecy threshold)."));
        } else {
            page.paragraph(lang.t("Les colonnes sont celles des fichiers publiés ; les nombres décimaux y sont "
                    + "arrondis à trois chiffres significatifs.", "The columns are those of the published files; "
                    + "decimal numbers are rounded to three significant digits here."));
        }
        for (CommunePageData.PublishedRows p : d.published()) {
            page.heading(3, p.title() + " (" + p.dataset() + ")");
            // A column name may break after an underscore: nine of them side by side fit the page's width.
            page.table(p.headers().stream().map(h -> h.replace("_", "_\u200B")).toList(), p.rows());
        }
        page.footer(lang.t("Sources : ", "Sources: ") + String.join(", ", d.sources()) + ". "
                + lang.t("Bâtiments municipaux : pas de données personnelles ; aucun logement n'est nommé.",
                        "Municipal buildings: no personal data; no dwelling is named."));
        return page.render();
    }

    private static String summary(CommunePageData d, Lang lang) {
        long alerted = d.buildings().stream().filter(b -> b.alertDays() > 0).count();
        long withWorks = d.buildings().stream().filter(b -> b.savings() != null).count();
        double potential = d.buildings().stream().filter(b -> b.potentialKwh() != null)
                .mapToDouble(PublicBuilding::potentialKwh).sum();
        return lang.t(d.buildings().size() + " bâtiments publics ; " + alerted + " avec au moins une alerte ; "
                        + withWorks + " avec des travaux évalués ; potentiel d'économie cumulé "
                        + Formats.whole(potential) + " kWh/an (du " + d.period()[0] + " au " + d.period()[1] + ").",
                d.buildings().size() + " public buildings; " + alerted + " with at least one alert; " + withWorks
                        + " with evaluated works; total savings potential " + Formats.whole(potential)
                        + " kWh/year (" + d.period()[0] + " to " + d.period()[1] + ").");
    }

    private static String use(String use, Lang lang) {
        return switch (use) {
            case "education" -> lang.t("enseignement", "education");
            case "public_administration" -> lang.t("mairie, administration", "town hall, administration");
            default -> use;
        };
    }
}

package org.energycommons.workbench.reports.territory;

import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.reports.render.Formats;
import org.energycommons.workbench.reports.render.HtmlPage;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.render.SvgCharts;

/**
 * The private report of one household, in one language: a banner saying it is that household's personal data,
 * its savings after works against the counterfactual with the 90 % interval, its load profile against its segment,
 * its certificate against its metered performance. Facts only, no advice.
 */
public final class HouseholdPage {

    private HouseholdPage() {
    }

    /** The page in a language. */
    public static String render(HouseholdPageData d, Lang lang, String otherLanguageFile) {
        HtmlPage page = HtmlPage.create(lang.t("Votre consommation après travaux", "Your consumption after works"),
                        lang.tag())
                .subtitle(lang.t("Logement à ", "Dwelling in ") + d.commune() + lang.t(" — rapport du ",
                        " — report of ") + d.made())
                .alternate(new HtmlPage.Alternate(otherLanguageFile, lang.other().tag(),
                        lang.t("English version", "Version française")));
        page.notice(lang.t("Données personnelles de ce foyer : ce rapport est fait pour lui seul, avec son "
                        + "consentement (« " + d.consent().purpose() + " », depuis le " + d.consent().from() + "). "
                        + "Il n'est ni publié ni lié depuis le portail ; ne le transmettez qu'à ce foyer.",
                "Personal data of this household: this report is for it alone, made with its consent (\""
                        + d.consent().purpose() + "\", since " + d.consent().from() + "). It is neither published "
                        + "nor linked from the portal; give it to this household only."));

        HouseholdPageData.Works w = d.works();
        page.section("works", lang.t("Vos travaux et ce qu'ils ont économisé", "Your works and what they saved"));
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put(lang.t("Travaux", "Works"), w.type());
        facts.put(lang.t("Fin des travaux", "Works ended"), w.interventionDate().toString());
        facts.put(lang.t("Méthode", "Method"), w.method());
        if (w.savingsKwh() != null) {
            facts.put(lang.t("Consommation mesurée après travaux", "Metered consumption after works"),
                    kwh(w.meteredKwh()));
            facts.put(lang.t("Consommation estimée sans travaux", "Estimated consumption without works"),
                    kwh(w.counterfactualKwh()));
            facts.put(lang.t("Économie", "Savings"), kwh(w.savingsKwh()) + (w.fraction() == null ? ""
                    : " (" + Formats.percent(w.fraction()) + ")"));
            facts.put(lang.t("Intervalle à 90 %", "90 % interval"), Formats.interval(Formats.whole(w.lowerKwh()),
                    Formats.whole(w.upperKwh()), lang) + " kWh");
        } else {
            facts.put(lang.t("Estimation", "Estimate"), lang.t("pas d'estimation : ", "no estimate: ")
                    + (w.message() == null ? w.status() : w.message()));
        }
        page.keyValues(facts);
        if (w.savingsKwh() != null) {
            page.paragraph(lang.t("L'économie est la différence entre la consommation qu'aurait eue le logement sans "
                    + "travaux, estimée sur sa consommation d'avant travaux et la météo, et sa consommation mesurée. "
                    + "Il y a 90 chances sur 100 que l'économie réelle soit dans l'intervalle.", "The savings are the "
                    + "difference between the consumption the dwelling would have had without the works, estimated "
                    + "from its consumption before them and the weather, and its metered consumption. There are 90 "
                    + "chances in 100 that the true savings lie within the interval."));
        }
        if (!d.months().isEmpty()) {
            List<String> months = new ArrayList<>();
            double[] metered = new double[d.months().size()];
            double[] counterfactual = new double[d.months().size()];
            for (int i = 0; i < d.months().size(); i++) {
                HouseholdPageData.Month m = d.months().get(i);
                months.add(m.month());
                metered[i] = m.meteredKwh();
                counterfactual[i] = m.counterfactualKwh() == null ? 0 : m.counterfactualKwh();
            }
            page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Consommation mensuelle", "Monthly consumption"),
                    lang.t("mois", "month"), "kWh", months, List.of(
                            new SvgCharts.BarSeries(lang.t("mesurée", "metered"), metered),
                            new SvgCharts.BarSeries(lang.t("estimée sans travaux", "estimated without works"),
                                    counterfactual)), 900, 320)),
                    lang.t("Consommation mesurée et consommation estimée sans travaux, par mois (avant les travaux, "
                            + "l'estimation reproduit la mesure).", "Metered consumption and consumption estimated "
                            + "without works, by month (before the works, the estimate reproduces the meter)."));
        }

        page.section("profile", lang.t("Votre profil de consommation", "Your load profile"));
        HouseholdPageData.Profile p = d.profile();
        if (p == null) {
            page.paragraph(lang.t("Pas de profil : la segmentation n'a pas pu classer ce logement (trop peu de jours "
                    + "complets, ou pas de résultat uc1).", "No profile: the segmentation could not place this "
                    + "dwelling (too few complete days, or no uc1 result)."));
        } else {
            page.paragraph(lang.t("Votre courbe de charge ressemble à celle du segment " + p.segment() + " ("
                            + p.segmentMeters() + " compteurs). Consommation moyenne : " + kwh(p.meanDailyKwh())
                            + " par jour, contre " + kwh(p.segmentMeanDailyKwh()) + " pour la médiane du segment.",
                    "Your load curve resembles that of segment " + p.segment() + " (" + p.segmentMeters()
                            + " meters). Mean consumption: " + kwh(p.meanDailyKwh()) + " a day, against "
                            + kwh(p.segmentMeanDailyKwh()) + " for the segment's median."));
            if (p.ownShape() != null && p.segmentShape() != null) {
                List<String> halfHours = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    halfHours.add(String.format("%02d:%02d", i / 2, i % 2 * 30));
                }
                String axis = lang.t("relatif à la moyenne annuelle", "relative to the yearly mean");
                page.figure(SvgCharts.bars(new SvgCharts.BarChart(lang.t("Jour ouvré d'hiver", "Winter workday"),
                        lang.t("heure", "time"), axis, halfHours, List.of(
                                new SvgCharts.BarSeries(lang.t("votre logement", "your dwelling"), p.ownShape()),
                                new SvgCharts.BarSeries(lang.t("segment", "segment"), p.segmentShape())), 900, 300)),
                        lang.t("Consommation moyenne de chaque demi-heure d'un jour ouvré d'hiver, rapportée à la "
                                + "demi-heure moyenne du compteur sur l'année (1 = cette moyenne) : votre logement "
                                + "et son segment.",
                                "Mean consumption of each half-hour of a winter workday, relative to the meter's mean "
                                + "half-hour over the year (1 = that mean): your dwelling and its segment."));
            }
        }

        page.section("certificate", lang.t("Votre DPE et votre consommation mesurée",
                "Your certificate and your metered consumption"));
        HouseholdPageData.Certificate c = d.certificate();
        if (c == null) {
            page.paragraph(lang.t("Pas d'estimation uc5 pour ce logement.", "No uc5 estimate for this dwelling."));
        } else {
            java.util.Map<String, String> dpe = new java.util.LinkedHashMap<>();
            dpe.put(lang.t("Classe de votre DPE", "Your certificate's class"), c.certifiedClass() == null
                    ? lang.t("pas de DPE", "no certificate")
                    : c.certifiedClass() + " (" + perM2(c.certifiedKwhM2(), lang) + ")");
            dpe.put(lang.t("Classe estimée par le modèle", "Class estimated by the model"), c.estimatedClass() + " ("
                    + perM2(c.estimatedKwhM2(), lang) + ", " + c.model() + ")");
            dpe.put(lang.t("Énergie primaire mesurée", "Metered primary energy"), perM2(c.meteredKwhM2(), lang));
            if (c.gapRatio() != null) {
                dpe.put(lang.t("Écart mesuré / DPE", "Metered / certificate gap"), Formats.ratio(c.gapRatio()));
            }
            page.keyValues(dpe);
        }
        page.footer(lang.t("Fait par l'Energy Commons Workbench à partir de la courbe de charge de ce logement, avec "
                + "son consentement. Aucune recommandation : des faits mesurés.", "Made by the Energy Commons "
                + "Workbench from this dwelling's load curve, with its consent. No advice: measured facts."));
        return page.render();
    }

    private static String kwh(Double v) {
        return v == null ? Formats.MISSING : Formats.whole(v) + " kWh";
    }

    private static String perM2(Double v, Lang lang) {
        return v == null ? Formats.MISSING : Formats.whole(v) + lang.t(" kWh/m²/an", " kWh/m²/yr");
    }
}

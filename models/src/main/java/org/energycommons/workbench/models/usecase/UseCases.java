package org.energycommons.workbench.models.usecase;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of the six use cases (docs/design.md#the-six-use-cases) with the criteria each declares. */
public final class UseCases {

    private UseCases() {
    }

    /** uc1: load-profile segmentation of the electricity meters. */
    public static final UseCase UC1 = new UseCase("uc1", "Segmentation des courbes de charge", "Load-profile segmentation",
                    "Quels comportements de consommation types existent, où, et qui appartient à chacun ?",
                    "Which typical consumption behaviours exist, where, and who belongs to each?",
                    "descriptive", List.of(
                            Criterion.atLeast("ari", 0.8),
                            Criterion.atLeast("nrmse_reduction_vs_baseline", 0.30)), true);

    /** uc2: anomaly alerts for public buildings. */
    public static final UseCase UC2 = new UseCase("uc2", "Alertes d'anomalies des bâtiments publics", "Anomaly alerts for public buildings",
                    "Quels bâtiments municipaux consomment anormalement, depuis quand, et pourquoi ?",
                    "Which municipal buildings consume abnormally, since when, and why?",
                    "preventive", List.of(
                            Criterion.atLeast("f1", 0.85),
                            Criterion.atMost("median_detection_delay_days", 2),
                            Criterion.atMost("false_alerts_per_building_year", 2)), true);

    /** uc3: savings after renovation works (measurement and verification). */
    public static final UseCase UC3 = new UseCase("uc3", "Économies après travaux de rénovation (M&V)", "Savings after renovation works (M&V)",
                    "Combien d'énergie les travaux ont-ils économisé, avec quelle incertitude ?",
                    "How much energy did the works save, and how uncertain is it?",
                    "predictive (counterfactual)", List.of(
                            Criterion.atMost("savings_abs_error_pct_points_median", 2),
                            Criterion.atLeast("placebo_coverage_90", 0.85),
                            Criterion.atMost("placebo_coverage_90", 0.95)), true);

    /** uc4: day-ahead load forecasting of HTA/BT substations and congestion risk. */
    public static final UseCase UC4 = new UseCase("uc4",
            "Prévision J+1 de la charge des postes et risque de congestion",
            "Day-ahead substation load forecasting and congestion risk",
            "Quelle puissance chaque poste HTA/BT appellera-t-il demain, heure par heure, et où risque-t-il de "
                    + "dépasser sa capacité ?",
            "How much power will each HV/LV substation draw tomorrow, hour by hour, and where may it exceed its "
                    + "capacity?",
            "predictive + preventive",
            List.of(
                    Criterion.atLeast("skill_vs_persistence", 0.20),
                    Criterion.atMost("mape", 0.10),
                    Criterion.atLeast("coverage_p10_p90", 0.70),
                    Criterion.atMost("coverage_p10_p90", 0.90),
                    Criterion.atLeast("congestion_recall", 0.70)),
            true);

    /** uc5: building energy performance (DPE class and intensity). */
    public static final UseCase UC5 = new UseCase("uc5", "Performance énergétique des bâtiments (DPE)", "Building energy performance (DPE)",
                    "Quelle classe DPE et quelle intensité énergétique pour chaque bâtiment, lesquels sont des "
                            + "passoires thermiques ?",
                    "Which DPE class and energy intensity does each building have, and which are poorly insulated "
                            + "(F or G)?", "descriptive + predictive", List.of(
                            Criterion.atLeast("within_one_class_accuracy", 0.9),
                            Criterion.atLeast("fg_recall", 0.85),
                            // The held-out certified test split is small (tens of dwellings, a few F/G): the
                            // same targets must also hold on every dwelling without a certificate.
                            Criterion.atLeast("uncertified_within_one_class_accuracy", 0.9),
                            Criterion.atLeast("uncertified_fg_recall", 0.85)), true);

    /** uc6: gas demand D+1..D+7 per network area and cold peaks. */
    public static final UseCase UC6 = new UseCase("uc6", "Réseau de gaz : demande et pointes de froid", "Smart gas grid demand and cold peaks",
                    "Combien de gaz chaque zone demandera-t-elle ces prochains jours, et une pointe de froid "
                            + "dépassera-t-elle la capacité ?",
                    "How much gas will each area demand in the coming days, and will a cold peak exceed capacity?",
                    "predictive + preventive", List.of(
                            Criterion.atMost("mape_d1", 0.04),
                            Criterion.atLeast("peak_recall", 0.85)), true);

    /** All use cases, uc1..uc6. */
    public static final List<UseCase> ALL = List.of(UC1, UC2, UC3, UC4, UC5, UC6);

    /** The use case with this id, which must be implemented in this version. */
    public static UseCase require(String id) {
        UseCase uc = ALL.stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownUseCaseException("unknown use case '" + id + "'; known: "
                        + ALL.stream().map(UseCase::id).collect(Collectors.joining(", "))));
        if (!uc.implemented()) {
            throw new UnknownUseCaseException("use case " + id + " (" + uc.titleEn()
                    + ") is declared but not implemented in this version; implemented: "
                    + ALL.stream().filter(UseCase::implemented).map(UseCase::id).collect(Collectors.joining(", ")));
        }
        return uc;
    }
}

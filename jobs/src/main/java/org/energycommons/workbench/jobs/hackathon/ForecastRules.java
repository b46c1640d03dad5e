package org.energycommons.workbench.jobs.hackathon;

/** Rules shared by the tasks. */
final class ForecastRules {

    private ForecastRules() {
    }

    /** The point-in-time rule of a forecast task. */
    static final Text POINT_IN_TIME = new Text("Prévision : la prédiction d'une ligne de test n'utilise que train.csv "
            + "et les lignes de test émises au plus tard le même jour qu'elle (issue_date) ; jamais une ligne émise "
            + "après.", "Forecast: the prediction of a test row uses only train.csv and the test rows issued no "
            + "later than itself (issue_date); never a row issued after it.");
}

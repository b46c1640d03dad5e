package org.energycommons.workbench.reports.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the local-authority report of a commune shows, already queried: its public buildings with their
 * consumption, alerts, savings after works, certificates and savings potential, and the rows of the workspace's
 * open datasets that concern the commune. No Spark type: the page renders and is tested without Spark.
 *
 * @param code the commune's INSEE code
 * @param name its name
 * @param region one sentence on the region the workspace holds, per language (French, English)
 * @param period the first and last day of the consumption shown
 * @param alertModel the uc2 detector whose alerts are shown, or null when uc2 has no result
 * @param savingsMethod the uc3 method whose estimates are shown, or null when uc3 has no result
 * @param buildings the commune's public buildings, ranked by savings potential (largest first)
 * @param published the commune's rows of the open datasets, or empty when nothing is published yet
 * @param sources the lake tables read, with their Delta versions ({@code silver/buildings v3})
 */
public record CommunePageData(String code, String name, List<String> region, LocalDate[] period, String alertModel,
                              String savingsMethod, List<PublicBuilding> buildings, List<PublishedRows> published,
                              List<String> sources) {

    public CommunePageData {
        region = List.copyOf(region);
        buildings = List.copyOf(buildings);
        published = List.copyOf(published);
        sources = List.copyOf(sources);
    }

    /**
     * A public building of the commune (not personal data: a municipal building, no person behind it).
     *
     * @param id its registry id
     * @param use education or public_administration
     * @param constructionYear year built, or null
     * @param surfaceM2 heated floor area
     * @param heatingEnergy main heating energy
     * @param annualKwh metered electricity over the last 365 days of data, or null without readings
     * @param useMedianKwhM2 the median intensity of the region's public buildings of the same use
     * @param potentialKwh yearly savings potential: the consumption above that median, 0 when below
     * @param alertDays days with a uc2 alert in the evaluation period
     * @param rules the rules that fired, most frequent first
     * @param lastAlert the last alert: its day, rule, explanation and evidence, or null
     * @param savings the uc3 estimate after works, or null without works
     * @param certificate the building's DPE class and its day, or null without a certificate in the lake
     */
    public record PublicBuilding(String id, String use, Integer constructionYear, double surfaceM2,
                                 String heatingEnergy, Double annualKwh, Double useMedianKwhM2, Double potentialKwh,
                                 int alertDays, List<String> rules, Alert lastAlert, Savings savings,
                                 Certificate certificate) {

        public PublicBuilding {
            rules = List.copyOf(rules);
        }

        /** kWh per m² and year, or null. */
        public Double intensity() {
            return annualKwh == null || surfaceM2 <= 0 ? null : annualKwh / surfaceM2;
        }
    }

    /** A uc2 alert: its day, rule, the explanation and the evidence the rule read. */
    public record Alert(LocalDate day, String rule, String severity, String explanation, String evidence) {
    }

    /** A uc3 savings estimate after works, with its 90 % interval. */
    public record Savings(String worksType, LocalDate interventionDate, double savingsKwh, double lowerKwh,
                          double upperKwh, Double fraction) {
    }

    /** A certificate: class and day of issue. */
    public record Certificate(String energyClass, LocalDate issuedOn) {
    }

    /** The rows of one open dataset about the commune, as published (CSV cells). */
    public record PublishedRows(String dataset, String title, List<String> headers, List<List<String>> rows) {

        public PublishedRows {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}

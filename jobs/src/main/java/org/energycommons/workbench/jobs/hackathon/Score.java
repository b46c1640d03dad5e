package org.energycommons.workbench.jobs.hackathon;

import java.util.Map;

/**
 * The score of one submission: the task's metric on the test rows, with its companions.
 *
 * @param task the task id
 * @param metric the metric's name ({@code mae})
 * @param higherIsBetter the metric's direction
 * @param value the metric
 * @param unit the metric's unit, or null
 * @param rows the test rows scored
 * @param details the metric then its companions (RMSE, precision, recall, accuracy ...), in order
 * @param submissionSha256 SHA-256 of the submission file's bytes
 */
public record Score(String task, String metric, boolean higherIsBetter, double value, String unit, int rows,
                    Map<String, Double> details, String submissionSha256) {

    /** The value as printed and recorded: 6 decimals at most. */
    public String formatted() {
        return Csv.number(value, 6);
    }

    /** One line: task, metric, value, unit, direction, rows. */
    public String line() {
        StringBuilder sb = new StringBuilder(task).append(": ").append(metric).append(" = ").append(formatted());
        if (unit != null) {
            sb.append(' ').append(unit);
        }
        sb.append(" (").append(higherIsBetter ? "higher" : "lower").append(" is better) on ").append(rows)
                .append(" rows");
        details.forEach((k, v) -> {
            if (!k.equals(metric)) {
                sb.append("; ").append(k).append(' ').append(Csv.number(v, 6));
            }
        });
        return sb.toString();
    }
}

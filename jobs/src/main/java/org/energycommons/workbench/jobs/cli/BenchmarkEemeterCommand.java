package org.energycommons.workbench.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.energycommons.workbench.models.mv.BaselineModel;
import org.energycommons.workbench.models.mv.BaselineOutcome;
import org.energycommons.workbench.models.mv.CaltrackDaily;
import org.energycommons.workbench.models.mv.CandidateSummary;
import org.energycommons.workbench.models.mv.DailyObservation;
import org.energycommons.workbench.models.mv.DailyTemperatures;
import org.energycommons.workbench.models.mv.DataSufficiency;
import org.energycommons.workbench.models.mv.DegreeDayMethod;
import org.energycommons.workbench.models.mv.SavingsEstimate;
import org.energycommons.workbench.models.provenance.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workbench benchmark eemeter}: the CalTRACK daily method (uc3) on a daily sample of the OpenEEmeter test
 * data (a folder holding {@code metadata.json}, the meter CSVs and the temperature CSV), scored against the known
 * true saving.
 *
 * <p>Periods, as OpenEEmeter's {@code get_baseline_data}/{@code get_reporting_data}: baseline = the 365 days before
 * {@code blackout_start_date}, reporting = the 365 days from {@code blackout_end_date}. Temperatures: hourly
 * readings ({@code tempF} converted to °C, or {@code tempC}) averaged per local day when at least 12 of the day's
 * hours are present (CalTRACK's 50 %); balance points are searched in °C over CalTRACK's 30–90 °F and reported in
 * both units. Degree days come from the hourly temperatures ({@code --degree-days hourly}, the default: the mean
 * of hourly degree values, as the CalTRACK working group recommends whenever hourly temperatures exist, because
 * degree days are not linear in temperature and a daily mean hides cold nights — openeemeter/caltrack issues 94
 * and 120) or from the daily mean temperature (CalTRACK 2.0 text, {@code --degree-days daily}); the result of the
 * other method is reported too, under {@code variants}. Files may be plain or gzipped ({@code X.csv} or {@code X.csv.gz}, whichever is present).
 * Runs without Spark. Exit code 0 with the result, 1 (after writing the JSON) when the baseline has insufficient
 * data, 2 on bad input (unknown sample, absent file, malformed CSV).
 */
@Command(name = "eemeter", mixinStandardHelpOptions = true,
        description = "CalTRACK daily method (uc3 M&V) on an OpenEEmeter daily sample: fits the baseline (grid search "
                + "of balance points, intercept/HDD/CDD/HDD+CDD candidates by OLS, adjusted R² with sign and p-value "
                + "checks), estimates the savings over the reporting year with their ASHRAE Guideline 14 uncertainty, "
                + "and writes them with the true saving to --report.")
public final class BenchmarkEemeterCommand extends BenchmarkRun {

    /** The criterion of the benchmark: |estimated − true| ≤ this. */
    static final double TOLERANCE = 0.015;
    static final String DEFAULT_SAMPLE = "il-electricity-cdd-hdd-daily";
    static final int PERIOD_DAYS = 365;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "Folder of the OpenEEmeter sample data (metadata.json, meter and temperature CSVs).")
    Path data;

    @Option(names = "--sample", paramLabel = "NAME", defaultValue = DEFAULT_SAMPLE,
            description = "Daily sample of metadata.json to run (default: ${DEFAULT-VALUE}).")
    String sample;

    @Option(names = "--degree-days", paramLabel = "daily|hourly", defaultValue = "hourly",
            description = "Degree days from hourly temperatures (mean of hourly degree values, as recommended by the "
                    + "CalTRACK working group when hourly temperatures exist) or from the daily mean temperature "
                    + "(CalTRACK 2.0 text); the other method is reported under 'variants' (default: ${DEFAULT-VALUE}).")
    String degreeDays;

    @Override
    Outcome measure() throws IOException {
        long t0 = System.nanoTime();
        Map<String, Object> doc = run(data, sample,
                CaltrackDaily.defaults().withDegreeDays(DegreeDayMethod.ofId(degreeDays)));
        doc.put("seconds", Math.round(secondsSince(t0) * 1e3) / 1e3);
        Outcome outcome = Outcome.of(doc, (o, report) -> o.printf(Locale.ROOT, "eemeter benchmark %s (%s degree days): "
                        + "model %s, estimated savings %.4f vs true %.4f (criterion ±%.3f: %s), CV(RMSE) %.4f, NMBE "
                        + "%.2e, FSU(90 %%) %.4f; report %s%n", sample, degreeDays, doc.get("model"),
                doc.get("estimated_savings_fraction"), doc.get("true_savings_fraction"), TOLERANCE,
                Boolean.TRUE.equals(doc.get("criterion_met")) ? "met" : "NOT met", doc.get("cvrmse"),
                doc.get("nmbe"), doc.get("fsu_90"), report));
        if ("insufficient_data".equals(doc.get("outcome"))) {
            return new Outcome(outcome.json(), 1, (o, report) -> spec.commandLine().getErr().println(
                    "eemeter benchmark: " + sample + ": " + doc.get("message") + "; report " + report));
        }
        return outcome;
    }

    /**
     * Runs the method on one sample of the folder; the result document (without timing). Bad input throws
     * {@link IllegalArgumentException} with one line.
     */
    static Map<String, Object> run(Path dir, String sampleName, CaltrackDaily method) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data " + dir + " is not a folder");
        }
        Path metaFile = dir.resolve("metadata.json");
        if (!Files.isRegularFile(metaFile)) {
            throw new IllegalArgumentException("no metadata.json in " + dir);
        }
        JsonNode meta = Json.mapper().readTree(Files.readString(metaFile));
        if (meta == null || !meta.isObject()) {
            throw new IllegalArgumentException(metaFile + " is not a JSON object of samples");
        }
        Map<String, Boolean> daily = dailySamples(dir, meta);
        JsonNode s = meta.get(sampleName);
        if (s == null) {
            throw new IllegalArgumentException("unknown sample '" + sampleName + "' in " + metaFile + "; daily samples: "
                    + describe(daily));
        }
        if (!"daily".equals(s.path("freq").asText())) {
            throw new IllegalArgumentException("sample '" + sampleName + "' is " + s.path("freq").asText()
                    + ", only daily samples are supported; daily samples: " + describe(daily));
        }
        Path meterFile = locate(dir, text(s, "meter_data_filename", sampleName));
        if (meterFile == null) {
            throw new IllegalArgumentException("meter data of sample '" + sampleName + "' is absent from " + dir
                    + " (looked for " + plain(text(s, "meter_data_filename", sampleName)) + "[.gz]); daily samples: "
                    + describe(daily));
        }
        Path tempFile = locate(dir, text(s, "temperature_filename", sampleName));
        if (tempFile == null) {
            throw new IllegalArgumentException("temperature data of sample '" + sampleName + "' is absent from " + dir
                    + " (looked for " + plain(text(s, "temperature_filename", sampleName)) + "[.gz])");
        }
        LocalDate blackoutStart = date(s, "blackout_start_date", sampleName);
        LocalDate blackoutEnd = date(s, "blackout_end_date", sampleName);
        if (blackoutEnd.isBefore(blackoutStart)) {
            throw new IllegalArgumentException("sample '" + sampleName + "': blackout_end_date before blackout_start_date");
        }
        double trueBaseline = number(s, "annual_baseline_total_load", sampleName);
        double trueReporting = number(s, "annual_reporting_total_load", sampleName);

        Csv meter = readCsv(meterFile);
        Csv temps = readCsv(tempFile);
        boolean fahrenheit;
        if (temps.valueColumn.equalsIgnoreCase("tempF")) {
            fahrenheit = true;
        } else if (temps.valueColumn.equalsIgnoreCase("tempC")) {
            fahrenheit = false;
        } else {
            throw new IllegalArgumentException(tempFile + ": temperature column must be tempF or tempC, got '"
                    + temps.valueColumn + "'");
        }
        List<DailyTemperatures.Hourly> hourly = new ArrayList<>(temps.times.size());
        for (int i = 0; i < temps.times.size(); i++) {
            double v = temps.values.get(i);
            hourly.add(new DailyTemperatures.Hourly(temps.times.get(i),
                    fahrenheit ? DailyTemperatures.fahrenheitToCelsius(v) : v));
        }
        TreeMap<LocalDate, Double> dailyTemp = DailyTemperatures.dailyMeans(hourly,
                DailyTemperatures.CALTRACK_MIN_HOUR_FRACTION);
        TreeMap<LocalDate, double[]> hoursByDay = DailyTemperatures.hourlyByDay(hourly);
        Map<LocalDate, DailyObservation> byDay = new TreeMap<>();
        for (int i = 0; i < meter.times.size(); i++) {
            LocalDate d = meter.times.get(i).toLocalDate();
            double usage = meter.values.get(i);
            if (byDay.put(d, new DailyObservation(d, usage, dailyTemp.getOrDefault(d, Double.NaN),
                    hoursByDay.get(d))) != null) {
                throw new IllegalArgumentException(meterFile + ": two readings for " + d
                        + " (not a daily series)");
            }
        }
        List<DailyObservation> days = new ArrayList<>(byDay.values());

        Map<String, Object> doc = evaluate(days, method, s, sampleName, blackoutStart, blackoutEnd, trueBaseline,
                trueReporting, fahrenheit, temps.valueColumn);
        if (doc.containsKey("estimated_savings_fraction")) {
            Map<String, Object> variants = new LinkedHashMap<>();
            for (DegreeDayMethod other : DegreeDayMethod.values()) {
                Map<String, Object> v = other == method.degreeDayMethod() ? doc
                        : evaluate(days, method.withDegreeDays(other), s, sampleName, blackoutStart, blackoutEnd,
                                trueBaseline, trueReporting, fahrenheit, temps.valueColumn);
                Map<String, Object> brief = new LinkedHashMap<>();
                for (String k : List.of("estimated_savings_fraction", "error", "criterion_met", "model",
                        "heating_balance_point", "cooling_balance_point", "cvrmse", "nmbe", "fsu_90")) {
                    brief.put(k, v.get(k));
                }
                variants.put(other.id(), brief);
            }
            doc.put("variants", variants);
        }
        doc.put("files", List.of(meterFile.getFileName().toString(), tempFile.getFileName().toString()));
        doc.put("daily_samples", daily);
        return doc;
    }

    private static Map<String, Object> evaluate(List<DailyObservation> days, CaltrackDaily method, JsonNode s,
                                                String sampleName, LocalDate blackoutStart, LocalDate blackoutEnd,
                                                double trueBaseline, double trueReporting, boolean fahrenheit,
                                                String temperatureColumn) {
        LocalDate baselineStart = blackoutStart.minusDays(PERIOD_DAYS);
        LocalDate reportingEnd = blackoutEnd.plusDays(PERIOD_DAYS);
        long tFit = System.nanoTime();
        BaselineOutcome outcome = method.fitBaseline(days, baselineStart, blackoutStart);
        double fitSeconds = (System.nanoTime() - tFit) / 1e9;
        DataSufficiency reportingSufficiency = method.sufficiency("reporting", days, blackoutEnd, reportingEnd);
        double trueFraction = 1 - trueReporting / trueBaseline;

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "eemeter");
        doc.put("sample", sampleName);
        doc.put("method", "CalTRACK daily (usage per day; intercept/hdd/cdd/hdd_cdd OLS candidates, adjusted R² "
                + "selection, slopes > 0 with p < " + method.maxPValue() + ")");
        doc.put("degree_days", method.degreeDayMethod().id());
        if (!outcome.fitted()) {
            doc.put("outcome", outcome.status());
            doc.put("message", outcome.message());
            doc.put("true_savings_fraction", round(trueFraction));
            doc.put("baseline_period", baselineStart + ".." + blackoutStart.minusDays(1));
            doc.put("baseline_days", outcome.sufficiency().validDays());
            return doc;
        }
        BaselineModel m = outcome.model();
        long tSav = System.nanoTime();
        SavingsEstimate sav = method.savings(m, days, blackoutEnd, reportingEnd);
        double savingsSeconds = (System.nanoTime() - tSav) / 1e9;
        String unit = fahrenheit ? "F" : "C";
        double error = sav.fraction() - trueFraction;

        doc.put("outcome", outcome.status());
        doc.put("estimated_savings_fraction", round(sav.fraction()));
        doc.put("true_savings_fraction", round(trueFraction));
        doc.put("error", round(error));
        doc.put("criterion", String.format(Locale.ROOT, "|estimated - true| <= %.3f", TOLERANCE));
        doc.put("criterion_met", Math.abs(error) <= TOLERANCE);
        doc.put("cvrmse", round(m.cvrmse()));
        doc.put("nmbe", round(m.nmbe()));
        doc.put("fsu_90", round(sav.fsu90()));
        doc.put("model", m.type().id());
        doc.put("heating_balance_point", inUnit(m.heatingBalancePointC(), fahrenheit));
        doc.put("cooling_balance_point", inUnit(m.coolingBalancePointC(), fahrenheit));
        doc.put("balance_point_unit", unit);
        doc.put("true_heating_balance_point", s.has("baseline_heating_balance_point")
                ? s.get("baseline_heating_balance_point").asDouble() : null);
        doc.put("true_cooling_balance_point", s.has("baseline_cooling_balance_point")
                ? s.get("baseline_cooling_balance_point").asDouble() : null);
        doc.put("baseline_days", m.n());
        doc.put("reporting_days", sav.reportingDays());
        doc.put("baseline_period", baselineStart + ".." + blackoutStart.minusDays(1));
        doc.put("reporting_period", blackoutEnd + ".." + reportingEnd.minusDays(1));
        doc.put("baseline_sufficiency", outcome.message());
        doc.put("reporting_sufficiency", reportingSufficiency.message());
        Map<String, Object> savings = new LinkedHashMap<>();
        savings.put("counterfactual", round(sav.counterfactual()));
        savings.put("metered", round(sav.metered()));
        savings.put("savings", round(sav.savings()));
        savings.put("half_width_90", round(sav.halfWidth90()));
        savings.put("lower_90", round(sav.lower90()));
        savings.put("upper_90", round(sav.upper90()));
        savings.put("fraction_lower_90", round(sav.fractionLower90()));
        savings.put("fraction_upper_90", round(sav.fractionUpper90()));
        savings.put("true_fraction_within_90", trueFraction >= sav.fractionLower90()
                && trueFraction <= sav.fractionUpper90());
        savings.put("unit", s.path("unit").asText(""));
        savings.put("true_annual_baseline_total", trueBaseline);
        savings.put("true_annual_reporting_total", trueReporting);
        doc.put("savings", savings);
        Map<String, Object> model = m.describe();
        model.put("heating_balance_point_f", fahrenheitOrNull(m.heatingBalancePointC()));
        model.put("cooling_balance_point_f", fahrenheitOrNull(m.coolingBalancePointC()));
        doc.put("baseline_model", model);
        List<Map<String, Object>> cands = new ArrayList<>();
        for (CandidateSummary c : outcome.candidates()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("model", c.type().id());
            cm.put("evaluated", c.evaluated());
            cm.put("qualified", c.qualified());
            cm.put("best_adjusted_r_squared", round(c.bestAdjustedRSquared()));
            cm.put("heating_balance_point", inUnit(c.heatingBalancePointC(), fahrenheit));
            cm.put("cooling_balance_point", inUnit(c.coolingBalancePointC(), fahrenheit));
            cands.add(cm);
        }
        doc.put("candidates", cands);
        doc.put("fsu_formula", "FSU = 1.26 * t(0.95, n-p) * CV(RMSE) * sqrt((n/n') * (1 + 2/n') * (1/m)) / F, "
                + "n' = n (1-rho)/(1+rho) (rho < 0 taken as 0), rho = lag-1 autocorrelation of baseline residuals, "
                + "n baseline days, p model parameters, m reporting days, F = savings/counterfactual "
                + "(ASHRAE Guideline 14-2014, Annex B)");
        doc.put("temperature", "daily mean of hourly " + temperatureColumn + " per local day, kept with >= 12 of 24 "
                + "hours (CalTRACK 50 %); degree days " + (method.degreeDayMethod() == DegreeDayMethod.DAILY
                ? "from the daily mean" : "as the mean of the day's hourly degree values")
                + "; balance points searched in °C over " + method.heatingBalancePointMinC()
                + ".." + method.heatingBalancePointMaxC() + " step " + method.balancePointStepC() + " (CalTRACK "
                + "30-90 °F)");
        doc.put("options", method.toMap());
        doc.put("fit_seconds", Math.round(fitSeconds * 1e4) / 1e4);
        doc.put("savings_seconds", Math.round(savingsSeconds * 1e6) / 1e6);
        return doc;
    }

    /** Daily samples of the metadata, each with whether its meter file is in the folder. */
    static Map<String, Boolean> dailySamples(Path dir, JsonNode meta) {
        Map<String, Boolean> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = meta.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("daily".equals(e.getValue().path("freq").asText())) {
                out.put(e.getKey(), locate(dir, e.getValue().path("meter_data_filename").asText(e.getKey())) != null);
            }
        }
        return out;
    }

    private static String describe(Map<String, Boolean> daily) {
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        daily.forEach((k, v) -> (v ? present : absent).add(k));
        return "present " + (present.isEmpty() ? "none" : String.join(", ", present)) + "; absent "
                + (absent.isEmpty() ? "none" : String.join(", ", absent));
    }

    /** The file as named, or without its .gz, or with .gz; null when none exists. */
    static Path locate(Path dir, String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            return null;
        }
        String base = plain(name);
        for (String candidate : List.of(name, base, base + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static String plain(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private static String text(JsonNode s, String field, String sampleName) {
        JsonNode v = s.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("sample '" + sampleName + "' has no " + field);
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode s, String field, String sampleName) {
        String v = text(s, field, sampleName);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sample '" + sampleName + "': " + field + " '" + v + "' is not a date");
        }
    }

    private static double number(JsonNode s, String field, String sampleName) {
        JsonNode v = s.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0)) {
            throw new IllegalArgumentException("sample '" + sampleName + "' has no positive number " + field);
        }
        return v.asDouble();
    }

    /** A two-column CSV: ISO timestamp with offset, number ("nan" or empty for missing). */
    record Csv(String valueColumn, List<OffsetDateTime> times, List<Double> values) {
    }

    static Csv readCsv(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            String[] h = header.replace("\uFEFF", "").trim().split(",", -1);
            if (h.length != 2) {
                throw new IllegalArgumentException(file + ": expected a header of 2 columns (time,value), got '"
                        + header + "'");
            }
            List<OffsetDateTime> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 2) {
                    throw new IllegalArgumentException(file.getFileName() + ":" + lineNo + ": expected 2 fields, got "
                            + f.length);
                }
                try {
                    times.add(OffsetDateTime.parse(f[0].trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(file.getFileName() + ":" + lineNo + ": bad timestamp '" + f[0]
                            + "' (ISO 8601 with offset expected)");
                }
                values.add(parseValue(f[1].trim(), file, lineNo));
            }
            return new Csv(h[1].trim(), times, values);
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(file + " is not a valid gzip file: " + e.getMessage());
        }
    }

    private static double parseValue(String v, Path file, int lineNo) {
        if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null") || v.equalsIgnoreCase("NA")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isInfinite(d)) {
                throw new NumberFormatException("infinite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file.getFileName() + ":" + lineNo + ": bad number '" + v + "'");
        }
    }

    private static Double inUnit(double celsius, boolean fahrenheit) {
        if (!Double.isFinite(celsius)) {
            return null;
        }
        return round(fahrenheit ? DailyTemperatures.celsiusToFahrenheit(celsius) : celsius);
    }

    private static Double fahrenheitOrNull(double celsius) {
        return Double.isFinite(celsius) ? round(DailyTemperatures.celsiusToFahrenheit(celsius)) : null;
    }

    /** Six decimals (balance points come out as 59.9 °F, not 59.900000000000006); null when not finite. */
    private static Double round(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double a = Math.abs(v);
        if (a != 0 && a < 1e-3) {
            return Double.parseDouble(String.format(Locale.ROOT, "%.6e", v));
        }
        return Math.round(v * 1e6) / 1e6;
    }
}

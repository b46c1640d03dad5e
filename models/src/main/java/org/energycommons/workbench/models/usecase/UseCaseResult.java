package org.energycommons.workbench.models.usecase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.energycommons.workbench.models.provenance.Json;

/**
 * The machine-readable result of a use case, written to {@code DIR/metrics/<uc>.json}: its models with their
 * test metrics, the best one, the declared criteria checked against the measured values, and the provenance.
 *
 * @param useCase use-case id
 * @param title title
 * @param bestModel the model selected on validation data
 * @param models one entry per model
 * @param criteria each declared criterion with its measured value and outcome
 * @param provenance run, data and code provenance
 * @param evaluations further named evaluations beside the split metrics (e.g. {@code rolling_origin_backtest}),
 *     as JSON-ready maps; empty when there are none
 */
public record UseCaseResult(String useCase, String title, String bestModel, List<ModelEntry> models,
                            List<Criterion.Result> criteria, Map<String, Object> provenance,
                            Map<String, Object> evaluations) {

    public UseCaseResult {
        evaluations = evaluations == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(evaluations));
    }

    /** A result without further evaluations. */
    public UseCaseResult(String useCase, String title, String bestModel, List<ModelEntry> models,
                         List<Criterion.Result> criteria, Map<String, Object> provenance) {
        this(useCase, title, bestModel, models, criteria, provenance, Map.of());
    }

    /** This result with one more named evaluation. */
    public UseCaseResult withEvaluation(String name, Map<String, Object> evaluation) {
        Map<String, Object> all = new LinkedHashMap<>(evaluations);
        all.put(name, evaluation);
        return new UseCaseResult(useCase, title, bestModel, models, criteria, provenance, all);
    }

    /**
     * One model of a use case.
     *
     * @param name model name, unique in the use case
     * @param engine the library that fitted it
     * @param modelId registry id; null when no model was trained (insufficient data)
     * @param evaluation its typed metrics on each evaluation set
     * @param notes method notes shown on the page (artifact path, interval method...)
     */
    public record ModelEntry(String name, String engine, String modelId, EvaluationSets evaluation,
                             Map<String, String> notes) {

        /** The published metrics of the set the criteria are judged on. */
        public Map<String, Object> metrics() {
            return evaluation.judgedMetrics().toMap();
        }

        /** The typed metrics the criteria are judged on. */
        public UseCaseMetrics judged() {
            return evaluation.judgedMetrics();
        }

        /** The published metrics of the validation set; empty when there is none. */
        public Map<String, Object> validationMetrics() {
            UseCaseMetrics m = evaluation.get(EvaluationSets.VALIDATION);
            return m == null ? Map.of() : m.toMap();
        }

        /** The published metrics of the training (or fitted) set; empty when there is none. */
        public Map<String, Object> trainMetrics() {
            UseCaseMetrics m = evaluation.get(EvaluationSets.TRAIN);
            if (m == null) {
                m = evaluation.get(EvaluationSets.FITTED);
            }
            return m == null ? Map.of() : m.toMap();
        }
    }

    /** Checks every criterion of the use case against the models' test metrics. */
    public static List<Criterion.Result> check(UseCase useCase, String bestModel, List<ModelEntry> models) {
        List<Criterion.Result> results = new ArrayList<>();
        for (Criterion c : useCase.criteria()) {
            String modelName = c.model().equals(Criterion.BEST) ? bestModel : c.model();
            double value = models.stream().filter(m -> m.name().equals(modelName)).findFirst()
                    .map(m -> m.judged().value(c.metric()))
                    .orElse(Double.NaN);
            results.add(c.evaluate(modelName, value));
        }
        return results;
    }

    /** The interval of a model's judged metric, or null when it has none. */
    public MetricInterval interval(String modelName, String metric) {
        return models.stream().filter(m -> m.name().equals(modelName)).findFirst()
                .map(m -> m.evaluation().judgedIntervals().get(metric))
                .orElse(null);
    }

    /**
     * What a reader should know about the samples behind the criteria: each judged metric without an interval,
     * and each resting on fewer than {@link MetricInterval#MIN_ITEMS} items; empty when every headline is sound.
     */
    public List<String> sampleWarnings() {
        List<String> warnings = new ArrayList<>();
        for (Criterion.Result r : criteria) {
            MetricInterval i = interval(r.model(), r.metric());
            if (i == null) {
                warnings.add(r.metric() + " of " + r.model() + " has no interval");
            } else if (i.smallSample()) {
                warnings.add(r.metric() + " of " + r.model() + " rests on " + i.n() + " " + i.unit()
                        + (i.n() == 1 ? "" : "s") + " (< " + MetricInterval.MIN_ITEMS + ")");
            }
        }
        return warnings;
    }

    /** Whether every criterion is met. */
    public boolean allCriteriaMet() {
        return criteria.stream().allMatch(Criterion.Result::met);
    }

    /** The JSON document, with snake_case keys as published. */
    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("use_case", useCase);
        doc.put("title", title);
        doc.put("best_model", bestModel);
        List<Map<String, Object>> ms = new ArrayList<>();
        for (ModelEntry m : models) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("engine", m.engine());
            e.put("model_id", m.modelId());
            e.put("metrics_set", m.evaluation().judged());
            m.evaluation().sets().forEach((set, metrics) -> {
                boolean judged = set.equals(m.evaluation().judged());
                e.put(judged ? "metrics" : set + "_metrics", metrics.toMap());
                Map<String, MetricInterval> intervals = m.evaluation().intervals(set);
                if (!intervals.isEmpty()) {
                    Map<String, Object> published = new LinkedHashMap<>();
                    intervals.forEach((name, interval) -> published.put(name, interval.toMap()));
                    e.put(judged ? "intervals" : set + "_intervals", published);
                }
            });
            e.put("notes", m.notes());
            ms.add(e);
        }
        doc.put("models", ms);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Criterion.Result r : criteria) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("metric", r.metric());
            e.put("model", r.model());
            e.put("operator", r.operator());
            e.put("target", r.target());
            e.put("value", Json.finiteOrNull(r.value()));
            e.put("met", r.met());
            MetricInterval interval = interval(r.model(), r.metric());
            if (interval != null) {
                e.put("interval", interval.toMap());
            }
            cs.add(e);
        }
        doc.put("criteria", cs);
        if (!evaluations.isEmpty()) {
            doc.put("evaluations", evaluations);
        }
        doc.put("provenance", provenance);
        return Json.write(doc);
    }

    /** Reads a document written by {@link #toJson()}, with the metrics as published maps. */
    public static UseCaseResult fromJson(String json) {
        return fromJson(json, MapMetrics::new);
    }

    /**
     * Reads a document written by {@link #toJson()}, turning each published metric set back into the use case's
     * typed record.
     */
    @SuppressWarnings("unchecked")
    public static UseCaseResult fromJson(String json, Function<Map<String, Object>, ? extends UseCaseMetrics> reader) {
        Map<String, Object> doc = Json.read(json, Map.class);
        List<ModelEntry> models = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) doc.get("models")) {
            String judged = (String) m.getOrDefault("metrics_set", EvaluationSets.TEST);
            Map<String, UseCaseMetrics> sets = new LinkedHashMap<>();
            Map<String, Map<String, MetricInterval>> intervals = new LinkedHashMap<>();
            m.forEach((key, value) -> {
                if (key.equals("metrics")) {
                    sets.put(judged, reader.apply((Map<String, Object>) value));
                } else if (key.endsWith("_metrics") && value instanceof Map<?, ?> v && !v.isEmpty()) {
                    sets.put(key.substring(0, key.length() - "_metrics".length()),
                            reader.apply((Map<String, Object>) v));
                } else if (key.equals("intervals") || key.endsWith("_intervals")) {
                    String set = key.equals("intervals") ? judged
                            : key.substring(0, key.length() - "_intervals".length());
                    Map<String, MetricInterval> read = new LinkedHashMap<>();
                    ((Map<String, Map<String, Object>>) value).forEach((name, i) ->
                            read.put(name, MetricInterval.fromMap(i)));
                    intervals.put(set, read);
                }
            });
            models.add(new ModelEntry((String) m.get("name"), (String) m.get("engine"), (String) m.get("model_id"),
                    new EvaluationSets(judged, sets, intervals), (Map<String, String>) m.get("notes")));
        }
        List<Criterion.Result> criteria = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("criteria")) {
            Object value = c.get("value");
            criteria.add(new Criterion.Result((String) c.get("metric"), (String) c.get("model"),
                    (String) c.get("operator"), ((Number) c.get("target")).doubleValue(),
                    value == null ? Double.NaN : ((Number) value).doubleValue(), (Boolean) c.get("met")));
        }
        return new UseCaseResult((String) doc.get("use_case"), (String) doc.get("title"),
                (String) doc.get("best_model"), models, criteria, (Map<String, Object>) doc.get("provenance"),
                (Map<String, Object>) doc.getOrDefault("evaluations", Map.of()));
    }
}

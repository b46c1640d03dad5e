package org.energycommons.workbench.jobs.hackathon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.models.uc5.Uc5Tables;

/**
 * {@code uc5-dpe-class}: the DPE class (A–G) of dwellings from their registry attributes and metered use. The
 * training rows are the certified dwellings, labelled with their certificate's class. In a generated region the
 * test rows are the dwellings without a certificate and the key is their true class from the truth layer; from
 * real data, a seeded share of the certified dwellings is held out and the key is their certificate's class.
 * Baseline: the most frequent training class of the dwelling's construction period.
 */
public final class DpeClassTask implements HackathonTask {

    /** The task id. */
    public static final String ID = "uc5-dpe-class";
    /** The classes a submission may give. */
    public static final List<String> CLASSES = List.of("A", "B", "C", "D", "E", "F", "G");
    /** Last construction year of each period of the baseline (the last period is open). */
    static final int[] PERIOD_ENDS = {1948, 1974, 1988, 2000, 2012};

    static final List<String> INPUTS = List.of("id", "commune_code", "climate_zone", "heating_energy",
            "envelope", "envelope_index", "construction_year", "surface_m2", "subscribed_kva", "hdd_reference",
            "small_surface_rule", "electricity_primary_factor", "reference_date", "works_date", "metered_days",
            "metered_gas_days", "elec_kwh_m2", "elec_base_kwh_m2", "elec_slope_wh_m2_dd", "gas_kwh_m2",
            "gas_slope_wh_m2_dd", "metered_pe_kwh_m2", "metered_ghg_kg_m2", "conventional_need_kwh_m2",
            "conventional_pe_kwh_m2", "conventional_ghg_kg_m2", "offpeak_block_kwh_m2");
    static final List<String> TRAIN_ONLY = List.of("certificate_pe_kwh_m2", "certificate_ghg_kg_m2", "dpe_class");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String useCase() {
        return "uc5";
    }

    @Override
    public Text title() {
        return new Text("Classe DPE des logements sans diagnostic", "DPE class of dwellings without a certificate");
    }

    @Override
    public Text question() {
        return new Text("Quelle est la classe DPE (A à G) des logements qui n'ont pas de diagnostic, d'après le "
                + "registre des bâtiments et leurs consommations relevées ?", "What is the DPE class (A to G) of the "
                + "dwellings without an energy performance certificate, from the building registry and their "
                + "metered use?");
    }

    @Override
    public boolean perMeter() {
        return true;
    }

    @Override
    public boolean forecast() {
        return false;
    }

    @Override
    public List<Source> sources(boolean synthetic) {
        // The lake's columns of the inputs (all but the pack's id), its key, and the certificate's.
        List<String> read = new ArrayList<>(INPUTS.subList(1, INPUTS.size()));
        read.addAll(0, List.of("building_id", "certified", "certificate_class"));
        read.addAll(List.of("certificate_pe_kwh_m2", "certificate_ghg_kg_m2"));
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(Uc5Tables.FEATURES, read, false));
        if (synthetic) {
            sources.add(Source.of(Tables.TRUTH_DPE, "building_id", "true_class"));
        }
        return sources;
    }

    @Override
    public Metric metric() {
        return Metric.MACRO_F1;
    }

    @Override
    public Field target() {
        return Fields.of("dpe_class");
    }

    @Override
    public String baselineName() {
        return "majority_class_by_construction_period";
    }

    @Override
    public List<Text> rules() {
        return List.of(new Text("La classe de dpe_class dans train.csv est celle du certificat (mesurée avec son "
                + "bruit) ; la clé est la classe vraie quand la région est synthétique.", "The class in train.csv's "
                + "dpe_class is the certificate's (measured, with its noise); the key is the true class when the "
                + "region is synthetic."));
    }

    @Override
    public BuiltTask build(TaskInputs in) {
        Frame f = in.table(Uc5Tables.FEATURES);
        boolean fromTruth = in.synthetic() && in.has(Tables.TRUTH_DPE);
        Map<String, String> trueClass = new TreeMap<>();
        if (fromTruth) {
            Frame t = in.table(Tables.TRUTH_DPE);
            t.rows().forEach(r -> trueClass.put(t.str(r, "building_id"), t.str(r, "true_class")));
        }
        Set<String> dwellings = new TreeSet<>();
        Set<String> certified = new TreeSet<>();
        for (Object[] r : f.rows()) {
            String id = f.str(r, "building_id");
            String certificate = f.str(r, "certificate_class");
            boolean hasCertificate = certificate != null && CLASSES.contains(certificate);
            if (hasCertificate) {
                certified.add(id);
            }
            if (hasCertificate || (fromTruth && CLASSES.contains(trueClass.get(id)))) {
                dwellings.add(id);
            }
        }
        Map<String, String> codes = Seeds.codes(dwellings, in.seed(), ID, "D");
        Set<String> heldOut = fromTruth ? Set.of() : Seeds.testEntities(certified, in.seed(), ID,
                "certified dwellings");

        List<String> trainCols = new ArrayList<>(INPUTS);
        trainCols.addAll(TRAIN_ONLY);
        Frame train = Frame.of(trainCols);
        Frame test = Frame.of(INPUTS);
        Frame answer = new Frame(submission());
        for (Object[] r : f.rows()) {
            String dwelling = f.str(r, "building_id");
            String code = codes.get(dwelling);
            if (code == null) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (String c : INPUTS) {
                values.add(switch (c) {
                    case "id" -> code;
                    default -> f.get(r, c);
                });
            }
            boolean isTest = fromTruth ? !certified.contains(dwelling) : heldOut.contains(dwelling);
            if (isTest) {
                test.add(values.toArray());
                answer.add(code, fromTruth ? trueClass.get(dwelling) : f.str(r, "certificate_class"));
            } else {
                values.add(f.get(r, "certificate_pe_kwh_m2"));
                values.add(f.get(r, "certificate_ghg_kg_m2"));
                values.add(f.str(r, "certificate_class"));
                train.add(values.toArray());
            }
        }
        train.sortBy("id");
        test.sortBy("id");
        answer.sortBy("id");

        Map<String, String> majority = majorityByPeriod(train);
        Frame baseline = new Frame(submission());
        for (Object[] r : test.rows()) {
            String p = period(test.num(r, "construction_year"));
            baseline.add(test.str(r, "id"), majority.getOrDefault(p, majority.get("all")));
        }
        Text splitText = fromTruth
                ? new Text(String.format("Entraînement : les %d logements certifiés ; test : les %d logements sans "
                        + "certificat, classe vraie de la couche de vérité.", train.size(), test.size()),
                String.format("Training: the %d certified dwellings; test: the %d dwellings without a certificate, "
                        + "true class from the truth layer.", train.size(), test.size()))
                : new Text(String.format("Données réelles : %d logements certifiés pour l'entraînement, %d mis de "
                        + "côté pour le test (tirés de la graine), clé = classe de leur certificat.", train.size(),
                        test.size()), String.format("Real data: %d certified dwellings to train on, %d held out for "
                        + "the test (drawn from the seed), key = their certificate's class.", train.size(),
                        test.size()));
        Text base = new Text("La classe la plus fréquente de train.csv dans la période de construction du logement "
                + "(≤ 1948, 1949–1974, 1975–1988, 1989–2000, 2001–2012, ≥ 2013 ; à égalité la meilleure classe ; "
                + "période vide ou année inconnue : la classe la plus fréquente de tout train.csv).",
                "The most frequent class of train.csv in the dwelling's construction period (≤ 1948, 1949–1974, "
                + "1975–1988, 1989–2000, 2001–2012, ≥ 2013; ties go to the better class; an empty period or an "
                + "unknown year: the most frequent class of all train.csv).");
        Map<String, Object> classes = new LinkedHashMap<>(majority);
        return new BuiltTask(train, test, answer, baseline, Map.of(), splitText, base, BuiltTask.ordered(
                "key", fromTruth ? "true_class" : "certificate_class",
                "dwellings", dwellings.size(),
                "baseline_class_by_period", classes));
    }

    /** The construction period of a year ({@code ≤1948} ... {@code ≥2013}), or {@code unknown}. */
    static String period(double year) {
        if (Double.isNaN(year)) {
            return "unknown";
        }
        int previous = Integer.MIN_VALUE;
        for (int end : PERIOD_ENDS) {
            if (year <= end) {
                return previous == Integer.MIN_VALUE ? "≤" + end : (previous + 1) + "–" + end;
            }
            previous = end;
        }
        return "≥" + (previous + 1);
    }

    /** The most frequent class of each period of the training rows, and of all of them under {@code all}. */
    static Map<String, String> majorityByPeriod(Frame train) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Object[] r : train.rows()) {
            String c = train.str(r, "dpe_class");
            counts.computeIfAbsent(period(train.num(r, "construction_year")), k -> new TreeMap<>()).merge(c, 1,
                    Integer::sum);
            counts.computeIfAbsent("all", k -> new TreeMap<>()).merge(c, 1, Integer::sum);
        }
        Map<String, String> majority = new TreeMap<>();
        counts.forEach((p, byClass) -> {
            String best = null;
            for (Map.Entry<String, Integer> e : byClass.entrySet()) {
                // Classes in A..G order: a strict > keeps the better class on a tie.
                if (best == null || e.getValue() > byClass.get(best)) {
                    best = e.getKey();
                }
            }
            majority.put(p, best);
        });
        majority.putIfAbsent("all", "D");
        return majority;
    }
}

package org.energycommons.workbench.models.uc6;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The degree-day regression baseline of uc6: for each area and horizon, an ordinary least squares fit
 * {@code demand = a + b·max(0, base − Te)} on the forecast effective temperature {@code te_fc_c} of the target day,
 * with the base (the area's balance point) searched on a grid of {@value #BASE_MIN_C}..{@value #BASE_MAX_C} °C by
 * {@value #BASE_STEP_C} °C for the least squared error on training rows, as CalTRACK does for buildings. One fit per
 * horizon absorbs the shrinking of the fitted slope when the forecast temperature gets noisier.
 */
public final class DegreeDayModel extends CalibratedGasModel {

    /** Type and model name. */
    public static final String TYPE = "degree-day";
    /** Lowest base searched, °C. */
    public static final double BASE_MIN_C = 10.0;
    /** Highest base searched, °C. */
    public static final double BASE_MAX_C = 20.0;
    /** Step of the base grid, °C. */
    public static final double BASE_STEP_C = 0.5;
    /** Fewest training rows of an area and horizon for a fit. */
    public static final int MIN_ROWS = 7;

    /**
     * One area-horizon fit.
     *
     * @param baseC the balance point, °C
     * @param intercept demand at or above the balance point, kWh/day
     * @param slope demand per heating degree, kWh/day/°C (≥ 0)
     */
    public record Fit(double baseC, double intercept, double slope) implements Serializable {

        /** The demand at an effective temperature. */
        public double predict(double teC) {
            return intercept + slope * Math.max(0, baseC - teC);
        }
    }

    private final Map<String, Fit> fits;

    DegreeDayModel(ModelProvenance provenance, Map<String, Fit> fits, HorizonIntervals intervals) {
        super(provenance, intervals);
        this.fits = Map.copyOf(fits);
    }

    /** The key of an area-horizon fit. */
    static String key(String areaId, int horizon) {
        return areaId + "|" + horizon;
    }

    /** Fits every area and horizon of the training rows; the provenance records the fit. */
    public static DegreeDayModel fit(List<GasRow> train, Uc6TrainingContext ctx) {
        Map<String, List<GasRow>> groups = new TreeMap<>();
        for (GasRow r : train) {
            groups.computeIfAbsent(key(r.areaId(), r.horizon()), k -> new ArrayList<>()).add(r);
        }
        Map<String, Fit> fits = new LinkedHashMap<>();
        groups.forEach((k, rows) -> {
            if (rows.size() >= MIN_ROWS) {
                double[] te = rows.stream().mapToDouble(r -> r.feature("te_fc_c")).toArray();
                double[] y = rows.stream().mapToDouble(GasRow::actualKwh).toArray();
                fits.put(k, fitOne(te, y));
            }
        });
        Map<String, String> params = new LinkedHashMap<>();
        params.put("regressor", "max(0, base - te_fc_c)");
        params.put("base_grid_c", BASE_MIN_C + ".." + BASE_MAX_C + " step " + BASE_STEP_C);
        params.put("fits", "one per area and horizon");
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "baseline",
                "OLS on heating degrees of the effective temperature, balance point by grid search", params,
                ctx.seed(), ctx.inputTables(), List.of("te_fc_c", "horizon", "area_id"), Uc6Features.LABEL,
                ctx.split(), ctx.trainingRows(), ctx.trainingFingerprint());
        return new DegreeDayModel(provenance, fits, null);
    }

    /**
     * The least-squares fit of {@code y = a + b·max(0, base − te)} with the best base of the grid; a negative
     * slope, or no heating degrees at all, gives the mean ({@code b = 0}).
     */
    public static Fit fitOne(double[] te, double[] y) {
        if (te.length != y.length || te.length == 0) {
            throw new IllegalArgumentException("degree-day fit needs as many temperatures as demands, at least one");
        }
        double meanY = 0;
        for (double v : y) {
            meanY += v;
        }
        meanY /= y.length;
        Fit best = new Fit(BASE_MAX_C, meanY, 0);
        double bestSse = sse(best, te, y);
        int steps = (int) Math.round((BASE_MAX_C - BASE_MIN_C) / BASE_STEP_C);
        for (int s = 0; s <= steps; s++) {
            double base = BASE_MIN_C + s * BASE_STEP_C;
            double mx = 0;
            for (double t : te) {
                mx += Math.max(0, base - t);
            }
            mx /= te.length;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < te.length; i++) {
                double dx = Math.max(0, base - te[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (y[i] - meanY);
            }
            if (sxx <= 0) {
                continue;
            }
            double slope = sxy / sxx;
            if (slope <= 0) {
                continue;
            }
            Fit candidate = new Fit(base, meanY - slope * mx, slope);
            double candidateSse = sse(candidate, te, y);
            if (candidateSse < bestSse - 1e-9 * Math.abs(bestSse)) {
                best = candidate;
                bestSse = candidateSse;
            }
        }
        return best;
    }

    private static double sse(Fit f, double[] te, double[] y) {
        double s = 0;
        for (int i = 0; i < te.length; i++) {
            double e = y[i] - f.predict(te[i]);
            s += e * e;
        }
        return s;
    }

    /** The fits by {@code area|horizon}. */
    public Map<String, Fit> fits() {
        return fits;
    }

    @Override
    public DegreeDayModel withIntervals(HorizonIntervals intervals) {
        return new DegreeDayModel(provenance(), fits, intervals);
    }

    @Override
    public GasScorer scorer() {
        Map<String, Fit> own = new LinkedHashMap<>(fits);
        int te = Uc6Features.FEATURES.indexOf("te_fc_c");
        return rows -> {
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                GasRow r = rows.get(i);
                Fit f = own.get(key(r.areaId(), r.horizon()));
                out[i] = f == null ? Double.NaN : Math.max(0, f.predict(r.features()[te]));
            }
            return out;
        };
    }

    @Override
    public Method method() {
        return new Method("régression sur les degrés-jours de la température efficace prévue, une droite par zone "
                + "et horizon, point d'équilibre cherché de " + BASE_MIN_C + " à " + BASE_MAX_C + " °C",
                "degree-day regression on the forecast effective temperature, one line per area and "
                + "horizon, balance point searched from " + BASE_MIN_C + " to " + BASE_MAX_C + " °C");
    }

    @Override
    public void save(String dir, LakeFiles files) {
        Map<String, String> settings = new TreeMap<>();
        fits.forEach((k, f) -> settings.put(k, String.format(Locale.ROOT, "%.17g,%.17g,%.17g", f.baseC(),
                f.intercept(), f.slope())));
        files.writeString(dir + "/" + Uc6ModelFile.NAME, Json.write(new Uc6ModelFile(TYPE, provenance(), intervals(),
                settings)));
    }

    static DegreeDayModel load(Uc6ModelFile file) {
        Map<String, Fit> fits = new LinkedHashMap<>();
        file.settings().forEach((k, v) -> {
            String[] p = v.split(",");
            fits.put(k, new Fit(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])));
        });
        return new DegreeDayModel(file.provenance(), fits, file.intervals());
    }
}

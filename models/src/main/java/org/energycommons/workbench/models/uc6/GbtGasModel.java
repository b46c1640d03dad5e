package org.energycommons.workbench.models.uc6;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.SerializedModels;
import org.energycommons.workbench.models.forecast.SmileBoosting;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.GradientTreeBoost;

/**
 * One Smile gradient tree boosting model (least squares) shared by all areas and horizons, learning the logarithm
 * of the demand as a share of the area's capacity ({@link Uc6Features#LOAD_FACTOR}) from the forecast
 * temperatures, the effective temperature, degree days, the demand observed up to the issue day and the calendar:
 * a global model that serves an area with little history through what it learned on the others. The logarithm
 * makes the squared loss a loss on relative errors, so that summer days (a few percent of the winter demand)
 * weigh as much as winter days, as they do in the MAPE. P50 = exp(prediction) × capacity.
 */
public final class GbtGasModel extends CalibratedGasModel {

    /** Type and model name. */
    public static final String TYPE = "gbt-smile";
    /** Smallest node of a tree. */
    public static final int NODE_SIZE = 5;
    /** Floor of the demand before its logarithm, kWh/day: a day without demand counts as 1 kWh. */
    public static final double MIN_DEMAND_KWH = 1.0;
    private static final String MODEL_FILE = "smile-gbt.ser";

    private final GradientTreeBoost model;

    GbtGasModel(ModelProvenance provenance, GradientTreeBoost model, HorizonIntervals intervals) {
        super(provenance, intervals);
        this.model = model;
    }

    /** Fits on training rows. */
    public static GbtGasModel fit(List<GasRow> train, Uc6TrainingContext ctx, Uc6Options options) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training rows for the uc6 boosted trees");
        }
        int p = Uc6Features.FEATURES.size();
        double[][] x = new double[train.size()][p + 1];
        for (int i = 0; i < train.size(); i++) {
            GasRow r = train.get(i);
            System.arraycopy(r.features(), 0, x[i], 0, p);
            x[i][p] = Math.log(Math.max(r.actualKwh(), MIN_DEMAND_KWH) / r.capacityKwh());
        }
        DataFrame data = DataFrame.of(x, names());
        // Smile draws its subsamples from a global generator: seed it for reproducible trees.
        smile.math.MathEx.setSeed(options.seed());
        SmileBoosting boosting = new SmileBoosting(options.gbtTrees(), options.gbtDepth(), options.gbtMaxNodes(),
                NODE_SIZE, options.gbtShrinkage(), options.gbtSubsample());
        GradientTreeBoost model = boosting.fit(Formula.lhs(Uc6Features.LOAD_FACTOR), data, Loss.ls());
        Map<String, String> leading = new LinkedHashMap<>();
        leading.put("loss", "least squares");
        leading.put("target", "log(" + Uc6Features.LOAD_FACTOR + "), load_factor = gas_kwh / capacity_kwh_per_day");
        Map<String, String> params = boosting.params(leading);
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "smile",
                "GradientTreeBoost (least squares)", params, options.seed(), ctx.inputTables(),
                Uc6Features.FEATURES, Uc6Features.LOAD_FACTOR, ctx.split(), ctx.trainingRows(),
                ctx.trainingFingerprint());
        return new GbtGasModel(provenance, model, null);
    }

    private static String[] names() {
        String[] names = Arrays.copyOf(Uc6Features.FEATURES.toArray(String[]::new),
                Uc6Features.FEATURES.size() + 1);
        names[names.length - 1] = Uc6Features.LOAD_FACTOR;
        return names;
    }

    @Override
    public GbtGasModel withIntervals(HorizonIntervals intervals) {
        return new GbtGasModel(provenance(), model, intervals);
    }

    @Override
    public GasScorer scorer() {
        GradientTreeBoost trees = model;
        return rows -> {
            if (rows.isEmpty()) {
                return new double[0];
            }
            int p = Uc6Features.FEATURES.size();
            double[][] x = new double[rows.size()][p + 1];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i).features(), 0, x[i], 0, p);
            }
            double[] share = trees.predict(DataFrame.of(x, names()));
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.exp(share[i]) * rows.get(i).capacityKwh();
            }
            return out;
        };
    }

    @Override
    public Method method() {
        return new Method("arbres de décision boostés (Smile, moindres carrés) sur le logarithme de la part de la "
                + "capacité, toutes zones et horizons ensemble",
                "Smile gradient-boosted trees (least squares) on the log of the demand as a share of "
                + "capacity, one model for all areas and horizons");
    }

    @Override
    public void save(String dir, LakeFiles files) {
        SerializedModels.save(model, dir + "/" + MODEL_FILE, files, "Smile model");
        files.writeString(dir + "/" + Uc6ModelFile.NAME, Json.write(new Uc6ModelFile(TYPE, provenance(), intervals(),
                Map.of("artifact", MODEL_FILE))));
    }

    static GbtGasModel load(String dir, Uc6ModelFile file, LakeFiles files) {
        return new GbtGasModel(file.provenance(),
                SerializedModels.load(dir + "/" + MODEL_FILE, files, GradientTreeBoost.class, "Smile model"),
                file.intervals());
    }
}

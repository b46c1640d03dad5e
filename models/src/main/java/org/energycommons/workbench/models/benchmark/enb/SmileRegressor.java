package org.energycommons.workbench.models.benchmark.enb;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.DataFrameRegression;

/** A fitted Smile tree model together with the feature mapping it was trained on. */
final class SmileRegressor implements Regressor {

    private static final long serialVersionUID = 1L;

    /** Name of the target column in the Smile frames. */
    static final String LABEL = "y";

    private final FeatureSet features;
    private final DataFrameRegression model;
    private final String description;

    SmileRegressor(FeatureSet features, DataFrameRegression model, String description) {
        this.features = features;
        this.model = model;
        this.description = description;
    }

    /** The Smile model (for tests). */
    DataFrameRegression model() {
        return model;
    }

    @Override
    public double[] predict(double[][] rawX) {
        return model.predict(frame(features, rawX, new double[rawX.length]));
    }

    @Override
    public String describe() {
        return description;
    }

    /** A Smile frame of the mapped features plus the label column {@value #LABEL}. */
    static DataFrame frame(FeatureSet features, double[][] rawX, double[] y) {
        double[][] f = features.apply(rawX);
        int p = features.names().size();
        double[][] data = new double[f.length][p + 1];
        for (int i = 0; i < f.length; i++) {
            System.arraycopy(f[i], 0, data[i], 0, p);
            data[i][p] = y[i];
        }
        String[] names = new String[p + 1];
        for (int j = 0; j < p; j++) {
            names[j] = features.names().get(j);
        }
        names[p] = LABEL;
        return DataFrame.of(data, names);
    }

    /** The formula: the label against every other column. */
    static Formula formula() {
        return Formula.lhs(LABEL);
    }
}

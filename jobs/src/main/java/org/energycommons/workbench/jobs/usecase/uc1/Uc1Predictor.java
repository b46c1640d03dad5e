package org.energycommons.workbench.jobs.usecase.uc1;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.models.uc1.SegmentModel;
import org.energycommons.workbench.models.uc1.Uc1Features;
import org.energycommons.workbench.models.uc1.Uc1ModelStore;
import org.energycommons.workbench.models.uc1.Uc1Tables;

/**
 * A uc1 segmentation reloaded: the cluster of each meter's load shape. The cluster is the model's own label; the
 * published segment numbers rank the clusters by size on the fitted meters.
 */
record Uc1Predictor(SegmentModel model) implements Predictor {

    static Uc1Predictor load(String dir, LakeFiles files) {
        return new Uc1Predictor(Uc1ModelStore.load(dir, files));
    }

    @Override
    public TableId features() {
        return Uc1Tables.FEATURES;
    }

    @Override
    public List<String> predictionColumns() {
        return List.of("cluster");
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        // A meter excluded from the features (too few days, no consumption) keeps its reason and no cluster.
        return Predictor.appendOnDriver(features, features.collectAsList(),
                List.of(DataTypes.createStructField("cluster", DataTypes.IntegerType, true)),
                (i, r) -> new Object[] {r.isNullAt(r.fieldIndex(Uc1Features.EXCLUSION))
                        ? model.assign(model.space().point(r)) : null});
    }
}

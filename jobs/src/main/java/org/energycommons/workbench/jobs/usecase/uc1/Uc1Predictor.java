package org.energycommons.workbench.jobs.usecase.uc1;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

    /** Driver-side: one row per meter, a few hundred or thousand rows. */
    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        StructType out = features.schema().add("cluster", DataTypes.IntegerType, true);
        List<Row> rows = new ArrayList<>();
        for (Row r : features.collectAsList()) {
            // A meter excluded from the features (too few days, no consumption) keeps its reason and no cluster.
            boolean usable = r.isNullAt(r.fieldIndex(Uc1Features.EXCLUSION));
            Object[] values = new Object[r.size() + 1];
            for (int i = 0; i < r.size(); i++) {
                values[i] = r.get(i);
            }
            values[r.size()] = usable ? model.assign(model.space().point(r)) : null;
            rows.add(RowFactory.create(values));
        }
        return features.sparkSession().createDataFrame(rows, out).orderBy(col(features.columns()[0]));
    }
}

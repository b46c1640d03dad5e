package org.energycommons.workbench.reuse;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** The README's reuse example, kept here so that a test runs it as written. */
public class ReuseExample {

    public static void main(String[] args) {
        try (Workbench wb = Workbench.open(Path.of(args.length > 0 ? args[0] : "out"))) {
            System.out.println("open datasets: " + wb.datasets());
            String name = wb.datasets().get(0);
            Table table = wb.table(name);                               // a published dataset, as Tablesaw
            System.out.println(name + ", " + table.rowCount() + " rows:\n" + table.first(3).print());
            for (String uc : wb.models()) {                             // every use case's best model
                PublishedModel model = wb.model(uc);                     // reloaded, with its model card
                Table predictions = model.predict(wb.features(uc, 50)); // 50 feature rows -> predictions
                System.out.println(uc + ": " + model.algorithm() + " -> " + predictions.rowCount() + " rows with "
                        + model.predictionColumns());
            }
        }
    }
}

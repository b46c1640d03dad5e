package org.energycommons.workbench.datasets.ingest.connectors;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/**
 * A connector of this package whose catalogue entry, schema and key are fixed when it is made: they answer the
 * accessors of {@link SourceConnector}, the name being the catalogue entry's; subclasses parse.
 */
abstract class CataloguedConnector implements SourceConnector {

    private static final long serialVersionUID = 1L;

    private final SourceDescription description;
    private final StructType schema;
    private final List<String> key;

    CataloguedConnector(SourceDescription description, StructType schema, List<String> key) {
        this.description = description;
        this.schema = schema;
        this.key = List.copyOf(key);
    }

    @Override
    public final String name() {
        return description.name();
    }

    @Override
    public final SourceDescription description() {
        return description;
    }

    @Override
    public final StructType schema() {
        return schema;
    }

    @Override
    public final List<String> key() {
        return key;
    }

    /** A field of a schema. */
    static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** The catalogue columns of a schema, with units and descriptions in schema order. */
    static List<SourceDescription.Column> columns(StructType schema, String[][] unitsAndDescriptions) {
        List<SourceDescription.Column> out = new ArrayList<>();
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            out.add(new SourceDescription.Column(fields[i].name(), fields[i].dataType().simpleString(),
                    unitsAndDescriptions[i][0], unitsAndDescriptions[i][1]));
        }
        return out;
    }
}

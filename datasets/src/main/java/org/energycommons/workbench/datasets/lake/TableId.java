package org.energycommons.workbench.datasets.lake;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a Delta table in the lake: a layer and a snake_case name, e.g. {@code silver/load_curve}.
 *
 * @param layer the lake layer
 * @param name the table name, lower snake case
 */
public record TableId(Layer layer, String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public TableId {
        Objects.requireNonNull(layer, "layer");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table name must be lower snake case, got '" + name + "'");
        }
    }

    /** The path of the table relative to the lake root. */
    public String relativePath() {
        return layer.folder() + "/" + name;
    }

    @Override
    public String toString() {
        return relativePath();
    }
}

package org.energycommons.workbench.models.mv;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.energycommons.workbench.models.artifact.SerializedModels;

/** Java serialisation of the M&amp;V models with one-line errors naming what failed to load. */
final class ModelStreams {

    private ModelStreams() {
    }

    static void write(Serializable model, OutputStream out, String what) {
        SerializedModels.write(model, out, what);
    }

    static <T> T read(InputStream in, Class<T> type, String what) {
        return SerializedModels.read(in, type, what);
    }
}

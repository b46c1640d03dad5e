package org.energycommons.workbench.models.mv;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Java serialisation of the M&amp;V models with one-line errors naming what failed to load. */
final class ModelStreams {

    private ModelStreams() {
    }

    static void write(Object model, OutputStream out, String what) {
        try {
            ObjectOutputStream o = new ObjectOutputStream(out);
            o.writeObject(model);
            o.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the " + what + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(InputStream in, Class<T> type, String what) {
        try {
            Object o = new ObjectInputStream(in).readObject();
            if (!type.isInstance(o)) {
                throw new IllegalArgumentException("not a " + what + ": " + (o == null ? "null" : o.getClass().getName()));
            }
            return type.cast(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the " + what + ": " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot load the " + what + ": " + e.getMessage(), e);
        }
    }
}

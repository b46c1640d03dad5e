package org.energycommons.workbench.models.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.commons.lang3.SerializationException;
import org.apache.commons.lang3.SerializationUtils;
import org.energycommons.workbench.datasets.lake.LakeFiles;

/**
 * Java serialisation of trained models (commons-lang3 {@link SerializationUtils}) as bytes, streams or files beside
 * the lake ({@link LakeFiles}), with one-line errors naming what failed to save or load.
 */
public final class SerializedModels {

    private SerializedModels() {
    }

    /** The model's serialised bytes; {@code what} names it in an error. */
    public static byte[] toBytes(Serializable model, String what) {
        try {
            return SerializationUtils.serialize(model);
        } catch (SerializationException e) {
            throw new IllegalStateException("cannot serialise the " + what + ": " + rootMessage(e), e);
        }
    }

    /**
     * The object of {@code type} serialised in {@code bytes}.
     *
     * @throws IllegalArgumentException naming {@code what} when the bytes do not hold one
     */
    public static <T> T fromBytes(byte[] bytes, Class<T> type, String what) {
        Object o;
        try {
            o = SerializationUtils.deserialize(bytes);
        } catch (SerializationException e) {
            throw new IllegalArgumentException("cannot load the " + what + ": " + rootMessage(e), e);
        }
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException("not a " + what + ": " + (o == null ? "null" : o.getClass().getName()));
        }
        return type.cast(o);
    }

    /** Writes the model to {@code out}, left open. */
    public static void write(Serializable model, OutputStream out, String what) {
        try {
            out.write(toBytes(model, what));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the " + what + ": " + e.getMessage(), e);
        }
    }

    /** Reads an object of {@code type} written by {@link #write} from {@code in} (to its end). */
    public static <T> T read(InputStream in, Class<T> type, String what) {
        try {
            return fromBytes(in.readAllBytes(), type, what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the " + what + ": " + e.getMessage(), e);
        }
    }

    /** Saves the model as the file {@code path} (replacing it). */
    public static void save(Serializable model, String path, LakeFiles files, String what) {
        files.writeBytes(path, toBytes(model, what));
    }

    /**
     * Loads the object of {@code type} saved as the file {@code path}.
     *
     * @throws IllegalArgumentException naming {@code what} and the path when the file does not hold one
     */
    public static <T> T load(String path, LakeFiles files, Class<T> type, String what) {
        return fromBytes(files.readBytes(path), type, what + " at " + path);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

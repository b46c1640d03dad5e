package org.energycommons.workbench.models.benchmark.enb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fitted model: raw ENB2012 inputs (X1..X8 per row) to one target. Serializable, so it can be saved. */
public interface Regressor extends Serializable {

    /** Predictions for raw rows X1..X8. */
    double[] predict(double[][] rawX);

    /** What was fitted, for reports (e.g. the configuration a tuned model chose). */
    String describe();

    /** Java serialisation to bytes. */
    static byte[] toBytes(Regressor model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + model.describe(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads back what {@link #toBytes} wrote. */
    static Regressor fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Regressor) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a serialised model", e);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a serialised ENB2012 model: " + e.getMessage(), e);
        }
    }

    /** Saves a model to a file (Java serialisation). */
    static void save(Regressor model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(toBytes(model));
        }
    }

    /** Loads a model saved by {@link #save}. */
    static Regressor load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromBytes(in.readAllBytes());
        }
    }
}

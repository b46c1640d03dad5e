package org.energycommons.workbench.models.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of the Java serialisation of models. */
class SerializedModelsTest {

    @Test
    void bytesAndStreamsRoundTripAndAStreamIsLeftOpen() {
        ArrayList<double[]> model = new ArrayList<>(List.of(new double[] {1.5, -2.0}, new double[] {3.0}));
        @SuppressWarnings("unchecked")
        List<double[]> back = SerializedModels.fromBytes(SerializedModels.toBytes(model, "test model"), List.class,
                "test model");
        assertEquals(2, back.size());
        assertArrayEquals(model.get(0), back.get(0));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SerializedModels.write(model, out, "test model");
        out.write(7); // still open
        byte[] written = out.toByteArray();
        byte[] modelBytes = java.util.Arrays.copyOf(written, written.length - 1);
        assertArrayEquals(model.get(1), SerializedModels.read(new ByteArrayInputStream(modelBytes), List.class,
                "test model").get(1) instanceof double[] d ? d : null);
    }

    @Test
    void anotherTypeOrGarbageIsAOneLineErrorNamingWhatFailed() {
        byte[] text = SerializedModels.toBytes("not a model", "text");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> SerializedModels.fromBytes(text, List.class, "segment tree"));
        assertEquals("not a segment tree: java.lang.String", wrong.getMessage());
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
                () -> SerializedModels.fromBytes(new byte[] {1, 2, 3}, List.class, "segment tree"));
        assertTrue(garbage.getMessage().startsWith("cannot load the segment tree: "), garbage.getMessage());
        assertTrue(!garbage.getMessage().contains("\n"), garbage.getMessage());
    }
}

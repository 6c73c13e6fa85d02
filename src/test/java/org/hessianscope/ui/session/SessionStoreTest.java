package org.hessianscope.ui.session;

import org.hessianscope.ui.builder.BuilderViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SessionStoreTest {
    @TempDir
    Path tmp;

    @Test
    void aSessionReadsBackAsWritten() throws IOException {
        SessionStore store = new SessionStore(tmp.resolve("deep/session.json"));
        Session s = new Session(5, 4, 12, "max", 2, 3, "32", true, "fashion-mnist", 700, 3, 9L,
                List.of("/a/run", "/b/run"), true, "/data/full");
        store.write(s);
        assertEquals(s, store.read().orElseThrow());
    }

    @Test
    void aDamagedSessionIsAnErrorNamingTheFile() throws IOException {
        Path file = tmp.resolve("session.json");
        Files.writeString(file, "{\"layers\": 3, ");
        IOException e = assertThrows(IOException.class, () -> new SessionStore(file).read());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(new SessionStore(tmp.resolve("none.json")).read().isEmpty());
    }

    @Test
    void restoringClampsValuesOutsideTheSliders() {
        BuilderViewModel vm = new BuilderViewModel();
        Sessions.restore(new Session(12, 1, 100, "avg", 2, 1, "", false, "no-such-set", 50, 2, 1L, List.of(), false,
                null), vm);
        assertEquals(8, vm.layersProperty().get());
        assertEquals(2, vm.kernelProperty().get());
        assertEquals(64, vm.channelsProperty().get());
        assertEquals("avg", vm.poolProperty().get());
        assertEquals("mnist", vm.datasetProperty().get().key());
    }

    /** A handed-out session naming only runs and a tab: the builder keeps its values (it showed L=1, C=1, 2 records). */
    @Test
    void aSessionWithoutBuilderFieldsKeepsTheBuilder() throws IOException {
        Path file = tmp.resolve("handed-out.json");
        Files.writeString(file, "{\"runs\": [\"L2\"], \"tab\": \"landscape\"}");
        BuilderViewModel vm = new BuilderViewModel();
        int layers = vm.layersProperty().get(), kernel = vm.kernelProperty().get(), channels = vm.channelsProperty().get();
        int size = vm.trainSizeProperty().get(), epochs = vm.epochsProperty().get(), poolSize = vm.poolSizeProperty().get();
        Sessions.restore(new SessionStore(file).read().orElseThrow(), vm);
        assertEquals(layers, vm.layersProperty().get());
        assertEquals(kernel, vm.kernelProperty().get());
        assertEquals(channels, vm.channelsProperty().get());
        assertEquals(size, vm.trainSizeProperty().get());
        assertEquals(epochs, vm.epochsProperty().get());
        assertEquals(poolSize, vm.poolSizeProperty().get());
    }
}

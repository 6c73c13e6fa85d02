package org.hessianscope.ui;

import org.hessianscope.ui.session.SessionStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
public class DamagedSessionTest {
    @TempDir
    static Path tmp;
    GuiFixture gui;
    Path session;

    @Start
    void start(Stage stage) throws IOException {
        session = tmp.resolve("session.json");
        Files.writeString(session, "{\"layers\": 5, \"kernel\": [oops");
        gui = new GuiFixture(stage, tmp, session, List.of());
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    @Test
    void aDamagedSessionIsReportedAndTheWindowStillWorks(FxRobot robot) throws Exception {
        String message = robot.lookup("#message-bar-text").queryAs(Label.class).getText();
        assertTrue(message.contains("damaged") && message.contains(session.toString()), message);
        assertEquals(4, robot.lookup("#shape-table").queryAs(TableView.class).getItems().size(),
                "the builder starts from its defaults");
        gui.close();
        assertTrue(new SessionStore(session).read().isPresent(), "closing replaces the damaged session");
    }
}

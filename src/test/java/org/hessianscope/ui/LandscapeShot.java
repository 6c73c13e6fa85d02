package org.hessianscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Not a test: opens the window on a run, computes its landscape with the GUI's defaults in the
 * Landscape tab and writes a PNG of the window, printing how long the landscape took (wall time,
 * for the "ready in under 30 s" target). Run under a display (xvfb-run) for the 3D surface:
 * {@code java -cp ... org.hessianscope.ui.LandscapeShot\$Main RUN_DIR OUT.png 1600x1000 [directions]}.
 */
public final class LandscapeShot extends Application {
    @Override
    public void start(Stage stage) {
        List<String> a = getParameters().getRaw();
        Path out = Path.of(a.get(1));
        List<String> args = new ArrayList<>(List.of("--run", a.get(0), "--size", a.get(2),
                "--session", System.getProperty("java.io.tmpdir") + "/landscape-shot-session.json"));
        AppModel model = new AppModel(AppOptions.parse(args));
        Scene scene = new Scene(Windows.build(model).root(), model.options().width(), model.options().height());
        stage.setScene(scene);
        stage.show();
        model.start();
        long[] started = {0};
        int[] idle = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            if (model.busy() || model.runs().runs().isEmpty()) {
                idle[0] = 0;
                return;
            }
            if (started[0] == 0) {
                TabPane tabs = (TabPane) scene.lookup(".tab-pane");
                tabs.getSelectionModel().select(tabs.getTabs().stream()
                        .filter(t -> "landscape-tab".equals(t.getId())).findFirst().orElseThrow());
                if (a.size() > 3) {
                    model.landscape().directionsProperty().set(a.get(3));
                }
                model.landscape().compute();
                started[0] = System.nanoTime();
                return;
            }
            if (model.landscape().resultProperty().get() == null) {
                System.err.println(model.messages().textProperty().get());
                poll.stop();
                model.close();
                Platform.exit();
                return;
            }
            if (++idle[0] < 3) {
                return;
            }
            poll.stop();
            try {
                Screenshot.write(scene, out);
                System.out.printf("landscape ready in %.1f s; wrote %s%n", (System.nanoTime() - started[0]) / 1e9, out);
            } catch (Exception ex) {
                ex.printStackTrace();
            }
            model.close();
            Platform.exit();
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** The entry point; a main outside the Application class, so JavaFX on the class path starts. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(LandscapeShot.class, args);
        }
    }
}

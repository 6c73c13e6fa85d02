package org.hessianscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.hessianscope.ui.train.LessonViewModel;

/**
 * Not a test: opens the window, trains the builder's default network as a lesson (2 epochs on the
 * first 1000 records), steps one batch and then one epoch, and writes a PNG of the window once the
 * charts show the end of epoch 1. Prints the wall time from each command to charts brought up to
 * date (the step's training included). Run under a display:
 * {@code xvfb-run -a java -cp ... org.hessianscope.ui.LessonShot\$Main OUT.png 1280x720 RUNS_DIR}.
 */
public final class LessonShot extends Application {
    @Override
    public void start(Stage stage) {
        List<String> a = getParameters().getRaw();
        Path out = Path.of(a.get(0));
        AppModel model = new AppModel(AppOptions.parse(List.of("--size", a.get(1), "--runs-dir", a.get(2),
                "--sample-models", a.get(2) + "/no-samples",
                "--session", a.get(2) + "/lesson-shot-session.json")));
        Scene scene = new Scene(Windows.build(model).root(), model.options().width(), model.options().height());
        stage.setScene(scene);
        stage.show();
        model.start();
        model.builder().epochsProperty().set(2);
        LessonViewModel lesson = model.train().lesson();
        List<String> waits = List.of("charts show initial weights", "charts show epoch 1, batch 1/16 (step 1)",
                "charts show epoch 1, batch 16/16 (step 16)");
        List<Runnable> then = List.of(lesson::stepBatch, lesson::stepEpoch, () -> {
        });
        int[] at = {-1};
        long[] since = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(50), e -> {
            if (at[0] < 0) {
                lesson.modeProperty().set(true);
                model.train().train();
                at[0] = 0;
                since[0] = System.nanoTime();
                return;
            }
            if (!waits.get(at[0]).equals(lesson.shownProperty().get())) {
                return;
            }
            System.out.printf("%s after %.2f s%n", waits.get(at[0]), (System.nanoTime() - since[0]) / 1e9);
            then.get(at[0]).run();
            since[0] = System.nanoTime();
            if (++at[0] < waits.size()) {
                return;
            }
            poll.stop();
            // The left panel scrolls at 1280×720: show its bottom, where the lesson's buttons are.
            scene.getRoot().lookupAll(".scroll-pane").stream().map(n -> (javafx.scene.control.ScrollPane) n)
                    .filter(sp -> sp.getContent() != null && sp.getContent().lookup("#lesson-strip") != null)
                    .forEach(sp -> sp.setVvalue(sp.getVmax()));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            shootAndExit(scene, out, model);
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** Writes the PNG, stops the paused lesson and closes the window. */
    private static void shootAndExit(Scene scene, Path out, AppModel model) {
        try {
            Screenshot.write(scene, out);
            System.out.println("wrote " + out);
        } catch (Exception ex) {
            ex.printStackTrace();
        } finally {
            model.train().job().cancel();
            model.close();
            Platform.exit();
        }
    }

    /** Launches it: a main outside the Application class, so JavaFX on the class path starts. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(LessonShot.class, args);
        }
    }
}

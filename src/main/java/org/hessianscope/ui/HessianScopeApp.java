package org.hessianscope.ui;

import org.hessianscope.ui.common.Messages;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The desktop application. Options: {@code --screenshot FILE} renders the window once the
 * runs are loaded and analysed, writes a PNG and exits; {@code --run DIR} opens a run
 * folder; {@code --session FILE} opens a session file (one that exists is handed out and never
 * saved over on exit); {@code --runs-dir DIR} moves new runs.
 */
public final class HessianScopeApp extends Application {
    /** How often the screenshot mode checks whether loading and analysis have finished. */
    private static final Duration SCREENSHOT_POLL = Duration.millis(500);
    private AppModel model;

    @Override
    public void start(Stage stage) {
        AppOptions options;
        try {
            options = AppOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            Platform.exit();
            return;
        }
        model = new AppModel(options);
        Windows.Built built = Windows.build(model);
        // A screenshot renders the scene at the asked size whatever the screen; a window must fit its screen.
        WindowSize size = options.screenshot() != null ? new WindowSize(options.width(), options.height())
                : WindowSize.fit(options.width(), options.height(), javafx.stage.Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(built.root(), size.width(), size.height());
        long builtNs = System.nanoTime();
        stage.setTitle("HessianScope");
        stage.setScene(scene);
        stage.show();
        StartupTrace.attachIfAsked(scene, model, builtNs, System.nanoTime());
        model.start();
        if (options.screenshot() != null) {
            screenshotWhenIdle(scene, options.screenshot());
        }
    }

    /** Waits until no job runs or waits (checked twice in a row, so a queued job is not missed), then shoots. */
    private void screenshotWhenIdle(Scene scene, Path file) {
        // What a user waits for, from the JVM's start: the window, the full run list, every stored analysis
        // drawn (issue 17, defect 21; docs/gui.md's start-up measurement reads these lines).
        long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long shown = System.currentTimeMillis();
        long[] listed = {shown};
        long[] drawn = {shown};
        model.runs().runs().addListener((javafx.collections.ListChangeListener<org.hessianscope.ui.runs.RunItem>) c -> {
            long now = System.currentTimeMillis();
            while (c.next()) {
                if (c.wasAdded()) {
                    listed[0] = now;
                }
                if (c.wasAdded() || c.wasUpdated()) {
                    drawn[0] = now;
                }
            }
        });
        int[] idle = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(SCREENSHOT_POLL, e -> {
            idle[0] = model.busy() ? 0 : idle[0] + 1;
            if (idle[0] >= 2) {
                poll.stop();
                System.out.printf(java.util.Locale.ROOT,
                        "window shown after %.1f s; %d runs listed after %.1f s; their analyses drawn after %.1f s%n",
                        (shown - start) / 1e3, model.runs().runs().size(), (listed[0] - start) / 1e3,
                        (drawn[0] - start) / 1e3);
                try {
                    Screenshot.write(scene, file);
                    System.out.println("wrote " + file);
                } catch (Exception ex) {
                    System.err.println("error: could not write " + file + ": " + Messages.describe(ex));
                }
                Platform.exit();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}

package org.hessianscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.hessianscope.ui.builder.LayerRow;
import org.hessianscope.ui.explain.ExplainView;

/**
 * Not a test: the docs' picture of the drill-down. Opens the window with the sample models, sets the
 * builder to L=3, C=8, clicks conv2's row of the shape table, chooses channels (2, 3) in Explain and
 * writes a PNG of the window once the layer norms are shown:
 * {@code java -cp ... org.hessianscope.ui.DrillDownShot\$Main OUT.png 1280x720 [scale]}.
 */
public final class DrillDownShot extends Application {
    @Override
    public void start(Stage stage) {
        List<String> a = getParameters().getRaw();
        Path out = Path.of(a.get(0));
        String session = System.getProperty("java.io.tmpdir") + "/drilldown-shot-" + System.nanoTime() + ".json";
        AppModel model = new AppModel(AppOptions.parse(List.of("--size", a.get(1), "--session", session)));
        Windows.Built built = Windows.build(model);
        Scene scene = new Scene(built.root(), model.options().width(), model.options().height());
        stage.setScene(scene);
        stage.show();
        model.start();
        model.builder().layersProperty().set(3);
        model.builder().channelsProperty().set(8);
        model.builder().seedProperty().set(1);
        int[] step = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            ExplainView explain = (ExplainView) scene.lookup("#explain");
            if (step[0] == 0) {
                if (model.busy() || model.runs().runs().isEmpty()) {
                    return; // the sample models first: selecting a run shows that run in Explain
                }
                @SuppressWarnings("unchecked")
                TableRow<LayerRow> row = scene.getRoot().lookupAll(".table-row-cell").stream()
                        .map(n -> (TableRow<LayerRow>) n)
                        .filter(r -> r.getItem() != null && r.getItem().stage().equals("conv2")).findFirst().orElse(null);
                if (row == null) {
                    return;
                }
                row.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, MouseButton.PRIMARY, 1,
                        false, false, false, false, true, false, false, true, false, true, null));
                explain.model().outChannelProperty().set(2);
                explain.model().inChannelProperty().set(3);
                step[0] = 1;
                return;
            }
            if (model.busy() || explain.model().normsProperty().get().contains("computing") || ++step[0] < 6) {
                return;
            }
            poll.stop();
            try {
                Screenshot.write(scene, out);
                System.out.println("wrote " + out);
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
            Application.launch(DrillDownShot.class, args);
        }
    }
}

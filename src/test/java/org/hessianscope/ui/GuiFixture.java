package org.hessianscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.TinyRuns;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real window on a stage with temporary session and run folders and the embedded data only. */
public final class GuiFixture {
    /** Background jobs on a 2-core CI machine shared with other tests: generous, never part of an assertion. */
    public static final long JOB_SECONDS = 120;

    /** Light analysis settings: the tests check wiring, the analysis itself is tested in its package. */
    public static final AnalysisOptions ANALYSIS = AnalysisOptions.of(30, 0, AnalysisOptions.PAPER_ALPHA, 2)
            .withCurvature(50, 10, 3);

    public final AppModel model;
    public final Windows.Built built;

    public GuiFixture(Stage stage, Path tmp, Path session, List<Path> runs) {
        this(stage, tmp, session, runs, tmp.resolve("no-samples"));
    }

    public GuiFixture(Stage stage, Path tmp, Path session, List<Path> runs, Path sampleModels) {
        model = new AppModel(new AppOptions(null, runs, session, tmp.resolve("runs"), sampleModels),
                TinyRuns.embedded(tmp.resolve("no-data")), ANALYSIS);
        built = Windows.build(model);
        // Monocle's headless screen is 1280×800; a larger window overflows its frame buffer.
        stage.setScene(new Scene(built.root(), 1260, 780));
        stage.show();
        model.start();
    }

    static void await(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(JOB_SECONDS, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting for " + what);
        }
    }

    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get();
    }
}

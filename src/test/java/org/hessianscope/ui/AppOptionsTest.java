package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void sampleModelsAreFoundUnderTheInstallationWhenTheLauncherNamesIt() {
        assertEquals(Path.of("/opt/hessianscope/lib/app/sample-models"),
                AppOptions.defaultSampleModels("/opt/hessianscope/lib/app"));
    }

    @Test
    void sampleModelsFallBackToTheWorkingDirectoryInACheckout() {
        assertEquals(Path.of("sample-models"), AppOptions.defaultSampleModels(null));
        assertEquals(Path.of("sample-models"), AppOptions.defaultSampleModels(""));
    }

    @Test
    void anExplicitOptionWins() {
        assertEquals(Path.of("/tmp/models"),
                AppOptions.parse(List.of("--sample-models", "/tmp/models")).sampleModels());
    }

    @Test
    void theWindowSizeIsAnOptionAndNonsenseIsRefusedByName() {
        AppOptions o = AppOptions.parse(List.of("--size", "1280x720"));
        assertEquals(1280, o.width());
        assertEquals(720, o.height());
        assertEquals(AppOptions.DEFAULT_WIDTH, AppOptions.parse(List.of()).width());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--size", "12x7")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("--size 12x7 is not a window size"),
                e.getMessage());
    }
}

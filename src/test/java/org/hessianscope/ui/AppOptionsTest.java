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
}

package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hessianscope.Version;
import org.hessianscope.ui.explain.ExplainView;
import org.hessianscope.ui.help.Licences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Help menu (issue 17): the user guide, the shortcut list and About, opened from the real window. */
@ExtendWith(ApplicationExtension.class)
public class HelpWindowTest {
    @TempDir
    static Path tmp;
    GuiFixture gui;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    @Test
    void f1OpensTheGuideWithTheExplainTabsWordsAndTheShortcuts(FxRobot robot) throws Exception {
        robot.clickOn("#shape-table");
        robot.type(KeyCode.F1);
        String guide = robot.lookup("#help-guide").queryAs(TextArea.class).getText();
        assertTrue(guide.contains(ExplainView.TEXT), "the charts are explained in the Explain tab's words");
        assertTrue(guide.contains("Ctrl+↵") && guide.contains("Train the builder's network"), guide);
        assertTrue(guide.contains("Ctrl+4") && guide.contains("Show the Experiments tab"), guide);
        assertTrue(guide.contains("Charts: the four linked charts"), guide);
    }

    @Test
    void aboutNamesTheVersionAndEveryShippedLibraryWithItsLicence(FxRobot robot) {
        robot.clickOn("Help").clickOn("#menu-about");
        String about = robot.lookup("#help-about").queryAs(TextArea.class).getText();
        assertTrue(about.startsWith("HessianScope " + Version.get()), about);
        assertTrue(about.contains("org.controlsfx:controlsfx 11.2.4: BSD-3-Clause"), about);
        assertTrue(about.contains("org.jfree:org.jfree.svg 5.0.7: GPL-3.0"), about);
        assertTrue(about.contains("com.github.librepdf:openpdf 2.0.5: LGPL-2.1 or MPL-2.0"), about);
        // The PDF export embeds the figures' font from the jar: it is named with its licence (issue 17, defect 16).
        assertTrue(about.contains("DejaVu Sans and DejaVu Sans Bold (fonts, org/hessianscope/figure/fonts/) 2.37: "
                + "Bitstream Vera Fonts licence"), about);
    }

    /** licences.tsv must follow pom.xml: every library the build ships, at the version it ships. */
    @Test
    void theLicenceListMatchesThePom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Map<String, String> props = new HashMap<>();
        Matcher p = Pattern.compile("<(javafx\\.version|dl4j\\.version|javacpp\\.version|openblas\\.version)>(.*?)<")
                .matcher(pom);
        while (p.find()) {
            props.put(p.group(1), p.group(2));
        }
        Map<String, String> shipped = new HashMap<>();
        Matcher d = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        while (d.find()) {
            String dep = d.group(1);
            if (dep.contains("<scope>test</scope>")) {
                continue;
            }
            String g = tag(dep, "groupId");
            String a = tag(dep, "artifactId");
            String v = tag(dep, "version");
            for (int i = 0; i < 3 && v.contains("${"); i++) {
                for (var e : props.entrySet()) {
                    v = v.replace("${" + e.getKey() + "}", e.getValue());
                }
            }
            shipped.put(g + ":" + a, v);
        }
        Map<String, String> listed = new HashMap<>();
        Licences.all().forEach(l -> listed.put(l.artifact(), l.version()));
        assertEquals(shipped, listed);
        assertTrue(Licences.all().stream().noneMatch(l -> l.licence().isBlank()));
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">").matcher(xml);
        assertTrue(m.find(), name + " in " + xml);
        return m.group(1).trim();
    }
}

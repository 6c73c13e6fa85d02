package org.hessianscope.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J and its native libraries load only when interchange is used (issue 3): a fresh JVM that starts the
 * command line, which instantiates every subcommand (export-dl4j and import-dl4j included), loads no class of
 * DL4J, ND4J or JavaCPP. Checked from the JVM's own class-loading log.
 */
class Dl4jLoadsLazilyTest {

    @Test
    void startingTheCommandLineLoadsNoDl4jClass() throws IOException, InterruptedException {
        List<String> loaded = classesLoadedBy("--help");
        assertTrue(loaded.stream().anyMatch(c -> c.startsWith("org.hessianscope.cli.HessianScopeCli")),
                "the log must show the CLI's own classes, or this test checks nothing");
        List<String> dl4j = loaded.stream()
                .filter(c -> c.startsWith("org.nd4j.") || c.startsWith("org.deeplearning4j.") || c.startsWith("org.bytedeco."))
                .toList();
        assertEquals(List.of(), dl4j);
    }

    private static List<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xlog:class+load=info:stdout");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HessianScopeCli.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI did not exit");
        assertEquals(0, p.exitValue(), out);
        List<String> classes = new ArrayList<>();
        for (String line : out.split("\n")) {
            // e.g. "[0.012s][info][class,load] java.lang.Object source: shared objects file"
            int tag = line.indexOf("[class,load] ");
            if (tag >= 0) {
                String rest = line.substring(tag + "[class,load] ".length());
                int space = rest.indexOf(' ');
                classes.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return classes;
    }
}

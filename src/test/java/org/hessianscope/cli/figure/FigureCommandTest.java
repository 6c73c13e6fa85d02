package org.hessianscope.cli.figure;

import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class FigureCommandTest {
    static final int N = 400;

    @TempDir
    Path dir;

    private Path npy(String name, long seed, int n) throws Exception {
        Random rnd = new Random(seed);
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 0.2 * Math.exp(rnd.nextGaussian());
        }
        Path f = dir.resolve(name);
        Npy.write(NpyArray.of(new int[] {n}, l), f);
        return f;
    }

    private static Object[] run(String... args) {
        CommandLine cl = HessianScopeCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        return new Object[] {cl.execute(args), err.toString()};
    }

    @Test
    void lossdiffWritesAScaledPngAndCsvOfTheSameAnalysisOnOneSetOfOrderings() throws Exception {
        Path a = npy("a.npy", 1, N);
        Path b = npy("b.npy", 2, N);
        Path png = dir.resolve("fig.png");
        Path csv = dir.resolve("fig.csv");
        Object[] r = run("figure", "lossdiff", "--losses", a + "," + b, "--labels", "2,3", "--orderings", "30",
                "--seed", "4", "--paper-style", "--legend-title", "L (num of layers)", "--scale", "2",
                "--width", "300", "--height", "200", "--out", png.toString(), "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[1]);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        // The same comparison computed here independently of the command.
        List<LossDifferenceResult> expected = LossDifference.compare(List.of(Npy.read(a).data(), Npy.read(b).data()),
                LossDifferenceOptions.defaults().withOrderings(30).withSeed(4), ProgressMonitor.NONE);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int mean3 = header.indexOf("3: mean |ΔL|");
        assertTrue(mean3 > 0, header.toString());
        for (int k : new int[] {1, 150, N - 1}) {
            assertEquals(expected.get(1).meanAbs(k), Double.parseDouble(lines.get(k).split(",", -1)[mean3]));
        }
    }

    /**
     * Issue 21, chart 3 of a seeded sweep from its results folder: per network the mean and 95 %
     * interval of each level are summary.json's, read here as plain JSON. That summary predates the
     * Lemma 2 and measured levels' intervals; theirs are the t interval of the rows, computed here.
     */
    @Test
    void boundsOfASeededSweepDrawTheMeansAndIntervalsOfItsSummary() throws Exception {
        Path sweep = Path.of("docs", "findings", "mnist-layers-seeds-reduced");
        Path csv = dir.resolve("bounds.csv");
        Object[] r = run("figure", "bounds", "--sweep", sweep.toString(), "--out", dir.resolve("bounds.png").toString(),
                "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[1]);
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sweep.resolve("summary.json").toFile());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("L (num of layers),paper's bound centre,paper's bound low,paper's bound high,"
                + "\"Lemma 2, true norms centre\""), lines.get(0));
        int checked = 0;
        for (com.fasterxml.jackson.databind.JsonNode n : summary.path("networks")) {
            double x = n.path("x").asDouble();
            String[] first = lines.stream().skip(1).map(l -> l.split(",", -1))
                    .filter(c -> Double.parseDouble(c[0]) == x).findFirst().orElseThrow();
            com.fasterxml.jackson.databind.JsonNode paper = n.path("metrics").path("paperBoundLog10");
            assertEquals(paper.path("mean").asDouble(), Double.parseDouble(first[1]), 0);
            assertEquals(paper.path("low").asDouble(), Double.parseDouble(first[2]), 0);
            assertEquals(paper.path("high").asDouble(), Double.parseDouble(first[3]), 0);
            for (int level = 1; level <= 2; level++) {
                String column = level == 1 ? "lemma2BoundLog10" : "measuredLog10";
                double[] seeds = new double[3];
                int k = 0;
                for (com.fasterxml.jackson.databind.JsonNode row : summary.path("rows")) {
                    if (row.path("value").asDouble() == x) {
                        seeds[k++] = row.path(column).asDouble();
                    }
                }
                assertEquals(3, k, column);
                double mean = (seeds[0] + seeds[1] + seeds[2]) / 3;
                double ss = 0;
                for (double v : seeds) {
                    ss += (v - mean) * (v - mean);
                }
                // t(0.975, 2) = 4.302652729749464 (the t table's 4.303), half-width t·s/√3.
                double half = 4.302652729749464 * Math.sqrt(ss / 2) / Math.sqrt(3);
                double tol = 1e-14 * Math.abs(mean) + 1e-8 * half; // Commons Math's t quantile: about 1e-9 of itself
                assertEquals(mean, Double.parseDouble(first[1 + 3 * level]), tol, column);
                assertEquals(mean - half, Double.parseDouble(first[2 + 3 * level]), tol, column);
                assertEquals(mean + half, Double.parseDouble(first[3 + 3 * level]), tol, column);
            }
            checked++;
        }
        assertEquals(6, checked, "L = 2..7");
        // Three seeds per network: three rows at each x, holding each seed's own three levels.
        assertEquals(1 + 18, lines.size());
    }

    @Test
    void svgAndPdfFollowTheExtension() throws Exception {
        Path a = npy("a.npy", 1, N);
        for (String ext : new String[] {"svg", "pdf"}) {
            Path out = dir.resolve("fig." + ext);
            Object[] r = run("figure", "lossdiff", "--losses", a.toString(), "--orderings", "5", "--out", out.toString());
            assertEquals(0, r[0], (String) r[1]);
            String head = new String(Files.readAllBytes(out), 0, 5, StandardCharsets.ISO_8859_1);
            assertEquals(ext.equals("svg") ? "<?xml" : "%PDF-", head);
        }
    }

    @Test
    void badInputIsAOneLineErrorNamingTheProblem() throws Exception {
        Path a = npy("a.npy", 1, N);
        Path shorter = npy("short.npy", 2, N - 1);
        Path out = dir.resolve("fig.png");
        Object[] r = run("figure", "lossdiff", "--losses", a + "," + shorter, "--out", out.toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("short.npy holds " + (N - 1) + " losses"), (String) r[1]);
        r = run("figure", "lossdiff", "--losses", a.toString(), "--labels", "x,y", "--out", out.toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("--labels has 2 label(s) but 1 run(s)"), (String) r[1]);
        r = run("figure", "lossdiff", "--losses", a.toString(), "--out", dir.resolve("fig.gif").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("unknown figure format 'gif'"), (String) r[1]);
        r = run("figure", "lossdiff", "--losses", a.toString(), "--scale", "5", "--out", out.toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("--scale = 5"), (String) r[1]);
        assertFalse(Files.exists(out), "no figure is written when the options are bad");
    }

    /**
     * Issue 17, defect 20: the normalised views against numbers worked by hand. Losses (0, 0, 3):
     * the 3 comes first, second or third in a third of the orderings each, so ΔL_1 is −1.5, 1.5 or 0
     * and ΔL_2 is −0.5, −0.5 or 1: E[ΔL_1²] = 1.5 and E[ΔL_2²] = 0.5.
     */
    @Test
    void lossdiffNormalisesByKPlusOneOrByTheExactRootMeanSquare() throws Exception {
        Path f = dir.resolve("three.npy");
        Npy.write(NpyArray.of(new int[] {3}, new double[] {0, 0, 3}), f);
        LossDifferenceResult measured = LossDifference.compare(List.of(new double[] {0, 0, 3}),
                LossDifferenceOptions.defaults().withOrderings(30).withSeed(4), ProgressMonitor.NONE).get(0);
        double[] exactMeanSq = {1.5, 0.5};
        for (String view : new String[] {"none", "k", "rms"}) {
            Path csv = dir.resolve(view + ".csv");
            Object[] r = run("figure", "lossdiff", "--losses", f.toString(), "--labels", "x", "--orderings", "30",
                    "--seed", "4", "--normalise", view, "--out", dir.resolve(view + ".png").toString(),
                    "--csv", csv.toString());
            assertEquals(0, r[0], (String) r[1]);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            int mean = header.indexOf("x: mean |ΔL|");
            int exact = header.indexOf("x: sqrt E[ΔL²] (exact)");
            assertTrue(mean > 0 && exact > 0, header.toString());
            for (int k = 1; k <= 2; k++) {
                String[] row = lines.get(k).split(",", -1);
                double rms = Math.sqrt(exactMeanSq[k - 1]);
                double factor = view.equals("k") ? k + 1 : view.equals("rms") ? 1 / rms : 1;
                assertEquals(rms * factor, Double.parseDouble(row[exact]), 1e-12, view + " exact at k = " + k);
                assertEquals(measured.meanAbs(k) * factor, Double.parseDouble(row[mean]), 1e-12, view + " mean at k = " + k);
            }
        }
        // By hand: (k+1)·√E[ΔL_k²] is 2·√1.5 and 3·√0.5; over the root mean square the exact curve is 1.
        List<String> k = Files.readAllLines(dir.resolve("k.csv"), StandardCharsets.UTF_8);
        int exactK = List.of(k.get(0).split(",")).indexOf("x: sqrt E[ΔL²] (exact)");
        assertEquals(2.449489742783178, Double.parseDouble(k.get(1).split(",", -1)[exactK]), 1e-12);
        assertEquals(2.1213203435596424, Double.parseDouble(k.get(2).split(",", -1)[exactK]), 1e-12);
        Object[] bad = run("figure", "lossdiff", "--losses", f.toString(), "--normalise", "log",
                "--out", dir.resolve("bad.png").toString());
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[1]).contains("--normalise = 'log'; valid: none, k, rms"), (String) bad[1]);
    }
}

package org.hessianscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs the README's "A tour of the command line" as written there, in order, in-process
 * (picocli through {@link HessianScopeCli}), so the README and the commands cannot drift.
 * The commands are read from README.md, never listed here. What the test changes, and only that:
 * <ul>
 *   <li>{@code bin/hessianscope} becomes an in-process call;</li>
 *   <li>relative output paths ({@code runs/L4}, {@code ld.json}, ...) are put in a temporary folder, the
 *       working directory of the tour; inputs shipped with the checkout ({@code experiments/...}) stay;</li>
 *   <li>sizes are made small: an option of {@link #SMALL} given on the line gets the small value, and one the
 *       command has but the line omits is added with it (the command's own defaults are minutes long);
 *       {@code --at} is rewritten to k within the small training set; folders that default to the user's
 *       home ({@code --store}, sweep's {@code --out}) go to the temporary folder, each default {@code --out} its own;</li>
 *   <li>{@code download} is skipped: it needs the internet.</li>
 * </ul>
 * Each command must exit 0 and every file or folder it was told to write ({@code --out}, {@code --json},
 * {@code --csv}) must exist afterwards.
 */
class TourTest {
    static final int TRAIN = 120;

    /** Small sizes, by option name: replaced where the tour gives them, added where the command has them. */
    static final Map<String, String> SMALL = new LinkedHashMap<>();

    static {
        SMALL.put("--train-size", "" + TRAIN);
        SMALL.put("--epochs", "1");
        SMALL.put("--orderings", "20");
        SMALL.put("--samples", "64"); // bench engine times at least 64
        SMALL.put("--curvature-samples", "12");
        SMALL.put("--lanczos-steps", "8");
        SMALL.put("--trace-probes", "2");
        SMALL.put("--per-sample-full", "1");
        SMALL.put("--steps", "5"); // bench hessian needs at least 5
        SMALL.put("--n", "500");
        SMALL.put("--runs", "1");
        SMALL.put("--warmup", "0");
        SMALL.put("--threads", "1");
        SMALL.put("--values", "2,3"); // two points of each sweep, whatever it sweeps
    }

    /** Commands needing the internet, by first word. */
    static final Set<String> SKIPPED = Set.of("download");
    /** Checkout folders the tour reads from; every other relative path is an output. */
    static final Set<String> INPUTS = Set.of("experiments", "sample-models", "assets");
    static final List<String> OUTPUT_OPTIONS = List.of("--out", "--json", "--csv");
    static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    static final Pattern HAS_EXTENSION = Pattern.compile(".*\\.(json|csv|pdf|png|svg|zip|npy|npz|yaml)");

    @TempDir
    Path work;
    private int defaultOuts;

    /** The tour's command lines: the first bash block after the heading, comments cut, continuations joined. */
    static List<List<String>> tourCommands(String readme) {
        int heading = readme.indexOf("## A tour of the command line");
        assertTrue(heading >= 0, "README.md has no section 'A tour of the command line'");
        int open = readme.indexOf("```bash\n", heading);
        int close = readme.indexOf("\n```", open + 1);
        String block = readme.substring(open + "```bash\n".length(), close).replaceAll("\\\\\n\\s*", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            String code = line.replaceAll("(^|\\s)#.*$", "").trim();
            if (code.isEmpty()) {
                continue;
            }
            assertFalse(code.matches(".*[|;&<>`$'\"].*"), "the tour must be plain commands, one per line: " + line);
            List<String> words = new ArrayList<>(Arrays.asList(code.split("\\s+")));
            assertEquals("bin/hessianscope", words.get(0), "every tour line runs bin/hessianscope: " + line);
            commands.add(words.subList(1, words.size()));
        }
        return commands;
    }

    @Test
    void everyLineOfTheReadmeTourRunsInOrder() throws IOException {
        List<List<String>> tour = tourCommands(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertTrue(tour.size() >= 15, "found only " + tour.size() + " commands in the README's tour");
        int ran = 0;
        for (List<String> command : tour) {
            if (SKIPPED.contains(command.get(0))) {
                continue;
            }
            List<String> args = small(command);
            Result r = run(args);
            assertEquals(0, r.code, "tour line `" + String.join(" ", command) + "` run as " + args
                    + " failed:\n" + r.err + r.out);
            for (int i = 0; i + 1 < args.size(); i++) {
                if (OUTPUT_OPTIONS.contains(args.get(i))) {
                    assertTrue(Files.exists(Path.of(args.get(i + 1))), "`" + String.join(" ", command)
                            + "` did not write " + args.get(i + 1));
                }
            }
            ran++;
        }
        assertEquals(tour.size() - 1, ran, "all but download ran");
    }

    /** The tour line with outputs in the temporary folder and small sizes (see the class comment). */
    List<String> small(List<String> command) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String a = command.get(i);
            String previous = i == 0 ? "" : command.get(i - 1);
            if (SMALL.containsKey(previous) && SMALL.get(previous) != null) {
                args.add(SMALL.get(previous));
            } else if (previous.equals("--at")) {
                args.add("1,10," + (TRAIN - 1));
            } else if (a.startsWith("-")) {
                args.add(a);
            } else {
                args.add(outputsInWork(a));
            }
        }
        CommandSpec spec = deepest(HessianScopeCli.commandLine().parseArgs(args.toArray(String[]::new)));
        for (Map.Entry<String, String> e : SMALL.entrySet()) {
            if (e.getValue() != null && spec.findOption(e.getKey()) != null && !args.contains(e.getKey())) {
                args.add(e.getKey());
                args.add(e.getValue());
            }
        }
        // One run store for the whole tour (runs lists what sweep and reproduce stored); an --out the
        // line leaves to its default gets a folder of its own.
        if (spec.findOption("--store") != null && !args.contains("--store")) {
            args.add("--store");
            args.add(work.resolve("store").toString());
        }
        if (spec.findOption("--out") != null && !args.contains("--out")) {
            args.add("--out");
            args.add(work.resolve("default-out-" + (++defaultOuts)).toString());
        }
        return args;
    }

    private String outputsInWork(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            boolean path = RELATIVE_PATH.matcher(part).matches() && (part.contains("/") || HAS_EXTENSION.matcher(part).matches());
            boolean input = INPUTS.contains(part.split("/")[0]);
            parts.add(path && !input ? work.resolve(part).toString() : part);
        }
        return String.join(",", parts);
    }

    private static CommandSpec deepest(ParseResult r) {
        while (r.subcommand() != null) {
            r = r.subcommand();
        }
        return r.commandSpec();
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(List<String> args) {
        StringWriter err = new StringWriter();
        CommandLine cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args.toArray(String[]::new));
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }
}

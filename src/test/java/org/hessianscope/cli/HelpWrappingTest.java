package org.hessianscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help wraps at spaces only: at any width, the tokens (runs of non-space characters)
 * are those of the help rendered on one line per entry, and a line is longer than the width only when a
 * single token cannot fit.
 */
class HelpWrappingTest {

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 100})
    void everyCommandsHelpKeepsItsTokensWhole(int width) {
        Map<String, String> wrapped = helps(width);
        Map<String, String> unwrapped = helps(HelpWrapping.UNWRAPPED);
        assertEquals(unwrapped.keySet(), wrapped.keySet());
        assertTrue(wrapped.size() > 20, "all commands and subcommands: " + wrapped.keySet());
        for (String command : wrapped.keySet()) {
            String help = wrapped.get(command);
            assertEquals(tokens(unwrapped.get(command)), tokens(help), command + " --help at " + width);
            for (String line : help.split("\r?\n")) {
                assertTrue(line.length() <= width || tokens(line.substring(hangingIndent(line, width))).size() == 1,
                        command + " --help at " + width + ": a line longer than the width with a space to break at: "
                                + line);
            }
        }
    }

    @Test
    void theFormerBreaksAreGone() {
        String download = helps(60).get("hessianscope download");
        assertTrue(download.contains("~/.local/share/hessianscope/datasets"), download);
        String figure = helps(60).get("hessianscope figure loss-difference");
        assertTrue(figure.contains("[--losses=LOSSES_NPY[,LOSSES_NPY...]]..."), figure);
    }

    /** The check above can fail: picocli's own wrapping splits tokens at these widths. */
    @Test
    void picocliAloneSplitsTokens() {
        CommandLine plain = new CommandLine(new HessianScopeCli());
        plain.setUsageHelpAutoWidth(false);
        plain.setUsageHelpWidth(60);
        plain.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        CommandLine wide = HessianScopeCli.commandLine();
        wide.setUsageHelpAutoWidth(false);
        wide.setUsageHelpWidth(HelpWrapping.UNWRAPPED);
        assertNotEquals(tokens(wide.getUsageMessage()), tokens(plain.getUsageMessage()));
    }

    @Test
    void aTokenLongerThanTheLineStaysWhole() {
        StringBuilder out = new StringBuilder();
        HelpWrapping.appendWrapped(out, "  --x   aa bbbbbbbbbbbbbbbbbbbb cc dd", 16, 8, 10, "\n");
        assertEquals("  --x   aa\n          bbbbbbbbbbbbbbbbbbbb\n          cc dd", out.toString());
    }

    /** Where a wrapped line's text may start: the width of a line's leading spaces and first column. */
    private static int hangingIndent(String line, int width) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        // a table row: the option or command column, then two or more spaces, then the description
        int gap = line.indexOf("  ", i);
        if (gap > 0 && gap < width) {
            i = gap;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return Math.min(i, line.length());
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }

    /** Every command's help at this width, by its qualified name. */
    private static Map<String, String> helps(int width) {
        CommandLine root = HessianScopeCli.commandLine();
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(width);
        Map<String, String> helps = new LinkedHashMap<>();
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.remove(0);
            if (seen.put(cl, Boolean.TRUE) == null) {
                helps.put(cl.getCommandSpec().qualifiedName(), cl.getUsageMessage());
                todo.addAll(cl.getSubcommands().values());
            }
        }
        return helps;
    }
}

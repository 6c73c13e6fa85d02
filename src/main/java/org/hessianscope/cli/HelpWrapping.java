package org.hessianscope.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Usage help that wraps only at spaces. picocli wraps at java.text.BreakIterator's line breaks, which
 * fall after '.', ':' and before '[' or '(' inside a token ("~/.\n local/share", "lossdiff.\n {pdf,svg}",
 * "[--losses=LOSSES_NPY\n [,LOSSES_NPY...]]"), so a path or an option copied from the help would be wrong.
 * Each section is rendered by picocli's own renderer as one line per entry (an unbounded width), then
 * wrapped here at spaces with picocli's indents: a token longer than the line stays whole.
 */
final class HelpWrapping {
    /** Wide enough that picocli never wraps: every entry is one line, only explicit line breaks remain. */
    static final int UNWRAPPED = 100_000;

    /** Sections laid out as a table whose last column is a description (options, parameters, commands). */
    private static final Set<String> TABLES = Set.of(
            UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
            UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS,
            UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
            UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);

    /** picocli indents the wrapped lines of a description by two more than its first line. */
    private static final int TABLE_HANG = 2;

    private HelpWrapping() {
    }

    /** Installs the wrapping renderers on {@code root} and every command below it. */
    static void install(CommandLine root) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.remove(todo.size() - 1);
            if (seen.put(cl, Boolean.TRUE) != null) {
                continue;   // aliases map to the same command
            }
            Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
            cl.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, wrapping(key, renderer)));
            cl.setHelpSectionMap(sections);
            todo.addAll(cl.getSubcommands().values());
        }
    }

    private static IHelpSectionRenderer wrapping(String key, IHelpSectionRenderer renderer) {
        return help -> {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            int width = usage.width();   // with auto width, the terminal's, read once
            boolean auto = usage.autoWidth();
            String unwrapped;
            try {
                usage.autoWidth(false);
                usage.width(UNWRAPPED);
                unwrapped = renderer.render(help);
            } finally {
                usage.width(width);
                usage.autoWidth(auto);
            }
            return wrap(key, unwrapped, width, help);
        };
    }

    private static String wrap(String key, String text, int width, Help help) {
        String[] lines = text.split("\r?\n", -1);
        int first;
        int hang;
        int cut = 0;
        if (TABLES.contains(key)) {
            first = descriptionColumn(lines);
            hang = first + TABLE_HANG;
        } else if (UsageMessageSpec.SECTION_KEY_SYNOPSIS.equals(key)) {
            // The section follows its heading ("Usage: ") on the same line: wrap it as if there, then cut.
            // picocli's rule: wrapped lines start under the first option, unless that is past half the width.
            cut = help.synopsisHeadingLength();
            lines[0] = " ".repeat(cut) + lines[0];
            first = cut + help.commandSpec().qualifiedName().length() + 1;
            hang = first <= width / 2 ? first : cut;
        } else {
            first = -1;   // a paragraph: wrapped lines keep the line's own indent
            hang = -1;
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        String newline = System.lineSeparator();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(newline);
            }
            int indent = leadingSpaces(lines[i]);
            int from = first < 0 ? indent : Math.max(first, indent);
            int to = hang < 0 ? indent : hang;
            appendWrapped(out, lines[i], width, from, to, newline);
        }
        return out.substring(cut);
    }

    /**
     * Writes {@code line} in lines of at most {@code width} characters, breaking only at spaces at or after
     * column {@code from} on the first line; later lines are indented by {@code hang}. A token that does
     * not fit stays whole on a line of its own (longer than the width).
     */
    static void appendWrapped(StringBuilder out, String line, int width, int from, int hang, String newline) {
        String rest = line;
        int min = from;
        while (rest.length() > width) {
            int cut = breakAtOrBefore(rest, width, min);
            if (cut < 0) {
                cut = breakAfter(rest, width, min);
            }
            if (cut < 0) {
                break;
            }
            String head = rest.substring(0, cut).stripTrailing();
            String tail = rest.substring(cut).stripLeading();
            if (tail.isEmpty()) {
                rest = head;
                break;
            }
            out.append(head).append(newline);
            rest = " ".repeat(hang) + tail;
            min = hang;
        }
        out.append(rest);
    }

    /** The last space at or before {@code width} with a token between {@code min} and it, or -1. */
    private static int breakAtOrBefore(String s, int width, int min) {
        for (int i = Math.min(width, s.length() - 1); i > min; i--) {
            if (s.charAt(i) == ' ' && s.charAt(i - 1) != ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The first space after the token that runs past {@code width}, or -1 if it is the last. */
    private static int breakAfter(String s, int width, int min) {
        for (int i = Math.max(width, min + 1); i < s.length(); i++) {
            if (s.charAt(i) == ' ' && s.charAt(i - 1) != ' ') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The column where the tables' descriptions start: the one most lines agree on, counting the first
     * character after a gap of two or more spaces that follows the option or command column. -1 if none.
     */
    static int descriptionColumn(String[] lines) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (String line : lines) {
            int i = leadingSpaces(line);
            int gap = line.indexOf("  ", i);
            if (i == line.length() || gap < 0) {
                continue;
            }
            int start = gap;
            while (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            if (start < line.length()) {
                votes.merge(start, 1, Integer::sum);
            }
        }
        int best = -1;
        int most = 0;
        for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
            if (e.getValue() > most || (e.getValue() == most && e.getKey() < best)) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}

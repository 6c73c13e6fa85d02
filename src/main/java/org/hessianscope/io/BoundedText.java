package org.hessianscope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a small text file (a spec, run.json, key.json, analysis.json, a sweep file) only after
 * checking its size, so an oversized file is refused in a moment instead of being parsed for a
 * minute, and a folder where a file should be is named as such.
 */
public final class BoundedText {
    /** spec.json, run.json, key.json and sweep files are a few kB; 1 MB is generous. */
    public static final long SMALL = 1L << 20;
    /** A full analysis.json of 60,000 samples is about 10 MB. */
    public static final long ANALYSIS = 128L << 20;

    private BoundedText() {
    }

    /** The UTF-8 text of {@code file}, or an IOException naming it when it is not a file or is over {@code maxBytes}. */
    public static String read(Path file, long maxBytes, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a " + what + " file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(String.format(Locale.ROOT, "%s is %,d bytes; a %s file is at most %,d bytes",
                    file, size, what, maxBytes));
        }
        // readAllBytes stops at the real end: a file that grows after the check is cut off by the array, not by trust.
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new IOException(String.format(Locale.ROOT, "%s grew past %,d bytes while being read; a %s file is at "
                    + "most that", file, maxBytes, what));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A string read from a file, fit for a one-line message: control characters (a newline in a key, say)
     * escaped as a backslash, u and four hex digits, at most 40 characters, so that a hostile file cannot break the one-line rule.
     */
    public static String printable(String s) {
        return printable(s, 40);
    }

    /** {@link #printable(String)} with room for {@code max} characters (an .npy header is longer than a key). */
    public static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < s.length() ? b + "…" : b.toString();
    }
}

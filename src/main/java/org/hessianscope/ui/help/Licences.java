package org.hessianscope.ui.help;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The libraries HessianScope ships with, their versions and licences, from licences.tsv beside this class. */
public final class Licences {
    /** One library: Maven groupId:artifactId, version, SPDX-style licence, what HessianScope uses it for. */
    public record Library(String artifact, String version, String licence, String use) {
    }

    private Licences() {
    }

    public static List<Library> all() {
        return read("licences.tsv");
    }

    /** What the jar carries that is no Maven library (the figures' font), from bundled.tsv: name, version, licence, use. */
    public static List<Library> bundled() {
        return read("bundled.tsv");
    }

    private static List<Library> read(String file) {
        try (InputStream in = Licences.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the build");
            }
            List<Library> list = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    list.add(new Library(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
                }
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.hessianscope.ui.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.UserFolders;

/** Reads and writes {@link Session} at a path given by the caller (tests pass a temporary one). */
public final class SessionStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public SessionStore(Path file) {
        this.file = file;
    }

    public static Path defaultFile() {
        return UserFolders.ofSystem().sessionFile();
    }

    public Path file() {
        return file;
    }

    /** The stored session, empty when there is none; a damaged file is an IOException naming it and the cause. */
    public Optional<Session> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Session s = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Session.class);
            if (s == null) {
                throw new IOException(file + " is empty");
            }
            return Optional.of(s);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is damaged" + field(e) + " (" + firstLine(e.getOriginalMessage())
                    + "); it was ignored", e);
        }
    }

    /** ", field \"scale\"" (or "zoom.chart-spectrum.axes[1]") when Jackson knows where it stopped. */
    private static String field(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return ", field \"" + s + "\"";
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public void write(Session session) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, JSON.writeValueAsBytes(session));
    }
}

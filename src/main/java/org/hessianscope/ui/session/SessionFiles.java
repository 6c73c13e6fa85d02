package org.hessianscope.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;

/**
 * Session files: the one restored on start and saved on exit, and those a user saves or opens
 * (File → Save session as…, Open session…). A file given on the command line that exists is a
 * handed-out session: it is opened, and nothing is saved on exit, so neither it nor the user's
 * own session is overwritten unless he saves. A file that cannot be used is reported in one
 * message naming it and the field; the window keeps what it had.
 */
public final class SessionFiles {
    private final SessionStore own;
    private final boolean autoSave;
    private final BuilderViewModel builder;
    private final RunsViewModel runs;
    private final BooleanProperty paperStyle;
    private final ObjectProperty<Path> dataFolder;
    private final Messages messages;
    private SessionWindow window;
    /** The window part of the session read before the window was attached. */
    private SessionWindow.State waiting;
    private ListChangeListener<RunItem> expecting;

    /** {@code handedOut}: {@code own}'s file came from the command line; when it exists it is never auto-saved. */
    public SessionFiles(SessionStore own, boolean handedOut, BuilderViewModel builder, RunsViewModel runs,
                        BooleanProperty paperStyle, ObjectProperty<Path> dataFolder, Messages messages) {
        this.own = own;
        this.autoSave = !(handedOut && Files.isRegularFile(own.file()));
        this.builder = builder;
        this.runs = runs;
        this.paperStyle = paperStyle;
        this.dataFolder = dataFolder;
        this.messages = messages;
    }

    /** The window's part of every session from now on (and of the one read before). */
    public void attach(SessionWindow w) {
        window = w;
        if (waiting != null) {
            apply(waiting, own.file(), new ArrayList<>());
            waiting = null;
        }
    }

    /**
     * Restores the session the window starts with and returns its run folders to open; checks and
     * selection follow as the runs come in. A damaged file is reported and nothing is restored.
     */
    public List<Path> restore() {
        try {
            return own.read().map(s -> restore(s, own.file())).orElse(List.of());
        } catch (IOException e) {
            messages.warning(e.getMessage() + (autoSave ? "; it will be replaced on exit" : ""));
            return List.of();
        }
    }

    /** Opens a session file in the running window: its runs are opened, those not in it unchecked. */
    public void open(Path file) {
        Session s;
        try {
            s = new SessionStore(file).read().orElse(null);
        } catch (IOException e) {
            messages.warning(e.getMessage() + "; the window is as it was");
            return;
        }
        if (s == null) {
            messages.warning(file + " is no session file (not found); the window is as it was");
            return;
        }
        List<Path> folders = restore(s, file);
        if (!folders.isEmpty()) {
            runs.open(folders);
        }
    }

    /** Writes the whole session, window included, to {@code file}, run folders inside its folder relative. */
    public void saveAs(Path file) {
        try {
            new SessionStore(file).write(capture(file));
            messages.info("saved the session to " + file);
        } catch (IOException e) {
            messages.error("saving the session to " + file, e);
        }
    }

    /** On exit: the user's own session file, unless it is a handed-out one. */
    public void autoSave() {
        if (!autoSave) {
            return;
        }
        try {
            own.write(capture(null));
        } catch (IOException e) {
            messages.error("saving the session to " + own.file(), e);
        }
    }

    /** The window's part, null before {@link #attach}. */
    public SessionWindow window() {
        return window;
    }

    /** Whether exit saves the session ({@link #autoSave}); false for a handed-out file. */
    public boolean autoSaves() {
        return autoSave;
    }

    private Session capture(Path file) {
        Path home = file == null ? null : file.toAbsolutePath().getParent();
        Session s = Sessions.capture(builder, runs, paperStyle.get(), dataFolder.get(), home);
        return window == null ? s : s.withWindow(window.capture());
    }

    private List<Path> restore(Session s, Path file) {
        Path home = file.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        // The session's whole builder is one Edit → Undo step (the builder's gesture merges its changes).
        builder.gestureProperty().set("session");
        try {
            Sessions.restore(s, builder);
        } finally {
            builder.gestureProperty().set(null);
        }
        paperStyle.set(s.paperStyle());
        dataFolder.set(Sessions.dataFolder(s));
        List<Path> open = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            Path p = Sessions.resolve(s.runs().get(i), home);
            if (Files.isDirectory(p)) {
                open.add(p);
            } else {
                problems.add("runs[" + i + "]: no run folder at " + p + " (the other runs are opened)");
            }
        }
        expect(s, home);
        if (window == null) {
            waiting = s.window();
        } else {
            apply(s.window(), file, problems);
            return open;
        }
        report(file, problems);
        return open;
    }

    private void apply(SessionWindow.State w, Path file, List<String> problems) {
        window.apply(w, problems::add);
        report(file, problems);
    }

    private void report(Path file, List<String> problems) {
        if (!problems.isEmpty()) {
            messages.warning(file + ": " + String.join("; ", problems));
        }
    }

    /** Checks the session's checked runs and selects its selected one, now and as they are opened. */
    private void expect(Session s, Path home) {
        if (expecting != null) {
            runs.runs().removeListener(expecting);
            expecting = null;
        }
        Set<Path> all = new HashSet<>();
        s.runs().forEach(r -> all.add(Sessions.resolve(r, home)));
        Set<Path> checked = s.checked() == null ? null : new HashSet<>();
        if (checked != null) {
            s.checked().forEach(r -> checked.add(Sessions.resolve(r, home)));
        }
        Path selected = s.selected() == null ? null : Sessions.resolve(s.selected(), home);
        for (RunItem r : runs.runs()) {
            r.shownProperty().set(checked == null || checked.contains(r.folder()));
        }
        Runnable select = () -> runs.runs().stream().filter(r -> r.folder().equals(selected)).findFirst()
                .ifPresent(r -> runs.selectedProperty().set(r));
        select.run();
        Set<Path> coming = new HashSet<>(all);
        coming.removeIf(p -> !Files.isDirectory(p));
        runs.runs().forEach(r -> coming.remove(r.folder()));
        if (coming.isEmpty()) {
            return;
        }
        ListChangeListener<RunItem> listener = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends RunItem> c) {
                List<RunItem> came = new ArrayList<>();
                while (c.next()) {
                    c.getAddedSubList().stream().filter(r -> coming.remove(r.folder())).forEach(came::add);
                }
                if (!came.isEmpty()) {
                    // After the run list has selected the run it just added, and outside its change notification.
                    javafx.application.Platform.runLater(() -> {
                        came.forEach(r -> r.shownProperty().set(checked == null || checked.contains(r.folder())));
                        select.run();
                    });
                }
                if (coming.isEmpty()) {
                    ListChangeListener<RunItem> me = this;
                    javafx.application.Platform.runLater(() -> runs.runs().removeListener(me));
                    if (expecting == me) {
                        expecting = null;
                    }
                }
            }
        };
        expecting = listener;
        runs.runs().addListener(expecting);
    }
}

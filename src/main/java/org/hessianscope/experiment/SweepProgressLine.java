package org.hessianscope.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * One machine-readable line of a sweep's progress, as {@code sweep --progress-lines} prints it
 * on standard output (with either runner, Spark's too) and the desktop app reads it from the
 * process it launched: the prefix {@value #PREFIX} then one JSON object on the same line, e.g.
 * <pre>
 * hessianscope-progress/1 {"event":"progress","point":0,"value":"2","phase":"training","done":5,"total":10,"message":"epoch 1/1"}
 * </pre>
 * Every event but {@code warning} and {@code done} names its point by index (from 0) and value.
 * The fields of each event are listed in docs/experiments.md ("Progress lines"); readers ignore
 * fields they do not know, so fields can be added without changing the prefix's version.
 *
 * @param event   phase, progress, finished, failed, warning or done
 * @param point   the point's index, −1 for warning and done
 * @param value   the swept value as written in the sweep file ("" for warning and done)
 * @param phase   checking, training or analysis (phase and progress events; else "")
 * @param done    work done of the phase (progress); for done: points finished
 * @param total   work in all (progress, −1 while unknown); for done: points in the sweep
 * @param text    phase: its detail; progress: its message; failed: the reason; warning: the
 *                message; done: the results folder
 * @param run     finished: the run folder; else ""
 * @param trained finished: whether the run was trained (false: reused from the store); done:
 *                whether every point finished
 */
public record SweepProgressLine(String event, int point, String value, String phase, long done, long total,
                                String text, String run, boolean trained) {
    public static final String PREFIX = "hessianscope-progress/1 ";
    public static final String PHASE = "phase";
    public static final String PROGRESS = "progress";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String WARNING = "warning";
    public static final String DONE = "done";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepProgressLine {
        value = value == null ? "" : value;
        phase = phase == null ? "" : phase;
        text = text == null ? "" : text;
        run = run == null ? "" : run;
    }

    public static SweepProgressLine phase(SweepPoint p, SweepListener.Phase phase, String detail) {
        return new SweepProgressLine(PHASE, p.index(), p.value(), key(phase), 0, 0, detail, "", false);
    }

    public static SweepProgressLine progress(SweepPoint p, SweepListener.Phase phase, long done, long total,
                                             String message) {
        return new SweepProgressLine(PROGRESS, p.index(), p.value(), key(phase), done, total, message, "", false);
    }

    public static SweepProgressLine finished(PointResult r) {
        return new SweepProgressLine(FINISHED, r.point().index(), r.point().value(), "", 0, 0, "",
                r.run().folder().toAbsolutePath().toString(), r.trained());
    }

    public static SweepProgressLine failed(FailedPoint f) {
        return new SweepProgressLine(FAILED, f.index(), f.value(), "", 0, 0, f.reason(), "", false);
    }

    public static SweepProgressLine warning(String message) {
        return new SweepProgressLine(WARNING, -1, "", "", 0, 0, message, "", false);
    }

    /** The sweep's last line: {@code finished} of {@code points} finished, the results folder written. */
    public static SweepProgressLine done(int finished, int points, String results) {
        return new SweepProgressLine(DONE, -1, "", "", finished, points, results, "", finished == points);
    }

    /** The phase's name in lines: checking, training, analysis. */
    public static String key(SweepListener.Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    /** The phase a line names, or null when it names none or one this version does not know. */
    public SweepListener.Phase sweepPhase() {
        for (SweepListener.Phase p : SweepListener.Phase.values()) {
            if (key(p).equals(phase)) {
                return p;
            }
        }
        return null;
    }

    /** The whole line, prefix included, without a line break; the JSON escapes any break in a message. */
    public String format() {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", event);
        switch (event) {
            case PHASE -> point(o).put("phase", phase).put("detail", text);
            case PROGRESS -> point(o).put("phase", phase).put("done", done).put("total", total).put("message", text);
            case FINISHED -> point(o).put("run", run).put("trained", trained);
            case FAILED -> point(o).put("reason", text);
            case WARNING -> o.put("message", text);
            case DONE -> o.put("finished", done).put("points", total).put("results", text);
            default -> throw new IllegalStateException("unknown progress event " + event);
        }
        try {
            return PREFIX + JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode point(ObjectNode o) {
        return o.put("point", point).put("value", value);
    }

    /**
     * Reads a line of a sweep's output: empty for any other line (the human-readable ones, a
     * log line), and for a progress line that does not parse or names an unknown event, so a
     * reader never stops on a line it cannot use.
     */
    public static Optional<SweepProgressLine> parse(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonNode o;
        try {
            o = JSON.readTree(line.substring(PREFIX.length()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (o == null || !o.isObject()) {
            return Optional.empty();
        }
        String event = o.path("event").asText("");
        int point = o.path("point").asInt(-1);
        String value = o.path("value").asText("");
        String phase = o.path("phase").asText("");
        boolean pointed = point >= 0;
        return Optional.ofNullable(switch (event) {
            case PHASE -> pointed ? new SweepProgressLine(event, point, value, phase, 0, 0,
                    o.path("detail").asText(""), "", false) : null;
            case PROGRESS -> pointed ? new SweepProgressLine(event, point, value, phase, o.path("done").asLong(0),
                    o.path("total").asLong(-1), o.path("message").asText(""), "", false) : null;
            case FINISHED -> pointed && o.hasNonNull("run") ? new SweepProgressLine(event, point, value, "", 0, 0, "",
                    o.path("run").asText(), o.path("trained").asBoolean(false)) : null;
            case FAILED -> pointed ? new SweepProgressLine(event, point, value, "", 0, 0,
                    o.path("reason").asText(""), "", false) : null;
            case WARNING -> new SweepProgressLine(event, -1, "", "", 0, 0, o.path("message").asText(""), "", false);
            case DONE -> {
                long finished = o.path("finished").asLong(0);
                long points = o.path("points").asLong(0);
                yield new SweepProgressLine(event, -1, "", "", finished, points, o.path("results").asText(""), "",
                        finished == points);
            }
            default -> null;
        });
    }
}

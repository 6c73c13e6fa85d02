package org.hessianscope.surface;

import java.util.List;
import java.util.stream.Collectors;
import org.hessianscope.task.InvalidSettingException;

/** The registry of {@link Directions} kinds, in the order the help lists them. */
public final class DirectionKinds {
    public static final HessianDirections HESSIAN = new HessianDirections();
    public static final RandomDirections RANDOM = new RandomDirections();
    public static final TrajectoryDirections TRAJECTORY = new TrajectoryDirections();
    public static final InterpolationDirections INTERPOLATION = new InterpolationDirections();
    public static final FileDirections FILE = new FileDirections();

    public static final List<Directions> ALL = List.of(HESSIAN, RANDOM, TRAJECTORY, INTERPOLATION, FILE);

    private DirectionKinds() {
    }

    /** The kind of {@code key}; an unknown key is an InvalidSettingException naming {directions} and the valid ones. */
    public static Directions byKey(String key) {
        for (Directions d : ALL) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        throw new InvalidSettingException("{directions} = " + key + "; valid: " + keys());
    }

    /** The keys, separated by "|" as a usage line shows them. */
    public static String keys() {
        return ALL.stream().map(Directions::key).collect(Collectors.joining("|"));
    }
}

package org.hessianscope.surface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;

/**
 * Directions given in a file ({@link SurfaceOptions#directionFile()}): a .npy of P values for a line, or of shape
 * (dims, P) for a plane, in the network's parameter layout, used as they are (their own units). A file whose size
 * is not the parameter count is refused naming both.
 */
public final class FileDirections implements Directions {
    public static final String KEY = "file";

    FileDirections() {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String units() {
        return "the file's own vectors: a step of 1 moves θ̂ by the whole vector";
    }

    @Override
    public int maxDims() {
        return 2;
    }

    @Override
    public List<Direction> directions(DirectionsInput input, int dims, ProgressMonitor monitor) {
        Path file = Path.of(input.options().directionFile());
        int p = input.model().parameterCount();
        // The network says how large the file can be (float64, the widest dtype, plus a header): a larger one
        // is refused by its size before a byte is read, whatever its header claims.
        long most = (long) dims * p * Double.BYTES + (1 << 16);
        NpyArray a;
        try {
            long bytes = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (bytes > most) {
                throw new InvalidSettingException("{directionFile} " + file + " has " + bytes + " bytes, more than "
                        + (dims == 1 ? "a line" : "a plane") + " of this network needs (" + dims + " × " + p
                        + " float64 values and a header: at most " + most + ")");
            }
            a = Npy.read(file, most);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() == null ? file + ": " + e : e.getMessage(), e);
        }
        long size = a.data().length;
        if (size != (long) dims * p) {
            throw new InvalidSettingException("{directionFile} " + file + " has " + size + " values (shape "
                    + a.shapeString() + ") but " + (dims == 1 ? "a line" : "a plane") + " of this network needs "
                    + (dims == 1 ? p + " (its parameter count)" : dims + " × " + p + " = " + (long) dims * p));
        }
        List<Direction> out = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            out.add(new Direction(file.getFileName() + (dims == 1 ? "" : " row " + (d + 1)),
                    Arrays.copyOfRange(a.data(), d * p, (d + 1) * p), Double.NaN));
        }
        return out;
    }
}

package org.hessianscope.run;

import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.NpyDtype;
import org.hessianscope.train.Checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code checkpoints.npy}: the checkpoints of θ as one float32 array of shape [count, P], row j after step
 * {@code steps[j]} of run.json's {@code checkpoints}, each row in the flat θ order of the weights files
 * ({@code ParameterLayout}), so NumPy reads it with {@code np.load}.
 */
final class CheckpointFile {
    private CheckpointFile() {
    }

    static void write(Path file, List<Checkpoint> checkpoints) throws IOException {
        int p = checkpoints.get(0).theta().length;
        double[] data = new double[Math.multiplyExact(checkpoints.size(), p)];
        for (int j = 0; j < checkpoints.size(); j++) {
            float[] t = checkpoints.get(j).theta();
            for (int i = 0; i < p; i++) {
                data[j * p + i] = t[i];
            }
        }
        Files.write(file, Npy.toBytes(new NpyArray(new int[] {checkpoints.size(), p}, data, NpyDtype.FLOAT32_LE)));
    }

    static List<Checkpoint> read(Path file, RunInfo.Checkpoints described, int parameterCount) throws IOException {
        long expected = 4L * described.count() * parameterCount;
        long size = Files.size(file);
        // The header is under a few hundred bytes: a file far larger than its rows is refused before reading it.
        if (size > expected + (1 << 16)) {
            throw new RunFolderException(file + " has " + size + " bytes, more than the " + described.count()
                    + " checkpoints of " + parameterCount + " float32 parameters run.json describes");
        }
        NpyArray a = Npy.read(file, expected + (1 << 16));
        int[] shape = a.shape();
        if (shape.length != 2 || shape[0] != described.count() || shape[1] != parameterCount) {
            throw new RunFolderException(file + " has shape " + Arrays.toString(shape) + " but run.json describes "
                    + described.count() + " checkpoints of the spec's " + parameterCount + " parameters, shape ["
                    + described.count() + ", " + parameterCount + "]");
        }
        if (a.dtype() != NpyDtype.FLOAT32_LE && a.dtype() != NpyDtype.FLOAT32_BE) {
            throw new RunFolderException(file + " holds " + a.dtype().descr() + "; checkpoints are float32 (<f4)");
        }
        double[] data = a.data();
        List<Checkpoint> out = new ArrayList<>(described.count());
        for (int j = 0; j < described.count(); j++) {
            float[] t = new float[parameterCount];
            for (int i = 0; i < parameterCount; i++) {
                double v = data[j * parameterCount + i];
                if (!Double.isFinite(v)) {
                    throw new RunFolderException(file + ": checkpoint " + j + " (step " + described.steps().get(j)
                            + ") has a non-finite value at index " + i);
                }
                t[i] = (float) v;
            }
            out.add(new Checkpoint(described.steps().get(j), described.epochs().get(j), t));
        }
        return out;
    }
}

package org.hessianscope.run;

import org.hessianscope.train.TrainingProgress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code history.csv}: one row per training step; numbers in Java's shortest round-trip form. */
final class HistoryCsv {
    static final String HEADER = "epoch,epochs,batch,batches,step,loss,accuracy,runningLoss,runningAccuracy,"
            + "samplesPerSecond,secondsLeft";

    private HistoryCsv() {
    }

    static String format(List<TrainingProgress> history) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (TrainingProgress p : history) {
            sb.append(p.epoch()).append(',').append(p.epochs()).append(',').append(p.batch()).append(',')
                    .append(p.batches()).append(',').append(p.step()).append(',').append(p.batchLoss()).append(',')
                    .append(p.batchAccuracy()).append(',').append(p.runningLoss()).append(',')
                    .append(p.runningAccuracy()).append(',').append(p.samplesPerSecond()).append(',')
                    .append(p.secondsLeft()).append('\n');
        }
        return sb.toString();
    }

    static List<TrainingProgress> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new RunFolderException(file + ": line 1 must be the header " + HEADER);
        }
        List<TrainingProgress> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 11) {
                throw new RunFolderException(file + ": line " + (i + 1) + " has " + f.length + " fields, expected 11 ("
                        + HEADER + ")");
            }
            try {
                rows.add(new TrainingProgress(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
                        Double.parseDouble(f[10])));
            } catch (NumberFormatException e) {
                throw new RunFolderException(file + ": line " + (i + 1) + " has a value that is not a number: " + line);
            }
        }
        return rows;
    }
}

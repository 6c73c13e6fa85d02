package org.hessianscope.data;

import java.util.List;
import java.util.Map;

/** A dataset found somewhere: its source and the files of each split (images then labels for IDX). */
public record DatasetLocation(DatasetName name, DataSource source, Map<Split, List<DataFile>> files) {

    public DatasetLocation {
        files = Map.copyOf(files);
    }

    public List<DataFile> files(Split split) {
        return files.get(split);
    }

    /** Bytes of all files, as stored (compressed where they are). */
    public long bytes() {
        long sum = 0;
        for (List<DataFile> fs : files.values()) {
            for (DataFile f : fs) {
                sum += Math.max(0, f.length());
            }
        }
        return sum;
    }
}

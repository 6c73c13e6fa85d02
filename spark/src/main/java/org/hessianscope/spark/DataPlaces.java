package org.hessianscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.hessianscope.data.DataLocations;

/** {@link DataLocations} as strings, to ship to executors ({@link Path} is not serializable). */
record DataPlaces(String dataDir, String environmentDataDir, String userDatasets, String systemDatasets)
        implements Serializable {

    static DataPlaces of(DataLocations d) {
        return new DataPlaces(text(d.dataDir()), d.environmentDataDir(), text(d.userDatasets()), text(d.systemDatasets()));
    }

    DataLocations locations() {
        return new DataLocations(path(dataDir), environmentDataDir, path(userDatasets), path(systemDatasets));
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    private static Path path(String s) {
        return s == null ? null : Path.of(s);
    }
}

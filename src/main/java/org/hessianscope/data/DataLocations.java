package org.hessianscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.io.UserFolders;

/**
 * Where full datasets are looked for, in this order: an explicit data folder
 * ({@code --data-dir}), the {@code HESSIANSCOPE_DATA} environment variable,
 * the user's datasets folder ({@link UserFolders#datasets()}: {@code ~/.local/share/hessianscope/datasets},
 * or {@code ~/.hessianscope/datasets} where that exists), and the system folder of Debian's
 * dataset packages. The environment and the user's folder are fields so that tests need not
 * touch the real machine. Any field may be null (not given).
 */
public record DataLocations(Path dataDir, String environmentDataDir, Path userDatasets, Path systemDatasets) {

    public static final String ENVIRONMENT_VARIABLE = "HESSIANSCOPE_DATA";
    /** Debian's {@code dataset-fashion-mnist} installs to {@code /usr/share/datasets/fashion-mnist}. */
    public static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    /** This machine's environment and user folders, with an optional {@code --data-dir}. */
    public static DataLocations ofSystem(Path dataDir) {
        return new DataLocations(dataDir, System.getenv(ENVIRONMENT_VARIABLE), UserFolders.ofSystem().datasets(),
                DEBIAN_DATASETS);
    }

    /** The user's datasets folder, where {@code download} puts datasets; null when not given. */
    public Path homeDatasets() {
        return userDatasets;
    }

    /** The search order in words, e.g. "HESSIANSCOPE_DATA (not set)", for listings and error messages. */
    public List<String> searchOrder() {
        List<String> order = new ArrayList<>();
        order.add(dataDir == null ? "--data-dir (not given)" : "--data-dir " + dataDir);
        order.add(environmentDataDir == null || environmentDataDir.isBlank()
                ? ENVIRONMENT_VARIABLE + " (not set)" : ENVIRONMENT_VARIABLE + "=" + environmentDataDir);
        if (homeDatasets() != null) {
            order.add(homeDatasets().toString());
        }
        if (systemDatasets != null) {
            order.add(systemDatasets.toString());
        }
        order.add("embedded subsets");
        return order;
    }

    /** A folder searched for datasets, and whether it may hold a dataset's files directly. */
    record Root(SourceKind kind, Path dir, boolean mayHoldFilesDirectly) {
    }

    /** The folders to search, in order. */
    List<Root> roots() {
        List<Root> roots = new ArrayList<>();
        if (dataDir != null) {
            roots.add(new Root(SourceKind.DATA_DIR, dataDir, true));
        }
        if (environmentDataDir != null && !environmentDataDir.isBlank()) {
            roots.add(new Root(SourceKind.ENVIRONMENT, Path.of(environmentDataDir), true));
        }
        if (homeDatasets() != null) {
            roots.add(new Root(SourceKind.HOME, homeDatasets(), false));
        }
        if (systemDatasets != null) {
            roots.add(new Root(SourceKind.SYSTEM, systemDatasets, false));
        }
        return roots;
    }
}

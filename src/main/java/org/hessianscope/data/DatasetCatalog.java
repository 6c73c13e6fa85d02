package org.hessianscope.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hessianscope.task.SettingIOException;

/**
 * Finds datasets: the full ones in the folders of {@link DataLocations}, in order, and
 * otherwise the subsets embedded in the build (MNIST and Fashion-MNIST, 10,000 training
 * and 2,000 test records each). Answers what is available, where, and how big.
 */
public final class DatasetCatalog {
    /** Classpath folder of the embedded subsets; the build copies {@code assets/} there. */
    public static final String EMBEDDED_ROOT = "/assets/datasets/";

    private final DataLocations locations;

    public DatasetCatalog(DataLocations locations) {
        this.locations = locations;
    }

    public DataLocations locations() {
        return locations;
    }

    /** Where {@code name} is found first: a full copy in a searched folder, else the embedded subset. */
    public Optional<DatasetLocation> locate(DatasetName name) throws IOException {
        for (DataLocations.Root root : locations.roots()) {
            for (Path dir : candidateDirs(root, name)) {
                Optional<DatasetLocation> found = filesIn(root.kind(), dir, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return embedded(name);
    }

    /**
     * One split of {@code name}, read whole from where {@link #locate} finds it. A {@code --data-dir}
     * the user names is authoritative here: the dataset is read from it, or this says exactly what
     * the folder lacks; it never falls through to another copy or the embedded subset.
     */
    public Dataset load(DatasetName name, Split split) throws IOException {
        DatasetLocation at = locations.dataDir() != null ? inDataDir(name, locations.dataDir()) : locate(name).orElseThrow(() -> new SettingIOException(name + " was not found; searched "
                + searchedDirs(name) + ". `hessianscope download " + name + "` fetches it, or give {dataDir|the data folder}"));
        List<DataFile> files = at.files(split);
        if (name.format() == DatasetName.Format.IDX) {
            return Dataset.fromIdx(name, split, at.source(), files.get(0), files.get(1));
        }
        return Dataset.fromCifar(name, split, at.source(), files);
    }

    private static DatasetLocation inDataDir(DatasetName name, Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new SettingIOException("{dataDir|the data folder} " + dataDir + (Files.exists(dataDir) ? " is not a folder" : " does not exist")
                    + "; give the folder holding " + name + "'s files (see `hessianscope datasets`)");
        }
        DataLocations.Root root = new DataLocations.Root(SourceKind.DATA_DIR, dataDir, true);
        List<Path> dirs = candidateDirs(root, name);
        for (Path dir : dirs) {
            Optional<DatasetLocation> found = filesIn(SourceKind.DATA_DIR, dir, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        List<String> notes = new ArrayList<>();
        for (Path dir : dirs) {
            missingIn(dir, name).ifPresent(notes::add);
        }
        List<String> all = new ArrayList<>();
        for (Split split : Split.values()) {
            all.addAll(name.files(split));
        }
        throw new SettingIOException("{dataDir|the data folder} " + dataDir + " does not hold " + name + ": "
                + (notes.isEmpty() ? "none of " + String.join(", ", all) + " (plain or .gz) is in "
                + dirs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" or "))
                : String.join("; ", notes)));
    }

    /** Every known dataset, available or not, with where it was found and its sizes. */
    public List<CatalogEntry> entries() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (DatasetName name : DatasetName.values()) {
            entries.add(entry(name));
        }
        return entries;
    }

    private CatalogEntry entry(DatasetName name) {
        List<String> notes = new ArrayList<>();
        for (Path dir : searchedDirs(name)) {
            missingIn(dir, name).ifPresent(notes::add);
        }
        try {
            Optional<DatasetLocation> at = locate(name);
            if (at.isEmpty()) {
                notes.add("not found; `download " + name + "` fetches it");
                return new CatalogEntry(name, null, 0, 0, 0, String.join("; ", notes));
            }
            DatasetLocation l = at.get();
            return new CatalogEntry(name, l.source(), count(l, Split.TRAIN), count(l, Split.TEST), l.bytes(),
                    String.join("; ", notes));
        } catch (IOException e) {
            notes.add("unreadable: " + e.getMessage());
            return new CatalogEntry(name, null, 0, 0, 0, String.join("; ", notes));
        }
    }

    private static int count(DatasetLocation l, Split split) throws IOException {
        List<DataFile> files = l.files(split);
        if (l.name().format() == DatasetName.Format.IDX) {
            return IdxReader.count(files.get(0));
        }
        long records = 0;
        for (DataFile f : files) {
            records += CifarReader.recordsOf(f);
        }
        return (int) records;
    }

    /** Every folder that would be searched for {@code name}, in order. */
    public List<Path> searchedDirs(DatasetName name) {
        List<Path> dirs = new ArrayList<>();
        for (DataLocations.Root root : locations.roots()) {
            dirs.addAll(candidateDirs(root, name));
        }
        return dirs;
    }

    /**
     * {@code <root>/<name>/} (IDX) or {@code <root>/cifar10/cifar-10-batches-bin/}; a data folder given
     * by the user may also hold the files itself. IDX files do not say which dataset they are, so a
     * folder named after another dataset (e.g. {@code .../mnist}) is not taken as fashion-mnist.
     */
    private static List<Path> candidateDirs(DataLocations.Root root, DatasetName name) {
        Path dir = root.dir();
        if (name.format() == DatasetName.Format.CIFAR10) {
            Path nested = dir.resolve(name.key()).resolve(DatasetName.CIFAR_FOLDER);
            return root.mayHoldFilesDirectly() ? List.of(nested, dir.resolve(DatasetName.CIFAR_FOLDER)) : List.of(nested);
        }
        if (!root.mayHoldFilesDirectly() || namedAfterAnother(dir, name)) {
            return List.of(dir.resolve(name.key()));
        }
        return List.of(dir.resolve(name.key()), dir);
    }

    private static boolean namedAfterAnother(Path dir, DatasetName name) {
        Path last = dir.toAbsolutePath().normalize().getFileName();
        if (last == null) {
            return false;
        }
        for (DatasetName other : DatasetName.values()) {
            if (other != name && other.key().equalsIgnoreCase(last.toString())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<DatasetLocation> filesIn(SourceKind kind, Path dir, DatasetName name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Map<Split, List<DataFile>> files = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            List<DataFile> fs = new ArrayList<>();
            for (String file : name.files(split)) {
                Optional<Path> p = existing(dir, name, file);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                fs.add(DataFile.of(p.get()));
            }
            files.put(split, fs);
        }
        return Optional.of(new DatasetLocation(name, new DataSource(kind, dir.toString()), files));
    }

    /** An IDX file may be plain or gzipped; a CIFAR-10 batch is plain. */
    private static Optional<Path> existing(Path dir, DatasetName name, String file) {
        List<String> names = name.format() == DatasetName.Format.IDX ? List.of(file + ".gz", file) : List.of(file);
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A note when {@code dir} holds some of the dataset's files but not all. */
    private static Optional<String> missingIn(Path dir, DatasetName name) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        int present = 0;
        for (Split split : Split.values()) {
            for (String file : name.files(split)) {
                if (existing(dir, name, file).isPresent()) {
                    present++;
                } else {
                    missing.add(file);
                }
            }
        }
        if (present == 0 || missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("incomplete in " + dir + ": missing " + String.join(", ", missing));
    }

    private static Optional<DatasetLocation> embedded(DatasetName name) throws IOException {
        if (!name.isEmbedded()) {
            return Optional.empty();
        }
        String folder = EMBEDDED_ROOT + name.key() + "/";
        Map<Split, List<DataFile>> files = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            List<DataFile> fs = new ArrayList<>();
            for (String file : name.files(split)) {
                fs.add(DataFile.resource(folder + file + ".gz"));
            }
            files.put(split, fs);
        }
        return Optional.of(new DatasetLocation(name, new DataSource(SourceKind.EMBEDDED, "classpath:" + folder), files));
    }
}

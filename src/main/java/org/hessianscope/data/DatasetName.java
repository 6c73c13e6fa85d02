package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The datasets HessianScope knows: their files, image shape, normalisation, where
 * they are published and the checksums of their decompressed IDX files.
 */
public enum DatasetName {
    MNIST("mnist", Format.IDX, InputShape.MNIST, Normalisation.GREY,
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            // SHA-256 of the decompressed IDX bytes, from ../shared/datasets/README.md.
            Map.of("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
    FASHION_MNIST("fashion-mnist", Format.IDX, InputShape.MNIST, Normalisation.GREY,
            // The publisher's own repository, over https (its S3 website endpoint serves plain http only).
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
            Map.of("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")),
    CIFAR10("cifar10", Format.CIFAR10, InputShape.CIFAR10, Normalisation.CIFAR10,
            "https://www.cs.toronto.edu/~kriz/", Map.of());

    /** How a dataset's files are laid out. */
    public enum Format { IDX, CIFAR10 }

    /** The folder the CIFAR-10 binary archive unpacks to. */
    public static final String CIFAR_FOLDER = "cifar-10-batches-bin";
    /** The CIFAR-10 binary archive and its published MD5. */
    public static final String CIFAR_ARCHIVE = "cifar-10-binary.tar.gz";
    public static final String CIFAR_ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

    private final String key;
    private final Format format;
    private final InputShape inputShape;
    private final Normalisation normalisation;
    private final String mirror;
    private final Map<String, String> sha256;

    DatasetName(String key, Format format, InputShape inputShape, Normalisation normalisation, String mirror,
                Map<String, String> sha256) {
        this.key = key;
        this.format = format;
        this.inputShape = inputShape;
        this.normalisation = normalisation;
        this.mirror = mirror;
        this.sha256 = sha256;
    }

    /** The name on the command line and in folder names: mnist, fashion-mnist, cifar10. */
    public String key() {
        return key;
    }

    public Format format() {
        return format;
    }

    public InputShape inputShape() {
        return inputShape;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    public int classes() {
        return 10;
    }

    /** Where the publishers' files are fetched from by default. */
    public String defaultMirror() {
        return mirror;
    }

    /** Whether a subset ships inside HessianScope. */
    public boolean isEmbedded() {
        return format == Format.IDX;
    }

    /** The IDX images file of a split, without ".gz". */
    public String imagesFile(Split split) {
        requireIdx();
        return split == Split.TRAIN ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte";
    }

    /** The IDX labels file of a split, without ".gz". */
    public String labelsFile(Split split) {
        requireIdx();
        return split == Split.TRAIN ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte";
    }

    /** The files of a split: images then labels for IDX (without ".gz"), the batch files for CIFAR-10. */
    public List<String> files(Split split) {
        if (format == Format.IDX) {
            return List.of(imagesFile(split), labelsFile(split));
        }
        return split == Split.TRAIN
                ? List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin")
                : List.of("test_batch.bin");
    }

    /** SHA-256 (hex) of the decompressed bytes of an IDX file of the full dataset. */
    public Optional<String> sha256(String idxFile) {
        return Optional.ofNullable(sha256.get(idxFile));
    }

    /** The dataset called {@code key} (mnist, fashion-mnist, cifar10), or an error listing the valid names. */
    public static DatasetName fromKey(String key) {
        for (DatasetName n : values()) {
            if (n.key.equalsIgnoreCase(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + key + "'; valid: " + keys());
    }

    /** The valid names, comma-separated. */
    public static String keys() {
        return Arrays.stream(values()).map(DatasetName::key).collect(Collectors.joining(", "));
    }

    private void requireIdx() {
        if (format != Format.IDX) {
            throw new IllegalStateException(key + " is not stored as IDX files");
        }
    }

    @Override
    public String toString() {
        return key;
    }
}

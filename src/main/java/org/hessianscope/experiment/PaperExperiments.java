package org.hessianscope.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hessianscope.data.DatasetName;

/**
 * The paper's eleven figures as sweep files ({@code experiments/*.yaml}, also on the classpath),
 * plus the authors'-code variants of the two pooling figures.
 */
public final class PaperExperiments {

    /** One figure: its id (the sweep file's name) and what it shows. */
    public record Figure(String id, DatasetName dataset, String description) {
    }

    public static final List<Figure> FIGURES = List.of(
            new Figure("mnist-layers", DatasetName.MNIST, "MNIST, L = 2..7 at C = 6, k = 3"),
            new Figure("mnist-kernel", DatasetName.MNIST, "MNIST, k = 2..5 at L = 4, C = 6"),
            new Figure("mnist-channels", DatasetName.MNIST, "MNIST, C = 6..42 step 6 at L = 5, k = 3"),
            new Figure("fashion-mnist-layers", DatasetName.FASHION_MNIST, "Fashion-MNIST, L = 2..7 at C = 6, k = 3"),
            new Figure("fashion-mnist-kernel", DatasetName.FASHION_MNIST, "Fashion-MNIST, k = 2..5 at L = 4, C = 6"),
            new Figure("fashion-mnist-channels", DatasetName.FASHION_MNIST,
                    "Fashion-MNIST, C = 6..42 step 6 at L = 5, k = 3"),
            new Figure("cifar10-layers", DatasetName.CIFAR10, "CIFAR-10, L = 2..7 at C = 6, k = 3, 15 epochs"),
            new Figure("cifar10-kernel", DatasetName.CIFAR10, "CIFAR-10, k = 2..5 at L = 4, C = 6, 15 epochs"),
            new Figure("cifar10-channels", DatasetName.CIFAR10, "CIFAR-10, C = 6..42 step 6 at L = 5, k = 3, 15 epochs"),
            new Figure("cifar10-maxpool", DatasetName.CIFAR10,
                    "CIFAR-10, 2×2 max pool replacing nonlinearity 1..4 at C = 12, L = 5 (paper's statement)"),
            new Figure("cifar10-avgpool", DatasetName.CIFAR10,
                    "CIFAR-10, 2×2 avg pool replacing nonlinearity 1..4 at C = 12, L = 5 (paper's statement)"));

    /** The authors' code's pooling models: 0-based positions, a ReLU kept after the last conv. */
    public static final List<Figure> AUTHORS_VARIANTS = List.of(
            new Figure("cifar10-maxpool-authors", DatasetName.CIFAR10,
                    "CIFAR-10 max pool as in the authors' code (positions 1..4 0-based, ReLU after the last conv)"),
            new Figure("cifar10-avgpool-authors", DatasetName.CIFAR10,
                    "CIFAR-10 avg pool as in the authors' code (positions 1..4 0-based, ReLU after the last conv)"));

    private PaperExperiments() {
    }

    public static Optional<Figure> find(String id) {
        return java.util.stream.Stream.concat(FIGURES.stream(), AUTHORS_VARIANTS.stream())
                .filter(f -> f.id().equals(id)).findFirst();
    }

    /** The sweep file of {@code figure}, read from the classpath. */
    public static SweepFile sweep(Figure figure) throws IOException {
        String resource = "/experiments/" + figure.id() + ".yaml";
        try (InputStream in = PaperExperiments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the sweep file " + resource + " is missing from the build; rebuild with mvn "
                        + "compile (it is copied from experiments/)");
            }
            return SweepFileReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "experiments/" + figure.id() + ".yaml", figure.id());
        }
    }
}

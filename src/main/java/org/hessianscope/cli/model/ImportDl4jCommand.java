package org.hessianscope.cli.model;

import org.hessianscope.cli.common.SpecOptions;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.interop.Dl4jImport;
import org.hessianscope.interop.Dl4jModel;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** DL4J loads only inside {@link #call()}, through plain-Java interop methods: never when the CLI starts. */
@Command(name = "import-dl4j", mixinStandardHelpOptions = true,
        description = {"Read a DL4J MultiLayerNetwork zip whose layers the spec family covers and write spec.json and "
                + "weights.npz into a new folder. Otherwise the error names the first unsupported layer.",
                "The folder has no init.npz, history.csv or run.json: the model was not trained here."})
public final class ImportDl4jCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.zip", description = "A DL4J ModelSerializer zip.")
    Path model;

    @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Folder to create (must not exist or be empty).")
    Path out;

    @Option(names = "--input", paramLabel = "CxHxW", description = "Input shape, e.g. 1x28x28; needed when the zip "
            + "does not record it and a pool makes it ambiguous.")
    String input;

    @Override
    public Integer call() throws Exception {
        InputShape shape = input == null ? null : SpecOptions.parseInput(input);
        Dl4jModel m = Dl4jImport.read(model, shape);
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IOException(target + " already exists and is not an empty folder; choose another --out or remove it");
        }
        Files.createDirectories(target);
        // Each file is written atomically; until both exist, readers report the folder as incomplete by file name.
        WeightsFile.write(target.resolve(RunFolder.WEIGHTS), m.spec(), m.theta());
        AtomicFiles.write(target.resolve(RunFolder.SPEC), SpecJson.toJson(m.spec()).getBytes(StandardCharsets.UTF_8));
        System.out.printf("imported %s: %d conv layers, %d parameters, into %s%n", model, m.spec().layers(),
                m.theta().length, target);
        return 0;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}

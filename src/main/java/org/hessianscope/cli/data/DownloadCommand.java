package org.hessianscope.cli.data;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetDownloader;
import org.hessianscope.data.DatasetName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Fetch full datasets from their public mirrors into ~/.hessianscope/datasets (or --dir).",
                "Partial downloads resume; every file is checked (SHA-256 of the decompressed IDX data, "
                        + "MD5 of the CIFAR-10 archive) before it gets its final name."})
public final class DownloadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "mnist, fashion-mnist, cifar10 or all.")
    String name;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Fetch from URL instead, laid out like the datasets folder: URL/mnist/train-images-idx3-ubyte.gz, "
                    + "URL/cifar10/cifar-10-binary.tar.gz.")
    URI mirror;

    @Option(names = "--dir", paramLabel = "DIR", description = "Datasets folder to fill (default: ~/.hessianscope/datasets).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<DatasetName> names = "all".equalsIgnoreCase(name) ? List.of(DatasetName.values()) : List.of(DatasetName.fromKey(name));
        Path root = dir != null ? dir : DataLocations.ofSystem(null).homeDatasets();
        if (root == null) {
            throw new IllegalArgumentException("no home folder to download into; pass --dir DIR");
        }
        ConsoleProgress progress = ConsoleProgress.onTerminal();
        DatasetDownloader downloader = new DatasetDownloader(root, mirror, progress);
        for (DatasetName n : names) {
            Path at = downloader.download(n);
            progress.finish();
            spec.commandLine().getOut().println(n + ": " + at);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}

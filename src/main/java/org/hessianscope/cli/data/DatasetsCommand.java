package org.hessianscope.cli.data;

import org.hessianscope.data.CatalogEntry;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"List the datasets: available or not, where each was found, record counts and size.",
                "Searched in order: --data-dir, $HESSIANSCOPE_DATA, ~/.hessianscope/datasets, "
                        + "/usr/share/datasets; then the embedded subsets of MNIST and Fashion-MNIST."})
public final class DatasetsCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding full datasets, searched first.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        print(new DatasetCatalog(DataLocations.ofSystem(dataDir)), out);
        out.flush();
        return 0;
    }

    static void print(DatasetCatalog catalog, PrintWriter o) {
        o.printf("%-14s %-10s %8s %8s %10s  %s%n", "dataset", "available", "train", "test", "size", "found in");
        for (CatalogEntry e : catalog.entries()) {
            if (e.available()) {
                o.printf(Locale.ROOT, "%-14s %-10s %8d %8d %7.1f MB  %s%n", e.name(), "yes", e.trainCount(),
                        e.testCount(), e.bytes() / 1e6, e.source());
            } else {
                o.printf("%-14s %-10s %8s %8s %10s  %s%n", e.name(), "no", "-", "-", "-", "");
            }
            if (!e.note().isEmpty()) {
                o.printf("%-14s note: %s%n", "", e.note());
            }
        }
        o.printf("searched, in order: %s%n", String.join("; ", catalog.locations().searchOrder()));
    }
}

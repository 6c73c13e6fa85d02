package org.hessianscope.cli.experiment;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.experiment.DamagedRun;
import org.hessianscope.experiment.RunKey;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.StoredRun;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the run store's runs, and report damaged run folders with what is wrong; or add a run "
                + "folder made by train to the store (--import).")
public final class RunsCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "DIR", description = "Run store folder (default ~/.local/share/hessianscope/runs; README: Where files go).")
    Path store;

    @Option(names = "--import", paramLabel = "RUN_DIR", description = "Add this run folder (from train) to the store.")
    Path importRun;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "With --import: folder holding the full dataset.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        RunStore s = new RunStore(store == null ? RunStore.defaultRoot() : store);
        if (importRun != null) {
            RunInfo info = RunFolder.readInfo(importRun);
            Dataset all = new DatasetCatalog(DataLocations.ofSystem(dataDir))
                    .load(DatasetName.fromKey(info.data().dataset()), Split.TRAIN);
            if (info.data().trainSize() > all.size()) {
                throw new IllegalArgumentException(importRun + " trained on " + info.data().trainSize()
                        + " records but only " + all.size() + " are available (" + all.describe()
                        + "); give --data-dir with the full dataset");
            }
            StoredRun r = s.importRun(importRun, all.first(info.data().trainSize()));
            System.out.println("stored as " + r.folder());
            return 0;
        }
        RunStore.Scan scan = s.scan();
        System.out.println(scan.runs().size() + " run(s) in " + s.root());
        for (StoredRun r : scan.runs()) {
            RunInfo i = r.info();
            System.out.printf(Locale.ROOT, "  %-48s %-14s %6d records %3d epochs  test accuracy %s  %s%n",
                    r.folder().getFileName(), RunKey.describe(r.key().spec()), i.data().trainSize(),
                    i.options().epochs(), i.test() == null ? "-" : String.format(Locale.ROOT, "%.4f", i.test().accuracy()),
                    java.nio.file.Files.isRegularFile(r.folder().resolve(AnalysisStore.FILE)) ? "analysed" : "not analysed");
        }
        for (DamagedRun d : scan.damaged()) {
            System.out.println("damaged, skipped: " + d);
        }
        return scan.damaged().isEmpty() ? 0 : 1;
    }
}

package org.hessianscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.task.SettingIOException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The core names the data folder in its own words; the CLI names it by its flag. */
class UserErrorHandlerTest {

    @Test
    void aMissingDatasetIsReportedWithTheDataDirFlag() {
        // No folder to search, and CIFAR-10 has no embedded subset: it is found nowhere.
        DatasetCatalog nowhere = new DatasetCatalog(new DataLocations(null, null, null, null));
        SettingIOException e = assertThrows(SettingIOException.class, () -> nowhere.load(DatasetName.CIFAR10, Split.TRAIN));
        assertTrue(e.getMessage().endsWith("fetches it, or give the data folder"), e.getMessage());

        CommandLine train = HessianScopeCli.commandLine().getSubcommands().get("train");
        StringWriter err = new StringWriter();
        train.setErr(new PrintWriter(err, true));
        int code = new UserErrorHandler().handleExecutionException(e, train, null);
        assertEquals(2, code);
        String line = err.toString().strip();
        assertTrue(line.startsWith("error: cifar10 was not found; searched "), line);
        assertTrue(line.endsWith("`hessianscope download cifar10` fetches it, or give --data-dir"), line);
    }
}

package org.hessianscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every location from an injected environment, so the real home is never read. */
class UserFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void homeFromTheEnvironmentBeatsUserHomeAndXdgDefaultsApply() {
        Path home = tmp.resolve("h");
        UserFolders f = new UserFolders(Map.of("HOME", home.toString()), "/password/database/home");
        assertEquals(home.resolve(".config/hessianscope/session.json"), f.sessionFile());
        assertEquals(home.resolve(".cache/hessianscope/native-cache"), f.nativeCache());
        assertEquals(home.resolve(".cache/hessianscope/analysis-cache"), f.analysisCache());
        assertEquals(home.resolve(".local/share/hessianscope/datasets"), f.datasets());
        assertEquals(home.resolve(".local/share/hessianscope/runs"), f.runs());
        assertEquals(home.resolve(".local/share/hessianscope/sweeps"), f.sweeps());
    }

    @Test
    void userHomeIsUsedOnlyWhenHomeIsUnset() {
        UserFolders f = new UserFolders(Map.of(), tmp.toString());
        assertEquals(tmp.resolve(".local/share/hessianscope/runs"), f.runs());
    }

    @Test
    void absoluteXdgVariablesAreHonouredAndRelativeOnesIgnored() {
        Map<String, String> env = Map.of("HOME", tmp.toString(),
                "XDG_CONFIG_HOME", "/etc-like/config", "XDG_CACHE_HOME", "relative/cache", "XDG_DATA_HOME", "/data");
        UserFolders f = new UserFolders(env, null);
        assertEquals(Path.of("/etc-like/config/hessianscope/session.json"), f.sessionFile());
        assertEquals(tmp.resolve(".cache/hessianscope/native-cache"), f.nativeCache(), "relative XDG_CACHE_HOME ignored");
        assertEquals(Path.of("/data/hessianscope/datasets"), f.datasets());
    }

    @Test
    void hessianscopeHomeHoldsEverythingWhateverElseIsSet() {
        Map<String, String> env = Map.of("HOME", tmp.toString(), "XDG_DATA_HOME", "/data",
                UserFolders.HOME_VARIABLE, "/srv/hs");
        UserFolders f = new UserFolders(env, null);
        assertEquals(Path.of("/srv/hs/session.json"), f.sessionFile());
        assertEquals(Path.of("/srv/hs/native-cache"), f.nativeCache());
        assertEquals(Path.of("/srv/hs/datasets"), f.datasets());
        assertEquals(Path.of("/srv/hs/runs"), f.runs());
        assertEquals(Path.of("/srv/hs/sweeps"), f.sweeps());
    }

    @Test
    void anExistingOldLocationIsKeptAndTheOthersMoveToXdg() throws IOException {
        Files.createDirectories(tmp.resolve(".hessianscope/runs"));
        Files.writeString(tmp.resolve(".hessianscope/session.json"), "{}");
        UserFolders f = new UserFolders(Map.of("HOME", tmp.toString(), "XDG_DATA_HOME", "/data"), null);
        assertEquals(tmp.resolve(".hessianscope/runs"), f.runs(), "old run store still used");
        assertEquals(tmp.resolve(".hessianscope/session.json"), f.sessionFile(), "old session still read");
        assertEquals(Path.of("/data/hessianscope/datasets"), f.datasets(), "no old datasets folder: XDG");
        assertEquals(tmp.resolve(".cache/hessianscope/native-cache"), f.nativeCache());
    }

    @Test
    void withoutAnyHomeTheWorkingDirectoryIsUsedVisibly() {
        UserFolders f = new UserFolders(Map.of(), null);
        assertNull(f.home());
        assertEquals(Path.of(".hessianscope/runs"), f.runs());
    }
}

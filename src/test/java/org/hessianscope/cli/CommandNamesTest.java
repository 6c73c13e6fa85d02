package org.hessianscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** One name per concept on the command line; the names used before stay as aliases of the same command. */
class CommandNamesTest {
    @Test
    void oldCommandNamesAreAliasesOfTheVocabularyNames() {
        CommandLine root = HessianScopeCli.commandLine();
        assertAlias(root, "loss-difference", "lossdiff");
        assertAlias(root, "curvature", "hessian");
        assertAlias(root.getSubcommands().get("figure"), "loss-difference", "lossdiff");
        assertAlias(root.getSubcommands().get("figure"), "per-sample", "persample");
        assertAlias(root.getSubcommands().get("bench"), "loss-difference", "lossdiff");
    }

    private static void assertAlias(CommandLine parent, String name, String alias) {
        Map<String, CommandLine> subs = parent.getSubcommands();
        CommandLine sub = subs.get(name);
        assertEquals(name, sub.getCommandName(), "the command's own name");
        assertSame(sub, subs.get(alias), alias + " reaches " + name);
    }
}

package org.hessianscope.cli.common;

import org.hessianscope.landscape.LossDifferenceOptions;
import picocli.CommandLine.Option;

/** The random orderings of the lossDifference analysis and its smoothing, shared by every command that computes it. */
public final class OrderingOptions {

    @Option(names = "--orderings", defaultValue = "500", description = "Random orderings S (default ${DEFAULT-VALUE}).")
    public int orderings;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the orderings (default ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--alpha", defaultValue = "0.995",
            description = "Exponential smoothing factor in (0, 1) (default ${DEFAULT-VALUE}, as in the paper).")
    public double alpha;

    /** Checks the values before any work starts, naming the option and what would be valid. */
    public OrderingOptions validated() {
        LossDifferenceOptions.requireOrderings("--orderings", orderings);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha = " + alpha + ": must be in the open interval (0, 1), e.g. 0.995");
        }
        return this;
    }
}

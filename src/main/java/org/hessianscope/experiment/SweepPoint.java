package org.hessianscope.experiment;

import org.hessianscope.arch.ArchitectureSpec;

/**
 * One run of a sweep: a network and the seed it is trained with.
 *
 * @param index position in the sweep, from 0 (the networks of the first seed, then those of the next)
 * @param value the swept parameter's value as written in the sweep file (the legend label)
 * @param spec  the network
 * @param seed  the training seed
 */
public record SweepPoint(int index, String value, ArchitectureSpec spec, long seed) {
}

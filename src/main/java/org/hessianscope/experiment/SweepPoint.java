package org.hessianscope.experiment;

import org.hessianscope.arch.ArchitectureSpec;

/**
 * One network of a sweep.
 *
 * @param index position in the sweep, from 0
 * @param value the swept parameter's value as written in the sweep file (the legend label)
 * @param spec  the network
 */
public record SweepPoint(int index, String value, ArchitectureSpec spec) {
}

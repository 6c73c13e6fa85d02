package org.hessianscope.ui.builder;

/** One row of the builder's shape table: a stage, the map it produces and its parameters. */
public record LayerRow(String stage, String output, int parameters) {
}

package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;

/** A network read from a DL4J model: its spec and θ in our {@link org.hessianscope.arch.ParameterLayout}. */
public record Dl4jModel(ArchitectureSpec spec, double[] theta) {
    public Dl4jModel {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }
}

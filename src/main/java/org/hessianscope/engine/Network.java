package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;

/** The compiled, immutable, thread-safe form of a spec that the engine evaluates. CONTRACT: the engine helper fills this in. */
public final class Network {
    private final ArchitectureSpec spec;
    private final ParameterLayout layout;

    private Network(ArchitectureSpec spec) {
        this.spec = spec;
        this.layout = spec.parameterLayout();
    }

    public static Network of(ArchitectureSpec spec) {
        return new Network(spec);
    }

    public ArchitectureSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public int parameterCount() {
        return layout.size();
    }

    public int classes() {
        return spec.classes();
    }
}

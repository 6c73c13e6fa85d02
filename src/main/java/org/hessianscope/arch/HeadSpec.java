package org.hessianscope.arch;

import java.util.List;

/** Widths of the hidden fully connected layers (each followed by ReLU) before the linear layer to the logits. */
public record HeadSpec(List<Integer> hidden) {
    public HeadSpec {
        SpecChecks.layers("head.hidden layers", hidden.size());
        hidden = List.copyOf(hidden);
        for (int j = 0; j < hidden.size(); j++) {
            SpecChecks.positive("head.hidden[" + j + "]", hidden.get(j));
        }
    }

    public static final HeadSpec LINEAR = new HeadSpec(List.of());
}

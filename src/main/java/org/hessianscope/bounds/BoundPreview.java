package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;

/**
 * The paper's bounds for a spec alone, for the GUI's sliders: w and w̃ from the
 * initialisation range 1/√fan_in, ‖x‖² given. No θ, no data pass, no operator
 * norms: only shape arithmetic, so it costs microseconds.
 *
 * @param lemma3     {@code null} without a pool
 * @param lemma4     {@code null} without a hidden head
 * @param applicable the statement that covers this network ({@link PaperBounds#applicable})
 */
public record BoundPreview(BoundConventions conventions, Bound theorem2, Bound lemma3, Bound lemma4,
                           Bound applicable) {

    public static BoundPreview of(ArchitectureSpec spec, double inputNormSq) {
        BoundConventions c = BoundConventions.preview(spec, inputNormSq);
        return new BoundPreview(c, PaperBounds.theorem2(c), c.hasPool() ? PaperBounds.lemma3(c) : null,
                c.hasHiddenHead() ? PaperBounds.lemma4(c) : null, PaperBounds.applicable(c));
    }
}

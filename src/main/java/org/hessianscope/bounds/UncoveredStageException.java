package org.hessianscope.bounds;

import org.hessianscope.arch.Stage;

/**
 * A bound was asked for a network with a stage that the paper's theorems say nothing about.
 * The theorems are proved for f(x) = T^(L+1) Λ^(L) … Λ^(1) T^(1) x: valid stride-1
 * convolutions T^(l), ReLUs Λ^(l), one max or average pool in place of a ReLU (Lemma 3) and a
 * fully connected head (hidden layers with ReLU by Lemma 4). Every bounds visitor over
 * {@link Stage} throws this for a stage type outside that list instead of skipping it, since a
 * skipped stage would give a number that looks like a bound but is not one.
 */
public final class UncoveredStageException extends IllegalArgumentException {

    /** What the theorems cover, in the words of the message. */
    static final String COVERED = "the paper's bounds are proved for valid stride-1 convolutions, ReLUs, one max or "
            + "average pool in place of a ReLU (Lemma 3) and a fully connected head (hidden layers by Lemma 4)";

    private final String stage;

    /**
     * @param statement the statement being evaluated, as named in the docs ({@code "Theorem 2"}, {@code "Lemma 2"})
     * @param stage     the stage it does not cover
     */
    public UncoveredStageException(String statement, Stage stage) {
        super(statement + " does not cover stage '" + stage.name() + "' (" + stage.in() + " → " + stage.out() + "): "
                + COVERED);
        this.stage = stage.name();
    }

    /** The name of the stage that was refused. */
    public String stage() {
        return stage;
    }
}

package org.hessianscope.ui.builder;

import java.util.function.Predicate;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * ControlsFX validation of the builder's text fields: a field whose text is not a valid value gets
 * ControlsFX's error mark with the reason on hover. Without it a number field bound through a
 * converter silently keeps its old value when the text does not parse ("abc", "0" epochs).
 */
public final class FieldValidation {
    /** The largest training set any dataset has (MNIST and Fashion-MNIST: 60,000); the run checks the real one. */
    static final int MAX_TRAIN_SIZE = 60_000;
    private final ValidationSupport support = new ValidationSupport();

    public ValidationSupport support() {
        return support;
    }

    void trainSize(TextField f) {
        register(f, t -> within(t, 2, MAX_TRAIN_SIZE), "training-set size must be a whole number from 2 to 60,000");
    }

    void epochs(TextField f) {
        register(f, t -> within(t, 1, Integer.MAX_VALUE), "epochs must be a whole number, 1 or more");
    }

    void seed(TextField f) {
        register(f, t -> within(t, Integer.MIN_VALUE, Integer.MAX_VALUE), "the seed must be a whole number");
    }

    void hidden(TextField f) {
        register(f, t -> t.isBlank() || java.util.Arrays.stream(t.split(",")).allMatch(w -> within(w, 1, 1_000_000)),
                "hidden widths must be empty or positive whole numbers separated by commas, e.g. 64,32");
    }

    private void register(TextField f, Predicate<String> valid, String message) {
        support.registerValidator(f, false, Validator.createPredicateValidator(
                (String t) -> valid.test(t == null ? "" : t), message));
    }

    /** Whether {@code text} is a whole number from lo to hi. */
    static boolean within(String text, long lo, long hi) {
        if (text == null) {
            return false;
        }
        try {
            long v = Long.parseLong(text.trim());
            return v >= lo && v <= hi;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

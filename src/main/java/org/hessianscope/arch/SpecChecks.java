package org.hessianscope.arch;

final class SpecChecks {
    private SpecChecks() {
    }

    static void positive(String field, int value) {
        if (value < 1) {
            throw new SpecException(field + " = " + value + " must be a positive whole number");
        }
    }
}

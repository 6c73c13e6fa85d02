package org.hessianscope.data;

/** Which part of a dataset: the training file(s) or the test file(s). */
public enum Split {
    TRAIN("train"),
    TEST("test");

    private final String key;

    Split(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }
}

package org.hessianscope.data;

/** Where a dataset was found, in the order they are searched. */
public enum SourceKind {
    DATA_DIR("--data-dir"),
    ENVIRONMENT("HESSIANSCOPE_DATA"),
    HOME("user datasets folder"),
    SYSTEM("system (Debian package)"),
    EMBEDDED("embedded subset");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** How the source is shown to a user. */
    public String label() {
        return label;
    }
}

package org.hessianscope.data;

/** Where a dataset came from: the kind of source and the folder or classpath location. */
public record DataSource(SourceKind kind, String location) {
    @Override
    public String toString() {
        return kind.label() + " " + location;
    }
}

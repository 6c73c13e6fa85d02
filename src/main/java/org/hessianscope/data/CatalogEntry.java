package org.hessianscope.data;

/**
 * What the catalog knows of one dataset: where it was found ({@code source} is null when it
 * is not available), its record counts, its bytes on disk (or in the build for the embedded
 * subsets), and a note on anything a user should know (an incomplete folder, an unreadable file).
 */
public record CatalogEntry(DatasetName name, DataSource source, int trainCount, int testCount, long bytes,
                           String note) {

    public boolean available() {
        return source != null;
    }
}

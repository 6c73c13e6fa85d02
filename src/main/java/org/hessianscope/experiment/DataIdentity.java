package org.hessianscope.experiment;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hessianscope.data.Dataset;

/**
 * Which training records a run saw: the dataset, how many (the first N in file order) and a
 * SHA-256 of their pixels and labels. The digest, not the file's location, identifies the
 * data, so the embedded MNIST subset and the first 10,000 records of the full file are the
 * same data, while a different file under the same name is not.
 */
public record DataIdentity(String dataset, int trainSize, String sha256) {

    public DataIdentity {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset name is missing");
        }
        if (trainSize < 1) {
            throw new IllegalArgumentException("trainSize = " + trainSize + "; need at least 1");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 = " + sha256 + " is not 64 lowercase hex digits");
        }
    }

    public static DataIdentity of(Dataset train) {
        MessageDigest sha = newDigest();
        int n = train.size();
        ByteBuffer header = ByteBuffer.allocate(12).putInt(n).putInt(train.inputShape().height())
                .putInt(train.inputShape().channels());
        sha.update(header.array());
        byte[] row = null;
        for (int i = 0; i < n; i++) {
            int[] px = train.rawImage(i);
            if (row == null || row.length != px.length + 1) {
                row = new byte[px.length + 1];
            }
            for (int j = 0; j < px.length; j++) {
                row[j] = (byte) px[j];
            }
            row[px.length] = (byte) train.label(i);
            sha.update(row);
        }
        return new DataIdentity(train.name().key(), n, HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}

package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads CIFAR-10's binary batches ({@code data_batch_1..5.bin}, {@code test_batch.bin}):
 * records of 3073 bytes, a label byte then 1024 red, 1024 green and 1024 blue bytes,
 * each plane row by row. That is already (channel, row, column) order, so pixels are
 * kept as they come. Several files are read as one set, in the order given.
 */
final class CifarReader {
    static final int PIXELS = 3 * 32 * 32;
    static final int RECORD = 1 + PIXELS;

    private CifarReader() {
    }

    static RawImages read(List<DataFile> files, int classes) throws IOException {
        long records = 0;
        for (DataFile f : files) {
            records += recordsOf(f);
        }
        if (records * PIXELS > BoundedRead.MAX_BYTES) {
            throw new DatasetFormatException(files.get(0).name(), "the " + files.size() + " files hold " + records
                    + " records, more than the limit of " + BoundedRead.MAX_BYTES / PIXELS);
        }
        byte[] pixels = new byte[(int) (records * PIXELS)];
        byte[] labels = new byte[(int) records];
        int at = 0;
        byte[] record = new byte[RECORD];
        for (DataFile f : files) {
            long n = recordsOf(f);
            try (InputStream in = f.open()) {
                for (long r = 0; r < n; r++, at++) {
                    int got = BoundedRead.upTo(in, record, 0, RECORD);
                    if (got < RECORD) {
                        throw new DatasetFormatException(f.name(), "truncated: record " + r + " ends after " + got
                                + " of its " + RECORD + " bytes");
                    }
                    int label = record[0] & 0xff;
                    if (label >= classes) {
                        throw new DatasetFormatException(f.name(), "label " + label + " of record " + r
                                + " is outside 0.." + (classes - 1));
                    }
                    labels[at] = (byte) label;
                    System.arraycopy(record, 1, pixels, at * PIXELS, PIXELS);
                }
                if (in.read() >= 0) {
                    throw new DatasetFormatException(f.name(), "longer than its size of " + f.length() + " bytes");
                }
            }
        }
        return new RawImages(InputShape.CIFAR10, pixels, labels);
    }

    /** Records in one file, from its size: a whole, non-zero number of 3073-byte records. */
    static long recordsOf(DataFile f) throws DatasetFormatException {
        if (f.length() < 0) {
            throw new DatasetFormatException(f.name(), "size unknown; a CIFAR-10 batch must be a plain file");
        }
        if (f.length() == 0) {
            throw new DatasetFormatException(f.name(), "empty; a CIFAR-10 batch holds records of " + RECORD + " bytes");
        }
        if (f.length() % RECORD != 0) {
            throw new DatasetFormatException(f.name(), "size " + f.length() + " bytes is not a multiple of " + RECORD
                    + " (1 label byte + 3072 pixel bytes a record): truncated, or not a CIFAR-10 binary batch");
        }
        return f.length() / RECORD;
    }
}

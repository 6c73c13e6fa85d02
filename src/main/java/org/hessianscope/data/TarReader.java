package org.hessianscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The little of the tar format that CIFAR-10's archive needs: 512-byte ustar headers,
 * octal sizes, regular files. Only files whose base name is wanted are written, under
 * that base name, so an entry's path can never point outside the target folder.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {
    }

    /** Writes the wanted regular files of the tar stream into {@code dir}; returns the names written. */
    static Set<String> extract(InputStream in, String archive, Path dir, Set<String> wanted) throws IOException {
        Set<String> written = new LinkedHashSet<>();
        byte[] header = new byte[BLOCK];
        while (true) {
            int got = BoundedRead.upTo(in, header, 0, BLOCK);
            if (got == 0) {
                return written;
            }
            if (got < BLOCK) {
                throw new DatasetFormatException(archive, "truncated tar header (" + got + " of 512 bytes)");
            }
            if (allZero(header)) {
                return written;
            }
            checkChecksum(archive, header);
            String name = entryName(header);
            long size = octal(archive, header, 124, 12, "size of " + name);
            if (size > BoundedRead.MAX_BYTES) {
                throw new DatasetFormatException(archive, "entry " + name + " declares " + size
                        + " bytes, more than the limit of " + BoundedRead.MAX_BYTES);
            }
            byte type = header[156];
            String base = name.substring(name.lastIndexOf('/') + 1);
            boolean regular = type == '0' || type == 0;
            if (regular && wanted.contains(base)) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(base))) {
                    copy(in, out, size, archive, name);
                }
                written.add(base);
            } else {
                copy(in, OutputStream.nullOutputStream(), size, archive, name);
            }
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            copy(in, OutputStream.nullOutputStream(), pad, archive, name);
        }
    }

    private static String entryName(byte[] h) {
        String name = text(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? text(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static void checkChecksum(String archive, byte[] h) throws DatasetFormatException {
        long stored = octal(archive, h, 148, 8, "header checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new DatasetFormatException(archive, "tar header checksum " + stored + " does not match its bytes ("
                    + sum + "): the archive is damaged");
        }
    }

    private static long octal(String archive, byte[] h, int at, int len, String field) throws DatasetFormatException {
        long v = 0;
        boolean digits = false;
        for (int i = at; i < at + len; i++) {
            int b = h[i] & 0xff;
            if (b >= '0' && b <= '7') {
                v = v * 8 + (b - '0');
                digits = true;
            } else if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
            } else {
                throw new DatasetFormatException(archive, "tar " + field + " is not an octal number");
            }
        }
        return v;
    }

    private static void copy(InputStream in, OutputStream out, long size, String archive, String entry)
            throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new DatasetFormatException(archive, "truncated inside entry " + entry + " (" + (size - left)
                        + " of " + size + " bytes)");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static String text(byte[] h, int at, int len) {
        int end = at;
        while (end < at + len && h[end] != 0) {
            end++;
        }
        return new String(h, at, end - at, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

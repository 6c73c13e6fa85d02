package org.hessianscope.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The checksum a downloaded file must have: {@code algorithm} (SHA-256, MD5) over the
 * file's bytes, or over its decompressed bytes when {@code ofDecompressed} (so that the
 * check does not depend on how a mirror compressed the IDX data).
 */
public record ExpectedDigest(String algorithm, boolean ofDecompressed, String hex) {

    public ExpectedDigest {
        hex = hex.toLowerCase(Locale.ROOT);
    }

    public static ExpectedDigest sha256OfDecompressed(String hex) {
        return new ExpectedDigest("SHA-256", true, hex);
    }

    public static ExpectedDigest md5(String hex) {
        return new ExpectedDigest("MD5", false, hex);
    }

    /** The digest of {@code file} computed the way this one was; an error if the file is not gzip when it must be. */
    public String compute(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = ofDecompressed ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw new DatasetFormatException(file.toString(), "is not valid gzip data (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** What is checked, for messages: e.g. "SHA-256 of the decompressed data". */
    public String describe() {
        return algorithm + (ofDecompressed ? " of the decompressed data" : "");
    }
}

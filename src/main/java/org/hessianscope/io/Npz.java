package org.hessianscope.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}: a zip archive of {@code <key>.npy} entries, STORED
 * ({@code numpy.savez}) or DEFLATED ({@code numpy.savez_compressed}). Keys keep
 * the archive's order. Every problem, including a damaged zip, is a
 * {@link NpyFormatException} naming the file and entry.
 */
public final class Npz {

    private Npz() {
    }

    public static Map<String, NpyArray> read(Path file) throws IOException {
        return read(file, NpzLimits.DEFAULT);
    }

    public static Map<String, NpyArray> read(Path file, NpzLimits limits) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .npz file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString(), limits);
        }
    }

    public static Map<String, NpyArray> read(byte[] bytes, String where, NpzLimits limits) throws NpyFormatException {
        try {
            return read(new ByteArrayInputStream(bytes), where, limits);
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException(where + ": " + e.getMessage(), e);
        }
    }

    /** Reads every entry of the archive in {@code in}; {@code where} names it in messages. */
    public static Map<String, NpyArray> read(InputStream in, String where, NpzLimits limits) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        checkZipSignature(buffered, where);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        long total = 0;
        byte[] chunk = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(buffered)) {
            ZipEntry entry;
            while ((entry = nextEntry(zip, where)) != null) {
                String name = entry.getName();
                String at = where + ": entry " + BoundedText.printable(name, 120);   // a name may hold a newline
                if (arrays.size() >= limits.maxEntries()) {
                    throw new NpyFormatException(where + ": more than " + limits.maxEntries() + " entries");
                }
                if (entry.isDirectory() || !name.endsWith(".npy")) {
                    throw new NpyFormatException(at + " is not a .npy array; an .npz holds only <key>.npy entries");
                }
                String key = name.substring(0, name.length() - 4);
                if (arrays.containsKey(key)) {
                    throw new NpyFormatException(at + " appears twice");
                }
                long cap = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
                if (entry.getSize() > cap) {
                    throw new NpyFormatException(at + " declares " + entry.getSize() + " bytes, over the limit of " + cap);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int n;
                while ((n = readChunk(zip, chunk, at)) > 0) {
                    if (bytes.size() + (long) n > cap) {
                        throw new NpyFormatException(at + " inflates to more than " + cap + " bytes (limit: "
                                + limits.maxEntryBytes() + " an entry, " + limits.maxTotalBytes() + " in all)");
                    }
                    bytes.write(chunk, 0, n);
                }
                total += bytes.size();
                byte[] content = bytes.toByteArray();
                arrays.put(key, Npy.read(content, 0, content.length, at));
            }
        }
        return arrays;
    }

    /**
     * ZipInputStream silently reports "no entries" for data that is not a zip at
     * all; looking at the signature first turns that into a clear error.
     */
    private static void checkZipSignature(InputStream in, String where) throws IOException {
        in.mark(4);
        byte[] sig = in.readNBytes(4);
        in.reset();
        boolean local = sig.length == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
        boolean empty = sig.length == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 5 && sig[3] == 6;
        if (!local && !empty) {
            throw new NpyFormatException(where + ": not an .npz archive (a zip file starts with PK\\3\\4)");
        }
    }

    // java.util.zip reports damaged archives with ZipException, EOFException and,
    // for some malformed headers, unchecked exceptions (e.g. IllegalArgumentException
    // for a badly encoded name); all of them mean "damaged archive" here.
    private static ZipEntry nextEntry(ZipInputStream zip, String where) throws NpyFormatException {
        try {
            return zip.getNextEntry();
        } catch (IOException | RuntimeException e) {
            throw new NpyFormatException(where + ": damaged zip archive: " + e.getMessage(), e);
        }
    }

    private static int readChunk(ZipInputStream zip, byte[] chunk, String at) throws NpyFormatException {
        try {
            int n = zip.read(chunk, 0, chunk.length);
            return Math.max(n, 0);
        } catch (IOException | RuntimeException e) {
            throw new NpyFormatException(at + ": damaged zip data: " + e.getMessage(), e);
        }
    }

    /** The archive as bytes; {@code compressed} chooses DEFLATED (like savez_compressed) over STORED (like savez). */
    public static byte[] toBytes(Map<String, NpyArray> arrays, boolean compressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                byte[] npy = Npy.toBytes(e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(npy);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(npy.length);
                    entry.setCompressedSize(npy.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to memory", e);
        }
        return out.toByteArray();
    }

    /** Writes the archive atomically. */
    public static void write(Map<String, NpyArray> arrays, Path file, boolean compressed) throws IOException {
        AtomicFiles.write(file, toBytes(arrays, compressed));
    }
}

package org.hessianscope.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds {@code .npy} and {@code .npz} bytes field by field from the format
 * specifications (numpy.lib.format; PKWARE APPNOTE 4.3.7 local header, 4.3.12
 * central directory, 4.3.16 end record, 4.5.3 zip64 extra), independently of
 * the production writers, so that the readers are checked against the formats
 * rather than against themselves.
 */
public final class HandWritten {
    private HandWritten() {
    }

    /** A .npy array: magic, version major.0, the little-endian header length (2 or 4 bytes), the header, the data. */
    public static byte[] npy(int major, String header, byte[] data) {
        Bytes b = new Bytes();
        b.u8(0x93).ascii("NUMPY").u8(major).u8(0);
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (major == 1) {
            b.u16(h.length);
        } else {
            b.u32(h.length);
        }
        b.raw(h).raw(data);
        return b.toArray();
    }

    /** The dict padded with spaces and a final newline so that preamble + header is a multiple of 64. */
    public static String padded(int preamble, String dict) {
        StringBuilder sb = new StringBuilder(dict);
        while ((preamble + sb.length() + 1) % 64 != 0) {
            sb.append(' ');
        }
        return sb.append('\n').toString();
    }

    static byte[] f8le(double... values) {
        Bytes b = new Bytes();
        for (double v : values) {
            b.u64(Double.doubleToRawLongBits(v));
        }
        return b.toArray();
    }

    static byte[] f8be(double... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            for (int s = 56; s >= 0; s -= 8) {
                out.write((int) (bits >>> s) & 0xff);
            }
        }
        return out.toByteArray();
    }

    static byte[] f4le(float... values) {
        Bytes b = new Bytes();
        for (float v : values) {
            b.u32(Float.floatToRawIntBits(v));
        }
        return b.toArray();
    }

    /** One zip entry: its name, its uncompressed bytes and how to store it. */
    record Entry(String name, byte[] content, boolean deflate, boolean zip64Extra) {
        static Entry stored(String name, byte[] content) {
            return new Entry(name, content, false, false);
        }

        static Entry deflated(String name, byte[] content) {
            return new Entry(name, content, true, false);
        }
    }

    /** A zip archive; {@code zip64Extra} entries carry their sizes in a zip64 extra field as numpy ≥ 1.x's savez does. */
    static byte[] zip(Entry... entries) {
        Bytes out = new Bytes();
        Bytes central = new Bytes();
        for (Entry e : entries) {
            byte[] data = e.deflate ? rawDeflate(e.content) : e.content;
            CRC32 crc = new CRC32();
            crc.update(e.content);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            byte[] extra = new byte[0];
            long size32 = e.content.length;
            long csize32 = data.length;
            if (e.zip64Extra) {
                extra = new Bytes().u16(0x0001).u16(16).u64(e.content.length).u64(data.length).toArray();
                size32 = 0xffffffffL;
                csize32 = 0xffffffffL;
            }
            int offset = out.size();
            out.u32(0x04034b50).u16(e.zip64Extra ? 45 : 20).u16(0).u16(e.deflate ? 8 : 0).u16(0).u16(0x21)
                    .u32(crc.getValue()).u32(csize32).u32(size32).u16(name.length).u16(extra.length).raw(name).raw(extra)
                    .raw(data);
            central.u32(0x02014b50).u16(20).u16(20).u16(0).u16(e.deflate ? 8 : 0).u16(0).u16(0x21)
                    .u32(crc.getValue()).u32(data.length).u32(e.content.length).u16(name.length).u16(0).u16(0)
                    .u16(0).u16(0).u32(0).u32(offset).raw(name);
        }
        int cdOffset = out.size();
        byte[] cd = central.toArray();
        out.raw(cd);
        out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(cd.length).u32(cdOffset).u16(0);
        return out.toArray();
    }

    static byte[] rawDeflate(byte[] content) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** Little-endian field writer. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v & 0xff);
            return this;
        }

        Bytes u16(int v) {
            return u8(v).u8(v >>> 8);
        }

        Bytes u32(long v) {
            return u16((int) (v & 0xffff)).u16((int) ((v >>> 16) & 0xffff));
        }

        Bytes u64(long v) {
            return u32(v & 0xffffffffL).u32(v >>> 32);
        }

        Bytes ascii(String s) {
            return raw(s.getBytes(StandardCharsets.US_ASCII));
        }

        Bytes raw(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}

package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.io.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a spec with weights θ as a DL4J ModelSerializer zip: a
 * MultiLayerNetwork in double precision whose last layer is an OutputLayer
 * with softmax and MCXENT, so that DL4J users can evaluate or continue training
 * it. The zip also carries the spec JSON as {@value #SPEC_ENTRY}: DL4J does not
 * record the input size, and after a pool it cannot be recovered from the layers.
 */
public final class Dl4jExport {

    /** The zip entry holding the spec; DL4J ignores entries it does not know. */
    public static final String SPEC_ENTRY = "hessianscope/spec.json";

    private Dl4jExport() {
    }

    public static void write(ArchitectureSpec spec, double[] theta, Path zip) throws IOException {
        MultiLayerNetwork net = Dl4jNetworks.build(spec, theta, Dl4jNetworks.Head.SOFTMAX_CROSS_ENTROPY);
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path dl4j = Files.createTempFile(dir, ".dl4j-", ".tmp");
        Path tmp = AtomicFiles.temporarySibling(zip);
        try {
            ModelSerializer.writeModel(net, dl4j.toFile(), false);
            try (ZipFile in = new ZipFile(dl4j.toFile());
                 OutputStream os = Files.newOutputStream(tmp);
                 ZipOutputStream out = new ZipOutputStream(os)) {
                Enumeration<? extends ZipEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream is = in.getInputStream(e)) {
                        is.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(SPEC_ENTRY));
                out.write(SpecJson.toJson(spec).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            // A half-written zip must never sit under the final name.
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(dl4j);
            Files.deleteIfExists(tmp);
        }
    }
}

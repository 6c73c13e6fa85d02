package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer per run store at a time: {@code STORE/.lock} is locked by the operating system (so a
 * killed holder frees it at once) and names the holder's process id and start time, so a second
 * sweep on the same store is refused with a line saying who holds it instead of racing it.
 */
public final class StoreLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the store's lock, or throws an IOException naming the process that holds it. */
    public static StoreLock acquire(Path storeRoot) throws IOException {
        Files.createDirectories(storeRoot);
        Path file = storeRoot.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process, by another sweep
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new IOException("the run store " + storeRoot + " is in use by " + holder + "; wait for it to finish, "
                    + "or give another --store");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(true);
        return new StoreLock(ch, lock);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(200);
            ch.read(b, 0);
            String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return text.startsWith("pid ") ? "process " + text.substring(4) : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

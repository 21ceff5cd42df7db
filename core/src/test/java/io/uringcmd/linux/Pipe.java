package io.uringcmd.linux;

import io.uringcmd.internal.Libc;
import io.uringcmd.ring.ErrnoException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pipe for tests ({@code pipe2}): write bytes at one end, let the ring read them at the other. Close closes both ends. */
final class Pipe implements AutoCloseable {
    final int readFd;
    private int writeFd;

    Pipe() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(8, 4);
            ErrnoException.check("pipe2", Libc.pipe2(fds.address(), Libc.O_CLOEXEC));
            readFd = fds.get(JAVA_INT, 0);
            writeFd = fds.get(JAVA_INT, 4);
        }
    }

    /** Writes all of {@code data} (a pipe takes 64 KiB without blocking). */
    void write(byte[] data) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(MemorySegment.ofArray(data), 0, m, 0, data.length);
            long n = Libc.write(writeFd, m.address(), data.length);
            assertEquals(data.length, n, "write to pipe");
        }
    }

    void write(String ascii) { write(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII)); }

    /** Closes the write end: reads then see end of file (0 bytes). */
    void closeWriter() {
        if (writeFd >= 0) Libc.close(writeFd);
        writeFd = -1;
    }

    @Override
    public void close() {
        closeWriter();
        Libc.close(readFd);
    }
}

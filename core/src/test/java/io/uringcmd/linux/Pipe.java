package io.uringcmd.linux;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pipe for the buffer-ring tests ({@link Fds#pipe()}): write bytes at one end, let the ring read them at
 * {@link #readFd}; {@link #closeWriter()} makes reads see end of file. Close closes what is still open.
 */
final class Pipe implements AutoCloseable {
    final int readFd;
    private int writeFd;

    Pipe() {
        FdPair p = Fds.pipe();
        readFd = p.readEnd();
        writeFd = p.writeEnd();
    }

    /** Writes all of {@code data} (a pipe takes 64 KiB without blocking). */
    void write(byte[] data) {
        assertEquals(data.length, Fds.write(writeFd, data), "write to pipe");
    }

    void write(String ascii) { write(ascii.getBytes(StandardCharsets.US_ASCII)); }

    /** Closes the write end: reads then see end of file (0 bytes). */
    void closeWriter() {
        if (writeFd >= 0) Fds.close(writeFd);
        writeFd = -1;
    }

    @Override
    public void close() {
        closeWriter();
        Fds.close(readFd);
    }
}

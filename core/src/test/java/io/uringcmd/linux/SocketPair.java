package io.uringcmd.linux;

import io.uringcmd.internal.Libc;
import io.uringcmd.ring.ErrnoException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A connected AF_UNIX stream socket pair for tests: write at {@link #peer}, let the ring receive at {@link #fd}. */
final class SocketPair implements AutoCloseable {
    final int fd, peer;

    SocketPair() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(8, 4);
            ErrnoException.check("socketpair", Libc.socketpair(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0, fds.address()));
            fd = fds.get(JAVA_INT, 0);
            peer = fds.get(JAVA_INT, 4);
        }
    }

    void send(String ascii) {
        byte[] data = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(MemorySegment.ofArray(data), 0, m, 0, data.length);
            assertEquals(data.length, Libc.write(peer, m.address(), data.length), "write to socket");
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
        Libc.close(peer);
    }
}

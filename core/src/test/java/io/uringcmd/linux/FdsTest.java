package io.uringcmd.linux;

import io.uringcmd.ring.ErrnoException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: Fds makes working descriptors: connected TCP and UDP loopback pairs, AF_UNIX stream/dgram pairs, a
 * listening TCP socket, a pipe, a path opened with flags; data written on one end is read on the other; failures throw
 * ErrnoException with the errno.
 */
class FdsTest {
    @Test
    void pairsCarryData() {
        for (FdPair p : new FdPair[]{Fds.tcpPair(), Fds.udpPair(), Fds.unixStreamPair(), Fds.unixDgramPair(), Fds.pipe()}) {
            try (p) {
                assertEquals(3, Fds.write(p.second(), new byte[]{7, 8, 9}));
                assertArrayEquals(new byte[]{7, 8, 9}, Fds.read(p.first(), 16));
            }
        }
    }

    @Test
    void kindsAreRight() {
        try (FdPair tcp = Fds.tcpPair(); FdPair udp = Fds.udpPair(); FdPair pipe = Fds.pipe(); Listener l = Fds.tcpListener()) {
            assertEquals(FileKind.SOCKET, FileKind.of(tcp.first()));
            assertEquals(FileKind.SOCKET, FileKind.of(udp.second()));
            assertEquals(FileKind.PIPE, FileKind.of(pipe.readEnd()));
            assertEquals(Fds.SOCK_STREAM, Fds.getsockoptInt(tcp.second(), Fds.SOL_SOCKET, Fds.SO_TYPE));
            assertEquals(Fds.SOCK_DGRAM, Fds.getsockoptInt(udp.first(), Fds.SOL_SOCKET, Fds.SO_TYPE));
            assertTrue(l.port() > 0);
            assertEquals(l.port(), Fds.localPort(l.fd()));
            try (FdPair viaListener = l.connectAndAccept()) {
                Fds.write(viaListener.first(), new byte[]{1});
                assertArrayEquals(new byte[]{1}, Fds.read(viaListener.second(), 4));
            }
        }
        int devNull = Fds.open("/dev/null", Fds.O_RDWR);
        assertEquals(FileKind.DEV_NULL, FileKind.of(devNull));
        Fds.close(devNull);
    }

    @Test
    void failuresCarryTheErrno() {
        ErrnoException open = assertThrows(ErrnoException.class, () -> Fds.open("/nonexistent/x", Fds.O_RDONLY));
        assertEquals(2, open.errno());
        assertTrue(open.getMessage().contains("/nonexistent/x"), open.getMessage());
        int fd = Fds.open("/dev/null", Fds.O_RDONLY);
        Fds.close(fd);
        assertEquals(9, assertThrows(ErrnoException.class, () -> Fds.close(fd)).errno());
        assertEquals(111, assertThrows(ErrnoException.class, () -> {
            int port;
            try (Listener l = Fds.tcpListener()) {
                port = l.port();
            }
            Fds.connectTcp(port); // nobody listens any more
        }).errno());
    }
}

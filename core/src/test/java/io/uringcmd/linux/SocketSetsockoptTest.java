package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.linux.SocketGetsockoptTest.Kind;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: SOCKET_URING_OP_SETSOCKOPT returns 0 and the value is visible through getsockopt(2) (SO_KEEPALIVE,
 * SO_RCVBUF which the kernel doubles, TCP_NODELAY at IPPROTO_TCP); optlen 0 gives -EINVAL, an unknown SOL_SOCKET
 * optname -ENOPROTOOPT, an unknown level -ENOPROTOOPT on TCP/UDP and -EOPNOTSUPP on AF_UNIX (no protocol setsockopt;
 * found on 6.18.44, the reference says -ENOPROTOOPT for all) (shared/kernel-uring-cmd.md §5.1 rule 5, §8 socket-getsetsock-cmd).
 */
class SocketSetsockoptTest {
    @ParameterizedTest
    @EnumSource(Kind.class)
    void valueIsVisibleThroughGetsockopt(Kind kind) {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair p = SocketGetsockoptTest.pair(kind);
             Arena a = Arena.ofConfined()) {
            int fd = p.first();
            assertEquals(0, Fds.getsockoptInt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE));
            ring.sqe().prepSetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE, a.allocateFrom(JAVA_INT, 1)).userData(1);
            ring.sqe().prepSetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF, a.allocateFrom(JAVA_INT, 32768)).userData(2);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0)), RingTests.submitAndReap(ring, 2));
            assertEquals(1, Fds.getsockoptInt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE));
            assertEquals(65536, Fds.getsockoptInt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF));

            MemorySegment v = a.allocateFrom(JAVA_INT, 1);
            ring.sqe().prepSetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE, v.asSlice(0, 0)).userData(3);
            ring.sqe().prepSetsockopt(fd, Fds.SOL_SOCKET, 9999, v).userData(4);
            ring.sqe().prepSetsockopt(fd, 9999, 1, v).userData(5);
            // A level other than SOL_SOCKET goes to the protocol: AF_UNIX has none (sock_no_setsockopt, -EOPNOTSUPP).
            int unknownLevel = kind == Kind.TCP || kind == Kind.UDP ? -92 : -95;
            assertEquals(List.of(new CqeRecord(3, -22, 0), new CqeRecord(4, -92, 0), new CqeRecord(5, unknownLevel, 0)),
                    RingTests.submitAndReap(ring, 3));
        }
    }

    @Test
    void tcpLevelOptionWorks() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair(); Arena a = Arena.ofConfined()) {
            assertEquals(0, Fds.getsockoptInt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_NODELAY));
            ring.sqe().prepSetsockopt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_NODELAY, a.allocateFrom(JAVA_INT, 1)).userData(1);
            ring.sqe().prepSetsockopt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_USER_TIMEOUT, a.allocateFrom(JAVA_INT, 7)).userData(2);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0)), RingTests.submitAndReap(ring, 2));
            assertEquals(1, Fds.getsockoptInt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_NODELAY));
            assertEquals(7, Fds.getsockoptInt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_USER_TIMEOUT));
        }
    }
}

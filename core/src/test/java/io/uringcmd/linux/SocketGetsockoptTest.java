package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: SOCKET_URING_OP_GETSOCKOPT (SOL_SOCKET) on TCP, UDP and AF_UNIX sockets returns the resulting optlen as
 * res and writes the value getsockopt(2) gives: 4 for SO_RCVBUF with optlen 4 or 8 (only 4 bytes written), 2 with
 * optlen 2, 0 with 0, 8 for SO_LINGER; -ENOPROTOOPT for an unknown optname, -EINVAL for a negative optlen, -EFAULT for
 * a bad optval (shared/kernel-uring-cmd.md §5.1 rule 4, §8 socket-getsetsock-cmd).
 */
class SocketGetsockoptTest {
    enum Kind { TCP, UDP, UNIX_STREAM, UNIX_DGRAM }

    static FdPair pair(Kind k) {
        return switch (k) {
            case TCP -> Fds.tcpPair();
            case UDP -> Fds.udpPair();
            case UNIX_STREAM -> Fds.unixStreamPair();
            case UNIX_DGRAM -> Fds.unixDgramPair();
        };
    }

    static int type(Kind k) { return k == Kind.TCP || k == Kind.UNIX_STREAM ? Fds.SOCK_STREAM : Fds.SOCK_DGRAM; }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void returnsOptlenAndWritesTheValue(Kind kind) {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair p = pair(kind); Arena a = Arena.ofConfined()) {
            int fd = p.second();
            int rcvbuf = Fds.getsockoptInt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF);

            MemorySegment v4 = a.allocate(4);
            ring.sqe().prepGetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF, v4).userData(1);
            assertEquals(new CqeRecord(1, 4, 0), RingTests.submitOne(ring));
            assertEquals(rcvbuf, v4.get(JAVA_INT, 0));

            MemorySegment v8 = a.allocate(8).fill((byte) 0x5a);
            ring.sqe().prepGetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF, v8).userData(2);
            assertEquals(new CqeRecord(2, 4, 0), RingTests.submitOne(ring));
            assertEquals(rcvbuf, v8.get(JAVA_INT, 0));
            assertEquals(0x5a5a5a5a, v8.get(JAVA_INT, 4), "only optlen bytes are written");

            MemorySegment v2 = a.allocate(4).fill((byte) 0x5a);
            ring.sqe().prepGetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF, v2.asSlice(0, 2)).userData(3);
            assertEquals(new CqeRecord(3, 2, 0), RingTests.submitOne(ring));
            assertEquals((short) rcvbuf, v2.get(JAVA_SHORT, 0));
            assertEquals((byte) 0x5a, v2.get(JAVA_BYTE, 2));

            ring.sqe().prepGetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_RCVBUF, v4.asSlice(0, 0)).userData(4);
            assertEquals(new CqeRecord(4, 0, 0), RingTests.submitOne(ring));

            ring.sqe().prepGetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_TYPE, v4).userData(5);
            assertEquals(new CqeRecord(5, 4, 0), RingTests.submitOne(ring));
            assertEquals(type(kind), v4.get(JAVA_INT, 0));

            ring.sqe().prepGetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_LINGER, v8).userData(6);
            assertEquals(new CqeRecord(6, 8, 0), RingTests.submitOne(ring));
            assertEquals(0L, v8.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0), "linger off, 0 s");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void errors(Kind kind) {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair p = pair(kind); Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(4);
            ring.sqe().prepGetsockopt(p.first(), Fds.SOL_SOCKET, 9999, v).userData(1);
            ring.sqe().prepGetsockopt(p.first(), Fds.SOL_SOCKET, Fds.SO_RCVBUF, v).optlen(-1).userData(2);
            ring.sqe().prepGetsockopt(p.first(), Fds.SOL_SOCKET, Fds.SO_RCVBUF, v).addr3(8L).userData(3);
            assertEquals(java.util.List.of(new CqeRecord(1, -92, 0), new CqeRecord(2, -22, 0), new CqeRecord(3, -14, 0)),
                    RingTests.submitAndReap(ring, 3));
        }
    }
}

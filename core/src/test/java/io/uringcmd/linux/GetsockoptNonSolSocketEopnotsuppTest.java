package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: SOCKET_URING_OP_GETSOCKOPT with a level other than SOL_SOCKET gives -EOPNOTSUPP on 6.18 on TCP, UDP and AF_UNIX (e.g.
 * IPPROTO_TCP/TCP_NODELAY, which getsockopt(2) answers), and leaves optval untouched (shared/kernel-uring-cmd.md §5.1
 * rule 4).
 */
class GetsockoptNonSolSocketEopnotsuppTest {
    @Test
    void nonSolSocketLevelIsEopnotsupp() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair(); FdPair udp = Fds.udpPair();
             FdPair unix = Fds.unixStreamPair(); Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(4).fill((byte) 0x77);
            ring.sqe().prepGetsockopt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_NODELAY, v).userData(1);
            ring.sqe().prepGetsockopt(udp.first(), 0 /* IPPROTO_IP */, 1 /* IP_TOS */, v).userData(2);
            ring.sqe().prepGetsockopt(unix.first(), 0, 1, v).userData(3);
            assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(2, -95, 0), new CqeRecord(3, -95, 0)),
                    RingTests.submitAndReap(ring, 3));
            assertEquals(0x77777777, v.get(java.lang.foreign.ValueLayout.JAVA_INT, 0));
        }
    }
}

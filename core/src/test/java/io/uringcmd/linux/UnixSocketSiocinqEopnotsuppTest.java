package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: AF_UNIX stream and dgram sockets have no proto ioctl, so SIOCINQ and SIOCOUTQ give -EOPNOTSUPP even
 * with data queued (while GETSOCKOPT/SETSOCKOPT work, see SocketGetsockoptTest) (shared/kernel-uring-cmd.md §5.1
 * rule 1, §9).
 */
class UnixSocketSiocinqEopnotsuppTest {
    @Test
    void unixSiocinqAndSiocoutqAreEopnotsupp() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8));
             FdPair stream = Fds.unixStreamPair(); FdPair dgram = Fds.unixDgramPair()) {
            Fds.write(stream.first(), new byte[5]);
            Fds.write(dgram.first(), new byte[5]);
            ring.sqe().prepSiocinq(stream.second()).userData(1);
            ring.sqe().prepSiocoutq(stream.first()).userData(2);
            ring.sqe().prepSiocinq(dgram.second()).userData(3);
            ring.sqe().prepSiocoutq(dgram.first()).userData(4);
            assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(2, -95, 0), new CqeRecord(3, -95, 0),
                    new CqeRecord(4, -95, 0)), RingTests.submitAndReap(ring, 4));
        }
    }
}

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
 * Description: a socket cmd_op 6.18 does not know (5, which is GETSOCKNAME from 6.19; 0x1234) gives -EOPNOTSUPP, and
 * TX_TIMESTAMP (4) on a ring with 16-byte CQEs gives -EINVAL (shared/kernel-uring-cmd.md §5.1 rules 6-7, §9).
 */
class SocketUnknownCmdOpTest {
    @Test
    void unknownOpsAndTimestampOn16ByteRing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            ring.sqe().prepUringCmd(tcp.first(), 5).userData(1);
            ring.sqe().prepUringCmd(tcp.first(), 0x1234).userData(2);
            ring.sqe().prepTxTimestamp(tcp.first()).userData(3);
            assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(2, -95, 0), new CqeRecord(3, -22, 0)),
                    RingTests.submitAndReap(ring, 3));
        }
    }
}

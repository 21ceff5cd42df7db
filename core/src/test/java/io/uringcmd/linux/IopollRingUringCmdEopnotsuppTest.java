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
 * Description: on an IOPOLL ring a uring_cmd to a file without uring_cmd_iopoll (a socket, /dev/null) gives
 * -EOPNOTSUPP at issue (shared/kernel-uring-cmd.md §2.3 rule 4, §5.1, §5.4, §9).
 */
class IopollRingUringCmdEopnotsuppTest {
    @Test
    void socketAndDevNullOnIopollRing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4).iopoll()); FdPair tcp = Fds.tcpPair()) {
            int devNull = KernelTests.openDevNull();
            try {
                ring.sqe().prepSiocinq(tcp.second()).userData(1);
                ring.sqe().prepUringCmd(devNull, 0).userData(2);
                assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(2, -95, 0)), RingTests.submitAndReap(ring, 2));
            } finally {
                Fds.close(devNull);
            }
        }
    }
}

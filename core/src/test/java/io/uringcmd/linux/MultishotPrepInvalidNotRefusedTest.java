package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: the ring's multishot refusal covers only MULTISHOT with IOSQE_BUFFER_SELECT and without FIXED; the
 * combinations 6.18 rejects at prep (MULTISHOT alone, MULTISHOT|FIXED with BUFFER_SELECT) go through to a socket and
 * come back -EINVAL, so they never reach the driver (shared/kernel-uring-cmd.md §2.2 rules 3-4, §9).
 */
class MultishotPrepInvalidNotRefusedTest {
    @Test
    void prepInvalidMultishotReachesTheKernelAndFails() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            ring.sqe().prepSiocinq(tcp.first()).uringCmdFlags(IORING_URING_CMD_MULTISHOT).userData(1);
            ring.sqe().prepSiocinq(tcp.first()).uringCmdFlags(IORING_URING_CMD_MULTISHOT | IORING_URING_CMD_FIXED)
                    .addFlags(IOSQE_BUFFER_SELECT).bufGroup(1).userData(2);
            // Submit one at a time: a prep failure stops the batch (§2.1).
            ring.submit();
            ring.submit();
            assertEquals(List.of(new CqeRecord(1, -22, 0), new CqeRecord(2, -22, 0)), RingTests.reap(ring, 2));
            RingTests.assertNoCqe(ring);
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.UringCmdAction;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.AllocationMeter.assertAllocationFree;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: on the embedded host the steady-state submit/complete path allocates nothing per operation, for a
 * NOP and for a uring_cmd a device completes immediately (client, engine and device together).
 */
class EmbeddedHotPathAllocationFreeTest {
    /** Completes every command with its cmd_op. */
    static final class Echo implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
        @Override public Object open(OpenContext c) { return this; }
        @Override public UringCmdAction uringCmd(Object f, IoUringCmd cmd, IssueFlags flags) { return cmd.complete(cmd.sqe().cmdOp()); }
    }

    @Test
    void nopRoundTripAllocatesNothing() {
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(8))) {
            long[] bad = new long[1];
            assertAllocationFree("embedded NOP", () -> {
                ring.sqe().prepNop().userData(42);
                ring.submitAndWait(1);
                Cqe c = ring.peekCqe();
                if (c.userData() != 42 || c.res() != 0) bad[0]++;
                ring.cqeSeen();
            });
            assertEquals(0, bad[0], "CQEs other than {42, 0}");
        }
    }

    @Test
    void uringCmdRoundTripAllocatesNothing() {
        try (Host host = new Host()) {
            host.register("echo", new Echo());
            int fd = host.open("/dev/echo");
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8))) {
                long[] bad = new long[1];
                assertAllocationFree("embedded uring_cmd", () -> {
                    ring.sqe().prepUringCmd(fd, 5).userData(7);
                    ring.submitAndWait(1);
                    Cqe c = ring.peekCqe();
                    if (c.userData() != 7 || c.res() != 5) bad[0]++;
                    ring.cqeSeen();
                });
                assertEquals(0, bad[0], "CQEs other than {7, 5}");
            }
        }
    }
}

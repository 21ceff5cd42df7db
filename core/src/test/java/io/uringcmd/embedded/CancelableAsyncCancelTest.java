package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.uringcmd.abi.Uapi.IORING_URING_CMD_CANCELABLE;
import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: ASYNC_CANCEL of a queued command marked cancelable calls the device again with
 * IO_URING_F_CANCEL|COMPLETE_DEFER (kernel-uring-cmd.md §2.8.2); the device completes it -ECANCELED and the cancel
 * gets 0. (The kernel's ASYNC_CANCEL never looks at uring_cmds, §2.8.3: a deliberate deviation.)
 */
class CancelableAsyncCancelTest {
    @Test
    void cancelCallsTheDevice() {
        AtomicInteger cancelBits = new AtomicInteger(), cmdFlags = new AtomicInteger();
        try (var fx = fixture((cmd, f) -> {
            if (f.cancel()) {
                cancelBits.set(f.raw());
                cmdFlags.set(cmd.flags());
                QueuedCmd q = cmd.pending();
                assertTrue(q.done(-Errno.ECANCELED.value()));
                return q.queued();
            }
            cmd.markCancelable();
            return cmd.queue().queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            assertEquals(1, fx.ring.submit());
            assertNoCqe(fx.ring);
            fx.ring.sqe().prepAsyncCancel(1).userData(2);
            assertEquals(java.util.List.of(new CqeRecord(2, 0, 0), new CqeRecord(1, -125, 0)), submitAndReap(fx.ring, 2));
            assertEquals(IssueFlags.IO_URING_F_CANCEL | IssueFlags.IO_URING_F_COMPLETE_DEFER, cancelBits.get());
            assertEquals(IORING_URING_CMD_CANCELABLE, cmdFlags.get());
            // Once completed, it is no longer found.
            fx.ring.sqe().prepAsyncCancel(1).userData(3);
            assertEquals(new CqeRecord(3, -2, 0), submitOne(fx.ring));
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a cancelable multishot command ends with a final CQE {-ECANCELED, flags 0} when canceled (on the
 * embedded host ASYNC_CANCEL reaches cancelable uring_cmds, docs/DEVIATIONS.md) and when the ring closes
 * (io_uring_try_cancel_uring_cmd, kernel-uring-cmd.md §2.8, §3.5).
 */
class MultishotCancelEcanceledTest {
    @Test
    void asyncCancelEndsTheStream() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            fx.arm(11, 1);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                assertFalse(f.postCqe(q.cmd(), sel, 1));
            });
            fx.ring.sqe().prepAsyncCancel(11).userData(12);
            fx.ring.submit();
            // The device's done() is posted by task work after the cancel's own CQE (docs/DEVIATIONS.md, done-inside-another-issue).
            assertEquals(List.of(new CqeRecord(11, 1, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                    new CqeRecord(12, 0, 0), new CqeRecord(11, -125, 0)), fx.reap());
            assertEquals(1, bufs.head());
        }
    }

    @Test
    void ringCloseCancelsIt() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing.full(fx.ring, 1, 4, 8);
            fx.arm(11, 1);
            var q = fx.dev.last.get();
            Engine e = fx.engine();
            fx.ring.close();
            assertTrue(q.isDone());
            assertEquals(0, e.stats().completedAtClose(), "the device's cancel path completed it, not the host");
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a multishot post into a full CQ never overflows: it returns true, the buffer stays committed (head
 * moved, no CQE names it), and the command must end; its final CQE, an ordinary completion, goes to the overflow
 * list (io_req_post_cqe, kernel-uring-cmd.md §3.4.4, §3.5, §6.6).
 */
class MultishotPostFailsWhenCqFullTest {
    @Test
    void theThirdEventOnACqOfTwoEndsTheCommand() {
        try (MshotFixture fx = new MshotFixture(RingSetup.entries(1))) { // CQ of 2 entries
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            fx.arm(40, 1);
            boolean[] ended = new boolean[3];
            fx.inTask((q, f) -> {
                for (int i = 0; i < 3; i++) {
                    BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                    assertEquals(i, sel.bufferId());
                    ended[i] = f.postCqe(q.cmd(), sel, 1 + i);
                }
                q.done(-Errno.ENOBUFS.value()); // as ublk: the device ends the stream and keeps the undelivered event
            });
            assertArrayEquals(new boolean[] {false, false, true}, ended);
            assertEquals(3, bufs.head(), "the failed post's buffer was committed before the post failed");
            assertEquals(1, fx.engine().multishotStats().auxFailed());
            assertEquals(IORING_SQ_CQ_OVERFLOW, fx.ring.sqFlags() & IORING_SQ_CQ_OVERFLOW, "the final CQE overflowed");
            assertEquals(List.of(
                    new CqeRecord(40, 1, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                    new CqeRecord(40, 2, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 1 << IORING_CQE_BUFFER_SHIFT),
                    new CqeRecord(40, -105, 0)), fx.reap());
            assertEquals(0, fx.ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
        }
    }
}

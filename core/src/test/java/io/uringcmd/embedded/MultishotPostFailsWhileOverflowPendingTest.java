package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: while overflowed CQEs are pending a multishot post fails even though the CQ has free slots, so
 * events never overtake earlier completions (IO_CHECK_CQ_OVERFLOW_BIT in io_req_post_cqe, kernel-uring-cmd.md
 * §3.4.4, §6.2, §6.6).
 */
class MultishotPostFailsWhileOverflowPendingTest {
    @Test
    void aFreeSlotIsNotEnoughWhileOverflowIsPending() {
        try (MshotFixture fx = new MshotFixture(RingSetup.entries(2).cqSize(2))) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            fx.arm(40, 1);
            fx.ring.sqe().prepNop().userData(100);
            fx.ring.sqe().prepNop().userData(101);
            assertEquals(2, fx.ring.submit()); // 100, 101 fill the CQ
            fx.ring.sqe().prepNop().userData(102);
            assertEquals(1, fx.ring.submit()); // 102 overflows
            assertEquals(IORING_SQ_CQ_OVERFLOW, fx.ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            // Consume one CQE without entering: a slot is free, the overflow list is not flushed.
            List<CqeRecord> got = new ArrayList<>();
            got.add(fx.ring.peekCqe().copy());
            fx.ring.cqeSeen();
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                assertTrue(f.postCqe(q.cmd(), sel, 4), "overflow pending: the post fails");
                q.done(-Errno.ENOBUFS.value());
            });
            assertEquals(1, bufs.head());
            got.addAll(fx.reap());
            assertEquals(List.of(new CqeRecord(100, 0, 0), new CqeRecord(101, 0, 0), new CqeRecord(102, 0, 0),
                    new CqeRecord(40, -105, 0)), got);
        }
    }
}

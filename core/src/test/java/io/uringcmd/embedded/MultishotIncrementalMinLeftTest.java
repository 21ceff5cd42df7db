package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: with io_uring_buf_reg.min_left (6.18.44, INC only), a buffer left with fewer than min_left bytes is
 * retired after the post: len 0, head +1, no F_BUF_MORE; with more left it stays (io_kbuf_inc_commit with
 * min_left_sub_one, kernel-uring-cmd.md §4.3.3 as backported to 6.18.44).
 */
class MultishotIncrementalMinLeftTest {
    @Test
    void tooLittleLeftRetiresTheBuffer() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.register(fx.ring, 4, 2, 10, IOU_PBUF_RING_INC, 8);
            bufs.add(0);
            bufs.add(1);
            bufs.publish();
            fx.arm(3, 4);
            fx.inTask((q, f) -> {
                BufferSelection a = f.bufferSelect(q.cmd(), 4, 0);
                assertFalse(f.postCqe(q.cmd(), a, 3)); // 7 left < 8: retired
                BufferSelection b = f.bufferSelect(q.cmd(), 4, 0);
                assertEquals(1, b.bufferId());
                assertFalse(f.postCqe(q.cmd(), b, 2)); // 8 left: kept
            });
            assertEquals(List.of(
                    new CqeRecord(3, 3, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                    new CqeRecord(3, 2, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | IORING_CQE_F_BUF_MORE | 1 << IORING_CQE_BUFFER_SHIFT)),
                    fx.reap());
            assertEquals(1, bufs.head());
            assertEquals(0, bufs.entryLen(0));
            assertEquals(8, bufs.entryLen(1));
        }
    }
}

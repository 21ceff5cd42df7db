package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a multishot command selects from a legacy group (IORING_OP_PROVIDE_BUFFERS) in provide order; a
 * posted buffer is consumed with F_BUFFER | bid << 16, and an unposted one goes back to the front of the list
 * (io_provided_buffer_select, io_kbuf_recycle_legacy; kernel-uring-cmd.md §4.2.6, §4.4).
 */
class MultishotLegacyGroupTest {
    @Test
    void provideOrderConsumeAndRecycleToTheFront() {
        try (MshotFixture fx = new MshotFixture()) {
            var mem = fx.ring.allocate(48);
            fx.ring.sqe().prepProvideBuffers(mem, 16, 3, 9, 20).userData(1); // bids 20, 21, 22
            fx.ring.submit();
            assertEquals(new CqeRecord(1, 0, 0), fx.next());
            fx.arm(2, 9);
            fx.inTask((q, f) -> {
                BufferSelection a = f.bufferSelect(q.cmd(), 9, 0);
                assertEquals(20, a.bufferId());
                assertEquals(mem.address(), a.buffer().address());
                assertEquals(16, a.length());
                assertFalse(f.postCqe(q.cmd(), a, 16));
                BufferSelection b = f.bufferSelect(q.cmd(), 9, 4);
                assertEquals(21, b.bufferId());
                assertEquals(4, b.length(), "min(asked, len)");
            }); // 21 not posted: back to the front
            fx.inTask((q, f) -> {
                BufferSelection again = f.bufferSelect(q.cmd(), 9, 0);
                assertEquals(21, again.bufferId());
                assertFalse(f.postCqe(q.cmd(), again, 2));
            });
            fx.ring.sqe().prepRemoveBuffers(10, 9).userData(3);
            fx.ring.submit();
            assertEquals(List.of(new CqeRecord(2, 16, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 20 << IORING_CQE_BUFFER_SHIFT),
                    new CqeRecord(2, 2, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 21 << IORING_CQE_BUFFER_SHIFT),
                    new CqeRecord(3, 1, 0)), fx.reap()); // only 22 was left
        }
    }
}

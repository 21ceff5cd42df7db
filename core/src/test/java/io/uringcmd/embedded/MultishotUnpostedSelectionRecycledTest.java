package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a ring buffer selected and not posted in its issue context goes back when the context ends: the
 * head stays, and the next selection gets the same bid (io_kbuf_recycle, kernel-uring-cmd.md §3.3.5, §4.4).
 */
class MultishotUnpostedSelectionRecycledTest {
    @Test
    void headStaysAndTheSameBufferIsSelectedAgain() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            AtomicReference<BufferSelection> first = new AtomicReference<>();
            fx.arm(5, 1);
            fx.inTask((q, f) -> first.set(f.bufferSelect(q.cmd(), 1, 0)));
            assertEquals(0, first.get().bufferId());
            assertEquals(0, bufs.head(), "selected but not committed");
            assertFalse(first.get().isValid());
            assertEquals(1, fx.engine().multishotStats().recycled());

            fx.inTask((q, f) -> {
                BufferSelection again = f.bufferSelect(q.cmd(), 1, 0);
                assertEquals(0, again.bufferId(), "the recycled buffer is at the head");
                assertFalse(f.postCqe(q.cmd(), again, 1));
            });
            assertEquals(1, bufs.head());
            assertEquals(List.of(new CqeRecord(5, 1, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER)), fx.reap());
        }
    }

    @Test
    void postingZeroBytesRecyclesAndEndsTheStream() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            fx.arm(6, 1);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                assertTrue(f.postCqe(q.cmd(), sel, 0), "res <= 0: the command must be completed");
                assertFalse(sel.isValid());
                q.done(0);
            });
            assertEquals(0, bufs.head(), "a 0-byte post does not consume the buffer");
            // The final CQE never has F_MORE or F_BUFFER (§3.5).
            assertEquals(List.of(new CqeRecord(6, 0, 0)), fx.reap());
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: on an IOU_PBUF_RING_INC ring a post consumes only its bytes: the CQE carries F_BUF_MORE, the engine
 * writes addr += bytes, len -= bytes back into the shared entry and the head stays until the buffer is used up
 * (io_kbuf_inc_commit, kernel-uring-cmd.md §4.3.3; the kernel's recv on a 10-byte bid 7 buffer gave 0x70011 then
 * F_BUFFER without BUF_MORE).
 */
class MultishotIncrementalBufMoreTest {
    @Test
    void partialPostsKeepTheBufferAtTheHead() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.register(fx.ring, 4, 1, 0, IOU_PBUF_RING_INC, 0);
            var mem = fx.ring.allocate(10);
            bufs.add(mem, 7);
            bufs.publish();
            fx.arm(3, 4);
            fx.inTask((q, f) -> {
                BufferSelection a = f.bufferSelect(q.cmd(), 4, 0);
                assertEquals(mem.address(), a.buffer().address());
                assertEquals(10, a.length());
                MshotFixture.write(a.buffer(), "abc");
                assertFalse(f.postCqe(q.cmd(), a, 3));
            });
            assertEquals(mem.address() + 3, bufs.entryAddr(0), "addr written back");
            assertEquals(7, bufs.entryLen(0), "len written back");
            assertEquals(0, bufs.head(), "partly consumed: the head stays");
            fx.inTask((q, f) -> {
                BufferSelection b = f.bufferSelect(q.cmd(), 4, 0);
                assertEquals(mem.address() + 3, b.buffer().address(), "the rest of the same buffer");
                assertEquals(7, b.length());
                MshotFixture.write(b.buffer(), "defghij");
                assertFalse(f.postCqe(q.cmd(), b, 7));
                assertNull(f.bufferSelect(q.cmd(), 4, 0), "used up");
            });
            assertEquals(1, bufs.head());
            assertEquals(0, bufs.entryLen(0), "a used-up entry is left with len 0");
            assertEquals(List.of(
                    new CqeRecord(3, 3, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | IORING_CQE_F_BUF_MORE | 7 << IORING_CQE_BUFFER_SHIFT),
                    new CqeRecord(3, 7, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 7 << IORING_CQE_BUFFER_SHIFT)), fx.reap());
            assertEquals("abcdefghij", MshotFixture.text(mem, 10));
        }
    }

    @Test
    void askingForLessSelectsLessAndTheRestStays() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.register(fx.ring, 4, 2, 16, IOU_PBUF_RING_INC, 0);
            bufs.add(0);
            bufs.publish();
            fx.arm(3, 4);
            fx.inTask((q, f) -> {
                BufferSelection a = f.bufferSelect(q.cmd(), 4, 4);
                assertEquals(4, a.length(), "min(asked, buffer length)");
                assertFalse(f.postCqe(q.cmd(), a, 4));
                BufferSelection b = f.bufferSelect(q.cmd(), 4, 100);
                assertEquals(12, b.length());
                assertFalse(f.postCqe(q.cmd(), b, 12));
            });
            assertEquals(List.of(
                    new CqeRecord(3, 4, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | IORING_CQE_F_BUF_MORE),
                    new CqeRecord(3, 12, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER)), fx.reap());
            assertEquals(1, bufs.head());
        }
    }
}

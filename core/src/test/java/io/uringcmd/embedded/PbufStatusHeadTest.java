package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.driver.BufferSelection;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: PBUF_STATUS writes the engine's private head (u16 widened to u32, wrapping at 65536) and ignores the
 * head passed in; resv non-zero -EINVAL, no group (buf_group is a u32) -ENOENT, legacy group -EINVAL
 * (io_register_pbuf_status, kernel-uring-cmd.md §4.1; 6.18.44 gave the same).
 */
class PbufStatusHeadTest {
    @Test
    void headAndErrors() {
        try (MshotFixture fx = new MshotFixture(io.uringcmd.ring.RingSetup.entries(8).cqSize(8192))) {
            var ring = fx.ring;
            TestBufRing bufs = TestBufRing.register(ring, 1, 1, 4, 0, 0);
            MemorySegment st = ring.allocate(BufRingLayout.STATUS_SIZE);
            st.set(JAVA_INT, 0, 1);
            st.set(JAVA_INT, 4, 99);
            assertEquals(0, ring.register(IORING_REGISTER_PBUF_STATUS, st, 1));
            assertEquals(0, st.get(JAVA_INT, 4), "the head is written, not read");
            st.set(JAVA_INT, 36, 1);
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_STATUS, st, 1), "resv");
            st.set(JAVA_INT, 36, 0);
            st.set(JAVA_INT, 0, 0x10001);
            assertEquals(-2, ring.register(IORING_REGISTER_PBUF_STATUS, st, 1), "65537 is not group 1");
            ring.sqe().prepProvideBuffers(ring.allocate(16), 16, 1, 30, 0).userData(1);
            ring.submit();
            fx.next();
            st.set(JAVA_INT, 0, 30);
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_STATUS, st, 1), "legacy");

            // One entry, recycled 65537 times: the u16 head wraps.
            fx.arm(2, 1);
            for (int round = 0; round < 65537; round += 8192) {
                int n = Math.min(8192, 65537 - round);
                fx.inTask((q, f) -> {
                    for (int i = 0; i < n; i++) {
                        bufs.recycle(0);
                        BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                        assertFalse(f.postCqe(q.cmd(), sel, 1));
                    }
                });
                assertEquals(n, fx.ring.forEachCqe(c -> {}));
            }
            assertEquals(1, bufs.head(), "65537 mod 65536");
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: io_uring_buf_reg.min_left (byte 16, 6.18.44) is a property of incremental rings: non-zero without
 * IOU_PBUF_RING_INC gives -EINVAL (with or without MMAP), with INC any value is accepted; BufferRing says so.
 */
class PbufRingMinLeftNeedsIncTest {
    @Test
    void minLeftWithoutIncGivesEinval() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            int group = 10;
            for (int flags : new int[]{0, IOU_PBUF_RING_MMAP, IOU_PBUF_RING_INC, IOU_PBUF_RING_INC | IOU_PBUF_RING_MMAP}) {
                for (int minLeft : new int[]{1, 4096, 0x80000000}) {
                    MemorySegment r = reg(ring, (flags & IOU_PBUF_RING_MMAP) != 0 ? null : ring.allocatePages(4096), 4, group++, flags);
                    r.set(JAVA_INT, BufRingLayout.REG_MIN_LEFT, minLeft);
                    int expected = (flags & IOU_PBUF_RING_INC) != 0 ? 0 : -22;
                    assertEquals(expected, ring.register(IORING_REGISTER_PBUF_RING, r, 1), "flags " + flags + " min_left " + minLeft);
                }
            }
            ErrnoException e = assertThrows(ErrnoException.class, () -> BufferRing.builder(1).entries(4).minLeft(8).register(ring));
            assertEquals(22, e.errno());
            assertTrue(e.getMessage().contains("needs incremental()"), e.getMessage());
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IORING_UNREGISTER_PBUF_RING (§4.1): no group gives -ENOENT, a legacy group -EINVAL, non-zero flags,
 * nr_args != 1, a NULL arg or a non-zero resv word (bytes 20..39) -EINVAL; the min_left word (bytes 16..19) is not
 * checked. BufferRing.close() after a raw unregister reports the kernel's -ENOENT.
 */
class PbufUnregisterErrorsTest {
    @Test
    void unregisterErrorsAreTheKernels() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            assertEquals(-2, unregister(ring, 1));

            BufferRing.register(ring, 1, 2, 8);
            MemorySegment r = reg(ring, null, 0, 1, 0);
            r.set(JAVA_SHORT, BufRingLayout.REG_FLAGS, (short) 1);
            assertEquals(-22, ring.register(IORING_UNREGISTER_PBUF_RING, r, 1));
            for (int i = 0; i < 5; i++) {
                MemorySegment q = reg(ring, null, 0, 1, 0);
                q.set(JAVA_INT, BufRingLayout.REG_RESV + 4L * i, 1);
                assertEquals(-22, ring.register(IORING_UNREGISTER_PBUF_RING, q, 1), "resv[" + i + "]");
            }
            assertEquals(-22, ring.register(IORING_UNREGISTER_PBUF_RING, reg(ring, null, 0, 1, 0), 0));
            assertEquals(-22, ring.register(IORING_UNREGISTER_PBUF_RING, reg(ring, null, 0, 1, 0), 2));
            assertEquals(-22, ring.register(IORING_UNREGISTER_PBUF_RING, MemorySegment.NULL, 1));
            assertEquals(0, status(ring, 1), "still registered");
            MemorySegment minLeft = reg(ring, null, 0, 1, 0);
            minLeft.set(JAVA_INT, BufRingLayout.REG_MIN_LEFT, 0x80000000);
            assertEquals(0, ring.register(IORING_UNREGISTER_PBUF_RING, minLeft, 1));
            assertEquals(-2, status(ring, 1));

            ring.sqe().prepProvideBuffers(ring.allocate(16), 16, 1, 5, 0).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            assertEquals(-22, unregister(ring, 5));

            BufferRing b = BufferRing.register(ring, 6, 2, 8);
            assertEquals(0, unregister(ring, 6));
            ErrnoException e = assertThrows(ErrnoException.class, b::close);
            assertEquals(2, e.errno());
            assertFalse(b.isRegistered());
            b.close(); // idempotent once unregistered
        }
    }
}

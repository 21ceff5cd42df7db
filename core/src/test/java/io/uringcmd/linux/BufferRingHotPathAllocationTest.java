package io.uringcmd.linux;

import io.uringcmd.AllocationMeter;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.buffer;

/**
 * Description: the buffer ring's hot path allocates nothing per operation (AllocationMeter: under 0.1 byte per
 * operation after warm-up): taking a CQE's buffer and recycling it (add + release store of the tail), and
 * PBUF_STATUS.
 */
class BufferRingHotPathAllocationTest {
    @Test
    void takeRecycleAndStatusAllocateNothing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2));
             BufferRing bufs = BufferRing.register(ring, 1, 8, 64)) {
            for (int bid = 0; bid < 8; bid++) bufs.take(buffer(bid, 0), 64); // all held by the application
            int[] i = {0};
            AllocationMeter.assertAllocationFree("BufferRing recycle + take", () -> {
                int bid = i[0]++ & 7;
                bufs.recycle(bid);
                bufs.take(buffer(bid, 0), bid);
            });
            AllocationMeter.assertAllocationFree("BufferRing head (PBUF_STATUS)", bufs::head);
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: BufferRing.reclaimUnreported() finds, through PBUF_STATUS, the buffers the kernel consumed (head moved
 * past them) that no taken CQE reported, as when a multishot post fails on a full CQ (§3.4-3.5): they return to the
 * application and recycle normally; buffers still in the ring, published or not, and a partly consumed incremental
 * buffer at the head stay.
 */
class BufferRingReclaimUnreportedTest {
    @Test
    void consumedButUnreportedBuffersComeBack() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 1, 4, 8)) {
            pipe.write("lost");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 1, -1).userData(1);
            assertEquals(new CqeRecord(1, 4, buffer(0, 0)), submitOne(ring)); // reaped, but never taken
            assertEquals(1, bufs.reclaimUnreported(), "bid 0 was consumed and not reported");
            assertFalse(bufs.isInRing(0));
            assertEquals(3, bufs.inRing());
            assertEquals(0, bufs.reclaimUnreported(), "bids 1..3 are still in the ring");

            bufs.recycle(0);
            pipe.write("0123456789abcdefghijklmnopqrstuvwxyz");
            for (int bid : new int[]{1, 2, 3, 0}) {
                ring.sqe().prepReadSelect(pipe.readFd, 0, 1, -1).userData(bid);
                CqeRecord c = submitOne(ring);
                assertEquals(new CqeRecord(bid, 8, buffer(bid, 0)), c);
                bufs.take(c.flags(), c.res());
            }
            assertEquals(0, bufs.reclaimUnreported());
        }
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing inc = BufferRing.builder(2).entries(2).incremental().empty().register(ring)) {
            MemorySegment buf = ring.allocate(10);
            inc.add(buf, 7, 0);
            inc.add(ring.allocate(10), 8, 1); // added, not yet published
            inc.advance(1);
            pipe.write("abc");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(1);
            assertEquals(new CqeRecord(1, 3, 0x70011), submitOne(ring));
            assertEquals(0, inc.reclaimUnreported(), "the kernel's head is still at the partly consumed buffer");
            assertTrue(inc.isInRing(7));
            assertTrue(inc.isInRing(8));
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: with IOU_PBUF_RING_MMAP the kernel allocates the ring and the client maps it at
 * IORING_OFF_PBUF_RING | bgid << 16 (§4.1 step 8); buffers published through that mapping are selected like any
 * other: res=5 flags=0x10001 for bid 1 at the head.
 */
class PbufRingKernelAllocatedTest {
    @Test
    void kernelAllocatedRingWorksThroughTheMapping() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.builder(12).entries(4).bufferSize(32).kernelAllocated().empty().register(ring)) {
            assertTrue(bufs.kernelAllocated());
            assertEquals(64, bufs.ringMemory().byteSize());
            bufs.recycle(1);
            assertEquals(1, bufs.ringMemory().get(JAVA_SHORT, BufRingLayout.RING_TAIL));
            pipe.write("mmap!");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 12, -1).userData(3);
            CqeRecord c = submitOne(ring);
            assertEquals(new CqeRecord(3, 5, 0x10001), c);
            assertEquals("mmap!", ascii(bufs.takeBytes(c.flags(), c.res())));
            assertEquals(1, bufs.head());
        }
    }
}

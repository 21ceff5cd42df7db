package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotStream;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: BufferRing.kernelAllocated() (IOU_PBUF_RING_MMAP) works on the embedded host too: the engine allocates
 * the ring and maps it for the client, the client publishes through that mapping, and a multishot event selects
 * from it (res=3 flags=F_MORE|F_BUFFER|2<<16 for bid 2 at the head); incremental rings report F_BUF_MORE there as on
 * the kernel.
 */
class BufferRingEmbeddedKernelAllocatedTest {
    @Test
    void kernelAllocatedRingOnTheEmbeddedHost() {
        try (Host host = new Host()) {
            StreamEventDevice dev = new StreamEventDevice();
            host.register("events", dev);
            int fd = host.open("/dev/events");
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(4));
                 BufferRing bufs = BufferRing.builder(9).entries(4).bufferSize(10).kernelAllocated().incremental().empty().register(ring)) {
                bufs.recycle(2);
                assertEquals(1, bufs.ringMemory().get(JAVA_SHORT, BufRingLayout.RING_TAIL));
                MultishotStream stream = MultishotStream.uringCmd(ring, bufs, fd, 1, 8);
                stream.arm();
                dev.raise("abc");
                MultishotStream.Event e = stream.next();
                assertEquals(new CqeRecord(8, 3, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | IORING_CQE_F_BUF_MORE | 2 << 16), e.cqe());
                assertEquals(0, e.offset());
                dev.raise("defghij");
                e = stream.next();
                assertEquals(new CqeRecord(8, 7, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 2 << 16), e.cqe());
                assertEquals(3, e.offset());
                assertEquals("defghij", new String(e.data().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)));
                e.recycle();
                stream.cancel();
                assertEquals(-125, stream.next().res());
            }
        }
    }
}

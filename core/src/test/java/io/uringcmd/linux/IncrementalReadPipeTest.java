package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: on an incremental ring (IOU_PBUF_RING_INC) with one 10-byte buffer (bid 7), a 3-byte pipe read gives
 * res=3 flags=0x70011 (F_BUFFER|F_BUF_MORE) and moves the shared entry to addr+3 len 7 with the head unchanged; the
 * next read takes the remaining 7 bytes: res=7 flags=0x70001 and head 1; then -ENOBUFS (§4.3 step 3.3). A pipe never
 * sets F_SOCK_NONEMPTY.
 */
class IncrementalReadPipeTest {
    @Test
    void pipeReadsConsumeOneBufferInParts() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.builder(2).entries(1).incremental().empty().register(ring)) {
            MemorySegment buf = ring.allocate(10);
            bufs.add(buf, 7, 0);
            bufs.advance(1);
            MemorySegment entry = bufs.ringMemory();

            pipe.write("abc");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(1);
            CqeRecord first = submitOne(ring);
            assertEquals(new CqeRecord(1, 3, 0x70011), first);
            assertEquals(IORING_CQE_F_BUFFER | IORING_CQE_F_BUF_MORE | 7 << 16, first.flags());
            assertEquals(buf.address() + 3, entry.get(JAVA_LONG, BufRingLayout.BUF_ADDR));
            assertEquals(7, entry.get(JAVA_INT, BufRingLayout.BUF_LEN));
            assertEquals(0, bufs.head());
            assertEquals(0, bufs.take(first.flags(), first.res()));
            assertTrue(bufs.isInRing(7), "F_BUF_MORE: the kernel kept the rest of the buffer");
            assertEquals("abc", ascii(buf.asSlice(0, 3)));

            pipe.write("defghijklm");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(2);
            CqeRecord second = submitOne(ring);
            assertEquals(new CqeRecord(2, 7, 0x70001), second);
            assertEquals(1, bufs.head());
            assertEquals(0, entry.get(JAVA_INT, BufRingLayout.BUF_LEN), "the kernel zeroes len of a used-up entry");
            assertEquals(3, bufs.take(second.flags(), second.res()));
            assertEquals("defghij", ascii(buf.asSlice(3, 7)));
            assertFalse(bufs.isInRing(7));

            ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(3);
            assertEquals(new CqeRecord(3, -105, 0), submitOne(ring));
        }
    }
}

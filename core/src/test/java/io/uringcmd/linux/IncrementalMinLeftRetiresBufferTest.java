package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Description: io_uring_buf_reg.min_left (u32 at byte 16; in 6.18.44 by the stable backport of upstream
 * 7deba791ad49): on an incremental ring with min_left 8, a 3-byte read of a 10-byte buffer leaves 7 < 8 bytes, so
 * the buffer is retired: res=3 flags=0x70001 (no F_BUF_MORE), head 1, the entry's len set to 0 and its addr unmoved.
 */
class IncrementalMinLeftRetiresBufferTest {
    @Test
    void bufferWithLessThanMinLeftIsRetired() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.builder(3).entries(1).incremental().minLeft(8).empty().register(ring)) {
            MemorySegment buf = ring.allocate(10);
            bufs.add(buf, 7, 0);
            bufs.advance(1);
            pipe.write("abc");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 3, -1).userData(1);
            CqeRecord c = submitOne(ring);
            assertEquals(new CqeRecord(1, 3, 0x70001), c);
            assertEquals(1, bufs.head());
            assertEquals(buf.address(), bufs.ringMemory().get(JAVA_LONG, BufRingLayout.BUF_ADDR));
            assertEquals(0, bufs.ringMemory().get(JAVA_INT, BufRingLayout.BUF_LEN));
            assertEquals("abc", ascii(bufs.takeBytes(c.flags(), c.res())));
            assertFalse(bufs.isInRing(7));
        }
    }
}

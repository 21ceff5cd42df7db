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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: on an incremental ring a 0-byte read (end of file) reports the buffer with F_BUF_MORE (res=0
 * flags=0x70011) and consumes nothing: the shared entry and the head stay as they were, unlike a plain ring (§4.3
 * step 3.3: a 0-byte commit writes the entry back unchanged).
 */
class IncrementalEofKeepsBufferTest {
    @Test
    void endOfFileLeavesTheBufferInTheRing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.builder(2).entries(1).incremental().empty().register(ring)) {
            MemorySegment buf = ring.allocate(10);
            bufs.add(buf, 7, 0);
            bufs.advance(1);
            pipe.closeWriter();
            ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(1);
            CqeRecord c = submitOne(ring);
            assertEquals(new CqeRecord(1, 0, 0x70011), c);
            assertEquals(buf.address(), bufs.ringMemory().get(JAVA_LONG, BufRingLayout.BUF_ADDR));
            assertEquals(10, bufs.ringMemory().get(JAVA_INT, BufRingLayout.BUF_LEN));
            assertEquals(0, bufs.head());
            assertEquals(0, bufs.take(c.flags(), c.res()));
            assertTrue(bufs.isInRing(7));
        }
    }
}

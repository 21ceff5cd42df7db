package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: a one-entry ring runs dry after one read (-ENOBUFS); recycling the buffer (re-add at the tail and
 * advance) makes it selectable again with the same bid, and the head keeps counting (§4.2).
 */
class ReadSelectRecycleTest {
    @Test
    void recycledBufferIsSelectedAgain() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 4, 1, 8)) {
            pipe.write("onetwo");
            ring.sqe().prepReadSelect(pipe.readFd, 3, 4, -1).userData(1);
            CqeRecord first = submitOne(ring);
            assertEquals(new CqeRecord(1, 3, buffer(0, 0)), first);
            assertEquals("one", ascii(bufs.takeBytes(first.flags(), first.res())));
            assertFalse(bufs.isInRing(0));

            ring.sqe().prepReadSelect(pipe.readFd, 3, 4, -1).userData(2);
            assertEquals(new CqeRecord(2, -105, 0), submitOne(ring));

            bufs.recycle(0);
            assertTrue(bufs.isInRing(0));
            assertEquals(2, bufs.tail());
            ring.sqe().prepReadSelect(pipe.readFd, 3, 4, -1).userData(3);
            CqeRecord again = submitOne(ring);
            assertEquals(new CqeRecord(3, 3, buffer(0, 0)), again);
            assertEquals("two", ascii(bufs.takeBytes(again.flags(), again.res())));
            assertEquals(2, bufs.head());
        }
    }
}

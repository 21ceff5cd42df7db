package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: READ with buffer select from a registered ring with no published buffer (tail == head) completes
 * with -ENOBUFS and flags 0; the head stays and the data stays in the pipe for a later read (§4.2 step 2).
 */
class ReadSelectEmptyRingEnobufsTest {
    @Test
    void emptyRingGivesEnobufsAndKeepsData() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.builder(3).entries(2).bufferSize(8).empty().register(ring)) {
            pipe.write("data");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 3, -1).userData(5);
            assertEquals(new CqeRecord(5, -105, 0), submitOne(ring)); // -ENOBUFS
            assertEquals(0, bufs.head());

            bufs.recycle(1);
            ring.sqe().prepReadSelect(pipe.readFd, 0, 3, -1).userData(6);
            CqeRecord c = submitOne(ring);
            assertEquals(new CqeRecord(6, 4, buffer(1, 0)), c);
            assertEquals("data", ascii(bufs.takeBytes(c.flags(), c.res())));
            assertEquals(1, bufs.head());
        }
    }
}

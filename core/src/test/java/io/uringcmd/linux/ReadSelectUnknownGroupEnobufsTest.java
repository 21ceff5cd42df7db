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
 * Description: READ with buffer select from a group that has no buffers registered, or whose ring was
 * unregistered, completes with -ENOBUFS and flags 0 (§4.2 step 1).
 */
class ReadSelectUnknownGroupEnobufsTest {
    @Test
    void unknownOrUnregisteredGroupGivesEnobufs() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe()) {
            pipe.write("x");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 99, -1).userData(1);
            assertEquals(new CqeRecord(1, -105, 0), submitOne(ring));

            BufferRing bufs = BufferRing.register(ring, 99, 2, 8);
            bufs.close();
            ring.sqe().prepReadSelect(pipe.readFd, 0, 99, -1).userData(2);
            assertEquals(new CqeRecord(2, -105, 0), submitOne(ring));
        }
    }
}

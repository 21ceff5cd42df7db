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
 * Description: legacy REMOVE_BUFFERS errors (§4.5): a group that never existed gives -ENOENT; a ring group, nbufs 0
 * or 65537, and a non-zero addr give -EINVAL.
 */
class RemoveBuffersErrorsTest {
    @Test
    void removeErrors() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2));
             BufferRing bufs = BufferRing.register(ring, 1, 2, 8)) {
            ring.sqe().prepProvideBuffers(ring.allocate(16), 16, 1, 5, 0).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));

            ring.sqe().prepRemoveBuffers(1, 9).userData(2);
            assertEquals(new CqeRecord(2, -2, 0), submitOne(ring));
            ring.sqe().prepRemoveBuffers(1, 1).userData(3);
            assertEquals(new CqeRecord(3, -22, 0), submitOne(ring));
            ring.sqe().prepRemoveBuffers(0, 5).userData(4);
            assertEquals(new CqeRecord(4, -22, 0), submitOne(ring));
            ring.sqe().prepRemoveBuffers(65537, 5).userData(5);
            assertEquals(new CqeRecord(5, -22, 0), submitOne(ring));
            ring.sqe().prepRemoveBuffers(1, 5).addr(1).userData(6);
            assertEquals(new CqeRecord(6, -22, 0), submitOne(ring));

            ring.sqe().prepRemoveBuffers(1, 5).userData(7);
            assertEquals(new CqeRecord(7, 1, 0), submitOne(ring), "the failed removes removed nothing");
            assertEquals(0, bufs.head());
        }
    }
}

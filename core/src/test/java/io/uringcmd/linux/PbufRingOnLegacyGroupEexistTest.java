package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: registering a buffer ring on a group that holds legacy buffers gives -EEXIST (§4.1 step 7, §4.5),
 * raw and through BufferRing; once REMOVE_BUFFERS has emptied the group, the empty legacy list is replaced and the
 * ring registers.
 */
class PbufRingOnLegacyGroupEexistTest {
    @Test
    void legacyBuffersBlockARing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            ring.sqe().prepProvideBuffers(ring.allocate(32), 16, 2, 5, 0).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            assertEquals(-17, register(ring, ring.allocatePages(4096), 2, 5, 0));
            ErrnoException e = assertThrows(ErrnoException.class, () -> BufferRing.register(ring, 5, 2, 8));
            assertEquals(17, e.errno());
            assertTrue(e.getMessage().contains("legacy buffers"), e.getMessage());

            ring.sqe().prepRemoveBuffers(2, 5).userData(2);
            assertEquals(new CqeRecord(2, 2, 0), submitOne(ring));
            try (BufferRing bufs = BufferRing.register(ring, 5, 2, 8)) {
                assertEquals(0, bufs.head());
            }
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: registering a second ring on a group that has one gives -EEXIST (§4.1 step 7), raw and through
 * BufferRing; after unregistering, the group can be registered again. bgid 65535 is a valid group.
 */
class PbufRingGroupInUseEexistTest {
    @Test
    void groupWithARingGivesEexist() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            BufferRing first = BufferRing.register(ring, 65535, 2, 8);
            assertEquals(-17, register(ring, ring.allocatePages(4096), 2, 65535, 0));
            ErrnoException e = assertThrows(ErrnoException.class, () -> BufferRing.register(ring, 65535, 2, 8));
            assertEquals(17, e.errno());
            assertTrue(e.getMessage().contains("already has a buffer ring"), e.getMessage());
            first.close();
            try (BufferRing again = BufferRing.register(ring, 65535, 2, 8)) {
                assertEquals(0, again.head());
            }
        }
    }
}

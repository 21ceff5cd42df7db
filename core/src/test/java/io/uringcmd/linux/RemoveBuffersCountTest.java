package io.uringcmd.linux;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: legacy REMOVE_BUFFERS completes with res = the number removed: asked for 10 with 2 present it gives
 * 2; the emptied group still exists, so asking again gives 0, not -ENOENT (§4.5).
 */
class RemoveBuffersCountTest {
    @Test
    void removeReturnsHowManyWereRemoved() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            ring.sqe().prepProvideBuffers(ring.allocate(32), 16, 2, 5, 0).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            ring.sqe().prepRemoveBuffers(10, 5).userData(2);
            assertEquals(new CqeRecord(2, 2, 0), submitOne(ring));
            ring.sqe().prepRemoveBuffers(1, 5).userData(3);
            assertEquals(new CqeRecord(3, 0, 0), submitOne(ring));
        }
    }
}

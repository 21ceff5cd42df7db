package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: legacy PROVIDE_BUFFERS argument errors (§4.5): nbufs 0 or 65537 and a starting bid of 65536 give
 * -E2BIG; len 0, bid + nbufs > 65536, non-zero rw_flags, and a group that holds a buffer ring give -EINVAL.
 */
class ProvideBuffersErrorsTest {
    @Test
    void provideArgumentErrors() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            MemorySegment mem = ring.allocate(64);
            ring.sqe().prepProvideBuffers(mem, 16, 0, 5, 0).userData(1);
            assertEquals(new CqeRecord(1, -7, 0), submitOne(ring));
            ring.sqe().prepProvideBuffers(mem, 16, 65537, 5, 0).userData(2);
            assertEquals(new CqeRecord(2, -7, 0), submitOne(ring));
            ring.sqe().prepProvideBuffers(mem, 16, 1, 5, 65536).userData(3);
            assertEquals(new CqeRecord(3, -7, 0), submitOne(ring));

            ring.sqe().prepProvideBuffers(mem, 0, 1, 5, 0).userData(4);
            assertEquals(new CqeRecord(4, -22, 0), submitOne(ring));
            ring.sqe().prepProvideBuffers(mem, 16, 2, 5, 65535).userData(5);
            assertEquals(new CqeRecord(5, -22, 0), submitOne(ring));
            ring.sqe().prepProvideBuffers(mem, 16, 1, 5, 0).opFlags(1).userData(6);
            assertEquals(new CqeRecord(6, -22, 0), submitOne(ring));

            try (BufferRing bufs = BufferRing.register(ring, 7, 2, 8)) {
                ring.sqe().prepProvideBuffers(mem, 16, 1, 7, 0).userData(7);
                assertEquals(new CqeRecord(7, -22, 0), submitOne(ring));
                assertEquals(0, bufs.head());
            }
        }
    }
}

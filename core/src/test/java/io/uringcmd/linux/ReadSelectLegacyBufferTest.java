package io.uringcmd.linux;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: READ with buffer select from a legacy group takes the provided buffers first in, first out: bids
 * 10, 11 of a PROVIDE_BUFFERS from bid 10, res = min(len or buffer length, bytes), flags = F_BUFFER | bid << 16, the
 * bytes at buffer (bid - 10) * len of the provided memory; a REMOVE_BUFFERS afterwards finds the one left (§4.2
 * step 6).
 */
class ReadSelectLegacyBufferTest {
    @Test
    void legacyBuffersAreSelectedInProvideOrder() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2)); Pipe pipe = new Pipe()) {
            MemorySegment mem = ring.allocate(48);
            ring.sqe().prepProvideBuffers(mem, 16, 3, 5, 10).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            pipe.write("abcdefgh");
            ring.sqe().prepReadSelect(pipe.readFd, 3, 5, -1).userData(2);
            assertEquals(new CqeRecord(2, 3, buffer(10, 0)), submitOne(ring));
            ring.sqe().prepReadSelect(pipe.readFd, 0, 5, -1).userData(3);
            assertEquals(new CqeRecord(3, 5, buffer(11, 0)), submitOne(ring));
            assertEquals("abc", ascii(mem.asSlice(0, 3)));
            assertEquals("defgh", ascii(mem.asSlice(16, 5)));
            ring.sqe().prepRemoveBuffers(10, 5).userData(4);
            assertEquals(new CqeRecord(4, 1, 0), submitOne(ring));
        }
    }
}

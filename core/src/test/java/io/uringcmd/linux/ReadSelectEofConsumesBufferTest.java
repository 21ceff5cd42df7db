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
 * Description: on a plain (non-incremental) ring a 0-byte read (end of file) still reports and consumes the
 * selected buffer: res 0, flags F_BUFFER | bid << 16, head + 1 (§4.3 step 3.4: head += 1 whatever the length).
 */
class ReadSelectEofConsumesBufferTest {
    @Test
    void endOfFileConsumesTheBuffer() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 6, 2, 8)) {
            pipe.closeWriter();
            ring.sqe().prepReadSelect(pipe.readFd, 0, 6, -1).userData(1);
            CqeRecord c = submitOne(ring);
            assertEquals(new CqeRecord(1, 0, buffer(0, 0)), c);
            assertEquals(1, bufs.head());
            assertEquals(0, bufs.take(c.flags(), c.res()));
            assertEquals(1, bufs.inRing());
        }
    }
}

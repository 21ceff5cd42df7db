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
 * Description: READ with buffer select on a pipe takes the ring's first buffer: res = bytes read, flags =
 * F_BUFFER | bid << 16, the bytes are in that buffer, and PBUF_STATUS shows the head one further (§4.2, §4.3).
 */
class ReadSelectBufferIdAndLengthTest {
    @Test
    void readReportsBufferIdAndLengthAndAdvancesHead() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 1, 4, 16)) {
            assertEquals(0, bufs.head());
            pipe.write("hello");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 1, -1).userData(11);
            CqeRecord c = submitOne(ring);
            assertEquals(new CqeRecord(11, 5, 0x1), c); // res=5 flags=F_BUFFER, bid 0
            assertEquals(1, bufs.head());
            assertEquals("hello", ascii(bufs.takeBytes(c.flags(), c.res())));
            assertEquals(3, bufs.inRing());
        }
    }
}

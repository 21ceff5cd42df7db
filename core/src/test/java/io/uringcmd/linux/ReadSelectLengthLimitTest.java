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
 * Description: a selected buffer bounds the read: len 0 or len larger than the buffer reads at most the buffer's
 * length, a smaller len reads at most len; the rest stays in the pipe (§4.2 step 4).
 */
class ReadSelectLengthLimitTest {
    @Test
    void readIsBoundedByBufferAndLen() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 1, 4, 16)) {
            pipe.write("0123456789abcdefXYZ!");
            ring.sqe().prepReadSelect(pipe.readFd, 0, 1, -1).userData(1);
            CqeRecord whole = submitOne(ring);
            assertEquals(new CqeRecord(1, 16, buffer(0, 0)), whole);
            assertEquals("0123456789abcdef", ascii(bufs.takeBytes(whole.flags(), whole.res())));

            ring.sqe().prepReadSelect(pipe.readFd, 2, 1, -1).userData(2);
            CqeRecord two = submitOne(ring);
            assertEquals(new CqeRecord(2, 2, buffer(1, 0)), two);
            assertEquals("XY", ascii(bufs.takeBytes(two.flags(), two.res())));

            ring.sqe().prepReadSelect(pipe.readFd, 100, 1, -1).userData(3);
            CqeRecord rest = submitOne(ring);
            assertEquals(new CqeRecord(3, 2, buffer(2, 0)), rest);
            assertEquals("Z!", ascii(bufs.takeBytes(rest.flags(), rest.res())));
            assertEquals(3, bufs.head());
        }
    }
}

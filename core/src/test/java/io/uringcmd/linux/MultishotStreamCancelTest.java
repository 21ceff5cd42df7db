package io.uringcmd.linux;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotStream;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: MultishotStream.cancel() on a waiting stream (kernel READ_MULTISHOT on an empty pipe) ends it with a
 * final CQE res=-ECANCELED flags=0 and no CQE for the cancel itself (IOSQE_CQE_SKIP_SUCCESS); cancelling a stream
 * whose final CQE is already posted makes the kernel answer the cancel with -ENOENT under cancelUserData().
 */
class MultishotStreamCancelTest {
    @Test
    void cancelEndsTheStreamWithEcanceled() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 3, 2, 8)) {
            MultishotStream stream = MultishotStream.of(ring, bufs, 9, (sqe, group) -> sqe.prepReadMultishot(pipe.readFd, 0, group));
            assertFalse(stream.cancel(), "nothing to cancel before arming");
            stream.arm();
            assertTrue(stream.cancel());
            MultishotStream.Event e = stream.next();
            assertEquals(new CqeRecord(9, -125, 0), e.cqe());
            assertEquals(Errno.ECANCELED, e.endReason());
            assertFalse(e.hasBuffer());
            assertNull(ring.peekCqe());
            assertEquals(2, bufs.inRing(), "a cancelled read took no buffer");

            // The stream ends on its own (-ENOBUFS: both buffers held) before the cancel reaches it.
            stream.arm();
            pipe.write("0123456789abcdef");
            assertEquals(new CqeRecord(9, 8, 0x3), stream.next().cqe());
            assertEquals(new CqeRecord(9, 8, 0x10003), stream.next().cqe());
            pipe.write("x");
            assertEquals(new CqeRecord(9, -105, 0), ring.waitCqe().copy(), "the final CQE is posted, not yet taken");
            assertTrue(stream.isArmed());
            assertTrue(stream.cancel());
            e = stream.next();
            assertEquals(new CqeRecord(9, -105, 0), e.cqe());
            assertEquals(new CqeRecord(stream.cancelUserData(), -2, 0), ring.waitCqe().copy());
            ring.cqeSeen();
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotStream;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the MultishotStream client over a real kernel multishot with provided buffers
 * (IORING_OP_READ_MULTISHOT on a pipe, the same CQE shapes as a multishot uring_cmd): each read is an event res=bytes
 * flags=F_MORE|F_BUFFER|bid<<16 read by buffer id; when the application stops recycling, the ring runs dry and the
 * stream ends with res=-ENOBUFS flags=0; after replenishing, a re-arm delivers the bytes left in the pipe, so none
 * is lost.
 */
class MultishotStreamReadMultishotTest {
    private static final int MORE = 2;

    @Test
    void streamRunsDryEndsWithEnobufsAndRearmsWithoutLoss() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 3, 4, 8)) {
            MultishotStream stream = MultishotStream.of(ring, bufs, 77, (sqe, group) -> sqe.prepReadMultishot(pipe.readFd, 0, group));
            StringBuilder received = new StringBuilder();
            List<CqeRecord> cqes = new ArrayList<>();
            stream.arm();

            pipe.write("hello");
            MultishotStream.Event e = stream.next();
            cqes.add(e.cqe());
            received.append(ascii(e.data()));
            e.recycle(); // bid 0 goes to the back of the ring

            // Stop recycling: 36 bytes need 5 buffers, the ring holds 4.
            List<Integer> held = new ArrayList<>();
            pipe.write("abcdefghijklmnopqrstuvwxyz0123456789");
            do {
                e = stream.next();
                cqes.add(e.cqe());
                if (e.hasBuffer()) {
                    received.append(ascii(e.data()));
                    held.add(e.bufferId());
                }
            } while (!e.isFinal());
            assertEquals(Errno.ENOBUFS, e.endReason());
            assertFalse(stream.isArmed());
            assertEquals(List.of(new CqeRecord(77, 5, buffer(0, MORE)),
                    new CqeRecord(77, 8, buffer(1, MORE)), new CqeRecord(77, 8, buffer(2, MORE)),
                    new CqeRecord(77, 8, buffer(3, MORE)), new CqeRecord(77, 8, buffer(0, MORE)),
                    new CqeRecord(77, -105, 0)), cqes);

            for (int bid : held) bufs.recycle(bid);
            stream.arm();
            e = stream.next();
            assertEquals(new CqeRecord(77, 4, buffer(1, MORE)), e.cqe());
            received.append(ascii(e.data()));
            e.recycle();

            assertTrue(stream.cancel());
            e = stream.next();
            assertEquals(new CqeRecord(77, -125, 0), e.cqe());
            assertEquals(Errno.ECANCELED, e.endReason());
            assertNull(ring.peekCqe(), "a successful cancel posts no CQE of its own");

            assertEquals("helloabcdefghijklmnopqrstuvwxyz0123456789", received.toString());
            assertEquals(2, stream.arms());
            assertEquals(6, stream.events());
            assertEquals(4, bufs.inRing());
        }
    }
}

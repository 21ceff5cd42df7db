package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotStream;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: every misuse of MultishotStream throws with a message that says what to do: arming twice, waiting on
 * an unarmed stream, a foreign CQE at the head of the CQ, a foreign CQE handed to accept, a payload too big for the
 * command area, a buffer ring of another io_uring, an unregistered group, recycling an event twice, reading data of
 * an event without a buffer, asking a non-final event why the stream ended.
 */
class MultishotStreamMisuseTest {
    @Test
    void misuseThrowsWithAHint() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8)); IoUring<Sqe64> other = Linux.setup(RingSetup.entries(2));
             Pipe pipe = new Pipe(); Arena arena = Arena.ofConfined();
             BufferRing bufs = BufferRing.register(ring, 3, 2, 8); BufferRing otherBufs = BufferRing.register(other, 3, 2, 8)) {
            MultishotStream stream = MultishotStream.of(ring, bufs, 9, (sqe, group) -> sqe.prepReadMultishot(pipe.readFd, 0, group));

            assertMessage(IllegalStateException.class, "call arm()", stream::next);
            assertMessage(IllegalArgumentException.class, "does not fit the 16-byte command area",
                    () -> MultishotStream.uringCmd(ring, bufs, pipe.readFd, 1, arena.allocate(17), 1));
            assertMessage(IllegalArgumentException.class, "belongs to another io_uring",
                    () -> MultishotStream.of(ring, otherBufs, 1, (sqe, group) -> sqe.prepNop()));

            stream.arm();
            assertMessage(IllegalStateException.class, "wait for its final CQE", stream::arm);

            ring.sqe().prepNop().userData(5);
            ring.submitAndWait(1);
            assertMessage(IllegalStateException.class, "accept(cqe)", stream::next);
            assertMessage(IllegalArgumentException.class, "is not this stream's", () -> stream.accept(ring.peekCqe()));
            assertEquals(new CqeRecord(5, 0, 0), ring.peekCqe().copy());
            ring.cqeSeen();

            pipe.write("abc");
            MultishotStream.Event e = stream.next();
            assertMessage(IllegalStateException.class, "the stream goes on", e::endReason);
            e.recycle();
            assertMessage(IllegalStateException.class, "already recycled", e::recycle);

            stream.cancel();
            e = stream.next();
            assertTrue(e.isFinal());
            assertMessage(IllegalStateException.class, "check hasBuffer()", e::data);
            e.recycle(); // nothing to give back: allowed

            bufs.unregister();
            assertMessage(IllegalStateException.class, "register a buffer ring before arming", stream::arm);
        }
    }

    static void assertMessage(Class<? extends Throwable> type, String hint, org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(type, call);
        assertTrue(t.getMessage().contains(hint), "message \"" + t.getMessage() + "\" should contain \"" + hint + "\"");
    }
}

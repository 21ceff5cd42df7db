package io.uringcmd.linux;

import io.uringcmd.abi.Uapi;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static io.uringcmd.linux.MultishotStreamMisuseTest.assertMessage;
import static io.uringcmd.linux.Pbuf.buffer;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: every misuse of BufferRing that the kernel cannot report throws with a message that says what to
 * do: a group or bid outside u16, no entries, a zero buffer size, too-small memory, MMAP with app memory, adding a
 * buffer that is in the ring, advancing over an unfilled slot, overfilling, an offset outside the ring, taking a CQE
 * without a buffer or twice, an unknown bid, use after unregister and after the ring closed. None of them touches
 * the ring.
 */
class BufferRingMisuseTest {
    @Test
    void misuseThrowsWithAHint() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2)); Arena arena = Arena.ofConfined()) {
            assertMessage(IllegalArgumentException.class, "use 0..65535", () -> BufferRing.builder(65536));
            assertMessage(IllegalArgumentException.class, "use 0..65535", () -> BufferRing.builder(-1));
            assertMessage(IllegalStateException.class, "call entries(n) first", () -> BufferRing.builder(1).register(ring));
            assertMessage(IllegalArgumentException.class, "bufferSize must be > 0", () -> BufferRing.builder(1).bufferSize(0));
            assertMessage(IllegalArgumentException.class, "too small for 4 buffers",
                    () -> BufferRing.builder(1).entries(4).buffers(arena.allocate(31), 8).register(ring));
            assertMessage(IllegalArgumentException.class, "needs 64 bytes",
                    () -> BufferRing.builder(1).entries(4).ringMemory(ring.allocatePages(4096).asSlice(0, 32)).register(ring));
            assertMessage(IllegalStateException.class, "exclude each other",
                    () -> BufferRing.builder(1).entries(4).kernelAllocated().ringMemory(ring.allocatePages(4096)).register(ring));
            assertEquals(-2, Pbuf.status(ring, 1), "none of the above registered anything");

            BufferRing bufs = BufferRing.builder(1).entries(2).bufferSize(8).empty().register(ring);
            assertMessage(IllegalStateException.class, "which no add() filled", () -> bufs.advance(1));
            assertMessage(IllegalArgumentException.class, "advance by 0..2", () -> bufs.advance(3));
            assertMessage(IllegalArgumentException.class, "outside the ring", () -> bufs.add(0, 2));
            assertMessage(IllegalArgumentException.class, "has no buffer with id 5", () -> bufs.add(5, 0));
            assertMessage(IllegalArgumentException.class, "ids are 0..65535", () -> bufs.buffer(70000));
            assertMessage(IllegalArgumentException.class, "u16 bid field", () -> bufs.add(arena.allocate(8), 65536, 0));
            bufs.recycle(0);
            assertMessage(IllegalStateException.class, "already in the ring", () -> bufs.recycle(0));
            assertMessage(IllegalStateException.class, "is in the ring", () -> bufs.add(arena.allocate(8), 0, 1));
            bufs.recycle(1);
            assertMessage(IllegalStateException.class, "is full", () -> bufs.add(arena.allocate(8), 2, 0));
            assertMessage(IllegalArgumentException.class, "carries no buffer", () -> bufs.take(Uapi.IORING_CQE_F_MORE, 3));
            assertMessage(IllegalStateException.class, "has 8 bytes", () -> bufs.take(buffer(0, 0), 9));
            bufs.take(buffer(0, 0), 8);
            assertMessage(IllegalStateException.class, "take() each CQE once", () -> bufs.take(buffer(0, 0), 8));

            bufs.close();
            assertMessage(IllegalStateException.class, "register a new one", () -> bufs.recycle(0));
            assertMessage(IllegalStateException.class, "register a new one", bufs::head);
            bufs.close(); // idempotent

            BufferRing open = BufferRing.register(ring, 2, 2, 8);
            ring.close();
            assertMessage(IllegalStateException.class, "is closed", () -> open.take(buffer(0, 0), 1));
            open.close(); // the ring took the group with it
            assertFalse(open.isRegistered());
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: PBUF_RING ring_entries must be a power of two below 65536: 0, 3, 65536, 0xffffffff and 1<<31 give
 * -EINVAL (§4.1 steps 5-6), raw and through BufferRing (ErrnoException errno 22, a message naming the rule); 1 and
 * 32768 are accepted.
 */
class PbufRingEntriesEinvalTest {
    @Test
    void entriesMustBeAPowerOfTwoUpTo32768() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            MemorySegment mem = ring.allocatePages(16L * 32768);
            for (int bad : new int[]{0, 3, 65536, -1, 1 << 31}) {
                assertEquals(-22, register(ring, mem, bad, 1, 0), "entries " + Integer.toUnsignedString(bad));
                ErrnoException e = assertThrows(ErrnoException.class, () -> BufferRing.builder(1).entries(bad).register(ring));
                assertEquals(22, e.errno());
                assertTrue(e.getMessage().contains("power of two from 1 to 32768"), e.getMessage());
            }
            assertEquals(-2, status(ring, 1), "nothing was registered");
            assertEquals(0, register(ring, mem, 32768, 1, 0));
            assertEquals(0, register(ring, ring.allocatePages(4096), 1, 2, 0));
            try (BufferRing big = BufferRing.builder(3).entries(32768).register(ring)) {
                assertEquals(32768, big.entries());
            }
        }
    }
}

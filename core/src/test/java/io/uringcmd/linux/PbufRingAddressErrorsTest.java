package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.IOU_PBUF_RING_MMAP;
import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: without IOU_PBUF_RING_MMAP the ring memory is the app's: ring_addr 0 gives -EFAULT, an address that
 * is not page-aligned -EINVAL (raw, and through BufferRing.ringMemory with a hint), a page-aligned address inside a
 * larger allocation is fine; with MMAP ring_addr is ignored (§4.1 step 8).
 */
class PbufRingAddressErrorsTest {
    @Test
    void ringAddressMustBeMappedAndPageAligned() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            MemorySegment pages = ring.allocatePages(4 * 4096);
            assertEquals(-14, register(ring, null, 1, 1, 0));
            assertEquals(-22, register(ring, pages.asSlice(16), 1, 1, 0));
            ErrnoException e = assertThrows(ErrnoException.class,
                    () -> BufferRing.builder(1).entries(1).ringMemory(pages.asSlice(16)).register(ring));
            assertEquals(22, e.errno());
            assertTrue(e.getMessage().contains("page-aligned"), e.getMessage());
            assertEquals(-2, status(ring, 1));

            assertEquals(0, register(ring, pages.asSlice(4096), 1, 1, 0));
            assertEquals(0, register(ring, pages.asSlice(16), 1, 2, IOU_PBUF_RING_MMAP));
            assertEquals(0, status(ring, 2));
        }
    }
}

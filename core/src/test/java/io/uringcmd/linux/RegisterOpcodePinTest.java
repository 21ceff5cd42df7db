package io.uringcmd.linux;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: io_uring_register opcodes match 6.18 and IORING_REGISTER_LAST (36) and beyond give -EINVAL (shared/kernel-uring-cmd.md §1.12). */
class RegisterOpcodePinTest {
    @Test
    void values() {
        assertEquals(0, IORING_REGISTER_BUFFERS);
        assertEquals(1, IORING_UNREGISTER_BUFFERS);
        assertEquals(2, IORING_REGISTER_FILES);
        assertEquals(3, IORING_UNREGISTER_FILES);
        assertEquals(8, IORING_REGISTER_PROBE);
        assertEquals(9, IORING_REGISTER_PERSONALITY);
        assertEquals(10, IORING_UNREGISTER_PERSONALITY);
        assertEquals(15, IORING_REGISTER_BUFFERS2);
        assertEquals(16, IORING_REGISTER_BUFFERS_UPDATE);
        assertEquals(20, IORING_REGISTER_RING_FDS);
        assertEquals(22, IORING_REGISTER_PBUF_RING);
        assertEquals(23, IORING_UNREGISTER_PBUF_RING);
        assertEquals(24, IORING_REGISTER_SYNC_CANCEL);
        assertEquals(25, IORING_REGISTER_FILE_ALLOC_RANGE);
        assertEquals(26, IORING_REGISTER_PBUF_STATUS);
        assertEquals(33, IORING_REGISTER_RESIZE_RINGS);
        assertEquals(34, IORING_REGISTER_MEM_REGION);
        assertEquals(35, IORING_REGISTER_QUERY);
        assertEquals(36, IORING_REGISTER_LAST);
        assertEquals(0x80000000, IORING_REGISTER_USE_REGISTERED_RING);
    }

    @Test
    void opcodesFromLastOnAreEinval() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            assertEquals(-22, ring.register(IORING_REGISTER_LAST, MemorySegment.NULL, 0));
            assertEquals(-22, ring.register(200, MemorySegment.NULL, 0));
        }
    }
}

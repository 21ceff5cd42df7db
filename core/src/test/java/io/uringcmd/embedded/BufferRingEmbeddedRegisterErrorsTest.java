package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.IORING_UNREGISTER_PBUF_RING;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: BufferRing on the embedded host gets the kernel's registration answers (§4.1, pinned on the kernel
 * by the linux Pbuf* tests): -EINVAL for entries 0, 3, 65536; -EINVAL for unaligned ring memory; -EINVAL for min_left
 * without INC; -EEXIST for a group in use; PBUF_STATUS head 0; -ENOENT when closing a group unregistered behind its
 * back.
 */
class BufferRingEmbeddedRegisterErrorsTest {
    @Test
    void registrationErrorsMatchTheKernel() {
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(4))) {
            for (int bad : new int[]{0, 3, 65536}) {
                assertEquals(22, assertThrows(ErrnoException.class, () -> BufferRing.builder(1).entries(bad).register(ring)).errno());
            }
            assertEquals(22, assertThrows(ErrnoException.class,
                    () -> BufferRing.builder(1).entries(1).ringMemory(ring.allocatePages(8192).asSlice(16)).register(ring)).errno());
            assertEquals(22, assertThrows(ErrnoException.class,
                    () -> BufferRing.builder(1).entries(4).minLeft(8).register(ring)).errno());
            BufferRing bufs = BufferRing.register(ring, 1, 4, 16);
            assertEquals(0, bufs.head());
            assertEquals(17, assertThrows(ErrnoException.class, () -> BufferRing.register(ring, 1, 4, 16)).errno());

            BufferRing other = BufferRing.register(ring, 2, 2, 8);
            MemorySegment reg = ring.allocate(BufRingLayout.REG_SIZE);
            reg.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) 2);
            assertEquals(0, ring.register(IORING_UNREGISTER_PBUF_RING, reg, 1)); // behind the BufferRing's back
            assertEquals(2, assertThrows(ErrnoException.class, other::close).errno());
            bufs.close();
        }
    }
}

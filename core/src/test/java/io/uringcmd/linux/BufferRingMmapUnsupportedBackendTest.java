package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingBackend;
import io.uringcmd.ring.RingMemory;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: BufferRing's kernelAllocated() (IOU_PBUF_RING_MMAP) on a backend that cannot map kernel-allocated
 * rings throws UnsupportedOperationException saying to drop kernelAllocated(), and leaves the group unregistered; the
 * same builder without it works on that backend (client-allocated ring memory).
 */
class BufferRingMmapUnsupportedBackendTest {
    /** The kernel behind a backend that does not override RingBackend.mapBufferRing (as a non-Linux backend would). */
    record NoMmapBackend(LinuxBackend kernel) implements RingBackend {
        @Override public RingMemory memory() { return kernel.memory(); }
        @Override public int enter(int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize) { return kernel.enter(toSubmit, minComplete, flags, arg, argSize); }
        @Override public int register(int opcode, MemorySegment arg, int nrArgs) { return kernel.register(opcode, arg, nrArgs); }
        @Override public MemorySegment allocate(long byteSize, long byteAlignment) { return kernel.allocate(byteSize, byteAlignment); }
        @Override public String multishotHazard(int fd, boolean fixedFile) { return kernel.multishotHazard(fd, fixedFile); }
        @Override public String name() { return "no-mmap test backend"; }
        @Override public void close() { kernel.close(); }
    }

    @Test
    void kernelAllocatedNeedsABackendThatMaps() {
        try (IoUring<Sqe> ring = IoUring.over(new NoMmapBackend(LinuxBackend.setup(RingSetup.entries(2))))) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> BufferRing.builder(4).entries(4).bufferSize(8).kernelAllocated().register(ring));
            assertTrue(e.getMessage().contains("drop kernelAllocated()"), e.getMessage());
            assertTrue(e.getMessage().contains("no-mmap test backend"), e.getMessage());
            assertEquals(-2, Pbuf.status(ring, 4), "the group was unregistered again");
            try (BufferRing bufs = BufferRing.builder(4).entries(4).bufferSize(8).register(ring)) {
                assertEquals(4, bufs.inRing());
            }
        }
    }
}

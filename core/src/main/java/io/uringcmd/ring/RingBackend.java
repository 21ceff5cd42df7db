package io.uringcmd.ring;

import java.lang.foreign.MemorySegment;

/**
 * What carries out {@code io_uring_enter} and {@code io_uring_register} for a ring: the Linux kernel
 * ({@code io.uringcmd.linux}) or the embedded host ({@code io.uringcmd.embedded}). The ring client reaches its backend
 * only through these calls and the ring memory the backend set up; it does not know which backend it has.
 */
public interface RingBackend {

    /** The ring memory and the parameters setup wrote back. */
    RingMemory memory();

    /** {@code io_uring_enter(fd, toSubmit, minComplete, flags, arg, argSize)}: {@code >= 0} or {@code -errno}. */
    int enter(int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize);

    /** {@code io_uring_register(fd, opcode, arg, nrArgs)}: {@code >= 0} or {@code -errno}. */
    int register(int opcode, MemorySegment arg, int nrArgs);

    /**
     * Memory the backend's side can dereference when a pointer to it is passed in an SQE or register argument:
     * any native memory for the kernel, the host's user memory for the embedded host.
     */
    MemorySegment allocate(long byteSize, long byteAlignment);

    /**
     * Why a {@code IORING_URING_CMD_MULTISHOT} command to this target would never complete on this backend, or
     * null when it is safe to send (see {@link IoUring#submit()}).
     */
    String multishotHazard(int fd, boolean fixedFile);

    /**
     * Maps the ring memory of buffer group {@code bgid}, which the backend allocated on registration with
     * {@code IOU_PBUF_RING_MMAP}. Backends that cannot hand out such memory throw
     * {@link UnsupportedOperationException}; {@link BufferRing} then unregisters the group again.
     */
    default MemorySegment mapBufferRing(int bgid, long size) {
        throw new UnsupportedOperationException(name() + " does not map kernel-allocated buffer rings (IOU_PBUF_RING_MMAP)");
    }

    /** A short name for messages and traces: "linux 6.18.44", "embedded". */
    String name();

    /** Releases the ring: its memory, its descriptor, everything registered. Idempotent. */
    void close();
}

package io.uringcmd.linux;

import io.uringcmd.abi.CqeLayout;
import io.uringcmd.abi.Errno;
import io.uringcmd.abi.ParamsLayout;
import io.uringcmd.internal.Libc;
import io.uringcmd.internal.Raw;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.RingBackend;
import io.uringcmd.ring.RingMemory;
import io.uringcmd.ring.RingParams;
import io.uringcmd.ring.RingSetup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static io.uringcmd.abi.Uapi.*;

/**
 * The kernel as a ring backend: {@code io_uring_setup}, the ring mappings, {@code io_uring_enter} and
 * {@code io_uring_register} as syscalls. Close unmaps every mapping and closes the ring fd.
 */
public final class LinuxBackend implements RingBackend {
    private final int ringFd;
    private final Arena arena;
    private final RingMemory memory;
    private final String name;
    private final MemorySegment ownCapture;
    private volatile Thread captureOwner;
    private volatile boolean closed;

    private static final VarHandle OWNER;
    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(LinuxBackend.class, "captureOwner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LinuxBackend(int ringFd, Arena arena, RingMemory memory) {
        this.ringFd = ringFd;
        this.arena = arena;
        this.memory = memory;
        // The ring's own errno buffer saves a ThreadLocal lookup per enter (~10 ns per NOP round trip, measured).
        // An automatic arena, not the ring's shared one: a downcall acquires and releases a shared-arena segment
        // it is passed with two atomic updates; an automatic one costs nothing.
        this.ownCapture = Libc.newCaptureState(Arena.ofAuto());
        this.name = "linux " + Linux.kernelRelease();
    }

    /** {@code io_uring_setup} and the mappings; throws {@link ErrnoException} with the kernel's errno. */
    public static LinuxBackend setup(RingSetup<?> setup) {
        Arena arena = Arena.ofShared();
        int fd = -1;
        try {
            MemorySegment p = arena.allocate(ParamsLayout.SIZE, 8);
            setup.writeTo(p);
            fd = (int) Libc.syscall(NR_IO_URING_SETUP, Integer.toUnsignedLong(setup.entries()), p.address(), 0, 0, 0, 0);
            if (fd < 0) throw new ErrnoException("io_uring_setup(" + setup + ")", fd, null);
            RingParams params = RingParams.read(p);
            final int ringFd = fd;
            int cqeSize = (int) (params.cqe32() ? CqeLayout.SIZE_32 : CqeLayout.SIZE);
            long sqSize = params.noSqArray() ? 0 : params.sqArray() + 4L * params.sqEntries();
            long cqSize = params.cqes() + (long) cqeSize * params.cqEntries();
            MemorySegment sqRing, cqRing;
            if (params.hasFeature(IORING_FEAT_SINGLE_MMAP)) {
                long size = Math.max(sqSize, cqSize);
                sqRing = cqRing = map(arena, size, ringFd, IORING_OFF_SQ_RING);
            } else {
                sqRing = map(arena, sqSize, ringFd, IORING_OFF_SQ_RING);
                cqRing = map(arena, cqSize, ringFd, IORING_OFF_CQ_RING);
            }
            long sqeBytes = (params.sqe128() ? 128L : 64L) * params.sqEntries();
            MemorySegment sqes = map(arena, sqeBytes, ringFd, IORING_OFF_SQES);
            return new LinuxBackend(fd, arena, new RingMemory(sqRing, cqRing, sqes, params));
        } catch (RuntimeException e) {
            if (fd >= 0) Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    private static MemorySegment map(Arena arena, long size, int fd, long offset) {
        long addr = Libc.mmap(0, size, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED | Libc.MAP_POPULATE, fd, offset);
        if (addr < 0 && addr > -4096) throw new ErrnoException("mmap(io_uring, offset 0x" + Long.toHexString(offset) + ")", (int) addr, null);
        // SAFETY: the kernel just mapped [addr, addr+size); the cleanup unmaps it once, when the arena closes.
        return Raw.map(addr, size, arena, () -> Libc.munmap(addr, size));
    }

    /**
     * Maps a kernel-allocated provided buffer ring ({@code IOU_PBUF_RING_MMAP}) of group {@code bgid}. The mapping
     * lives until the ring closes (the mapped pages stay valid after the group is unregistered).
     */
    @Override
    public MemorySegment mapBufferRing(int bgid, long size) {
        ensureOpen();
        return map(arena, size, ringFd, IORING_OFF_PBUF_RING | ((long) bgid << IORING_OFF_PBUF_SHIFT));
    }

    public int ringFd() { return ringFd; }

    @Override public RingMemory memory() { return memory; }

    /**
     * {@code io_uring_enter}, one ordinary downcall. (A critical downcall for enters that cannot sleep, with
     * submit-and-wait split in two, measured no faster here: docs/BENCHMARKS.md.)
     */
    @Override
    public int enter(int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize) {
        ensureOpen();
        return (int) Libc.syscall(capture(), NR_IO_URING_ENTER, ringFd, Integer.toUnsignedLong(toSubmit),
                Integer.toUnsignedLong(minComplete), Integer.toUnsignedLong(flags), arg.address(), argSize);
    }

    /**
     * The errno capture buffer for this call: the ring's own for the first thread that enters (the submitter, as a
     * rule), the calling thread's (a ThreadLocal lookup) for any other.
     */
    private MemorySegment capture() {
        Thread t = Thread.currentThread();
        Thread owner = captureOwner;
        if (owner == t) return ownCapture;
        if (owner == null && OWNER.compareAndSet(this, (Thread) null, t)) return ownCapture;
        return Libc.threadCaptureState();
    }

    @Override
    public int register(int opcode, MemorySegment arg, int nrArgs) {
        ensureOpen();
        return (int) Libc.syscall(NR_IO_URING_REGISTER, ringFd, Integer.toUnsignedLong(opcode), arg.address(), Integer.toUnsignedLong(nrArgs), 0, 0);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        ensureOpen();
        return arena.allocate(byteSize, byteAlignment);
    }

    @Override
    public String multishotHazard(int fd, boolean fixedFile) {
        if (fixedFile) return "a fixed-file slot whose file this ring does not know (register files through IoUring.registerFiles)";
        return FileKind.of(fd).multishotHazard();
    }

    @Override public String name() { return name; }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("this io_uring is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        // Unmap first (the arena's cleanups), then close the fd: the kernel frees the ring when both are gone.
        arena.close();
        int r = Libc.close(ringFd);
        if (r < 0 && r != -Errno.EBADF.value()) throw new ErrnoException("close(io_uring fd)", r, null);
    }
}

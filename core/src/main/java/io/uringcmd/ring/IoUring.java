package io.uringcmd.ring;

import io.uringcmd.abi.CqeLayout;
import io.uringcmd.abi.Errno;
import io.uringcmd.abi.Opcode;
import io.uringcmd.abi.ProbeLayout;
import io.uringcmd.abi.SqeLayout;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.time.Duration;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * An io_uring: the submission and completion queues over the memory a {@link RingBackend} shares, and the
 * {@code enter}/{@code register} calls. The same client runs over the Linux kernel ({@code io.uringcmd.linux.Linux})
 * and over the embedded host ({@code io.uringcmd.embedded.Host}).
 *
 * <p>Threading: like liburing, one thread submits and one thread reaps (they may be the same). Claiming SQEs,
 * submitting, and reaping CQEs allocate nothing.
 *
 * <h2>Invariants</h2>
 * {@code sqeHead <= sqeTail}, {@code sqeTail - kernel sq head <= sqEntries}; {@code cqHead} is the only copy of the
 * CQ head and is published with a release store after the CQE it passes has been read.
 *
 * @param <S> the SQE type: {@link Sqe64} or {@link Sqe128}, from the {@link RingSetup}
 */
public final class IoUring<S extends Sqe> implements AutoCloseable {
    /** Aligned int access with explicit memory ordering on the shared ring indices. */
    private static final VarHandle INT = JAVA_INT.varHandle();

    private final RingBackend backend;
    private final RingParams params;
    private final MemorySegment sqRing, cqRing, sqes;
    private final long sqHeadOff, sqTailOff, sqFlagsOff, sqDroppedOff, cqHeadOff, cqTailOff, cqOverflowOff, cqesOff;
    private final int sqMask, sqEntries, cqMask, cqEntries, cqeShift;
    private final boolean cqeMixed;
    private final Sqe[] slots;
    private final Object[] slotPins;
    private final boolean[] slotTrustMultishot;
    private final InFlight inFlight = new InFlight();
    private final Cqe cqe;
    private final MemorySegment waitArg, waitTs;
    private int[] registeredFds;
    private MemorySegment[] registeredBuffers;
    private int sqeHead, sqeTail;
    private int cqHead;
    private volatile boolean closed;

    private IoUring(RingBackend backend) {
        this.backend = backend;
        RingMemory m = backend.memory();
        this.params = m.params();
        this.sqRing = m.sqRing();
        this.cqRing = m.cqRing();
        this.sqes = m.sqes();
        this.sqHeadOff = params.sqHead();
        this.sqTailOff = params.sqTail();
        this.sqFlagsOff = params.sqFlags();
        this.sqDroppedOff = params.sqDropped();
        this.cqHeadOff = params.cqHead();
        this.cqTailOff = params.cqTail();
        this.cqOverflowOff = params.cqOverflow();
        this.cqesOff = params.cqes();
        this.sqMask = sqRing.get(JAVA_INT, params.sqRingMask());
        this.sqEntries = sqRing.get(JAVA_INT, params.sqRingEntries());
        this.cqMask = cqRing.get(JAVA_INT, params.cqRingMask());
        this.cqEntries = cqRing.get(JAVA_INT, params.cqRingEntries());
        this.cqeShift = params.cqe32() ? 5 : 4;
        this.cqeMixed = params.cqeMixed();
        this.slots = new Sqe[sqEntries];
        boolean big = params.sqe128();
        for (int i = 0; i < sqEntries; i++) slots[i] = big ? new Sqe128(this, sqes, i) : new Sqe64(this, sqes, i);
        this.slotPins = new Object[sqEntries];
        this.slotTrustMultishot = new boolean[sqEntries];
        if (!params.noSqArray()) {
            // Identity SQ array, filled once (liburing does the same): SQE i is always published as index i.
            for (int i = 0; i < sqEntries; i++) sqRing.set(JAVA_INT, params.sqArray() + 4L * i, i);
        }
        this.cqe = new Cqe(cqRing, params.cqe32());
        this.cqHead = (int) INT.getAcquire(cqRing, cqHeadOff);
        this.sqeHead = this.sqeTail = (int) INT.getAcquire(sqRing, sqTailOff);
        this.waitArg = backend.allocate(GETEVENTS_ARG_SIZE, 8);
        this.waitTs = backend.allocate(16, 8);
    }

    /** A ring over a backend that has set up its memory. Backends call this; users get rings from the backends. */
    @SuppressWarnings("unchecked")
    public static <S extends Sqe> IoUring<S> over(RingBackend backend) {
        return (IoUring<S>) new IoUring<Sqe>(backend);
    }

    // ---------------------------------------------------------------- SQ

    /**
     * Claims the next SQE, or returns null when the submission queue is full (submit, then claim again). The SQE's
     * previous contents are left as they are: use a {@code prepX} helper or {@link Sqe#reset()}.
     */
    @SuppressWarnings("unchecked")
    public S nextSqe() {
        ensureOpen();
        int next = sqeTail + 1;
        // Acquire: the backend has finished reading the SQEs it consumed before we may overwrite their slots.
        int head = (int) INT.getAcquire(sqRing, sqHeadOff);
        if (next - head > sqEntries) return null;
        Sqe s = slots[sqeTail & sqMask];
        sqeTail = next;
        return (S) s;
    }

    /** Like {@link #nextSqe()}, but throws when the SQ is full. */
    public S sqe() {
        S s = nextSqe();
        if (s == null) {
            throw new IllegalStateException("submission queue full (" + sqEntries + " entries claimed and not consumed): "
                    + "call submit() before claiming more, or set the ring up with more entries");
        }
        return s;
    }

    /** SQEs claimed and not yet published to the backend. */
    public int sqReady() { ensureOpen(); return sqeTail - sqeHead; }

    /** Free SQ slots. */
    public int sqSpaceLeft() { ensureOpen(); return sqEntries - (sqeTail - (int) INT.getAcquire(sqRing, sqHeadOff)); }

    /** Forgets SQEs claimed since the last submit (e.g. after {@link #submit()} refused one). */
    public void discardUnsubmitted() {
        ensureOpen();
        for (int i = sqeHead; i != sqeTail; i++) {
            slotPins[i & sqMask] = null;
            slotTrustMultishot[i & sqMask] = false;
        }
        sqeTail = sqeHead;
    }

    void pin(int slot, MemorySegment segment) {
        ensureOpen();
        Object cur = slotPins[slot];
        if (cur == null) slotPins[slot] = segment;
        else if (cur instanceof Object[] arr) {
            Object[] n = java.util.Arrays.copyOf(arr, arr.length + 1);
            n[arr.length] = segment;
            slotPins[slot] = n;
        } else slotPins[slot] = new Object[]{cur, segment};
    }

    void trustMultishot(int slot) { ensureOpen(); slotTrustMultishot[slot] = true; }

    /**
     * Publishes claimed SQEs: checks each, moves their pinned segments to the in-flight table, and release-stores
     * the SQ tail. Returns how many entries the backend has yet to consume.
     */
    private int flushSq() {
        int tail = sqeTail;
        if (tail != sqeHead) {
            for (int i = sqeHead; i != tail; i++) checkMultishot(i & sqMask);
            for (int i = sqeHead; i != tail; i++) {
                int slot = i & sqMask;
                Object pinned = slotPins[slot];
                if (pinned != null) {
                    inFlight.put(sqes.get(JAVA_LONG, slots[slot].base + SqeLayout.USER_DATA), pinned);
                    slotPins[slot] = null;
                }
                slotTrustMultishot[slot] = false;
            }
            // Release: every SQE store above must be visible to the backend before it can see the new tail.
            INT.setRelease(sqRing, sqTailOff, tail);
            sqeHead = tail;
        }
        return tail - (int) INT.getAcquire(sqRing, sqHeadOff);
    }

    /**
     * Refuses a uring_cmd that could reach a driver with {@code IORING_URING_CMD_MULTISHOT} set: MULTISHOT with
     * {@code IOSQE_BUFFER_SELECT} and without {@code IORING_URING_CMD_FIXED}, the only combination that passes 6.18's
     * prep (§2.2 rules 3-4). MULTISHOT without BUFFER_SELECT, and MULTISHOT|FIXED, fail prep with -EINVAL and never
     * reach a driver, so they go through and get their -EINVAL CQE. Other invalid fields (pad1, unknown flag bits)
     * do not relax the check: it stays on the safe side of any prep rule a later kernel might drop.
     */
    private void checkMultishot(int slot) {
        long b = slots[slot].base;
        if ((sqes.get(JAVA_BYTE, b + SqeLayout.OPCODE) & 0xff) != Opcode.URING_CMD.code()) return;
        int cmdFlags = sqes.get(JAVA_INT, b + SqeLayout.URING_CMD_FLAGS);
        if ((cmdFlags & IORING_URING_CMD_MULTISHOT) == 0 || (cmdFlags & IORING_URING_CMD_FIXED) != 0) return;
        int sqeFlags = sqes.get(JAVA_BYTE, b + SqeLayout.FLAGS);
        if ((sqeFlags & IOSQE_BUFFER_SELECT) == 0) return;
        if (slotTrustMultishot[slot]) return;
        int fd = sqes.get(JAVA_INT, b + SqeLayout.FD);
        boolean fixed = (sqeFlags & IOSQE_FIXED_FILE) != 0;
        String hazard;
        if (fixed && registeredFds != null && fd >= 0 && fd < registeredFds.length) {
            hazard = registeredFds[fd] < 0 ? null : backend.multishotHazard(registeredFds[fd], false);
        } else {
            hazard = backend.multishotHazard(fd, fixed);
        }
        if (hazard != null) {
            throw new MultishotRefusedException("refusing to submit a MULTISHOT uring_cmd (user_data="
                    + sqes.get(JAVA_LONG, b + SqeLayout.USER_DATA) + ") to " + (fixed ? "fixed file " : "fd ") + fd + ": "
                    + hazard + ". On Linux 6.18 a driver that ignores IORING_URING_CMD_MULTISHOT accepts the command and "
                    + "never completes it; the request leaks and closing the ring leaves a kernel worker stuck until reboot. "
                    + "Nothing was submitted: re-prep the SQE or call discardUnsubmitted(); if you know the driver "
                    + "implements multishot, mark the SQE with trustMultishotTarget().");
        }
    }

    /** Submits claimed SQEs; returns how many the backend consumed. */
    public int submit() {
        ensureOpen();
        int pending = flushSq();
        int flags = needsFlush() ? IORING_ENTER_GETEVENTS : 0;
        if (pending == 0 && flags == 0) return 0;
        return enterChecked(pending, 0, flags);
    }

    /** Submits claimed SQEs and waits until at least {@code waitNr} CQEs are available. */
    public int submitAndWait(int waitNr) {
        ensureOpen();
        int pending = flushSq();
        return enterChecked(pending, waitNr, waitNr > 0 || needsFlush() ? IORING_ENTER_GETEVENTS : 0);
    }

    private boolean needsFlush() {
        return ((int) INT.getAcquire(sqRing, sqFlagsOff) & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0;
    }

    private int enterChecked(int toSubmit, int minComplete, int flags) {
        while (true) {
            int r = backend.enter(toSubmit, minComplete, flags, MemorySegment.NULL, 0);
            if (r == -Errno.EINTR.value()) continue;
            if (r < 0) throw new ErrnoException("io_uring_enter", r, enterHint(r));
            return r;
        }
    }

    private static String enterHint(int r) {
        if (r == -Errno.EBUSY.value()) return "the CQ ring is full and overflowed CQEs are pending: reap CQEs first";
        if (r == -Errno.EBADR.value()) return "CQEs were dropped (overflow allocation failed)";
        return null;
    }

    /** Raw {@code io_uring_enter}: returns the backend's result, {@code >= 0} or {@code -errno}, without checks. */
    public int enter(int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize) {
        ensureOpen();
        return backend.enter(toSubmit, minComplete, flags, arg == null ? MemorySegment.NULL : arg, argSize);
    }

    /** Publishes claimed SQEs without entering (for raw {@link #enter} sequences). Returns entries not yet consumed. */
    public int publish() {
        ensureOpen();
        return flushSq();
    }

    // ---------------------------------------------------------------- CQ

    /** The CQE at the head of the CQ, or null if there is none. Does not block; does not consume. */
    public Cqe peekCqe() {
        ensureOpen();
        Cqe c = peekLocal();
        if (c == null && needsFlush()) {
            // Overflowed CQEs or pending task work: one GETEVENTS enter moves them into the ring.
            enterChecked(0, 0, IORING_ENTER_GETEVENTS);
            c = peekLocal();
        }
        return c;
    }

    private Cqe peekLocal() {
        // Acquire: the CQE contents written before the backend's release of the tail are visible.
        int tail = (int) INT.getAcquire(cqRing, cqTailOff);
        while (cqHead != tail) {
            long off = cqesOff + ((long) (cqHead & cqMask) << cqeShift);
            if (cqeMixed && (cqRing.get(JAVA_INT, off + CqeLayout.FLAGS) & IORING_CQE_F_SKIP) != 0) {
                // Padding before a 32-byte CQE that would not fit before the wrap.
                cqHead++;
                INT.setRelease(cqRing, cqHeadOff, cqHead);
                continue;
            }
            cqe.off = off;
            return cqe;
        }
        return null;
    }

    /** Waits for a CQE. */
    public Cqe waitCqe() {
        while (true) {
            Cqe c = peekCqe();
            if (c != null) return c;
            enterChecked(0, 1, IORING_ENTER_GETEVENTS);
        }
    }

    /** Waits up to {@code timeout} for a CQE ({@code IORING_ENTER_EXT_ARG}); null on timeout. */
    public Cqe waitCqe(Duration timeout) {
        Cqe c = peekCqe();
        if (c != null) return c;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            waitTs.set(JAVA_LONG, 0, left / 1_000_000_000L);
            waitTs.set(JAVA_LONG, 8, left % 1_000_000_000L);
            waitArg.fill((byte) 0);
            waitArg.set(JAVA_INT, 8, 8); // sigmask_sz: _NSIG / 8
            waitArg.set(JAVA_LONG, 16, waitTs.address());
            int r = backend.enter(0, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, waitArg, GETEVENTS_ARG_SIZE);
            c = peekCqe();
            if (c != null) return c;
            if (r == -Errno.ETIME.value() || left == 0) return null;
            if (r < 0 && r != -Errno.EINTR.value()) throw new ErrnoException("io_uring_enter", r, enterHint(r));
        }
    }

    /** Marks the CQE returned by peek/wait as consumed. */
    public void cqeSeen() {
        ensureOpen();
        long off = cqe.off;
        int flags = cqRing.get(JAVA_INT, off + CqeLayout.FLAGS);
        if (inFlight.size() != 0 && (flags & IORING_CQE_F_MORE) == 0) {
            inFlight.removeOne(cqRing.get(JAVA_LONG, off + CqeLayout.USER_DATA));
        }
        cqHead += (cqeMixed && (flags & IORING_CQE_F_32) != 0) ? 2 : 1;
        // Release: our reads of the CQE happen before the backend may reuse its slot.
        INT.setRelease(cqRing, cqHeadOff, cqHead);
    }

    /** Calls {@code handler} for every CQE ready now, consuming each; returns how many. */
    public int forEachCqe(CqeHandler handler) {
        int n = 0;
        for (Cqe c = peekCqe(); c != null; c = peekLocal()) {
            handler.handle(c);
            cqeSeen();
            n++;
        }
        return n;
    }

    /** CQ slots filled and not yet consumed (on a CQE_MIXED ring a 32-byte CQE counts 2). */
    public int cqReady() { ensureOpen(); return (int) INT.getAcquire(cqRing, cqTailOff) - cqHead; }

    // ---------------------------------------------------------------- register

    /** Raw {@code io_uring_register}: {@code >= 0} or {@code -errno}. */
    public int register(int opcode, MemorySegment arg, int nrArgs) {
        ensureOpen();
        return backend.register(opcode, arg == null ? MemorySegment.NULL : arg, nrArgs);
    }

    /** {@code IORING_REGISTER_PROBE}: which opcodes the backend supports. */
    public Probe probe() {
        MemorySegment p = allocate(ProbeLayout.SIZE + ProbeLayout.MAX_OPS * ProbeLayout.OP_SIZE);
        ErrnoException.check("io_uring_register(PROBE)", register(IORING_REGISTER_PROBE, p, ProbeLayout.MAX_OPS));
        return Probe.read(p);
    }

    /**
     * {@code IORING_REGISTER_BUFFERS}: buffer {@code i} becomes index {@code i} for {@code IORING_URING_CMD_FIXED}.
     * The segments stay reachable until {@link #unregisterBuffers()} or close.
     */
    public void registerBuffers(MemorySegment... buffers) {
        MemorySegment iov = allocate(16L * Math.max(1, buffers.length));
        for (int i = 0; i < buffers.length; i++) {
            iov.set(JAVA_LONG, 16L * i, buffers[i].address());
            iov.set(JAVA_LONG, 16L * i + 8, buffers[i].byteSize());
        }
        ErrnoException.check("io_uring_register(BUFFERS)", register(IORING_REGISTER_BUFFERS, iov, buffers.length));
        registeredBuffers = buffers.clone();
    }

    public void unregisterBuffers() {
        ErrnoException.check("io_uring_register(UNREGISTER_BUFFERS)", register(IORING_UNREGISTER_BUFFERS, MemorySegment.NULL, 0));
        registeredBuffers = null;
    }

    /** {@code IORING_REGISTER_FILES}: {@code fds[i]} becomes fixed file {@code i} ({@code -1}: an empty slot). */
    public void registerFiles(int... fds) {
        MemorySegment arr = allocate(4L * Math.max(1, fds.length));
        for (int i = 0; i < fds.length; i++) arr.set(JAVA_INT, 4L * i, fds[i]);
        ErrnoException.check("io_uring_register(FILES)", register(IORING_REGISTER_FILES, arr, fds.length));
        registeredFds = fds.clone();
    }

    public void unregisterFiles() {
        ErrnoException.check("io_uring_register(UNREGISTER_FILES)", register(IORING_UNREGISTER_FILES, MemorySegment.NULL, 0));
        registeredFds = null;
    }

    /**
     * Memory this ring's backend can dereference (any native memory for the kernel; the host's user memory for the
     * embedded host), zeroed, freed with the backend.
     */
    public MemorySegment allocate(long byteSize) {
        ensureOpen();
        return backend.allocate(byteSize, 8);
    }

    /** Page-aligned {@link #allocate} (buffer rings need it). */
    public MemorySegment allocatePages(long byteSize) {
        ensureOpen();
        return backend.allocate(byteSize, 4096);
    }

    // ---------------------------------------------------------------- state

    public RingParams params() { return params; }
    public RingBackend backend() { ensureOpen(); return backend; }
    public int sqEntries() { return sqEntries; }
    public int cqEntries() { return cqEntries; }
    /** {@code IORING_SQ_*} flags the backend publishes (CQ_OVERFLOW, TASKRUN). */
    public int sqFlags() { ensureOpen(); return (int) INT.getAcquire(sqRing, sqFlagsOff); }
    /** {@code sq.dropped}: SQ array entries that named an invalid index. */
    public int sqDropped() { ensureOpen(); return (int) INT.getAcquire(sqRing, sqDroppedOff); }
    /** {@code cq.overflow}: CQEs the backend had to drop. */
    public int cqOverflow() { ensureOpen(); return (int) INT.getAcquire(cqRing, cqOverflowOff); }
    /** Segments the ring keeps reachable for requests in flight. */
    public int pinnedRequests() { ensureOpen(); return inFlight.size(); }
    public boolean isClosed() { return closed; }

    void ensureOpen() {
        if (closed) throw new IllegalStateException("this io_uring is closed: open a new ring (" + backend.name() + ")");
    }

    /**
     * Closes the ring: the backend unmaps its memory and releases its descriptor. Idempotent. Afterwards every method
     * that touches the ring or its backend throws {@link IllegalStateException} saying the ring is closed; only
     * {@link #isClosed()}, {@link #params()}, {@link #sqEntries()}, {@link #cqEntries()} and {@link #toString()} still
     * answer (they read no ring memory). SQE and CQE views taken before close throw {@link IllegalStateException} too
     * (the prep helpers with this message, raw field accessors from the memory API: the mapping is gone).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            backend.close();
        } finally {
            inFlight.clear();
            registeredBuffers = null;
            java.util.Arrays.fill(slotPins, null);
        }
    }

    @Override
    public String toString() {
        return "IoUring[" + backend.name() + ", sq=" + sqEntries + ", cq=" + cqEntries + ", flags=0x"
                + Integer.toHexString(params.flags()) + (closed ? ", closed" : "") + "]";
    }
}

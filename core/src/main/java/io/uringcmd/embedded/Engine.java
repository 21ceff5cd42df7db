package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.abi.CqeLayout;
import io.uringcmd.abi.Errno;
import io.uringcmd.abi.Opcode;
import io.uringcmd.abi.ParamsLayout;
import io.uringcmd.abi.ProbeLayout;
import io.uringcmd.abi.SqeLayout;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.TaskWork;
import io.uringcmd.driver.UringCmdAction;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.RingBackend;
import io.uringcmd.ring.RingMemory;
import io.uringcmd.ring.RingParams;
import io.uringcmd.ring.RingSetup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import static io.uringcmd.abi.ParamsLayout.*;
import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * The embedded host's io_uring: a {@link RingBackend} that reads the SQ and writes the CQ in the kernel's memory
 * layout and applies the kernel's rules in its order (io_uring.c, uring_cmd.c, cancel.c, nop.c of 6.18). Every SQE
 * it consumes gets exactly one terminal CQE, or none for a successful {@code IOSQE_CQE_SKIP_SUCCESS} request.
 *
 * <h2>Threading</h2>
 * The thread in {@link #enter} holds {@code uringLock} (the kernel's uring_lock) while it submits, runs task work
 * and posts CQEs. Device threads only enqueue completions ({@link #queuedDone}) and task work; they never take the
 * lock or touch ring memory, so a device may complete commands while holding its own locks. The waiter is unparked
 * when work arrives. Commands issued with IOSQE_ASYNC, reissued after -EAGAIN, or released from a drain run on the
 * host's worker threads (io-wq) and hand their answer back as task work.
 *
 * <h2>Invariants</h2>
 * A queued command's handle is completed by exactly one side — the device's {@code done()} or the host (a device that
 * threw, ring close) — decided by the handle's CAS; the winner's completion is applied under the lock, after the
 * command's answer if it arrives first ({@code Request.earlyWork}). {@link #close} returns only when every consumed
 * SQE has ended ({@code stats().inFlight() == 0}).
 */
public final class Engine implements RingBackend {
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static final int LINK_FLAGS = IOSQE_IO_LINK | IOSQE_IO_HARDLINK;
    private static final int CANCEL_FLAGS = IORING_ASYNC_CANCEL_ALL | IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_ANY
            | IORING_ASYNC_CANCEL_FD_FIXED | IORING_ASYNC_CANCEL_USERDATA | IORING_ASYNC_CANCEL_OP;
    /** {@code IORING_MAX_REG_BUFFERS}. */
    private static final int MAX_REG_BUFFERS = 1 << 14;
    /** {@code IORING_MAX_FIXED_FILES}. */
    private static final int MAX_FIXED_FILES = 1 << 20;
    /** {@code MAX_BIDS_PER_BGID}: bids are a u16 in the CQE. */
    private static final int MAX_BIDS_PER_BGID = 1 << 16;
    /** x86_64 {@code TASK_SIZE_MAX} with 4-level paging: {@code access_ok} refuses ranges ending above it. */
    private static final long TASK_SIZE_MAX = 0x7ffffffff000L;
    private static final long PAGE_SIZE = 4096;
    /**
     * {@code io_uring_buf_reg.min_left} (u32 at byte 16) and the start of {@code resv[5]} (u32s): the layout of
     * 6.18.44, which carries the backport of "io_uring/kbuf: support min length left for incremental buffers".
     */
    private static final long REG_MIN_LEFT = 16, REG_RESV_U32 = 20;

    final Host host;
    private final Arena arena;
    private final RingMemory memory;
    private final RingParams params;
    private final MemorySegment rings, sqes;
    private final int setupFlags, sqEntries, cqEntries, sqMask, cqMask, sqeShift, cqeShift;
    private final boolean sqe128, cqe32, cqeMixed, noSqArray, submitAll, deferTaskrun, iopoll, taskrunFlag;
    private final int ringFd;
    private final OpenFile ringFile;
    private final ReentrantLock uringLock = new ReentrantLock();
    private final IssueFlags.Control issueCtl;
    private final List<MemorySegment> ownedUserMemory = new ArrayList<>();

    // SQ / CQ state private to the engine (the kernel's cached heads and tails)
    private int cachedSqHead;
    private int cachedCqTail;

    // requests
    private final ArrayDeque<Request> freeRequests = new ArrayDeque<>();
    private final ArrayList<Request> completions = new ArrayList<>();
    private final ArrayDeque<Runnable> localWork = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> remoteWork = new ConcurrentLinkedQueue<>();
    private final ArrayList<Request> cancelableCmds = new ArrayList<>();
    private final ArrayList<Request> queuedCmds = new ArrayList<>();
    /** uring_cmds running in a worker (io-wq). */
    private final ArrayList<Request> workerCmds = new ArrayList<>();
    private final ArrayDeque<Request> deferred = new ArrayDeque<>();
    private Request linkHead, linkLast;
    private boolean drainDisabled, drainActive, drainNext;
    /** The kernel's nr_req_allocated (requests not yet freed) and nr_drained (requests parked on the defer list). */
    private int liveRequests, nrDrained;

    // CQ overflow (the kernel's cq_overflow_list)
    private record Overflow(long userData, int res, int flags, long big0, long big1, boolean big) {}
    private final ArrayDeque<Overflow> overflow = new ArrayDeque<>();

    // provided buffers (the kernel's io_bl_xa), indexed by buffer group
    private BufferList[] bufferLists = new BufferList[0];

    // registered resources
    private OpenFile[] fixedFiles;
    private MemorySegment[] fixedBuffers;
    private final Map<Integer, Boolean> personalities = new HashMap<>();
    private int nextPersonality = 1;
    private boolean disabled;
    private boolean restrictionsRegistered, restricted;
    private long restrictSqeOps, restrictRegister;
    private int restrictAllowed, restrictRequired;

    private volatile Thread waiter;
    /** Set when close begins: task work sees TASK_DEAD, nothing new is issued, enter gives -EBADF. */
    private volatile boolean closing;
    private volatile boolean closed;
    private final java.util.concurrent.CountDownLatch closeDone = new java.util.concurrent.CountDownLatch(1);
    private final Stats stats = new Stats();

    /**
     * Counts that let tests prove every SQE ended exactly once: once nothing is in flight (e.g. after close),
     * {@code consumed() == terminalCqes() + skippedCqes()}. Counters the ring's thread keeps are plain volatile
     * fields written under the ring lock; the others are atomic.
     */
    /**
     * Written only by the thread holding the ring's lock, as plain fields: a volatile store per SQE and per CQE would
     * cost a fence each on the hot path. Read them from the ring's thread, or after close (or a join) from another.
     */
    public static final class Stats {
        long consumed, cqesPosted, terminalCqes, skippedCqes, completedAtClose;
        final AtomicLong doneAfterClose = new AtomicLong(), deviceErrors = new AtomicLong();

        /** SQEs the engine consumed from the SQ (each gets one terminal CQE or a successful skip). */
        public long consumed() { return consumed; }
        /** CQEs written to the CQ ring or its overflow list (including multishot events and link failures). */
        public long cqesPosted() { return cqesPosted; }
        /** Final CQEs: one per consumed SQE that ended with a CQE (so not multishot events). */
        public long terminalCqes() { return terminalCqes; }
        /** Successful requests whose CQE was skipped ({@code IOSQE_CQE_SKIP_SUCCESS}). */
        public long skippedCqes() { return skippedCqes; }
        /** SQEs consumed and not yet ended: 0 on a closed ring. */
        public long inFlight() { return consumed - terminalCqes - skippedCqes; }
        /** Queued commands the ring completed with {@code -ECANCELED} at close, because the device had not. */
        public long completedAtClose() { return completedAtClose; }
        /** Device completions that reached the engine after the ring closed (dropped; never expected). */
        public long doneAfterClose() { return doneAfterClose.get(); }
        /** Device calls that threw something other than {@code DeviceException} (completed with -EIO). */
        public long deviceErrors() { return deviceErrors.get(); }

        @Override
        public String toString() {
            return "Stats[consumed=" + consumed + ", cqesPosted=" + cqesPosted + ", terminal=" + terminalCqes
                    + ", skipped=" + skippedCqes + ", completedAtClose=" + completedAtClose + ", doneAfterClose="
                    + doneAfterClose() + ", deviceErrors=" + deviceErrors() + "]";
        }
    }

    private Engine(Host host, int entries, int flags, int cqEntriesArg) {
        this.host = host;
        this.setupFlags = flags;
        int sq = Integer.highestOneBit(entries);
        if (sq < entries) sq <<= 1;
        int cq;
        if ((flags & IORING_SETUP_CQSIZE) != 0) {
            cq = Integer.highestOneBit(cqEntriesArg);
            if (cq < cqEntriesArg) cq <<= 1;
        } else {
            cq = 2 * sq;
        }
        this.sqEntries = sq;
        this.cqEntries = cq;
        this.sqMask = sq - 1;
        this.cqMask = cq - 1;
        this.sqe128 = (flags & IORING_SETUP_SQE128) != 0;
        this.cqe32 = (flags & IORING_SETUP_CQE32) != 0;
        this.cqeMixed = (flags & IORING_SETUP_CQE_MIXED) != 0;
        this.noSqArray = (flags & IORING_SETUP_NO_SQARRAY) != 0;
        this.submitAll = (flags & IORING_SETUP_SUBMIT_ALL) != 0;
        this.deferTaskrun = (flags & IORING_SETUP_DEFER_TASKRUN) != 0;
        this.iopoll = (flags & IORING_SETUP_IOPOLL) != 0;
        this.taskrunFlag = (flags & IORING_SETUP_TASKRUN_FLAG) != 0;
        this.disabled = (flags & IORING_SETUP_R_DISABLED) != 0;
        this.sqeShift = sqe128 ? 7 : 6;
        this.cqeShift = cqe32 ? 5 : 4;
        this.arena = Arena.ofShared();
        long arrayOff = noSqArray ? 0 : ParamsLayout.sqArrayOffset(cq, cqe32);
        long cqEnd = RINGS_CQES + ((long) cq << cqeShift);
        long ringsSize = Math.max(cqEnd, noSqArray ? 0 : arrayOff + 4L * sq);
        this.rings = arena.allocate((ringsSize + 4095) & ~4095L, 4096);
        this.sqes = arena.allocate((long) sq << sqeShift, 4096);
        rings.set(JAVA_INT, RINGS_SQ_RING_MASK, sqMask);
        rings.set(JAVA_INT, RINGS_CQ_RING_MASK, cqMask);
        rings.set(JAVA_INT, RINGS_SQ_RING_ENTRIES, sq);
        rings.set(JAVA_INT, RINGS_CQ_RING_ENTRIES, cq);
        this.params = new RingParams(sq, cq, flags, IORING_FEAT_ALL_6_18,
                RINGS_SQ_HEAD, RINGS_SQ_TAIL, RINGS_SQ_RING_MASK, RINGS_SQ_RING_ENTRIES, RINGS_SQ_FLAGS, RINGS_SQ_DROPPED,
                (int) arrayOff,
                RINGS_CQ_HEAD, RINGS_CQ_TAIL, RINGS_CQ_RING_MASK, RINGS_CQ_RING_ENTRIES, RINGS_CQ_OVERFLOW, RINGS_CQES,
                RINGS_CQ_FLAGS);
        this.memory = new RingMemory(rings, rings, sqes, params);
        this.issueCtl = IssueFlags.create(new MultishotContext());
        this.ringFile = new OpenFile(host, "anon_inode:[io_uring]", Host.RING_NODE, this, 2);
        int fd;
        try {
            fd = host.install(ringFile);
        } catch (RuntimeException e) {
            arena.close(); // the host closed while this ring was being set up
            throw e;
        }
        this.ringFd = fd;
    }

    /** {@code io_uring_setup} with 6.18's validation, in its order (kernel-uring-cmd.md §1.7). */
    static Engine setup(Host host, RingSetup<?> setup) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(ParamsLayout.SIZE, 8);
            setup.writeTo(p);
            int err = SetupRules.validate(setup.entries(), p);
            if (err < 0) throw new ErrnoException("io_uring_setup(" + setup + ")", err, null);
            int flags = p.get(JAVA_INT, ParamsLayout.FLAGS);
            // entries and cq_entries are u32: CLAMP caps 0xffffffff too (a signed min would keep it as -1).
            int entries = (int) Math.min(Integer.toUnsignedLong(setup.entries()), IORING_MAX_ENTRIES);
            int cq = p.get(JAVA_INT, ParamsLayout.CQ_ENTRIES);
            if ((flags & IORING_SETUP_CQSIZE) != 0) cq = (int) Math.min(Integer.toUnsignedLong(cq), IORING_MAX_CQ_ENTRIES);
            return new Engine(host, entries, flags, cq);
        }
    }

    /** The ring's fd in the host's file table. */
    public int ringFd() { return ringFd; }

    public Stats stats() { return stats; }

    @Override public RingMemory memory() { return memory; }

    @Override public String name() { return "embedded"; }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        ensureOpen();
        MemorySegment s = arena.allocate(Math.max(1, byteSize), byteAlignment);
        host.userMemory.add(s);
        synchronized (ownedUserMemory) { ownedUserMemory.add(s); }
        return s.asSlice(0, byteSize);
    }

    @Override
    public String multishotHazard(int fd, boolean fixedFile) {
        return null; // the engine completes a synchronous multishot answer instead of leaking it (docs/DEVIATIONS.md)
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("this io_uring is closed");
    }

    // ================================================================ enter

    @Override
    public int enter(int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize) {
        ensureOpen();
        if ((flags & ~IORING_ENTER_VALID) != 0) return -Errno.EINVAL.value();
        if ((flags & IORING_ENTER_REGISTERED_RING) != 0) {
            return -Errno.EINVAL.value(); // no registered ring fds on the embedded host (docs/DEVIATIONS.md)
        }
        uringLock.lock();
        try {
            if (closing) return -Errno.EBADF.value();
            if (disabled) return -Errno.EBADFD.value();
            int ret = 0;
            if (toSubmit != 0) {
                if (!deferTaskrun) runTaskWork();
                int submitted = submitSqes(toSubmit);
                if (!deferTaskrun) runTaskWork();
                if (submitted != toSubmit) return submitted;
                ret = submitted;
            } else if (!deferTaskrun) {
                runTaskWork();
            }
            if ((flags & IORING_ENTER_GETEVENTS) != 0) {
                // io_get_ext_arg runs here, after submission: its errors only show when nothing was submitted.
                long timeoutNanos = extArgTimeout(flags, arg, argSize);
                int w = timeoutNanos < -1 ? (int) (timeoutNanos + 1) : waitCqes(Math.min(minComplete, cqEntries), timeoutNanos);
                if (ret == 0) ret = w;
            }
            return ret;
        } finally {
            uringLock.unlock();
        }
    }

    /** {@code io_get_ext_arg}: -1 for no timeout, a timeout in ns, or {@code -errno - 1} (below -1) on error. */
    private long extArgTimeout(int flags, MemorySegment arg, long argSize) {
        if ((flags & IORING_ENTER_EXT_ARG) == 0) return -1; // argp is a sigset; ABS_TIMER alone is ignored
        if ((flags & IORING_ENTER_EXT_ARG_REG) != 0) {
            // No registered wait regions on the embedded host: io_get_ext_arg_reg finds none (-EFAULT).
            return argSize != 64 ? err(Errno.EINVAL) : err(Errno.EFAULT);
        }
        if (argSize != GETEVENTS_ARG_SIZE) return err(Errno.EINVAL);
        MemorySegment a = host.userMemory.resolve(arg.address(), GETEVENTS_ARG_SIZE);
        if (a == null) return err(Errno.EFAULT);
        long tsAddr = a.get(JAVA_LONG, 16);
        if (tsAddr == 0) return -1;
        MemorySegment ts = host.userMemory.resolve(tsAddr, 16);
        if (ts == null) return err(Errno.EFAULT);
        long sec = ts.get(JAVA_LONG, 0), nsec = ts.get(JAVA_LONG, 8);
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return err(Errno.EINVAL);
        long ns = sec >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : sec * 1_000_000_000L + nsec;
        // ABS_TIMER: CLOCK_MONOTONIC, which System.nanoTime reads on Linux.
        if ((flags & IORING_ENTER_ABS_TIMER) != 0) ns = Math.max(0, ns - System.nanoTime());
        return ns;
    }

    private static long err(Errno e) { return -e.value() - 1L; }

    /** {@code io_cqring_wait}: flushes overflow, runs task work, waits until {@code min} CQEs are ready. */
    private int waitCqes(int min, long timeoutNanos) {
        long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        while (true) {
            runTaskWork();
            if (!overflow.isEmpty()) flushOverflow();
            if (cqReadyForUser() >= min) return 0;
            long left = deadline - System.nanoTime();
            if (timeoutNanos >= 0 && left <= 0) return -Errno.ETIME.value();
            waiter = Thread.currentThread();
            uringLock.unlock();
            try {
                if (remoteWork.isEmpty()) {
                    if (timeoutNanos < 0) LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                    else LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                }
            } finally {
                uringLock.lock();
                waiter = null;
            }
            if (closing) return -Errno.EBADF.value();
            if (Thread.interrupted()) return -Errno.EINTR.value();
        }
    }

    private int cqReadyForUser() {
        return cachedCqTail - (int) INT.getAcquire(rings, (long) RINGS_CQ_HEAD);
    }

    // ================================================================ submission (io_submit_sqes)

    private int submitSqes(int nr) {
        // Acquire: the client's SQE stores happen before its release of the tail.
        int tail = (int) INT.getAcquire(rings, (long) RINGS_SQ_TAIL);
        int entries = Math.min(tail - cachedSqHead, sqEntries);
        if (entries <= 0) return 0;
        // to_submit is unsigned: anything above what the SQ holds means "all of it".
        int ret = Integer.toUnsignedLong(nr) > entries ? entries : nr;
        int left = ret;
        do {
            int head = cachedSqHead++ & sqMask;
            int idx = noSqArray ? head : rings.get(JAVA_INT, params.sqArray() + 4L * head);
            if (Integer.compareUnsigned(idx, sqEntries) >= 0) {
                rings.set(JAVA_INT, RINGS_SQ_DROPPED, rings.get(JAVA_INT, RINGS_SQ_DROPPED) + 1);
                break;
            }
            stats.consumed++;
            if (submitSqe((long) idx << sqeShift) != 0 && !submitAll) {
                left--;
                break;
            }
        } while (--left > 0);
        ret -= left;
        // io_submit_state_end: an unterminated link is submitted as it is.
        if (linkHead != null) {
            Request h = linkHead;
            linkHead = linkLast = null;
            queueFallback(h);
        }
        flushCompletions();
        // Release: our reads of the consumed SQEs happen before the client may reuse their slots.
        INT.setRelease(rings, (long) RINGS_SQ_HEAD, cachedSqHead);
        return ret;
    }

    private Request allocRequest() {
        Request r = freeRequests.pollFirst();
        // The SQE copy has the ring's SQE size, so the command area the device sees is 16 or 80 bytes (§1.2).
        if (r == null) r = new Request(this, arena.allocate(sqe128 ? SqeLayout.SIZE_128 : SqeLayout.SIZE, 64),
                arena.allocate(IoUringCmd.PDU_SIZE, 8));
        r.reset();
        liveRequests++;
        return r;
    }

    private void freeRequest(Request r) {
        if (r.file != null) r.file.put(); // the request's file reference: release may run now
        r.file = null;
        r.queued = null;
        liveRequests--;
        freeRequests.addFirst(r);
    }

    /** {@code io_submit_sqe}: 0 to continue, non-zero (an errno) when submission must stop. */
    private int submitSqe(long sqeOff) {
        Request req = allocRequest();
        int err = initReq(req, sqeOff);
        if (err != 0) return failInit(req, err);
        if (linkHead != null) {
            linkLast.link = req;
            linkLast = req;
            if ((req.sqeFlags & LINK_FLAGS) != 0) return 0;
            Request head = linkHead;
            linkHead = linkLast = null;
            if (head.failed || head.forceAsync) queueFallback(head);
            else queueInline(head);
            return 0;
        }
        if ((req.sqeFlags & LINK_FLAGS) != 0) {
            linkHead = linkLast = req;
            return 0;
        }
        if (req.forceAsync) queueFallback(req);
        else queueInline(req);
        return 0;
    }

    /** {@code io_submit_fail_init}: fail the request, and its link chain, without stopping a chain halfway. */
    private int failInit(Request req, int err) {
        req.res = err;
        req.setFail();
        Request head = linkHead;
        if (head != null && !head.failed) {
            head.setFail();
            head.res = -Errno.ECANCELED.value();
        }
        if ((req.sqeFlags & LINK_FLAGS) == 0) {
            if (head != null) {
                linkLast.link = req;
                linkHead = linkLast = null;
                req = head;
            }
            queueFallback(req);
            return err;
        }
        if (head != null) linkLast.link = req;
        else linkHead = req;
        linkLast = req;
        return 0;
    }

    /** {@code io_init_req}: the generic checks, in the kernel's order, then the opcode's prep. */
    private int initReq(Request req, long o) {
        int opcode = sqes.get(JAVA_BYTE, o + SqeLayout.OPCODE) & 0xff;
        int sqeFlags = sqes.get(JAVA_BYTE, o + SqeLayout.FLAGS) & 0xff;
        req.opcode = opcode;
        req.sqeFlags = sqeFlags;
        req.userData = sqes.get(JAVA_LONG, o + SqeLayout.USER_DATA);
        if (opcode >= Opcode.IORING_OP_LAST) {
            req.opcode = 0;
            return -Errno.EINVAL.value();
        }
        OpDefs.Def def = OpDefs.of(opcode);
        if ((sqeFlags & ~(IOSQE_FIXED_FILE | IOSQE_IO_LINK | IOSQE_IO_HARDLINK | IOSQE_ASYNC)) != 0) {
            if ((sqeFlags & ~IOSQE_VALID) != 0) return -Errno.EINVAL.value();
            if ((sqeFlags & IOSQE_BUFFER_SELECT) != 0) {
                if (!def.bufferSelect()) return -Errno.EOPNOTSUPP.value();
                req.bufGroup = sqes.get(JAVA_SHORT, o + SqeLayout.BUF_GROUP) & 0xffff;
            }
            if ((sqeFlags & IOSQE_CQE_SKIP_SUCCESS) != 0) drainDisabled = true;
            if ((sqeFlags & IOSQE_IO_DRAIN) != 0) {
                if (drainDisabled) return -Errno.EOPNOTSUPP.value();
                req.drain = true;
                // io_init_drain: a drain inside a link drains its head and the request after the link.
                drainActive = true;
                if (linkHead != null) {
                    linkHead.drain = true;
                    linkHead.forceAsync = true;
                    drainNext = true;
                }
            }
        }
        req.forceAsync = (sqeFlags & IOSQE_ASYNC) != 0;
        if (drainActive || drainNext) {
            // "knock it to the slow queue path, will be drained there"
            if (drainActive) req.forceAsync = true;
            if (drainNext && linkHead == null) {
                drainNext = false;
                drainActive = true;
                req.drain = true;
                req.forceAsync = true;
            }
        }
        if (restricted) {
            // io_check_restriction: the opcode must be allowed, and the flags within allowed|required.
            if (opcode >= 64 || (restrictSqeOps & (1L << opcode)) == 0) return -Errno.EACCES.value();
            if ((sqeFlags & restrictRequired) != restrictRequired) return -Errno.EACCES.value();
            if ((sqeFlags & ~(restrictAllowed | restrictRequired)) != 0) return -Errno.EACCES.value();
        }
        if (!def.ioprio() && sqes.get(JAVA_SHORT, o + SqeLayout.IOPRIO) != 0) return -Errno.EINVAL.value();
        if (!def.iopoll() && iopoll) return -Errno.EINVAL.value();
        if (def.needsFile()) req.fd = sqes.get(JAVA_INT, o + SqeLayout.FD);
        int personality = sqes.get(JAVA_SHORT, o + SqeLayout.PERSONALITY) & 0xffff;
        if (personality != 0 && !personalities.containsKey(personality)) return -Errno.EINVAL.value();
        if (!def.implemented()) return -Errno.EOPNOTSUPP.value(); // as io_eopnotsupp_prep: see docs/DEVIATIONS.md
        return switch (Opcode.of(opcode)) {
            case NOP -> prepNop(req, o);
            case ASYNC_CANCEL -> prepCancel(req, o);
            case URING_CMD -> prepUringCmd(req, o);
            case PROVIDE_BUFFERS -> prepProvideBuffers(req, o);
            case REMOVE_BUFFERS -> prepRemoveBuffers(req, o);
            default -> -Errno.EOPNOTSUPP.value();
        };
    }

    private int prepNop(Request req, long o) {
        int f = sqes.get(JAVA_INT, o + SqeLayout.NOP_FLAGS);
        if ((f & ~IORING_NOP_VALID) != 0) return -Errno.EINVAL.value();
        req.nopFlags = f;
        req.nopResult = (f & IORING_NOP_INJECT_RESULT) != 0 ? sqes.get(JAVA_INT, o + SqeLayout.LEN) : 0;
        req.fd = (f & IORING_NOP_FILE) != 0 ? sqes.get(JAVA_INT, o + SqeLayout.FD) : -1;
        if ((f & IORING_NOP_FIXED_BUFFER) != 0) req.bufIndex = sqes.get(JAVA_SHORT, o + SqeLayout.BUF_INDEX) & 0xffff;
        if ((f & IORING_NOP_CQE32) != 0) {
            if (!cqe32 && !cqeMixed) return -Errno.EINVAL.value();
            req.big0 = sqes.get(JAVA_LONG, o + SqeLayout.OFF);
            req.big1 = sqes.get(JAVA_LONG, o + SqeLayout.ADDR);
        }
        return 0;
    }

    private int prepCancel(Request req, long o) {
        if (sqes.get(JAVA_LONG, o + SqeLayout.OFF) != 0 || sqes.get(JAVA_INT, o + SqeLayout.SPLICE_FD_IN) != 0) {
            return -Errno.EINVAL.value();
        }
        req.cancelAddr = sqes.get(JAVA_LONG, o + SqeLayout.ADDR);
        int f = sqes.get(JAVA_INT, o + SqeLayout.CANCEL_FLAGS);
        if ((f & ~CANCEL_FLAGS) != 0) return -Errno.EINVAL.value();
        req.cancelFlags = f;
        if ((f & IORING_ASYNC_CANCEL_FD) != 0) {
            if ((f & IORING_ASYNC_CANCEL_ANY) != 0) return -Errno.EINVAL.value();
            req.cancelFd = sqes.get(JAVA_INT, o + SqeLayout.FD);
        }
        if ((f & IORING_ASYNC_CANCEL_OP) != 0) {
            if ((f & IORING_ASYNC_CANCEL_ANY) != 0) return -Errno.EINVAL.value();
            req.cancelOpcode = sqes.get(JAVA_INT, o + SqeLayout.LEN);
        }
        return 0;
    }

    /** {@code io_provide_buffers_prep} (§4.5): fd = nbufs, addr, len = buffer length, off = first bid, buf_group. */
    private int prepProvideBuffers(Request req, long o) {
        if (sqes.get(JAVA_INT, o + SqeLayout.RW_FLAGS) != 0 || sqes.get(JAVA_INT, o + SqeLayout.SPLICE_FD_IN) != 0) {
            return -Errno.EINVAL.value();
        }
        long nbufs = sqes.get(JAVA_INT, o + SqeLayout.FD); // s32 read into a u64: -1 is huge
        if (nbufs == 0 || Long.compareUnsigned(nbufs, MAX_BIDS_PER_BGID) > 0) return -Errno.E2BIG.value();
        long addr = sqes.get(JAVA_LONG, o + SqeLayout.ADDR);
        long len = Integer.toUnsignedLong(sqes.get(JAVA_INT, o + SqeLayout.LEN));
        if (len == 0) return -Errno.EINVAL.value();
        long size = len * nbufs; // at most 2^32 * 2^16: no overflow in 64 bits
        long end = addr + size;
        if (Long.compareUnsigned(end, addr) < 0) return -Errno.EOVERFLOW.value();
        // access_ok only: the buffers are dereferenced when selected, not now (the kernel accepts unmapped ranges).
        if (Long.compareUnsigned(end, TASK_SIZE_MAX) > 0) return -Errno.EFAULT.value();
        int bgid = sqes.get(JAVA_SHORT, o + SqeLayout.BUF_GROUP) & 0xffff;
        long off = sqes.get(JAVA_LONG, o + SqeLayout.OFF);
        if (Long.compareUnsigned(off, 0xffff) > 0) return -Errno.E2BIG.value();
        if (off + nbufs > MAX_BIDS_PER_BGID) return -Errno.EINVAL.value();
        req.pbufNbufs = (int) nbufs;
        req.pbufAddr = addr;
        req.pbufLen = (int) len;
        req.pbufBgid = bgid;
        req.pbufBid = (int) off;
        return 0;
    }

    /** {@code io_remove_buffers_prep} (§4.5): fd = nbufs, buf_group; everything else must be zero. */
    private int prepRemoveBuffers(Request req, long o) {
        if (sqes.get(JAVA_INT, o + SqeLayout.RW_FLAGS) != 0 || sqes.get(JAVA_LONG, o + SqeLayout.ADDR) != 0
                || sqes.get(JAVA_INT, o + SqeLayout.LEN) != 0 || sqes.get(JAVA_LONG, o + SqeLayout.OFF) != 0
                || sqes.get(JAVA_INT, o + SqeLayout.SPLICE_FD_IN) != 0) {
            return -Errno.EINVAL.value();
        }
        long nbufs = sqes.get(JAVA_INT, o + SqeLayout.FD);
        if (nbufs == 0 || Long.compareUnsigned(nbufs, MAX_BIDS_PER_BGID) > 0) return -Errno.EINVAL.value();
        req.pbufNbufs = (int) nbufs;
        req.pbufBgid = sqes.get(JAVA_SHORT, o + SqeLayout.BUF_GROUP) & 0xffff;
        return 0;
    }

    /** {@code io_uring_cmd_prep} (§2.2), plus the SQE snapshot and the zeroed pdu. */
    private int prepUringCmd(Request req, long o) {
        if (sqes.get(JAVA_INT, o + SqeLayout.PAD1) != 0) return -Errno.EINVAL.value();
        int f = sqes.get(JAVA_INT, o + SqeLayout.URING_CMD_FLAGS);
        if ((f & ~IORING_URING_CMD_MASK) != 0) return -Errno.EINVAL.value();
        if ((f & IORING_URING_CMD_FIXED) != 0) {
            if ((f & IORING_URING_CMD_MULTISHOT) != 0) return -Errno.EINVAL.value();
            req.bufIndex = sqes.get(JAVA_SHORT, o + SqeLayout.BUF_INDEX) & 0xffff;
        }
        if (((f & IORING_URING_CMD_MULTISHOT) != 0) != req.hasFlag(IOSQE_BUFFER_SELECT)) return -Errno.EINVAL.value();
        req.cmdFlags = f;
        // The device sees a copy of the whole SQE (64 or 128 bytes), valid for the command's whole life.
        int size = sqe128 ? 128 : 64;
        MemorySegment.copy(sqes, o, req.sqeCopy, 0, size);
        // Zeroed pdu: the seed patch's zero-init, not merged in 6.18 (docs/DEVIATIONS.md).
        req.pdu.fill((byte) 0);
        return 0;
    }

    // ================================================================ issue

    private static final int INLINE_BITS =
            IssueFlags.IO_URING_F_NONBLOCK | IssueFlags.IO_URING_F_COMPLETE_DEFER | IssueFlags.IO_URING_F_INLINE;
    private static final int TASK_BITS = IssueFlags.IO_URING_F_NONBLOCK | IssueFlags.IO_URING_F_COMPLETE_DEFER;
    private static final int IOWQ_BITS = IssueFlags.IO_URING_F_UNLOCKED | IssueFlags.IO_URING_F_IOWQ;

    /** First issue from the submit call ({@code io_queue_sqe}). */
    private void queueInline(Request req) {
        issue(req, INLINE_BITS);
    }

    /**
     * {@code io_req_task_submit}: a link member (or a drained request) issued from task work: IOSQE_ASYNC goes to a
     * worker, otherwise inline without {@code IO_URING_F_INLINE}. While the ring closes, it is canceled instead.
     */
    private void queueFromTask(Request req) {
        if (closing) {
            req.res = -Errno.ECANCELED.value();
            failRequest(req);
        } else if (req.forceAsync) {
            issueAsync(req, false);
        } else {
            issue(req, TASK_BITS);
        }
    }

    /** {@code io_queue_sqe_fallback}: a failed chain completes; while a drain is active it waits; else a worker. */
    private void queueFallback(Request req) {
        if (req.failed) {
            failRequest(req);
        } else if (drainActive) {
            drainReq(req);
        } else {
            issueAsync(req, false);
        }
    }

    /** {@code io_drain_req}: parks the request (with its link) on the defer list, then releases what may go. */
    private void drainReq(Request req) {
        deferred.addLast(req);
        nrDrained += linkedNr(req);
        queueDeferred();
        if (!req.drain && deferred.isEmpty()) drainActive = false;
    }

    private static int linkedNr(Request head) {
        int n = 0;
        for (Request r = head; r != null; r = r.link) n++;
        return n;
    }

    /**
     * {@code io_queue_deferred}: the first parked request, and any drained one, goes only when every live request
     * is a parked one (everything submitted before it has completed and been freed); it is issued from task work.
     */
    private void queueDeferred() {
        if (closing) return; // close fails what is still deferred
        boolean drainSeen = false, first = true;
        while (!deferred.isEmpty()) {
            Request r = deferred.peekFirst();
            drainSeen |= r.drain;
            if ((drainSeen || first) && liveRequests != nrDrained) return;
            deferred.pollFirst();
            nrDrained -= linkedNr(r);
            localWork.addLast(() -> queueFromTask(r));
            first = false;
        }
    }

    /**
     * {@code io_req_defer_failed} on a chain head that failed (prep, or -ECANCELED from a failed member): the head
     * posts its CQE; its hardlink becomes a plain link, so the flush fails the rest of the chain.
     */
    private void failRequest(Request head) {
        head.sqeFlags &= ~IOSQE_IO_HARDLINK;
        head.setFail();
        completions.add(head);
    }

    /**
     * {@code io_fail_links} + {@code io_req_tw_fail_links}: every member completes with -ECANCELED (or its own
     * failure); their CQEs are all skipped if the failed request had CQE_SKIP_SUCCESS, else all posted.
     */
    private void failLinks(Request first, boolean ignoreCqes) {
        for (Request m = first; m != null; ) {
            Request next = m.link;
            m.link = null;
            if (ignoreCqes) m.sqeFlags |= IOSQE_CQE_SKIP_SUCCESS;
            else m.sqeFlags &= ~IOSQE_CQE_SKIP_SUCCESS;
            if (!m.failed) m.res = -Errno.ECANCELED.value();
            completions.add(m);
            m = next;
        }
    }

    private void issue(Request req, int issueFlags) {
        switch (Opcode.of(req.opcode)) {
            case NOP -> issueNop(req);
            case ASYNC_CANCEL -> issueCancel(req);
            case URING_CMD -> issueUringCmd(req, issueFlags);
            case PROVIDE_BUFFERS, REMOVE_BUFFERS -> issueManageBuffers(req);
            default -> {
                req.setResult(-Errno.EOPNOTSUPP.value());
                completions.add(req);
            }
        }
    }

    /**
     * IOSQE_ASYNC or -EAGAIN: run in a worker ({@code io_wq_submit_work}), without NONBLOCK; the answer comes back
     * as task work. For IOSQE_ASYNC the worker first assigns the file, so a bad fd or a device without uringCmd
     * gives the same CQE as inline.
     */
    private void issueAsync(Request req, boolean reissue) {
        if (req.opcode != Opcode.URING_CMD.code()) {
            // NOP and ASYNC_CANCEL give the same result in a worker as inline.
            issue(req, TASK_BITS);
            return;
        }
        if (reissue) req.cmdFlags |= IORING_URING_CMD_REISSUE;
        else if (!assignCmdFile(req)) return;
        req.awaitingResult = true;
        workerCmds.add(req);
        int bits = IOWQ_BITS | ringIssueBits();
        host.workers.execute(() -> {
            // A worker has its own issue context: selections made here are committed at once (UNLOCKED).
            IssueFlags.Control ctl = IssueFlags.create(new MultishotContext());
            req.workerStarted();
            int kind;
            try {
                kind = callDevice(req, ctl, bits);
            } finally {
                req.workerDone();
            }
            addRemoteWork(() -> {
                workerCmds.remove(req);
                applyResult(req, kind, true);
            });
        });
    }

    private void issueNop(Request req) {
        int f = req.nopFlags;
        int ret = req.nopResult;
        if ((f & IORING_NOP_FILE) != 0) {
            OpenFile file = (f & IORING_NOP_FIXED_FILE) != 0 ? fixedFile(req.fd) : host.file(req.fd);
            if (file == null) ret = -Errno.EBADF.value();
        }
        if (ret >= 0 && (f & IORING_NOP_FIXED_BUFFER) != 0 && fixedBuffer(req.bufIndex) == null) ret = -Errno.EFAULT.value();
        req.setResult(ret);
        if ((f & IORING_NOP_CQE32) != 0) req.big = true;
        if ((f & IORING_NOP_TW) != 0) {
            localWork.addLast(() -> completions.add(req));
        } else {
            completions.add(req);
        }
    }

    /**
     * {@code io_async_cancel}. Like the kernel it looks at io-wq first: a uring_cmd running in a worker is
     * {@code -EALREADY}. Then, unlike the kernel, at cancelable uring_cmds: the device gets a cancel call and the
     * result is 0 (docs/DEVIATIONS.md). Anything else (a queued command not marked cancelable) is {@code -ENOENT}.
     */
    private void issueCancel(Request req) {
        int f = req.cancelFlags;
        OpenFile file = null;
        if ((f & IORING_ASYNC_CANCEL_FD) != 0) {
            file = (req.hasFlag(IOSQE_FIXED_FILE) || (f & IORING_ASYNC_CANCEL_FD_FIXED) != 0) ? fixedFile(req.cancelFd) : host.file(req.cancelFd);
            if (file == null) {
                req.setResult(-Errno.EBADF.value());
                completions.add(req);
                return;
            }
        }
        boolean all = (f & (IORING_ASYNC_CANCEL_ALL | IORING_ASYNC_CANCEL_ANY)) != 0;
        int running = 0;
        for (Request target : workerCmds) {
            if (!cancelMatches(target, req, file)) continue;
            running++;
            if (!all) break;
        }
        if (!all && running > 0) {
            req.setResult(-Errno.EALREADY.value());
        } else {
            int nr = running + cancelMatching(req, file, all);
            req.setResult(all ? nr : (nr > 0 ? 0 : -Errno.ENOENT.value()));
        }
        completions.add(req);
    }

    /** Calls the device with CANCEL for each matching cancelable uring_cmd; returns how many. */
    private int cancelMatching(Request cancel, OpenFile file, boolean all) {
        int nr = 0;
        // Only cancelable uring_cmds can be found here (the kernel finds none: docs/DEVIATIONS.md).
        for (Request target : new ArrayList<>(cancelableCmds)) {
            if (!cancelMatches(target, cancel, file)) continue;
            cancelCmd(target);
            nr++;
            if (!all) break;
        }
        return nr;
    }

    /**
     * {@code io_manage_buffers_legacy} (§4.5): PROVIDE creates the group if needed and adds buffers (res 0 if at least
     * one was added); REMOVE frees up to nbufs (res = how many). A ring group refuses both with -EINVAL.
     */
    private void issueManageBuffers(Request req) {
        boolean provide = req.opcode == Opcode.PROVIDE_BUFFERS.code();
        BufferList bl = bufferList(req.pbufBgid);
        int ret;
        if (bl == null && !provide) {
            ret = -Errno.ENOENT.value();
        } else {
            if (bl == null) {
                bl = BufferList.legacy(req.pbufBgid);
                setBufferList(req.pbufBgid, bl);
            }
            if (bl.isRing) {
                ret = -Errno.EINVAL.value();
            } else if (provide) {
                ret = -Errno.ENOMEM.value();
                long addr = req.pbufAddr;
                long len = Integer.toUnsignedLong(req.pbufLen);
                int i = 0;
                for (; i < req.pbufNbufs; i++) {
                    // More than a u16 of buffers: the application could not tell duplicate bids apart.
                    if (bl.buffers.size() == 0xffff) {
                        ret = -Errno.EOVERFLOW.value();
                        break;
                    }
                    bl.buffers.addLast(new BufferList.Legacy(addr, (int) Math.min(len, BufferList.MAX_RW_COUNT),
                            req.pbufBid + i, req.pbufBgid));
                    addr += len;
                }
                if (i > 0) ret = 0;
            } else {
                int i = 0;
                while (i < req.pbufNbufs && bl.buffers.pollFirst() != null) i++;
                ret = i;
            }
        }
        req.setResult(ret);
        completions.add(req);
    }

    private boolean cancelMatches(Request target, Request cancel, OpenFile file) {
        int f = cancel.cancelFlags;
        if ((f & IORING_ASYNC_CANCEL_ANY) != 0) return true;
        boolean matchUserData = (f & IORING_ASYNC_CANCEL_USERDATA) != 0 || (f & (IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_OP)) == 0;
        if ((f & IORING_ASYNC_CANCEL_FD) != 0 && target.file != file) return false;
        if ((f & IORING_ASYNC_CANCEL_OP) != 0 && target.opcode != cancel.cancelOpcode) return false;
        return !matchUserData || target.userData == cancel.cancelAddr;
    }

    private int ringIssueBits() {
        int bits = 0;
        if (sqe128) bits |= IssueFlags.IO_URING_F_SQE128;
        if (cqe32 || cqeMixed) bits |= IssueFlags.IO_URING_F_CQE32;
        return bits;
    }

    /**
     * {@code io_uring_cmd} rules 2.3.1-2.3.4: assigns the file (-EBADF; the request holds a reference until it ends)
     * and refuses a device without uringCmd, or any device on an IOPOLL ring (-EOPNOTSUPP). False when it completed
     * the request.
     */
    private boolean assignCmdFile(Request req) {
        OpenFile file = req.hasFlag(IOSQE_FIXED_FILE) ? fixedFile(req.fd) : host.file(req.fd);
        if (file == null || !file.tryGet()) {
            req.setResult(-Errno.EBADF.value());
            completions.add(req);
            return false;
        }
        req.file = file;
        if (file.uringCmd() == null || iopoll) {
            // No ->uring_cmd, or an IOPOLL ring and no ->uring_cmd_iopoll (Java devices have none).
            req.setResult(-Errno.EOPNOTSUPP.value());
            completions.add(req);
            return false;
        }
        return true;
    }

    /** {@code io_uring_cmd} (§2.3). */
    private void issueUringCmd(Request req, int issueFlags) {
        if (!assignCmdFile(req)) return;
        req.awaitingResult = true;
        applyResult(req, callDevice(req, issueCtl, issueFlags | ringIssueBits()), false);
    }

    /** What one call of the device's uringCmd produced; the details are left in the request's answer fields. */
    private static final int COMPLETE = 0, QUEUED = 1, REISSUE = 2;

    /**
     * Calls the device and leaves its answer in {@code req.answer*} (no allocation per call: the hot path of a
     * synchronous uring_cmd allocates nothing). In a worker, the task work that applies the answer is what hands
     * these fields to the ring's thread.
     */
    private int callDevice(Request req, IssueFlags.Control ctl, int bits) {
        MiscDevice.UringCmd<Object> dev = req.file.uringCmd();
        IoUringCmd.Control cc = req.cmdCtl;
        cc.beginIssue();
        IssueFlags flags = ctl.begin(bits, cc.cmd());
        req.issuingThread = Thread.currentThread();
        try {
            UringCmdAction a = cc.check(dev.uringCmd(req.file.state, cc.cmd(), flags));
            return switch (a) {
                case UringCmdAction.Complete c -> answer(req, COMPLETE, c.res(), c.res2(), c.hasRes2(), null);
                case UringCmdAction.Queued q -> answer(req, QUEUED, 0, 0, false, q.handle());
                case UringCmdAction.Reissue r -> answer(req, REISSUE, 0, 0, false, null);
            };
        } catch (DeviceException e) {
            return thrown(req, cc, e.negative());
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm) throw vm;
            stats.deviceErrors.incrementAndGet();
            // A device that throws completes its command with -EIO and the ring keeps serving (docs/DRIVER.md).
            return thrown(req, cc, -Errno.EIO.value());
        } finally {
            req.issuingThread = null;
            ctl.end();
        }
    }

    private static int answer(Request req, int kind, int res, long res2, boolean hasRes2, QueuedCmd handle) {
        req.answerRes = res;
        req.answerRes2 = res2;
        req.answerHasRes2 = hasRes2;
        req.answerHandle = handle;
        return kind;
    }

    /**
     * The device threw. If it had queued the command in this issue, the host completes the handle with the error
     * (the device's later done() returns false) — unless the device already called done(), whose result then stands:
     * either way exactly one CQE.
     */
    private static int thrown(Request req, IoUringCmd.Control cc, int res) {
        QueuedCmd q = cc.queuedHandle();
        if (q == null || q.completeByHost()) return answer(req, COMPLETE, res, 0, false, null);
        return answer(req, QUEUED, 0, 0, false, q);
    }

    /** Applies what the device answered (inline or from a worker), from {@code req.answer*}. */
    private void applyResult(Request req, int kind, boolean fromWorker) {
        req.awaitingResult = false;
        switch (kind) {
            case COMPLETE -> {
                // 6.18 leaks a MULTISHOT command answered synchronously with res >= 0 (rule 2.3.6); the embedded host
                // completes it with that value instead (docs/DEVIATIONS.md).
                completeCmd(req, req.answerRes, req.answerRes2, req.answerHasRes2);
            }
            case QUEUED -> {
                req.queued = req.answerHandle;
                queuedCmds.add(req);
                if (req.cancelable) cancelableCmds.add(req);
            }
            case REISSUE -> {
                if (fromWorker) completeCmd(req, -Errno.EAGAIN.value(), 0, false); // §2.9.4: -EAGAIN again from io-wq
                else issueAsync(req, true);
            }
            default -> throw new AssertionError();
        }
        req.answerHandle = null;
        if (req.earlyWork != null && !req.earlyWork.isEmpty()) {
            // done() or task work from a device thread that won the race against this answer: run it now.
            localWork.addAll(req.earlyWork);
            req.earlyWork.clear();
        }
    }

    /** {@code __io_uring_cmd_done}: res, and res2 on a 32-byte CQE; buffer flags and F_MORE are never kept. */
    private void completeCmd(Request req, int res, long res2, boolean hasRes2) {
        if (req.cancelable) {
            cancelableCmds.remove(req);
            req.cancelable = false;
        }
        req.setResult(res);
        req.cflags = 0;
        if (hasRes2) {
            req.big = true;
            req.big0 = res2;
            req.big1 = 0;
        }
        completions.add(req);
    }

    // ================================================================ queued commands, task work, cancel

    /** Task work from the ring's own thread goes to the local list; from any other thread, to the remote queue. */
    private void addTaskWork(Runnable r) {
        if (uringLock.isHeldByCurrentThread()) localWork.addLast(r);
        else addRemoteWork(r);
    }

    /**
     * {@code io_uring_cmd_mark_cancelable}. In an issue (inline or in a worker) it only marks the request: it joins
     * the cancelable list when its QUEUED answer is applied. From another thread, or from task work, it joins
     * through task work if the command is still queued.
     */
    void markCancelable(Request req, QueuedCmd handle) {
        if (req.issuingThread == Thread.currentThread()) {
            req.cancelable = true;
            req.cmdFlags |= IORING_URING_CMD_CANCELABLE;
            return;
        }
        if (handle == null) return; // not in an issue and not queued: nothing to cancel
        addTaskWork(() -> markCancelableInTask(req, handle));
    }

    private void markCancelableInTask(Request req, QueuedCmd handle) {
        if (handle.isDone()) return;
        if (req.queued != handle) {
            if (req.awaitingResult) req.early(() -> markCancelableInTask(req, handle));
            return;
        }
        if (req.cancelable) return;
        req.cancelable = true;
        req.cmdFlags |= IORING_URING_CMD_CANCELABLE;
        cancelableCmds.add(req);
    }

    /**
     * From any thread, after the handle's CAS made this the one completion: the CQE is posted by task work
     * ({@code io_uring_cmd_done} from outside the issue context), never nested in another device call.
     */
    void queuedDone(Request req, QueuedCmd handle, int res, long res2, boolean hasRes2) {
        if (closed) {
            stats.doneAfterClose.incrementAndGet();
            return;
        }
        addTaskWork(() -> doneInTask(req, handle, res, res2, hasRes2));
    }

    private void doneInTask(Request req, QueuedCmd handle, int res, long res2, boolean hasRes2) {
        if (req.queued == handle) finishQueued(req, res, res2, hasRes2);
        else if (req.awaitingResult) req.early(() -> doneInTask(req, handle, res, res2, hasRes2));
        else throw new AssertionError("a queued command's done() found its request in no state to finish: " + req.userData);
    }

    private void finishQueued(Request req, int res, long res2, boolean hasRes2) {
        req.queued = null;
        queuedCmds.remove(req);
        completeCmd(req, res, res2, hasRes2);
    }

    void queuedInTask(Request req, QueuedCmd handle, TaskWork work) {
        if (closed) return;
        addRemoteWork(() -> taskWorkInTask(req, handle, work));
    }

    /** {@code io_uring_cmd_complete_in_task}'s callback, in a new issue context; TASK_DEAD while the ring closes. */
    private void taskWorkInTask(Request req, QueuedCmd handle, TaskWork work) {
        if (handle.isDone()) return;
        if (req.queued != handle) {
            if (req.awaitingResult) req.early(() -> taskWorkInTask(req, handle, work));
            return;
        }
        int bits = IssueFlags.IO_URING_F_COMPLETE_DEFER | ringIssueBits() | (closing ? IssueFlags.IO_URING_F_TASK_DEAD : 0);
        IssueFlags f = issueCtl.begin(bits, req.cmdCtl.cmd());
        try {
            work.run(handle, f);
        } catch (DeviceException e) {
            if (handle.completeByHost()) finishQueued(req, e.negative(), 0, false);
        } catch (RuntimeException | Error e) {
            // As in callDevice: a device's AssertionError must not escape enter or close and strand the command.
            if (e instanceof VirtualMachineError vm) throw vm;
            stats.deviceErrors.incrementAndGet();
            if (handle.completeByHost()) finishQueued(req, -Errno.EIO.value(), 0, false);
        } finally {
            issueCtl.end();
        }
    }

    /** Calls the device with {@code IO_URING_F_CANCEL} for a cancelable command ({@code io_uring_try_cancel_uring_cmd}). */
    private void cancelCmd(Request req) {
        if (req.file == null || req.queued == null || req.queued.isDone()) return;
        IoUringCmd.Control cc = req.cmdCtl;
        IssueFlags f = issueCtl.begin(IssueFlags.IO_URING_F_CANCEL | IssueFlags.IO_URING_F_COMPLETE_DEFER | ringIssueBits(), cc.cmd());
        req.issuingThread = Thread.currentThread();
        try {
            req.file.uringCmd().uringCmd(req.file.state, cc.cmd(), f);
        } catch (DeviceException e) {
            // The device must complete the command itself; what it leaves pending is completed at close.
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm) throw vm;
            stats.deviceErrors.incrementAndGet();
        } finally {
            req.issuingThread = null;
            issueCtl.end();
        }
    }

    private void addRemoteWork(Runnable r) {
        remoteWork.add(r);
        if (taskrunFlag) INT.getAndBitwiseOr(rings, (long) RINGS_SQ_FLAGS, IORING_SQ_TASKRUN);
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
    }

    /** Runs task work until there is none, flushing completions after each piece. */
    private void runTaskWork() {
        while (true) {
            Runnable r = localWork.pollFirst();
            if (r == null) r = remoteWork.poll();
            if (r == null) break;
            r.run();
            flushCompletions();
        }
        if (taskrunFlag) INT.getAndBitwiseAnd(rings, (long) RINGS_SQ_FLAGS, ~IORING_SQ_TASKRUN);
    }

    // ================================================================ completion (CQ)

    /**
     * {@code __io_submit_flush_completions}: posts the batch's CQEs in order, then continues or fails each link
     * chain through task work, as the kernel does when it frees the batch.
     */
    private void flushCompletions() {
        if (completions.isEmpty()) return;
        for (int i = 0; i < completions.size(); i++) {
            Request r = completions.get(i);
            if (r.hasFlag(IOSQE_CQE_SKIP_SUCCESS)) {
                stats.skippedCqes++;
            } else {
                stats.terminalCqes++;
                postCqe(r.userData, r.res, r.cflags, r.big0, r.big1, r.big);
            }
        }
        for (int i = 0; i < completions.size(); i++) {
            Request r = completions.get(i);
            Request next = r.link;
            r.link = null;
            if (next != null) {
                if (r.failed && !r.hasFlag(IOSQE_IO_HARDLINK)) {
                    boolean ignore = r.skipLinkCqes;
                    localWork.addLast(() -> failLinks(next, ignore));
                } else {
                    localWork.addLast(() -> queueFromTask(next));
                }
            }
            freeRequest(r);
        }
        completions.clear();
        if (drainActive && !deferred.isEmpty()) queueDeferred();
    }

    /** Posts a CQE, or queues it on the overflow list (never dropped: IORING_FEAT_NODROP). */
    void postCqe(long userData, int res, int flags, long big0, long big1, boolean big) {
        stats.cqesPosted++;
        if (!overflow.isEmpty() || !fillCqe(userData, res, flags, big0, big1, big)) {
            if (overflow.isEmpty()) INT.getAndBitwiseOr(rings, (long) RINGS_SQ_FLAGS, IORING_SQ_CQ_OVERFLOW);
            overflow.addLast(new Overflow(userData, res, flags, big0, big1, big));
        }
    }

    /**
     * Multishot events ({@code io_req_post_cqe}) never overflow: false when the CQ has no room or overflowed CQEs are
     * pending, so ordering holds (§6.6).
     */
    boolean postAuxCqe(long userData, int res, int flags) {
        if (!overflow.isEmpty()) return false;
        if (!fillCqe(userData, res, flags, 0, 0, false)) return false;
        stats.cqesPosted++;
        return true;
    }

    private boolean fillCqe(long userData, int res, int flags, long big0, long big1, boolean big) {
        int head = (int) INT.getAcquire(rings, (long) RINGS_CQ_HEAD);
        int free = cqEntries - (cachedCqTail - head);
        boolean two = cqeMixed && big;
        if (two) {
            if ((cachedCqTail & cqMask) == cqMask) {
                // One slot left before the wrap: a skip CQE first, then the 32-byte CQE at index 0 (§6.7). 6.18 writes
                // the pad even into a full ring, over an unread CQE; the embedded host only writes it into a free slot.
                if (free < 1) return false;
                writeCqe(cachedCqTail++, 0, 0, IORING_CQE_F_SKIP, 0, 0, false);
                free--;
                INT.setRelease(rings, (long) RINGS_CQ_TAIL, cachedCqTail);
            }
            if (free < 2) return false;
            writeCqe(cachedCqTail, userData, res, flags | IORING_CQE_F_32, big0, big1, true);
            cachedCqTail += 2;
        } else {
            if (free < 1) return false;
            writeCqe(cachedCqTail++, userData, res, flags, big0, big1, cqe32);
        }
        // Release: the CQE's contents are visible before the client can see the new tail.
        INT.setRelease(rings, (long) RINGS_CQ_TAIL, cachedCqTail);
        return true;
    }

    private void writeCqe(int tail, long userData, int res, int flags, long big0, long big1, boolean writeBig) {
        long off = RINGS_CQES + ((long) (tail & cqMask) << cqeShift);
        rings.set(JAVA_LONG, off + CqeLayout.USER_DATA, userData);
        rings.set(JAVA_INT, off + CqeLayout.RES, res);
        rings.set(JAVA_INT, off + CqeLayout.FLAGS, flags);
        if (writeBig || cqe32) {
            rings.set(JAVA_LONG, off + CqeLayout.BIG_CQE_0, big0);
            rings.set(JAVA_LONG, off + CqeLayout.BIG_CQE_1, big1);
        }
    }

    /** {@code io_cqring_overflow_flush}: moves overflowed CQEs into free slots in order. */
    private void flushOverflow() {
        while (!overflow.isEmpty()) {
            Overflow o = overflow.peekFirst();
            if (!fillCqe(o.userData(), o.res(), o.flags(), o.big0(), o.big1(), o.big())) break;
            overflow.pollFirst();
        }
        if (overflow.isEmpty()) INT.getAndBitwiseAnd(rings, (long) RINGS_SQ_FLAGS, ~IORING_SQ_CQ_OVERFLOW);
    }

    // ================================================================ registered files and buffers

    private OpenFile fixedFile(int index) {
        OpenFile[] t = fixedFiles;
        return t != null && index >= 0 && index < t.length ? t[index] : null;
    }

    private MemorySegment fixedBuffer(int index) {
        MemorySegment[] t = fixedBuffers;
        return t != null && index >= 0 && index < t.length ? t[index] : null;
    }

    /** {@code io_uring_cmd_import_fixed}: a slice of registered buffer {@code index}; anything out of range is -EFAULT. */
    MemorySegment importFixed(int index, long addr, long len) throws DeviceException {
        MemorySegment b = fixedBuffer(index);
        if (b == null) throw new DeviceException(Errno.EFAULT, "no registered buffer at index " + index);
        long off = addr - b.address();
        if (len < 0 || off < 0 || off > b.byteSize() - len) {
            throw new DeviceException(Errno.EFAULT, "[0x" + Long.toHexString(addr) + ", +" + len + ") is outside registered buffer " + index);
        }
        return b.asSlice(off, len);
    }

    // ================================================================ register

    @Override
    public int register(int opcode, MemorySegment arg, int nrArgs) {
        ensureOpen();
        uringLock.lock();
        try {
            if (closing) return -Errno.EBADF.value();
            if (opcode < 0 && (opcode & IORING_REGISTER_USE_REGISTERED_RING) != 0) return -Errno.EINVAL.value();
            if (opcode >= IORING_REGISTER_LAST || opcode < 0) return -Errno.EINVAL.value();
            if (restricted && (restrictRegister & (1L << opcode)) == 0) return -Errno.EACCES.value();
            final int EINVAL = -Errno.EINVAL.value(), EFAULT = -Errno.EFAULT.value();
            boolean hasArg = arg.address() != 0;
            return switch (opcode) {
                case IORING_REGISTER_BUFFERS -> hasArg ? registerBuffers(arg, nrArgs) : EFAULT;
                case IORING_UNREGISTER_BUFFERS -> {
                    if (hasArg || nrArgs != 0) yield EINVAL;
                    if (fixedBuffers == null) yield -Errno.ENXIO.value();
                    fixedBuffers = null;
                    yield 0;
                }
                case IORING_REGISTER_FILES -> hasArg ? registerFiles(arg, nrArgs) : EFAULT;
                case IORING_UNREGISTER_FILES -> {
                    if (hasArg || nrArgs != 0) yield EINVAL;
                    if (fixedFiles == null) yield -Errno.ENXIO.value();
                    for (OpenFile f : fixedFiles) if (f != null) f.put();
                    fixedFiles = null;
                    yield 0;
                }
                case IORING_REGISTER_FILES_UPDATE -> filesUpdate(arg, nrArgs);
                case IORING_REGISTER_EVENTFD, IORING_REGISTER_EVENTFD_ASYNC -> {
                    if (nrArgs != 1) yield EINVAL;
                    MemorySegment fd = host.userMemory.resolve(arg.address(), 4);
                    if (fd == null) yield EFAULT;
                    // There are no eventfds on the embedded host: any fd is -EBADF (none open) or not an eventfd.
                    yield host.file(fd.get(JAVA_INT, 0)) == null ? -Errno.EBADF.value() : EINVAL;
                }
                case IORING_UNREGISTER_EVENTFD -> hasArg || nrArgs != 0 ? EINVAL : -Errno.ENXIO.value();
                case IORING_REGISTER_PROBE -> registerProbe(arg, nrArgs);
                case IORING_REGISTER_PERSONALITY -> {
                    if (hasArg || nrArgs != 0) yield EINVAL;
                    int id = nextPersonality++;
                    personalities.put(id, Boolean.TRUE);
                    yield id;
                }
                case IORING_UNREGISTER_PERSONALITY -> {
                    if (hasArg) yield EINVAL;
                    yield personalities.remove(nrArgs) != null ? 0 : EINVAL;
                }
                case IORING_REGISTER_ENABLE_RINGS -> {
                    if (hasArg || nrArgs != 0) yield EINVAL;
                    if (!disabled) yield -Errno.EBADFD.value();
                    if (restrictionsRegistered) restricted = true;
                    disabled = false;
                    yield 0;
                }
                case IORING_REGISTER_RESTRICTIONS -> registerRestrictions(arg, nrArgs);
                case IORING_UNREGISTER_IOWQ_AFF -> hasArg || nrArgs != 0 ? EINVAL : 0;
                case IORING_REGISTER_RING_FDS, IORING_UNREGISTER_RING_FDS -> {
                    if (nrArgs == 0 || Integer.compareUnsigned(nrArgs, 16) > 0) yield EINVAL;
                    yield host.userMemory.resolve(arg.address(), 16L * nrArgs) == null ? EFAULT : EINVAL;
                }
                case IORING_REGISTER_SYNC_CANCEL -> hasArg && nrArgs == 1 ? syncCancel(arg) : EINVAL;
                case IORING_UNREGISTER_NAPI -> nrArgs != 1 ? EINVAL : (hasArg && host.userMemory.resolve(arg.address(), 16) == null ? EFAULT : 0);
                case IORING_REGISTER_QUERY -> nrArgs != 0 ? EINVAL : (hasArg ? EINVAL : 0);
                default -> registerOther(opcode, arg, nrArgs);
            };
        } finally {
            uringLock.unlock();
        }
    }

    /** {@code io_register_files_update}: returns how many slots were updated, or the error if none was. */
    private int filesUpdate(MemorySegment arg, int nrArgs) {
        if (nrArgs == 0) return -Errno.EINVAL.value();
        MemorySegment up = host.userMemory.resolve(arg.address(), 16);
        if (up == null) return -Errno.EFAULT.value();
        int offset = up.get(JAVA_INT, 0);
        if (up.get(JAVA_INT, 4) != 0) return -Errno.EINVAL.value();
        long data = up.get(JAVA_LONG, 8);
        if (fixedFiles == null) return -Errno.ENXIO.value();
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(nrArgs) > fixedFiles.length) return -Errno.EINVAL.value();
        int done = 0, err = 0;
        for (; done < nrArgs; done++) {
            MemorySegment fdp = host.userMemory.resolve(data + 4L * done, 4);
            if (fdp == null) { err = -Errno.EFAULT.value(); break; }
            int fd = fdp.get(JAVA_INT, 0);
            if (fd == IORING_REGISTER_FILES_SKIP) continue;
            int i = offset + done;
            // The slot is emptied before the new fd is looked up, as the kernel does: a bad fd leaves it empty.
            if (fixedFiles[i] != null) {
                fixedFiles[i].put();
                fixedFiles[i] = null;
            }
            if (fd != -1) {
                OpenFile f = host.file(fd);
                if (f == null || f.device == Host.RING_NODE) { err = -Errno.EBADF.value(); break; }
                f.get();
                fixedFiles[i] = f;
            }
        }
        return done != 0 ? done : err;
    }

    /** {@code io_register_restrictions} (only on an R_DISABLED ring, once). */
    private int registerRestrictions(MemorySegment arg, int nrArgs) {
        if ((setupFlags & IORING_SETUP_R_DISABLED) == 0 || !disabled) return -Errno.EBADFD.value();
        if (restrictionsRegistered) return -Errno.EBUSY.value();
        int max = 1 + IORING_REGISTER_LAST + Opcode.IORING_OP_LAST;
        if (arg.address() == 0 || Integer.compareUnsigned(nrArgs, max) > 0) return -Errno.EINVAL.value();
        MemorySegment r = host.userMemory.resolve(arg.address(), 16L * nrArgs);
        if (r == null) return -Errno.EFAULT.value();
        long sqeOps0 = 0, sqeOps1 = 0, regOps = 0;
        int allowed = 0, required = 0;
        for (int i = 0; i < nrArgs; i++) {
            int op = r.get(JAVA_SHORT, 16L * i) & 0xffff;
            int v = r.get(JAVA_BYTE, 16L * i + 2) & 0xff;
            switch (op) {
                case 0 -> { if (v >= IORING_REGISTER_LAST) return -Errno.EINVAL.value(); regOps |= 1L << v; }
                case 1 -> {
                    if (v >= Opcode.IORING_OP_LAST) return -Errno.EINVAL.value();
                    if (v < 64) sqeOps0 |= 1L << v; else sqeOps1 |= 1L << (v - 64);
                }
                case 2 -> allowed = v;
                case 3 -> required = v;
                default -> { return -Errno.EINVAL.value(); }
            }
        }
        restrictSqeOps = sqeOps0;
        restrictRegister = regOps;
        restrictAllowed = allowed;
        restrictRequired = required;
        restrictionsRegistered = true;
        return 0;
    }

    /** {@code IORING_REGISTER_SYNC_CANCEL}: the same search as ASYNC_CANCEL, answered by the register call. */
    private int syncCancel(MemorySegment arg) {
        MemorySegment sc = host.userMemory.resolve(arg.address(), 64);
        if (sc == null) return -Errno.EFAULT.value();
        int f = sc.get(JAVA_INT, 12);
        if ((f & ~CANCEL_FLAGS) != 0) return -Errno.EINVAL.value();
        for (long o = 33; o < 64; o++) if (sc.get(JAVA_BYTE, o) != 0) return -Errno.EINVAL.value();
        OpenFile file = null;
        if ((f & IORING_ASYNC_CANCEL_FD) != 0) {
            int fd = sc.get(JAVA_INT, 8);
            file = (f & IORING_ASYNC_CANCEL_FD_FIXED) != 0 ? fixedFile(fd) : host.file(fd);
            if (file == null) return -Errno.EBADF.value();
        }
        Request probe = allocRequest();
        probe.cancelFlags = f;
        probe.cancelAddr = sc.get(JAVA_LONG, 0);
        probe.cancelOpcode = sc.get(JAVA_BYTE, 32) & 0xff;
        int nr = cancelMatching(probe, file, (f & (IORING_ASYNC_CANCEL_ALL | IORING_ASYNC_CANCEL_ANY)) != 0);
        freeRequest(probe);
        flushCompletions();
        runTaskWork();
        return nr > 0 ? 0 : -Errno.ENOENT.value();
    }

    /** Provided buffer rings (§4.1); register opcodes the embedded host does not model: -EINVAL (docs/DEVIATIONS.md). */
    private int registerOther(int opcode, MemorySegment arg, int nrArgs) {
        return switch (opcode) {
            case IORING_REGISTER_PBUF_RING, IORING_UNREGISTER_PBUF_RING, IORING_REGISTER_PBUF_STATUS -> {
                // __io_uring_register: these take exactly one struct.
                if (arg.address() == 0 || nrArgs != 1) yield -Errno.EINVAL.value();
                yield switch (opcode) {
                    case IORING_REGISTER_PBUF_RING -> registerPbufRing(arg.address());
                    case IORING_UNREGISTER_PBUF_RING -> unregisterPbufRing(arg.address());
                    default -> pbufStatus(arg.address());
                };
            }
            default -> -Errno.EINVAL.value();
        };
    }

    // ================================================================ provided buffers (kbuf.c)

    BufferList bufferList(int bgid) {
        BufferList[] t = bufferLists;
        return Integer.compareUnsigned(bgid, t.length) < 0 ? t[bgid] : null;
    }

    private void setBufferList(int bgid, BufferList bl) {
        if (bgid >= bufferLists.length) {
            if (bl == null) return;
            bufferLists = java.util.Arrays.copyOf(bufferLists, Math.max(bgid + 1, Math.min(1 << 16, bufferLists.length * 2)));
        }
        bufferLists[bgid] = bl;
    }

    /**
     * {@code io_register_pbuf_ring} of 6.18.44, in its order (§4.1): -EFAULT unreadable arg; -EINVAL resv, flags,
     * entries not a power of two or >= 65536, min_left without INC; -EEXIST for a ring or non-empty legacy group (an
     * empty legacy group is replaced); then the region: ring_addr 0 -EFAULT, not page-aligned -EINVAL, not user memory
     * -EFAULT. With {@code IOU_PBUF_RING_MMAP} the engine allocates the ring, mapped by {@link #mapBufferRing}.
     */
    private int registerPbufRing(long argAddr) {
        MemorySegment reg = host.userMemory.resolve(argAddr, BufRingLayout.REG_SIZE);
        if (reg == null) return -Errno.EFAULT.value();
        for (long o = REG_RESV_U32; o < BufRingLayout.REG_SIZE; o += 4) if (reg.get(JAVA_INT, o) != 0) return -Errno.EINVAL.value();
        long ringAddr = reg.get(JAVA_LONG, BufRingLayout.REG_RING_ADDR);
        int entries = reg.get(JAVA_INT, BufRingLayout.REG_RING_ENTRIES);
        int bgid = reg.get(JAVA_SHORT, BufRingLayout.REG_BGID) & 0xffff;
        int flags = reg.get(JAVA_SHORT, BufRingLayout.REG_FLAGS) & 0xffff;
        int minLeft = reg.get(JAVA_INT, REG_MIN_LEFT);
        if ((flags & ~(IOU_PBUF_RING_MMAP | IOU_PBUF_RING_INC)) != 0) return -Errno.EINVAL.value();
        if (Integer.bitCount(entries) != 1) return -Errno.EINVAL.value();
        // A u16 head and tail cannot tell a full ring of 65536 from an empty one.
        if (Integer.compareUnsigned(entries, 65536) >= 0) return -Errno.EINVAL.value();
        if ((flags & IOU_PBUF_RING_INC) == 0 && minLeft != 0) return -Errno.EINVAL.value();
        BufferList old = bufferList(bgid);
        if (old != null) {
            if (old.isRing || !old.buffers.isEmpty()) return -Errno.EEXIST.value();
            setBufferList(bgid, null);
        }
        long ringSize = BufRingLayout.BUF_SIZE * entries;
        long regionSize = (ringSize + PAGE_SIZE - 1) & -PAGE_SIZE;
        MemorySegment ring;
        boolean mmap = (flags & IOU_PBUF_RING_MMAP) != 0;
        if (!mmap) {
            // io_create_region with user memory: ring_addr is pinned, so it must be set, page-aligned and mapped.
            if (ringAddr == 0) return -Errno.EFAULT.value();
            if ((ringAddr & (PAGE_SIZE - 1)) != 0) return -Errno.EINVAL.value();
            if (Long.compareUnsigned(ringAddr + regionSize, ringAddr) < 0) return -Errno.EOVERFLOW.value();
            ring = host.userMemory.resolve(ringAddr, ringSize);
            if (ring == null) return -Errno.EFAULT.value();
        } else {
            // The kernel allocates zeroed pages for the client to mmap; here they are host user memory of this ring.
            ring = arena.allocate(regionSize, PAGE_SIZE);
            host.userMemory.add(ring);
            synchronized (ownedUserMemory) { ownedUserMemory.add(ring); }
        }
        setBufferList(bgid, BufferList.ring(bgid, ring, entries, (flags & IOU_PBUF_RING_INC) != 0, minLeft, mmap));
        return 0;
    }

    /** {@code io_unregister_pbuf_ring}: -EINVAL resv (min_left is not checked) or flags; -ENOENT none; -EINVAL legacy. */
    private int unregisterPbufRing(long argAddr) {
        MemorySegment reg = host.userMemory.resolve(argAddr, BufRingLayout.REG_SIZE);
        if (reg == null) return -Errno.EFAULT.value();
        for (long o = REG_RESV_U32; o < BufRingLayout.REG_SIZE; o += 4) if (reg.get(JAVA_INT, o) != 0) return -Errno.EINVAL.value();
        if (reg.get(JAVA_SHORT, BufRingLayout.REG_FLAGS) != 0) return -Errno.EINVAL.value();
        int bgid = reg.get(JAVA_SHORT, BufRingLayout.REG_BGID) & 0xffff;
        BufferList bl = bufferList(bgid);
        if (bl == null) return -Errno.ENOENT.value();
        if (!bl.isRing) return -Errno.EINVAL.value();
        // An MMAP ring's memory stays mapped (and allocated) until the ring closes, as a kernel mapping outlives it.
        setBufferList(bgid, null);
        return 0;
    }

    /** {@code io_register_pbuf_status}: writes the private head (u16 widened to u32) of a ring group. */
    private int pbufStatus(long argAddr) {
        MemorySegment st = host.userMemory.resolve(argAddr, BufRingLayout.STATUS_SIZE);
        if (st == null) return -Errno.EFAULT.value();
        for (long o = BufRingLayout.STATUS_RESV; o < BufRingLayout.STATUS_SIZE; o += 4) {
            if (st.get(JAVA_INT, o) != 0) return -Errno.EINVAL.value();
        }
        BufferList bl = bufferList(st.get(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP));
        if (bl == null) return -Errno.ENOENT.value();
        if (!bl.isRing) return -Errno.EINVAL.value();
        st.set(JAVA_INT, BufRingLayout.STATUS_HEAD, bl.head);
        return 0;
    }

    /**
     * The client's mapping of an {@code IOU_PBUF_RING_MMAP} ring ({@code mmap(IORING_OFF_PBUF_RING | bgid << 16)}):
     * the engine-allocated ring memory, valid until this ring closes. A group without such a ring, or a size past
     * its pages, is -EINVAL as for the kernel's mmap.
     */
    public MemorySegment mapBufferRing(int bgid, long size) {
        ensureOpen();
        uringLock.lock();
        try {
            BufferList bl = bufferList(bgid);
            if (bl == null || !bl.isRing || !bl.mmap || size <= 0 || size > bl.ring.byteSize()) {
                throw new ErrnoException("mmap(IORING_OFF_PBUF_RING | " + bgid + " << 16, " + size + " bytes)", -Errno.EINVAL.value(),
                        bl == null || !bl.isRing ? "buffer group " + bgid + " has no buffer ring"
                                : !bl.mmap ? "buffer group " + bgid + " was registered with client memory, not IOU_PBUF_RING_MMAP"
                                : "the ring of group " + bgid + " has " + bl.ring.byteSize() + " bytes");
            }
            return bl.ring.asSlice(0, size);
        } finally {
            uringLock.unlock();
        }
    }

    private int registerProbe(MemorySegment arg, int nrArgs) {
        if (arg.address() == 0 || Integer.compareUnsigned(nrArgs, ProbeLayout.MAX_OPS) > 0) return -Errno.EINVAL.value();
        int nr = Math.min(nrArgs, Opcode.IORING_OP_LAST);
        long size = ProbeLayout.SIZE + nr * ProbeLayout.OP_SIZE;
        MemorySegment p = host.userMemory.resolve(arg.address(), size);
        if (p == null) return -Errno.EFAULT.value();
        for (long i = 0; i < size; i++) if (p.get(JAVA_BYTE, i) != 0) return -Errno.EINVAL.value();
        p.set(JAVA_BYTE, ProbeLayout.LAST_OP, (byte) (Opcode.IORING_OP_LAST - 1));
        for (int i = 0; i < nr; i++) {
            long o = ProbeLayout.SIZE + i * ProbeLayout.OP_SIZE;
            p.set(JAVA_BYTE, o + ProbeLayout.OP_OP, (byte) i);
            if (OpDefs.of(i).implemented()) p.set(JAVA_SHORT, o + ProbeLayout.OP_FLAGS, (short) ProbeLayout.IO_URING_OP_SUPPORTED);
        }
        p.set(JAVA_BYTE, ProbeLayout.OPS_LEN, (byte) nr);
        return 0;
    }

    /** {@code io_sqe_buffers_register}. */
    private int registerBuffers(MemorySegment arg, int nrArgs) {
        if (fixedBuffers != null) return -Errno.EBUSY.value();
        if (nrArgs == 0 || Integer.compareUnsigned(nrArgs, MAX_REG_BUFFERS) > 0) return -Errno.EINVAL.value();
        MemorySegment iov = arg.address() == 0 ? null : host.userMemory.resolve(arg.address(), 16L * nrArgs);
        if (arg.address() != 0 && iov == null) return -Errno.EFAULT.value();
        MemorySegment[] bufs = new MemorySegment[nrArgs];
        for (int i = 0; i < nrArgs && iov != null; i++) {
            long base = iov.get(JAVA_LONG, 16L * i), len = iov.get(JAVA_LONG, 16L * i + 8);
            if (base == 0) {
                if (len != 0) return -Errno.EFAULT.value();
                continue;
            }
            if (len == 0 || len > (1L << 30)) return -Errno.EFAULT.value();
            if (base + len < base) return -Errno.EOVERFLOW.value();
            MemorySegment b = host.userMemory.resolve(base, len);
            if (b == null) return -Errno.EFAULT.value();
            bufs[i] = b;
        }
        fixedBuffers = bufs;
        return 0;
    }

    /** {@code io_sqe_files_register}. */
    private int registerFiles(MemorySegment arg, int nrArgs) {
        if (fixedFiles != null) return -Errno.EBUSY.value();
        if (nrArgs == 0) return -Errno.EINVAL.value();
        if (Integer.compareUnsigned(nrArgs, MAX_FIXED_FILES) > 0) return -Errno.EMFILE.value();
        MemorySegment fds = arg.address() == 0 ? null : host.userMemory.resolve(arg.address(), 4L * nrArgs);
        if (arg.address() != 0 && fds == null) return -Errno.EFAULT.value();
        OpenFile[] table = new OpenFile[nrArgs];
        for (int i = 0; i < nrArgs && fds != null; i++) {
            int fd = fds.get(JAVA_INT, 4L * i);
            if (fd == -1) continue;
            OpenFile f = host.file(fd);
            if (f == null || f.device == Host.RING_NODE) {
                for (OpenFile g : table) if (g != null) g.put();
                return -Errno.EBADF.value();
            }
            f.get();
            table[i] = f;
        }
        fixedFiles = table;
        return 0;
    }

    // ================================================================ multishot (driver side)

    /** Counts of the multishot driver side, for tests and the demo. Written under the ring lock. */
    public static final class MultishotStats {
        long selections, auxCqes, auxFailed, recycled, buffersLost; // plain, like Stats: updated under the ring lock

        /** Provided buffers devices selected ({@code io_uring_cmd_buffer_select} that returned a buffer). */
        public long selections() { return selections; }
        /** Multishot events posted ({@code io_uring_mshot_cmd_post_cqe} that returned false). */
        public long auxCqes() { return auxCqes; }
        /** Multishot posts refused because the CQ had no room or overflowed CQEs were pending (the buffer was consumed). */
        public long auxFailed() { return auxFailed; }
        /** Selections given back to their group unposted (head unmoved, or a legacy buffer put back first). */
        public long recycled() { return recycled; }
        /** Buffers consumed without a CQE: a worker's selection (committed at once) that was never posted. */
        public long buffersLost() { return buffersLost; }

        @Override
        public String toString() {
            return "MultishotStats[selections=" + selections + ", posted=" + auxCqes + ", postsFailed=" + auxFailed
                    + ", recycled=" + recycled + ", buffersLost=" + buffersLost + "]";
        }
    }

    private final MultishotStats mstats = new MultishotStats();

    public MultishotStats multishotStats() { return mstats; }

    /** Each command's request: requests are pooled, and each owns one {@link IoUringCmd} for its whole life. */
    private final ConcurrentHashMap<IoUringCmd, Request> cmdRequests = new ConcurrentHashMap<>();

    /** Called by each new {@link Request}: its command can now be traced back to it from an issue context. */
    void adopt(Request r) { cmdRequests.put(r.cmdCtl.cmd(), r); }

    /**
     * What stands behind an issue context ({@link IssueFlags}): the provided buffer selected in it and not yet
     * posted — the kernel's {@code REQ_F_BUFFER_RING}/{@code SELECTED}, {@code REQ_F_BUFFERS_COMMIT} and
     * {@code REQ_F_BUF_MORE} state plus {@code io_br_sel}. The ring's thread has one, reused for inline issues, task
     * work and cancel calls; each worker issue makes its own, which takes the ring lock for each select and post, as
     * {@code io_ring_submit_lock} does for {@code IO_URING_F_UNLOCKED}.
     *
     * <p>Select and post form a pair within one context (§3.4: the kernel can only say so in a comment): a selection
     * still pending when the context ends ({@link #ended}) goes back to its group — the head stays put, a legacy buffer
     * goes back first — and the {@link BufferSelection} then throws on use.
     */
    private final class MultishotContext implements IssueFlags.Context {
        private BufferSelection selection;
        /** {@code sel.buf_list}: the ring to commit to later; null once committed (worker) and for legacy buffers. */
        private BufferList selList;
        /** {@code REQ_F_BUFFER_RING}: a ring buffer (else a legacy one, {@link #selLegacy}). */
        private boolean selRing;
        /** {@code REQ_F_BUFFERS_COMMIT}: the ring head has not moved for it yet. */
        private boolean selCommitPending;
        /** {@code REQ_F_BUF_MORE}: committed at select time, and an INC buffer was only partly consumed. */
        private boolean selBufMore;
        private BufferList.Legacy selLegacy;
        /** The pending selection was made without the ring lock (a worker): give it back under the lock. */
        private boolean selUnlocked;

        /** The context's request, after checking that {@code cmd} is its command and still in flight. */
        private Request current(IoUringCmd cmd, IssueFlags flags, String op) {
            if (cmd != flags.cmd()) {
                throw new IllegalStateException(op + " for a command other than the one this issue context belongs to: "
                        + "reach another command through its QueuedCmd.completeInTask");
            }
            Request r = cmdRequests.get(cmd);
            if (r == null) throw new IllegalStateException(op + " for a command of another ring");
            QueuedCmd q = r.cmdCtl.queuedHandle();
            if (q != null && q.isDone()) {
                throw new IllegalStateException(op + " after the command was completed: a multishot command posts events "
                        + "only until its final completion");
            }
            return r;
        }

        private boolean lockIf(boolean unlocked) {
            if (!unlocked) return false;
            uringLock.lock();
            return true;
        }

        /** {@code io_uring_cmd_buffer_select} → {@code io_buffer_select} (§3.3, §4.2). */
        @Override
        public BufferSelection bufferSelect(IoUringCmd cmd, int bufGroup, long len, IssueFlags flags) throws DeviceException {
            current(cmd, flags, "bufferSelect");
            if (!cmd.multishot()) {
                throw new DeviceException(Errno.EINVAL, "buffer selection needs a MULTISHOT command (IORING_URING_CMD_MULTISHOT with IOSQE_BUFFER_SELECT)");
            }
            if (selection != null) {
                // The kernel's WARN_ON_ONCE(!io_do_buffer_select(req)): one selection at a time.
                throw new DeviceException(Errno.EINVAL, "buffer " + selection.bufferId() + " is already selected in this issue "
                        + "context: post it with postCqe before selecting another");
            }
            if (len < 0) throw new IllegalArgumentException("bufferSelect length must be >= 0 (0: the whole buffer), got " + len);
            boolean unlocked = (flags.raw() & IssueFlags.IO_URING_F_UNLOCKED) != 0;
            boolean locked = lockIf(unlocked);
            try {
                BufferList bl = bufferList(bufGroup);
                if (bl == null) return null;
                long addr, selLen;
                int bid;
                if (bl.isRing) {
                    if (bl.ringEmpty()) return null;
                    int head = bl.head;
                    long bufLen = bl.entryLen(head);
                    selLen = len == 0 || len > bufLen ? bufLen : len;
                    bid = bl.entryBid(head);
                    addr = bl.entryAddr(head);
                    selRing = true;
                    selList = bl;
                    selCommitPending = true;
                    selBufMore = false;
                    if (unlocked) {
                        // io_should_commit: nothing would keep the buffer from others without the lock, so a worker
                        // consumes it now (INC rings: the selected length).
                        selCommitPending = false;
                        if (!bl.commit(selLen)) selBufMore = true;
                        selList = null;
                    }
                } else {
                    BufferList.Legacy k = bl.buffers.pollFirst();
                    if (k == null) return null;
                    long bufLen = Integer.toUnsignedLong(k.len());
                    selLen = len == 0 || len > bufLen ? bufLen : len;
                    bid = k.bid();
                    addr = k.addr();
                    selRing = false;
                    selLegacy = k;
                }
                selUnlocked = unlocked;
                mstats.selections++;
                MemorySegment mem = host.userMemory.resolve(addr, selLen);
                selection = new BufferSelection(flags, flags.generation(), mem == null ? MemorySegment.NULL : mem, bid);
                if (mem == null) {
                    // The device's copy into it would fault: give it back (a worker's was already consumed).
                    dropSelection();
                    throw new DeviceException(Errno.EFAULT, "buffer " + bid + " of group " + bufGroup + " at [0x"
                            + Long.toHexString(addr) + ", +" + selLen + ") is not user memory of this host");
                }
                return selection;
            } finally {
                if (locked) uringLock.unlock();
            }
        }

        /** {@code io_uring_mshot_cmd_post_cqe} (§3.4): true when the command must now be completed by the caller. */
        @Override
        public boolean postCqe(IoUringCmd cmd, BufferSelection sel, int res, IssueFlags flags) {
            Request r = current(cmd, flags, "postCqe");
            if (!cmd.multishot()) return true;
            if (sel != null && sel != selection) {
                sel.checkValid(); // says why: posted already, or from an ended context
                throw new IllegalStateException("buffer " + sel.bufferId() + " was not selected in this issue context: post "
                        + "the selection bufferSelect returned here");
            }
            if (sel == null && res > 0) {
                throw new IllegalArgumentException("postCqe of " + res + " bytes needs the BufferSelection they were written to");
            }
            if (sel != null && res > sel.length()) {
                throw new IllegalArgumentException("postCqe of " + res + " bytes into buffer " + sel.bufferId() + " of "
                        + sel.length() + " bytes: an event must fit the selected buffer");
            }
            boolean unlocked = (flags.raw() & IssueFlags.IO_URING_F_UNLOCKED) != 0;
            boolean locked = lockIf(unlocked);
            try {
                if (res > 0) {
                    int cflags = putKbuf(res);
                    // Keep CQE order: completions batched before this event are posted first.
                    flushCompletions();
                    if (postAuxCqe(r.userData, res, cflags | IORING_CQE_F_MORE)) {
                        mstats.auxCqes++;
                        if (unlocked) wakeWaiter();
                        return false;
                    }
                    // No room, or overflow pending: the buffer stays consumed and the command must end (§3.5).
                    mstats.auxFailed++;
                } else if (selection != null) {
                    dropSelection();
                }
                if (res < 0) r.failed = true; // req_set_fail: a linked request after it is canceled
                return true;
            } finally {
                if (locked) uringLock.unlock();
            }
        }

        /** The context ends: a selection it did not post goes back to its group. */
        @Override
        public void ended(IssueFlags flags) {
            if (selection != null) dropSelection();
        }

        /**
         * {@code io_put_kbuf} → {@code __io_put_kbufs}: commits the selection for {@code len} bytes (head +1, or INC
         * consumption) and returns {@code F_BUFFER | bid << 16}, plus {@code F_BUF_MORE} if an INC buffer has more.
         */
        private int putKbuf(int len) {
            int cflags = IORING_CQE_F_BUFFER | (selection.bufferId() << IORING_CQE_BUFFER_SHIFT);
            if (selRing) {
                boolean done = true;
                if (selList != null && selCommitPending) done = selList.commit(len);
                if (done && selBufMore) done = false;
                if (!done) cflags |= IORING_CQE_F_BUF_MORE;
            } // a legacy buffer is consumed (io_kbuf_drop_legacy)
            clearSelection();
            return cflags;
        }

        /** {@code io_kbuf_recycle}: an uncommitted ring buffer stays at the head; a legacy one goes back first. */
        private void dropSelection() {
            boolean locked = lockIf(selUnlocked);
            try {
                if (selRing) {
                    if (selList != null) mstats.recycled++;
                    else mstats.buffersLost++; // committed at select (worker) and never posted: consumed, as in the kernel
                } else if (selLegacy != null) {
                    BufferList bl = bufferList(selLegacy.bgid());
                    // A group that was removed or became a ring while the buffer was out drops it.
                    if (bl != null && !bl.isRing) {
                        bl.buffers.addFirst(selLegacy);
                        mstats.recycled++;
                    } else {
                        mstats.buffersLost++;
                    }
                }
            } finally {
                clearSelection();
                if (locked) uringLock.unlock();
            }
        }

        private void clearSelection() {
            if (selection != null) selection.release();
            selection = null;
            selList = null;
            selLegacy = null;
            selRing = selCommitPending = selBufMore = selUnlocked = false;
        }
    }

    private void wakeWaiter() {
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
    }

    // ================================================================ close

    /**
     * Closes the ring ({@code io_ring_exit_work}): commands blocked in a worker are interrupted and their answers
     * applied; pending task work runs with TASK_DEAD; cancelable commands get a CANCEL call; what is still pending is
     * completed with -ECANCELED by the host (6.18 would wait for it forever: docs/DEVIATIONS.md); drained and linked
     * requests not yet issued complete with -ECANCELED. Every consumed SQE has ended when this returns.
     */
    @Override
    public void close() {
        // closed is set inside closeLocked, before the first closer frees memory: return early only once it has.
        if (closed && closeDone.getCount() == 0) return;
        boolean mine;
        uringLock.lock();
        try {
            mine = !closing;
            if (mine) {
                closing = true;
                closeLocked();
            }
        } finally {
            uringLock.unlock();
        }
        if (!mine) {
            // Another thread is closing this ring (it releases the lock while it waits for workers): wait for it.
            boolean interrupted = false;
            while (closeDone.getCount() > 0) {
                try {
                    closeDone.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            return;
        }
        try {
            synchronized (ownedUserMemory) {
                for (MemorySegment s : ownedUserMemory) host.userMemory.remove(s);
                ownedUserMemory.clear();
            }
            Thread w = waiter;
            if (w != null) LockSupport.unpark(w);
            host.closeIfSame(ringFd, ringFile);
            host.ringClosed(this);
            arena.close();
        } finally {
            closeDone.countDown();
        }
    }

    private void closeLocked() {
        while (!workerCmds.isEmpty()) {
            for (Request r : workerCmds) r.interruptWorker();
            awaitRemoteWork();
            runTaskWork();
        }
        runTaskWork();
        for (Request r : new ArrayList<>(cancelableCmds)) cancelCmd(r);
        runTaskWork();
        for (Request r : new ArrayList<>(queuedCmds)) {
            if (r.queued != null && r.queued.completeByHost()) {
                stats.completedAtClose++;
                finishQueued(r, -Errno.ECANCELED.value(), 0, false);
            }
        }
        flushCompletions();
        // A device whose done() won the race against the host: its completion is on its way as task work.
        while (!queuedCmds.isEmpty()) {
            runTaskWork();
            if (!queuedCmds.isEmpty()) awaitRemoteWork();
        }
        while (!deferred.isEmpty()) {
            Request d = deferred.pollFirst();
            d.res = -Errno.ECANCELED.value();
            failRequest(d);
        }
        flushCompletions();
        runTaskWork();
        closed = true;
        if (fixedFiles != null) for (OpenFile f : fixedFiles) if (f != null) f.put();
        fixedFiles = null;
        fixedBuffers = null;
    }

    /** Close only: waits briefly for remote task work (a worker's answer, a device's done()) without the lock. */
    private void awaitRemoteWork() {
        waiter = Thread.currentThread();
        uringLock.unlock();
        try {
            if (remoteWork.isEmpty()) LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        } finally {
            uringLock.lock();
            waiter = null;
        }
    }

    /** Requests issued and not yet ended (queued commands and commands in a worker): for tests. */
    int pendingRequests() {
        uringLock.lock();
        try {
            return queuedCmds.size() + workerCmds.size() + deferred.size();
        } finally {
            uringLock.unlock();
        }
    }
}

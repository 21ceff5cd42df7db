package io.uringcmd.conform;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotRefusedException;
import io.uringcmd.ring.RingParams;
import io.uringcmd.ring.Sqe;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Plays one {@link ConformCase} on one {@link Side} and records a {@link CaseResult}. The ring is always closed,
 * and before that drained: the runner waits (bounded by the drain timeout, never forever) until the case's CQE
 * count has arrived, then takes whatever else is ready.
 */
public final class Runner {
    private final Duration drainTimeout;

    public Runner(Duration drainTimeout) { this.drainTimeout = drainTimeout; }

    public Runner() { this(Duration.ofMillis(500)); }

    public CaseResult run(ConformCase c, Side side) {
        IoUring<Sqe> ring;
        try {
            ring = side.setup(c.setup());
        } catch (ErrnoException e) {
            return new CaseResult(Errno.describe(-e.errno()), List.of(), List.of(), null);
        } catch (RuntimeException e) {
            return new CaseResult("threw", List.of(), List.of(), describe(e));
        }
        Play p = new Play(c, side, ring);
        try {
            p.resources();
            p.steps();
        } catch (RuntimeException e) {
            p.error = describe(e);
        } finally {
            try {
                p.drain();
            } catch (RuntimeException e) {
                if (p.error == null) p.error = "drain: " + describe(e);
            }
            try {
                ring.close();
            } catch (RuntimeException e) {
                if (p.error == null) p.error = "close: " + describe(e);
            }
        }
        List<CqeRecord> cqes = p.cqes;
        if (c.unordered()) {
            cqes = new ArrayList<>(cqes);
            cqes.sort(Comparator.comparingLong(CqeRecord::userData).thenComparingInt(CqeRecord::res).thenComparingInt(CqeRecord::flags));
        }
        return new CaseResult(setupResult(ring.params()), p.results, cqes, p.error);
    }

    /** The parameters setup wrote back, in one line. */
    static String setupResult(RingParams p) {
        return "ok sq=" + p.sqEntries() + " cq=" + p.cqEntries() + " flags=0x" + Integer.toHexString(p.flags())
                + " features=0x" + Integer.toHexString(p.features())
                + " sq_off{head=" + p.sqHead() + " tail=" + p.sqTail() + " mask=" + p.sqRingMask() + " entries=" + p.sqRingEntries()
                + " flags=" + p.sqFlags() + " dropped=" + p.sqDropped() + " array=" + p.sqArray() + "}"
                + " cq_off{head=" + p.cqHead() + " tail=" + p.cqTail() + " mask=" + p.cqRingMask() + " entries=" + p.cqRingEntries()
                + " overflow=" + p.cqOverflow() + " cqes=" + p.cqes() + " flags=" + p.cqFlags() + "}";
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** The state of one case on one side. */
    private final class Play implements RegArg.Env {
        final ConformCase c;
        final Side side;
        final IoUring<Sqe> ring;
        final List<String> results = new ArrayList<>();
        final List<CqeRecord> cqes = new ArrayList<>();
        String error;
        /** SQEs claimed since setup: the next SQE uses slot {@code claimed & mask}. */
        int claimed;
        /** Whether the fixed-file table is still the standard one the runner registered. */
        boolean tableStandard;
        /** SQ array slot to put back after the next enter, or -1. */
        int restoreArraySlot = -1;

        Play(ConformCase c, Side side, IoUring<Sqe> ring) {
            this.c = c;
            this.side = side;
            this.ring = ring;
        }

        @Override public MemorySegment allocate(long size) { return ring.allocate(size); }
        @Override public MemorySegment allocatePages(long size) { return ring.allocatePages(size); }
        @Override public int fd(Target target) { return side.fd(target); }

        void resources() {
            if (c.files()) {
                ring.registerFiles(side.fd(Target.ACCEPTS_ALL), side.fd(Target.NO_URING_CMD), -1);
                tableStandard = true;
            }
            if (c.buffers() > 0) {
                MemorySegment[] b = new MemorySegment[c.buffers()];
                for (int i = 0; i < b.length; i++) b[i] = ring.allocatePages(4096);
                ring.registerBuffers(b);
            }
            for (ConformCase.BufRing br : c.bufRings()) {
                long bytes = Math.max(4096, (16L * br.entries() + 4095) & ~4095L);
                MemorySegment mem = ring.allocatePages(bytes);
                MemorySegment reg = new RegArg.BufReg(RegArg.RingAddr.ZERO, br.entries(), br.bgid(), 0, 0).build(this);
                reg.set(JAVA_LONG, 0, mem.address());
                ErrnoException.check("io_uring_register(PBUF_RING " + br + ")", ring.register(IORING_REGISTER_PBUF_RING, reg, 1));
                for (int i = 0; i < br.nbufs(); i++) {
                    MemorySegment buf = ring.allocate(64);
                    mem.set(JAVA_LONG, 16L * i, buf.address());
                    mem.set(JAVA_INT, 16L * i + 8, 64);
                    mem.set(JAVA_SHORT, 16L * i + 12, (short) i);
                }
                // The tail aliases bufs[0].resv (byte 14): write it after the entries.
                mem.set(JAVA_SHORT, 14, (short) br.nbufs());
            }
        }

        void steps() {
            for (Step s : c.steps()) {
                switch (s) {
                    case Step.Fill f -> fill(f.sqe());
                    case Step.Enter e -> enter(e);
                    case Step.Register r -> register(r);
                    case Step.Observe o -> results.add(o.what().name().toLowerCase() + " = " + observe(o.what()));
                    case Step.Reap r -> {
                        int n = 0;
                        for (Cqe q; n < r.max() && (q = ring.peekCqe()) != null; n++) {
                            cqes.add(q.copy());
                            ring.cqeSeen();
                        }
                        results.add(r + " = " + n);
                    }
                    case Step.SqArrayEntry a -> sqArrayEntry(a.index());
                }
            }
        }

        void fill(SqeSpec q) {
            KernelSafety.checkFill(side, q, tableStandard);
            Sqe s = ring.sqe();
            s.reset();
            int fd = q.target() == null ? q.fd : q.target().fixed() ? q.target().slot : side.fd(q.target());
            long addr = q.addrAlloc > 0 ? ring.allocatePages(q.addrAlloc).address() : q.addr;
            s.opcode(q.opcode).flags(q.flags()).ioprio(q.ioprio).fd(fd).off(q.off).addr(addr).len(q.len)
                    .opFlags(q.opFlags).userData(q.userData).bufIndex(q.bufIndex).personality(q.personality)
                    .spliceFdIn(q.spliceFdIn).addr3(q.addr3).pad2(q.pad2);
            // checkFill proved the target fails before any driver on this side.
            if (q.isMultishotUringCmd()) s.trustMultishotTarget();
            claimed++;
        }

        void enter(Step.Enter e) {
            int pending;
            try {
                pending = ring.publish();
            } catch (MultishotRefusedException x) {
                ring.discardUnsubmitted();
                results.add(e + " refused by the ring: MULTISHOT");
                return;
            }
            int toSubmit = e.toSubmit() == Step.ALL ? pending : e.toSubmit();
            if ((e.flags() & IORING_ENTER_GETEVENTS) != 0 && e.arg() != Step.EnterArg.TIMEOUT_ZERO
                    && e.minComplete() > Math.min(ring.cqEntries(), c.expectedCqes() - cqes.size())) {
                throw new IllegalStateException("corpus bug: " + e + " could wait forever (CQ " + ring.cqEntries()
                        + ", " + (c.expectedCqes() - cqes.size()) + " CQEs still to come)");
            }
            MemorySegment arg = MemorySegment.NULL;
            long argSize = 0;
            switch (e.arg()) {
                case NONE -> { }
                case NULL_24 -> argSize = GETEVENTS_ARG_SIZE;
                case ZEROED_24 -> { arg = ring.allocate(GETEVENTS_ARG_SIZE); argSize = GETEVENTS_ARG_SIZE; }
                case ZEROED_16 -> { arg = ring.allocate(GETEVENTS_ARG_SIZE); argSize = 16; }
                case TIMEOUT_ZERO -> {
                    arg = ring.allocate(GETEVENTS_ARG_SIZE);
                    MemorySegment ts = ring.allocate(16);
                    arg.set(JAVA_LONG, 16, ts.address());
                    argSize = GETEVENTS_ARG_SIZE;
                }
            }
            int r = ring.enter(toSubmit, e.minComplete(), e.flags(), arg, argSize);
            results.add(e + " = " + Step.value(r));
            if (restoreArraySlot >= 0) {
                MemorySegment sq = ring.backend().memory().sqRing();
                sq.set(JAVA_INT, ring.params().sqArray() + 4L * restoreArraySlot, restoreArraySlot);
                restoreArraySlot = -1;
            }
        }

        void register(Step.Register r) {
            MemorySegment arg = r.arg().build(this);
            if (KernelSafety.isFilesRegister(r.opcode()) || r.opcode() == IORING_UNREGISTER_FILES) tableStandard = false;
            int ret = ring.register(r.opcode(), arg, r.nrArgs());
            String out = ret >= 0 ? r.arg().output(arg) : null;
            results.add(r + " = " + Step.value(ret) + (out == null ? "" : " " + out));
        }

        long observe(Step.What w) {
            return switch (w) {
                case SQ_FLAGS -> ring.sqFlags();
                case CQ_READY -> ring.cqReady();
                case SQ_DROPPED -> ring.sqDropped();
                case CQ_OVERFLOW -> ring.cqOverflow();
                case SQ_SPACE_LEFT -> ring.sqSpaceLeft();
            };
        }

        void sqArrayEntry(int index) {
            if (ring.params().noSqArray()) throw new IllegalStateException("corpus bug: a NO_SQARRAY ring has no SQ array");
            int slot = claimed & (ring.sqEntries() - 1);
            ring.backend().memory().sqRing().set(JAVA_INT, ring.params().sqArray() + 4L * slot, index);
            restoreArraySlot = slot;
        }

        void drain() {
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            while (cqes.size() < c.expectedCqes()) {
                // waitCqe takes a ready CQE first, so CQEs already posted count even when this thread was descheduled
                // past the deadline (a loaded machine); with no time left it only peeks.
                long left = Math.max(0, deadline - System.nanoTime());
                Cqe q = ring.waitCqe(Duration.ofNanos(left));
                if (q == null) break;
                cqes.add(q.copy());
                ring.cqeSeen();
            }
            if (cqes.size() < c.expectedCqes() && error == null) {
                error = "expected " + c.expectedCqes() + " CQEs, got " + cqes.size() + " within " + drainTimeout.toMillis() + " ms";
            }
            // Anything beyond the count that is ready now is part of the result too.
            for (Cqe q; (q = ring.peekCqe()) != null; ) {
                cqes.add(q.copy());
                ring.cqeSeen();
            }
            if (cqes.size() > c.expectedCqes() && error == null) {
                error = "expected " + c.expectedCqes() + " CQEs, got " + cqes.size();
            }
        }
    }
}

package io.uringcmd.ring;

import io.uringcmd.abi.Errno;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

import static io.uringcmd.abi.Uapi.*;

/**
 * One multishot request that takes its buffers from a {@link BufferRing}, seen as a stream of events: a multishot
 * uring_cmd (6.18, {@link #uringCmd}) or any other multishot opcode that selects buffers ({@link #of}, e.g.
 * {@code IORING_OP_READ_MULTISHOT}). Each event is a CQE with {@code res} = bytes and
 * {@code F_MORE | F_BUFFER | bid << 16}; the final CQE has no F_MORE and says why the stream ended ({@code res} 0 or
 * -errno: -ENOBUFS when the group ran dry, -ECANCELED after {@link #cancel()}). Then {@link #arm()} again.
 *
 * <pre>{@code
 * try (BufferRing bufs = BufferRing.register(ring, 7, 8, 256)) {
 *     MultishotStream events = MultishotStream.uringCmd(ring, bufs, fd, cmdOp, payload, 42);
 *     events.arm();
 *     while (running) {
 *         MultishotStream.Event e = events.next();
 *         if (e.hasBuffer()) handle(e.data());       // the event's bytes, read by buffer id
 *         e.recycle();                               // the buffer goes back to the ring
 *         if (e.isFinal()) { log(e.endReason()); events.arm(); }
 *     }
 * }
 * }</pre>
 *
 * <p><b>Never arm a multishot uring_cmd at a driver that does not implement multishot.</b> On Linux 6.18 such a driver
 * (every driver on this kernel: sockets, /dev/null, block devices...) accepts the command and never completes it. The
 * ring refuses the targets it knows ({@link MultishotRefusedException} from {@link #arm()}, before anything is
 * submitted); the embedded host's devices that implement multishot are the intended targets.
 *
 * <p>{@link #next()} expects this stream's CQEs at the head of the CQ; when other requests share the ring, reap CQEs
 * yourself and hand this stream's to {@link #accept(Cqe)}. The {@link Event} is one reused view per stream, valid
 * until the next event. Threading: the ring's reaping thread. Iterating allocates nothing ({@link Event#data()} and
 * {@link Event#cqe()} allocate what they return).
 */
public final class MultishotStream {

    /** Writes the arming SQE (the stream then sets its user_data); {@code bufferGroup} is the buffer ring's group. */
    @FunctionalInterface
    public interface Arming {
        void prep(Sqe sqe, int bufferGroup);
    }

    private final IoUring<?> ring;
    private final BufferRing buffers;
    private final long userData;
    private final long cancelUserData;
    private final Arming arming;
    private final Event event = new Event();
    private boolean armed;
    private boolean ended;
    private int endRes;
    private long arms, events;

    private MultishotStream(IoUring<?> ring, BufferRing buffers, long userData, Arming arming) {
        if (buffers.ring() != ring) {
            throw new IllegalArgumentException("the buffer ring of group " + buffers.bufferGroup() + " belongs to another io_uring: "
                    + "register it on the ring the stream runs on");
        }
        this.ring = ring;
        this.buffers = buffers;
        this.userData = userData;
        this.cancelUserData = userData ^ Long.MIN_VALUE;
        this.arming = arming;
    }

    /**
     * A multishot {@code IORING_OP_URING_CMD} to {@code fd}: {@code cmdOp}, {@code payload} copied now into the stream
     * (16 bytes at most, 80 on an SQE128 ring), and on arming {@code IORING_URING_CMD_MULTISHOT},
     * {@code IOSQE_BUFFER_SELECT} and {@code buf_group} = the buffer ring's group.
     */
    public static MultishotStream uringCmd(IoUring<?> ring, BufferRing buffers, int fd, int cmdOp, MemorySegment payload, long userData) {
        int cmdSize = ring.params().sqe128() ? 80 : 16;
        if (payload.byteSize() > cmdSize) {
            throw new IllegalArgumentException("command payload of " + payload.byteSize() + " bytes does not fit the " + cmdSize
                    + "-byte command area of this ring" + (cmdSize == 16 ? "; set the ring up with RingSetup.sqe128() for 80 bytes" : ""));
        }
        MemorySegment copy = MemorySegment.ofArray(payload.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        return new MultishotStream(ring, buffers, userData, (sqe, group) -> sqe.prepUringCmd(fd, cmdOp, copy).multishot(group));
    }

    /** A multishot uring_cmd with an empty (all-zero) command area. */
    public static MultishotStream uringCmd(IoUring<?> ring, BufferRing buffers, int fd, int cmdOp, long userData) {
        return uringCmd(ring, buffers, fd, cmdOp, MemorySegment.NULL, userData);
    }

    /**
     * Any multishot request selecting from {@code buffers}: {@code arming} writes the SQE, e.g.
     * {@code (sqe, group) -> sqe.prepReadMultishot(pipeFd, 0, group)}.
     */
    public static MultishotStream of(IoUring<?> ring, BufferRing buffers, long userData, Arming arming) {
        return new MultishotStream(ring, buffers, userData, arming);
    }

    // ---------------------------------------------------------------- arming

    /**
     * Arms the request and submits it (with any SQEs you claimed before). If the ring refuses it
     * ({@link MultishotRefusedException}: the target would leak it), nothing was submitted and the SQEs claimed since
     * the last submit are discarded.
     */
    public void arm() {
        if (armed) {
            throw new IllegalStateException("the stream (user_data=" + userData + ") is armed: wait for its final CQE (no F_MORE) "
                    + "before arming again, or cancel() it");
        }
        if (!buffers.isRegistered()) {
            throw new IllegalStateException("buffer group " + buffers.bufferGroup() + " is not registered: register a buffer ring before arming");
        }
        Sqe sqe = ring.sqe();
        arming.prep(sqe, buffers.bufferGroup());
        sqe.userData(userData);
        armed = true;
        try {
            ring.submit();
        } catch (MultishotRefusedException e) {
            armed = false;
            ring.discardUnsubmitted();
            throw e;
        }
        ended = false;
        arms++;
    }

    /**
     * Asks the backend to end the stream: {@code IORING_OP_ASYNC_CANCEL} of this user_data, with
     * {@code IOSQE_CQE_SKIP_SUCCESS} and user_data {@link #cancelUserData()}, so a successful cancel posts no CQE of
     * its own and the stream ends with a final -ECANCELED CQE. Returns false (and submits nothing) when not armed.
     * If the stream ended on its own before the cancel reached it, the backend answers the cancel with a CQE of its
     * own ({@code -ENOENT} or {@code -EALREADY}, user_data {@link #cancelUserData()}): {@link #next()} skips it when
     * it comes before the stream's final CQE; one that comes after is the caller's to reap.
     */
    public boolean cancel() {
        if (!armed) return false;
        ring.sqe().prepAsyncCancel(userData).userData(cancelUserData).skipSuccess();
        ring.submit();
        return true;
    }

    // ---------------------------------------------------------------- events

    /** Waits for this stream's next CQE (it must be at the head of the CQ), consumes it, and returns it as the event. */
    public Event next() {
        while (true) {
            ensureArmed();
            Cqe c = ring.waitCqe();
            Event e = take(c);
            if (e != null) return e;
        }
    }

    /** Like {@link #next()}, waiting at most {@code timeout}; null when no CQE arrived. */
    public Event next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ensureArmed();
            Cqe c = ring.waitCqe(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (c == null) return null;
            Event e = take(c);
            if (e != null) return e;
        }
    }

    private Event take(Cqe c) {
        long ud = c.userData();
        if (ud == cancelUserData) {
            // Only a cancel that found nothing to cancel posts a CQE (-ENOENT, -EALREADY); the stream's own final CQE
            // follows or already came.
            ring.cqeSeen();
            return null;
        }
        if (ud != userData) {
            throw new IllegalStateException("the CQE at the head of the CQ (" + c + ") is not this stream's (user_data=" + userData
                    + "): when other requests share the ring, reap CQEs yourself and hand this stream's to accept(cqe)");
        }
        Event e = accept(ud, c.res(), c.flags());
        ring.cqeSeen();
        return e;
    }

    /**
     * Takes one of this stream's CQEs that you reaped yourself (before {@link IoUring#cqeSeen()}): accounts for its
     * buffer and, for a final CQE, ends the stream.
     */
    public Event accept(Cqe cqe) {
        if (cqe.userData() != userData) {
            throw new IllegalArgumentException("CQE " + cqe + " is not this stream's (user_data=" + userData + ")");
        }
        return accept(cqe.userData(), cqe.res(), cqe.flags());
    }

    private Event accept(long ud, int res, int flags) {
        ensureArmed();
        Event e = event;
        e.userData = ud;
        e.res = res;
        e.flags = flags;
        e.recycled = false;
        if ((flags & IORING_CQE_F_BUFFER) != 0) {
            e.bid = flags >>> IORING_CQE_BUFFER_SHIFT;
            e.offset = buffers.take(flags, res);
            events++;
        } else {
            e.bid = -1;
            e.offset = 0;
        }
        if ((flags & IORING_CQE_F_MORE) == 0) {
            armed = false;
            ended = true;
            endRes = res;
        }
        return e;
    }

    private void ensureArmed() {
        if (!armed) {
            throw new IllegalStateException("the stream (user_data=" + userData + ") is not armed"
                    + (ended ? ": it ended with " + Errno.describe(endRes) : "") + ": call arm()");
        }
    }

    // ---------------------------------------------------------------- state

    public long userData() { return userData; }
    /** The user_data of the ASYNC_CANCEL that {@link #cancel()} submits: this stream's with bit 63 flipped. */
    public long cancelUserData() { return cancelUserData; }
    public BufferRing buffers() { return buffers; }
    /** Whether the request is armed: submitted and its final CQE not yet taken. */
    public boolean isArmed() { return armed; }
    /** Whether the last arming has ended (its final CQE was taken). */
    public boolean hasEnded() { return ended; }
    /** The res of the final CQE of the last arming: 0, bytes, or -errno. */
    public int endRes() {
        if (!ended) throw new IllegalStateException("the stream has not ended: no final CQE yet");
        return endRes;
    }
    /** How many times the stream was armed. */
    public long arms() { return arms; }
    /** How many CQEs carrying a buffer the stream delivered. */
    public long events() { return events; }

    @Override
    public String toString() {
        return "MultishotStream[user_data=" + userData + ", group " + buffers.bufferGroup() + ", "
                + (armed ? "armed" : ended ? "ended " + Errno.describe(endRes) : "not armed") + ", " + arms + " arms, " + events + " events]";
    }

    /** One CQE of the stream; a reused view, valid until the stream's next event. */
    public final class Event {
        long userData;
        int res, flags, bid = -1;
        long offset;
        boolean recycled;

        private Event() {}

        public long userData() { return userData; }
        /** Bytes delivered, or on the final CQE 0 / -errno. */
        public int res() { return res; }
        public int flags() { return flags; }
        /** {@code IORING_CQE_F_BUFFER}: the event carries buffer {@link #bufferId()}. */
        public boolean hasBuffer() { return bid >= 0; }
        /** The buffer id ({@code flags >> 16}), or -1 without a buffer. */
        public int bufferId() { return bid; }
        /** {@code IORING_CQE_F_MORE}: the stream goes on. */
        public boolean hasMore() { return (flags & IORING_CQE_F_MORE) != 0; }
        /** The last CQE of this arming (no F_MORE). */
        public boolean isFinal() { return !hasMore(); }
        /** {@code IORING_CQE_F_BUF_MORE}: an incremental ring kept the rest of the buffer. */
        public boolean bufMore() { return (flags & IORING_CQE_F_BUF_MORE) != 0; }

        /** Where the event's bytes start in {@link #buffer()} (non-zero after partial consumption of an incremental buffer). */
        public long offset() { return offset; }

        /** How many bytes the event carries (0 without a buffer). */
        public int length() { return bid >= 0 ? res : 0; }

        /** The whole buffer the event's bytes are in. */
        public MemorySegment buffer() {
            requireBuffer();
            return buffers.buffer(bid);
        }

        /** The event's bytes: {@code buffer()[offset, offset + res)} (a new slice). */
        public MemorySegment data() {
            requireBuffer();
            return buffers.buffer(bid).asSlice(offset, res);
        }

        /**
         * Gives the event's buffer back to the ring. Does nothing for an event without a buffer, or when an incremental
         * ring kept the rest of the buffer (F_BUF_MORE: it is still in the ring).
         */
        public void recycle() {
            if (bid < 0 || bufMore()) return;
            if (recycled) throw new IllegalStateException("buffer " + bid + " of this event was already recycled");
            buffers.recycle(bid);
            recycled = true;
        }

        /** On the final CQE, why the stream ended: the errno, or null for {@code res >= 0}. */
        public Errno endReason() {
            if (!isFinal()) throw new IllegalStateException("not the final CQE (F_MORE is set): the stream goes on");
            return res < 0 ? Errno.of(-res) : null;
        }

        /** A copy of the CQE. */
        public CqeRecord cqe() { return new CqeRecord(userData, res, flags); }

        private void requireBuffer() {
            if (bid < 0) {
                throw new IllegalStateException("this event carries no buffer (" + cqe() + "): check hasBuffer()"
                        + (isFinal() ? "; a final CQE of a multishot uring_cmd never does" : ""));
            }
        }

        @Override
        public String toString() { return cqe() + (bid >= 0 ? " @" + offset + "+" + res : ""); }
    }
}

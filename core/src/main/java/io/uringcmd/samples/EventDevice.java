package io.uringcmd.samples;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.*;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.*;

/**
 * An event device: several sources (interrupt handlers, queues: any thread) raise events into a per-open FIFO, and
 * one multishot uring_cmd delivers them all into provided buffers, each event a CQE
 * {@code res = bytes, flags = F_MORE | F_BUFFER | bid << 16} — the use 6.18's multishot uring_cmd was made for.
 *
 * <h2>Commands</h2>
 * <ul>
 *   <li>{@link #FETCH}: one event per buffer, {@link #EVENT_SIZE} bytes: {@code u16 source, u16 tag, u32 seq,
 *       u64 value} (little-endian).</li>
 *   <li>{@link #FETCH_BATCH}, in the style of ublk's {@code UBLK_U_IO_FETCH_IO_CMDS}: each buffer takes as many
 *       events as fit, as u16 tags ({@code tag = seq & 0xffff}), and {@code res = 2 x count}.</li>
 * </ul>
 * Both need {@code IORING_URING_CMD_MULTISHOT} with a buffer group ({@code sqe->buf_group}), else {@code -EINVAL};
 * one fetch per open file at a time, else {@code -EBUSY}. The command is cancelable: a cancel ends it with
 * {@code -ECANCELED}.
 *
 * <h2>How it ends, and why nothing is lost</h2>
 * Delivery runs in an issue context — the fetch's own issue for events already waiting, then task work
 * ({@link QueuedCmd#completeInTask}) when a source raises one — and selects, writes and posts as a pair there.
 * With no buffer left it ends the fetch with {@code -ENOBUFS}: the kernel tells no one when the client adds buffers,
 * so the client re-arms after recycling (as ublk does). If a post fails because the CQ is full, the buffer is
 * consumed but the event did not reach the client: the device puts the event back at the front of its FIFO and also
 * ends with {@code -ENOBUFS}. Undelivered events stay queued and go out, in order, to the next fetch.
 */
public final class EventDevice implements MiscDevice<EventDevice.Events>, MiscDevice.UringCmd<EventDevice.Events>,
        MiscDevice.ShowFdinfo<EventDevice.Events> {
    /** Multishot: one event per provided buffer. */
    public static final CmdOp FETCH = CmdOp._IO('E', 1).named("EVENTS_FETCH");
    /** Multishot: a buffer of u16 tags per CQE, {@code res = 2 x count} (ublk's FETCH_IO_CMDS style). */
    public static final CmdOp FETCH_BATCH = CmdOp._IO('E', 2).named("EVENTS_FETCH_BATCH");
    /** Bytes of one event in {@link #FETCH} mode. */
    public static final int EVENT_SIZE = 16;

    /** One event: which source raised it, its sequence number on this open file, and a value. */
    public record Event(int source, int seq, long value) {
        /** The batch-mode tag: the low 16 bits of the sequence number. */
        public int tag() { return seq & 0xffff; }

        /** Reads an event written in {@link #FETCH} mode. */
        public static Event read(java.lang.foreign.MemorySegment m) {
            return new Event(Short.toUnsignedInt(m.get(JAVA_SHORT_UNALIGNED, 0)), m.get(JAVA_INT_UNALIGNED, 4),
                    m.get(JAVA_LONG_UNALIGNED, 8));
        }

        void write(java.lang.foreign.MemorySegment m) {
            m.set(JAVA_SHORT_UNALIGNED, 0, (short) source);
            m.set(JAVA_SHORT_UNALIGNED, 2, (short) tag());
            m.set(JAVA_INT_UNALIGNED, 4, seq);
            m.set(JAVA_LONG_UNALIGNED, 8, value);
        }
    }

    /** Per-open state: the FIFO the sources fill and the fetch command armed on it. Thread-safe. */
    public static final class Events {
        private final ArrayDeque<Event> fifo = new ArrayDeque<>();
        private QueuedCmd armed;
        private IoUringCmd armedCmd;
        private int group;
        private boolean batch;
        /** A delivery is queued as task work for {@link #armed}: raising more events need not queue another. */
        private boolean scheduled;
        private int nextSeq;
        private long raised, delivered, posts, putBack, fetches, endedNoBuffer, endedCqFull, canceled;
        private final TaskWork deliverTask = this::deliverInTask;

        /**
         * Raises an event from any thread (an interrupt, a queue): it is delivered to the armed fetch, or kept until
         * one is armed. Returns its sequence number.
         */
        public int raise(int source, long value) {
            if (source < 0 || source > 0xffff) throw new IllegalArgumentException("source must fit a u16: " + source);
            QueuedCmd wake = null;
            int seq;
            synchronized (this) {
                seq = nextSeq++;
                fifo.addLast(new Event(source, seq, value));
                raised++;
                if (armed != null && !scheduled) {
                    scheduled = true;
                    wake = armed;
                }
            }
            if (wake != null) wake.completeInTask(deliverTask);
            return seq;
        }

        /** Events raised and not delivered (yet): the FIFO, in order. */
        public synchronized List<Event> undelivered() { return List.copyOf(fifo); }

        public synchronized boolean armed() { return armed != null; }
        public synchronized long raised() { return raised; }
        /** Events that reached the client (in a CQE the ring accepted). */
        public synchronized long delivered() { return delivered; }
        /** Events CQEs carried (one per CQE in FETCH mode, several in FETCH_BATCH mode). */
        public synchronized long posts() { return posts; }
        /** Events put back in the FIFO because their CQE could not be posted (CQ full or overflowing). */
        public synchronized long putBack() { return putBack; }
        public synchronized long fetches() { return fetches; }
        /** Fetches ended with -ENOBUFS because the group had no buffer. */
        public synchronized long endedNoBuffer() { return endedNoBuffer; }
        /** Fetches ended with -ENOBUFS because a post failed (the CQ had no room). */
        public synchronized long endedCqFull() { return endedCqFull; }
        public synchronized long canceled() { return canceled; }

        private void deliverInTask(QueuedCmd q, IssueFlags f) {
            synchronized (this) {
                if (armed == q) scheduled = false; // events raised from now on need another run
            }
            if (f.taskDead()) { // the ring is going away: end, and touch no user memory
                end(q, -Errno.ECANCELED.value(), null);
                return;
            }
            deliver(q, q.cmd(), f);
        }

        /** Delivers what the FIFO holds to fetch {@code q}, in this issue context; ends it when out of buffers. */
        private void deliver(QueuedCmd q, IoUringCmd cmd, IssueFlags f) {
            int bufGroup;
            boolean batchMode;
            synchronized (this) {
                if (armed != q) return; // ended or re-armed meanwhile
                bufGroup = group;
                batchMode = batch;
            }
            try {
                while (true) {
                    synchronized (this) {
                        if (fifo.isEmpty()) return;
                    }
                    BufferSelection sel = f.bufferSelect(cmd, bufGroup, 0);
                    if (sel == null) {
                        end(q, -Errno.ENOBUFS.value(), "no buffer");
                        return;
                    }
                    int per = batchMode ? (int) (sel.length() / 2) : (sel.length() >= EVENT_SIZE ? 1 : 0);
                    if (per == 0) { // a buffer too small for one event: give it back and stop
                        f.postCqe(cmd, sel, 0);
                        end(q, -Errno.EMSGSIZE.value(), null);
                        return;
                    }
                    List<Event> taken = new ArrayList<>(Math.min(per, 64));
                    synchronized (this) {
                        while (taken.size() < per && !fifo.isEmpty()) taken.add(fifo.pollFirst());
                    }
                    var m = sel.buffer();
                    int bytes;
                    if (batchMode) {
                        for (int i = 0; i < taken.size(); i++) m.set(JAVA_SHORT_UNALIGNED, 2L * i, (short) taken.get(i).tag());
                        bytes = 2 * taken.size();
                    } else {
                        taken.get(0).write(m);
                        bytes = EVENT_SIZE;
                    }
                    if (f.postCqe(cmd, sel, bytes)) {
                        // The CQ had no room: the buffer is consumed, the events are not delivered. Keep them, in order.
                        synchronized (this) {
                            for (int i = taken.size() - 1; i >= 0; i--) fifo.addFirst(taken.get(i));
                            putBack += taken.size();
                        }
                        end(q, -Errno.ENOBUFS.value(), "cq full");
                        return;
                    }
                    synchronized (this) {
                        delivered += taken.size();
                        posts++;
                    }
                }
            } catch (DeviceException e) {
                end(q, e.negative(), null); // e.g. -EFAULT: a buffer outside user memory
            }
        }

        /** Ends fetch {@code q} with {@code res} if it is still the armed one. */
        private void end(QueuedCmd q, int res, String why) {
            synchronized (this) {
                if (armed != q) return;
                armed = null;
                armedCmd = null;
                if ("no buffer".equals(why)) endedNoBuffer++;
                else if ("cq full".equals(why)) endedCqFull++;
                else if (res == -Errno.ECANCELED.value()) canceled++;
            }
            q.done(res);
        }
    }

    /** Files open on this device: where its sources (tests, the demo, a simulated interrupt) raise events. */
    private final List<Events> openFiles = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Events open(OpenContext context) {
        Events ev = new Events();
        openFiles.add(ev);
        return ev;
    }

    @Override
    public void release(Events ev) { openFiles.remove(ev); }

    /** The open files' states, oldest first: a source raises events on one with {@link Events#raise}. */
    public List<Events> openFiles() { return List.copyOf(openFiles); }

    @Override
    public UringCmdAction uringCmd(Events ev, IoUringCmd cmd, IssueFlags flags) throws DeviceException {
        if (flags.cancel()) {
            QueuedCmd q;
            synchronized (ev) {
                q = ev.armedCmd == cmd ? ev.armed : null;
            }
            if (q == null) throw new DeviceException(Errno.ENOENT, "no fetch of this command is armed"); // ended already
            ev.end(q, -Errno.ECANCELED.value(), null);
            return q.queued();
        }
        boolean batch = cmd.is(FETCH_BATCH);
        if (!batch && !cmd.is(FETCH)) throw new DeviceException(Errno.EINVAL, "unknown command " + cmd.cmdOp());
        if (!cmd.multishot()) {
            throw new DeviceException(Errno.EINVAL, cmd.cmdOp() + " is multishot: send it with IORING_URING_CMD_MULTISHOT "
                    + "and IOSQE_BUFFER_SELECT on a buffer group");
        }
        synchronized (ev) {
            if (ev.armed != null) throw new DeviceException(Errno.EBUSY, "a fetch is already armed on this file");
        }
        cmd.markCancelable();
        QueuedCmd q = cmd.queue();
        synchronized (ev) {
            ev.armed = q;
            ev.armedCmd = cmd;
            ev.group = cmd.sqe().bufGroup(); // cached, as ublk caches buf_group: the SQE is the issue's
            ev.batch = batch;
            ev.scheduled = false;
            ev.fetches++;
        }
        ev.deliver(q, cmd, flags); // events already waiting go out now, in this issue context
        return q.queued();
    }

    @Override
    public void showFdinfo(Events ev, PrintWriter out) {
        synchronized (ev) {
            out.println("armed:\t" + (ev.armed != null ? (ev.batch ? "batch" : "stream") + " group " + ev.group : "no"));
            out.println("raised:\t" + ev.raised);
            out.println("delivered:\t" + ev.delivered + " in " + ev.posts + " CQEs");
            out.println("queued:\t" + ev.fifo.size());
            out.println("fetches:\t" + ev.fetches + " (ended: no buffer " + ev.endedNoBuffer + ", cq full " + ev.endedCqFull
                    + ", canceled " + ev.canceled + ")");
        }
    }
}

package io.uringcmd.samples;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.abi.Errno;
import io.uringcmd.ring.*;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * The client side of an {@link EventDevice} fetch: a provided buffer ring of its own group, the multishot command
 * armed on it, and the CQE stream read back as events.
 *
 * <pre>{@code
 * EventClient c = new EventClient(ring, fd, 1, 8, EventDevice.EVENT_SIZE);
 * c.arm(1, false);
 * for (EventClient.Item it; (it = c.next(Duration.ofSeconds(1))) != null; ) {
 *     if (it instanceof EventClient.Delivery d) { use(d.events()); c.recycle(d.bid()); }
 *     else if (it instanceof EventClient.End e) { recycle e.lostBuffers(), then c.arm(...) again }
 * }
 * }</pre>
 *
 * <h2>Buffer accounting</h2>
 * The buffer ring is FIFO: the device consumes entries in the order they were published, so each event CQE must
 * name the oldest published buffer (checked). A post that failed on a full CQ consumed a buffer no CQE names; at
 * the end of a stream the client compares the engine's head ({@code IORING_REGISTER_PBUF_STATUS}) with the CQEs it
 * saw and gets those buffers back ({@link End#lostBuffers()}), so every buffer is always accounted for.
 *
 * <p>(A minimal buffer ring of its own; the general client, {@code io.uringcmd.ring.BufferRing}, replaces it once
 * available.) One thread, like the ring.
 */
public final class EventClient {
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();

    /** What {@link #next} read. */
    public sealed interface Item permits Delivery, End, Other {}

    /**
     * One event CQE: its buffer id and the events it carries (one in stream mode; tags only in batch mode, where
     * {@link EventDevice.Event#source()} and value are unknown and reported as -1 and 0).
     */
    public record Delivery(CqeRecord cqe, int bid, List<EventDevice.Event> events, int[] tags) implements Item {}

    /**
     * The final CQE of the fetch (no F_MORE, no F_BUFFER), why it ended, and the buffers consumed without a CQE
     * (a post that failed because the CQ was full), now back with the client.
     */
    public record End(CqeRecord cqe, String reason, List<Integer> lostBuffers) implements Item {}

    /** A CQE of another request on the ring (e.g. an ASYNC_CANCEL's own result). */
    public record Other(CqeRecord cqe) implements Item {}

    private final IoUring<?> ring;
    private final int fd, bgid, entries, bufSize;
    private final MemorySegment br, bufs, status;
    private final ArrayDeque<Integer> published = new ArrayDeque<>();
    private final boolean[] inRing;
    private int tail, headSeen;
    private long userData;
    private boolean armed, batch;
    private long events, cqes, arms, lost;

    /** Registers buffer group {@code bgid} with {@code entries} buffers of {@code bufSize} bytes, all published. */
    public EventClient(IoUring<?> ring, int fd, int bgid, int entries, int bufSize) {
        this.ring = ring;
        this.fd = fd;
        this.bgid = bgid;
        this.entries = entries;
        this.bufSize = bufSize;
        this.br = ring.allocatePages(Math.max(4096, BufRingLayout.BUF_SIZE * entries));
        this.bufs = ring.allocate((long) entries * bufSize);
        this.status = ring.allocate(BufRingLayout.STATUS_SIZE);
        this.inRing = new boolean[entries];
        MemorySegment reg = ring.allocate(BufRingLayout.REG_SIZE);
        reg.set(JAVA_LONG, BufRingLayout.REG_RING_ADDR, br.address());
        reg.set(JAVA_INT, BufRingLayout.REG_RING_ENTRIES, entries);
        reg.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bgid);
        int r = ring.register(IORING_REGISTER_PBUF_RING, reg, 1);
        if (r < 0) throw new ErrnoException("io_uring_register(PBUF_RING, group " + bgid + ")", r, null);
        for (int bid = 0; bid < entries; bid++) recycle(bid);
    }

    /** Arms the fetch: one MULTISHOT uring_cmd on this client's group ({@code batch}: FETCH_BATCH). */
    public void arm(long userData, boolean batch) { arm(userData, batch, false); }

    /** {@link #arm(long, boolean)}; {@code async}: with IOSQE_ASYNC, so the device's first issue runs in a worker. */
    public void arm(long userData, boolean batch, boolean async) {
        if (armed) throw new IllegalStateException("the fetch is armed: wait for its End before arming again");
        this.userData = userData;
        this.batch = batch;
        Sqe sqe = ring.sqe().prepUringCmd(fd, (batch ? EventDevice.FETCH_BATCH : EventDevice.FETCH).value()).multishot(bgid).userData(userData);
        if (async) sqe.addFlags(IOSQE_ASYNC);
        ring.submit();
        armed = true;
        arms++;
    }

    /** Asks the engine to cancel the fetch (ASYNC_CANCEL); its own CQE comes back as {@link Other}. */
    public void cancel(long cancelUserData) {
        ring.sqe().prepAsyncCancel(userData).userData(cancelUserData);
        ring.submit();
    }

    /** The next CQE, waiting up to {@code timeout}; null if none came. */
    public Item next(Duration timeout) {
        Cqe c = ring.waitCqe(timeout);
        if (c == null) return null;
        CqeRecord r = c.copy();
        ring.cqeSeen();
        if (r.userData() != userData || !armed) return new Other(r);
        cqes++;
        if (r.hasMore()) {
            if (!r.hasBuffer()) throw new IllegalStateException("an event CQE without F_BUFFER: " + r);
            int bid = r.bufferId();
            Integer oldest = published.pollFirst();
            if (oldest == null || oldest != bid) {
                throw new IllegalStateException("event in buffer " + bid + ", but the oldest published buffer is " + oldest
                        + ": the ring is consumed in order");
            }
            inRing[bid] = false;
            headSeen = (headSeen + 1) & 0xffff;
            MemorySegment m = buffer(bid).asSlice(0, r.res());
            List<EventDevice.Event> evs = new ArrayList<>();
            int[] tags;
            if (batch) {
                tags = new int[r.res() / 2];
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = Short.toUnsignedInt(m.get(JAVA_SHORT_UNALIGNED, 2L * i));
                    evs.add(new EventDevice.Event(-1, tags[i], 0));
                }
            } else {
                EventDevice.Event e = EventDevice.Event.read(m);
                evs.add(e);
                tags = new int[] {e.tag()};
            }
            events += evs.size();
            return new Delivery(r, bid, evs, tags);
        }
        armed = false;
        if (r.hasBuffer()) throw new IllegalStateException("a final CQE with F_BUFFER: " + r);
        List<Integer> lostNow = reconcile();
        return new End(r, reason(r.res(), !lostNow.isEmpty()), lostNow);
    }

    /** Buffers the engine consumed (its head moved past them) with no CQE naming them: back to the client. */
    private List<Integer> reconcile() {
        status.fill((byte) 0);
        status.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, bgid);
        int r = ring.register(IORING_REGISTER_PBUF_STATUS, status, 1);
        if (r < 0) throw new ErrnoException("io_uring_register(PBUF_STATUS, group " + bgid + ")", r, null);
        int head = status.get(JAVA_INT, BufRingLayout.STATUS_HEAD);
        List<Integer> out = new ArrayList<>();
        while (headSeen != head) {
            int bid = published.pollFirst();
            inRing[bid] = false;
            out.add(bid);
            headSeen = (headSeen + 1) & 0xffff;
        }
        lost += out.size();
        return out;
    }

    /** Why a fetch ended, in words. */
    public static String reason(int res, boolean postFailed) {
        if (res == -Errno.ENOBUFS.value()) {
            return postFailed ? "the CQ was full: a post failed, its event stays queued in the device"
                    : "no buffer left: the client stopped recycling";
        }
        if (res == -Errno.ECANCELED.value()) return "canceled";
        return res < 0 ? "error " + Errno.describe(res) : "the device completed it";
    }

    /** Gives buffer {@code bid} back to the ring. */
    public void recycle(int bid) {
        if (inRing[bid]) throw new IllegalStateException("buffer " + bid + " is already in the ring");
        long e = (long) (tail & (entries - 1)) * BufRingLayout.BUF_SIZE;
        // Field by field: entry 0's resv is the shared tail.
        br.set(JAVA_LONG, e + BufRingLayout.BUF_ADDR, buffer(bid).address());
        br.set(JAVA_INT, e + BufRingLayout.BUF_LEN, bufSize);
        br.set(JAVA_SHORT, e + BufRingLayout.BUF_BID, (short) bid);
        tail = (tail + 1) & 0xffff;
        // Release: the entry is visible before the engine sees the new tail.
        SHORT.setRelease(br, BufRingLayout.RING_TAIL, (short) tail);
        published.addLast(bid);
        inRing[bid] = true;
    }

    public MemorySegment buffer(int bid) { return bufs.asSlice((long) bid * bufSize, bufSize); }
    public boolean isArmed() { return armed; }
    public boolean isInRing(int bid) { return inRing[bid]; }
    /** Buffers in the ring now. */
    public int inRing() { return published.size(); }
    public int entries() { return entries; }
    public int bufferGroup() { return bgid; }
    /** Events received, stream CQEs (events and finals), arms, and buffers got back after failed posts. */
    public long events() { return events; }
    public long cqes() { return cqes; }
    public long arms() { return arms; }
    public long lostBuffers() { return lost; }
}

package io.uringcmd.samples;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.*;

import java.lang.foreign.MemorySegment;
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
 * the end of a stream the client gets those buffers back from the {@link BufferRing}
 * ({@link BufferRing#reclaimUnreported()}, which compares the engine's head with the CQEs taken): they are the oldest
 * published ones ({@link End#lostBuffers()}), so every buffer is always accounted for.
 *
 * <p>One thread, like the ring.
 */
public final class EventClient {

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
    private final int fd, bgid;
    private final BufferRing bufs;
    /** Buffer ids in the order they were published: the order the device must consume them in. */
    private final ArrayDeque<Integer> published = new ArrayDeque<>();
    private long userData;
    private boolean armed, batch;
    private long events, cqes, arms, lost;

    /** Registers buffer group {@code bgid} with {@code entries} buffers of {@code bufSize} bytes, all published. */
    public EventClient(IoUring<?> ring, int fd, int bgid, int entries, int bufSize) {
        this.ring = ring;
        this.fd = fd;
        this.bgid = bgid;
        this.bufs = BufferRing.register(ring, bgid, entries, bufSize); // buffers 0..entries-1, published in order
        for (int bid = 0; bid < entries; bid++) published.addLast(bid);
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
            MemorySegment m = bufs.buffer(bid).asSlice(bufs.take(r.flags(), r.res()), r.res());
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

    /**
     * Buffers the engine consumed (its head moved past them) with no CQE naming them: back to the client. The ring is
     * consumed in order, so they are the oldest published ones.
     */
    private List<Integer> reconcile() {
        int n = bufs.reclaimUnreported();
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int bid = published.pollFirst();
            if (bufs.isInRing(bid)) throw new IllegalStateException("buffer " + bid + " was consumed out of order");
            out.add(bid);
        }
        lost += n;
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
        bufs.recycle(bid); // throws if it is already in the ring
        published.addLast(bid);
    }

    public MemorySegment buffer(int bid) { return bufs.buffer(bid); }
    public boolean isArmed() { return armed; }
    public boolean isInRing(int bid) { return bufs.isInRing(bid); }
    /** Buffers in the ring now. */
    public int inRing() { return bufs.inRing(); }
    public int entries() { return bufs.entries(); }
    public int bufferGroup() { return bgid; }
    /** Events received, stream CQEs (events and finals), arms, and buffers got back after failed posts. */
    public long events() { return events; }
    public long cqes() { return cqes; }
    public long arms() { return arms; }
    public long lostBuffers() { return lost; }
}

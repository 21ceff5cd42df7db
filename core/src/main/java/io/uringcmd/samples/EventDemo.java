package io.uringcmd.samples;

import io.uringcmd.embedded.Host;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The multishot section of {@code bin/uringcmd demo}: an {@link EventDevice} on the embedded host, events from
 * several source threads delivered by one multishot uring_cmd into provided buffers, the stream ending with
 * {@code -ENOBUFS} when the client stops recycling, re-armed without losing an event, canceled, and the batch
 * (u16 tags) mode. Never touches the kernel.
 */
public final class EventDemo {
    private EventDemo() {}

    /** What the demo observed. */
    public record Result(long raised, long delivered, int duplicates, int arms, List<String> endings) {
        /** Every event raised was delivered exactly once. */
        public boolean exactlyOnce() { return raised == delivered && duplicates == 0; }
    }

    private static final String[] SOURCES = {"irq0", "irq1", "queue0"};
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Runs the demo on a host of its own, printing to {@code out}. */
    public static Result run(PrintStream out) {
        out.println("== multishot uring_cmd: one command, events from many sources (embedded host)");
        try (Host host = new Host()) {
            return run(out, host);
        }
    }

    /**
     * Runs the demo on {@code host} (it registers {@code /dev/events} there and sets up its own ring), printing to
     * {@code out}.
     */
    public static Result run(PrintStream out, Host host) {
        List<String> endings = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int[] dup = {0};
        long raised = 0;
        int arms = 0;
        {
            EventDevice device = new EventDevice();
            host.register("events", device);
            int fd = host.open("/dev/events");
            EventDevice.Events dev = device.openFiles().getLast(); // where the device's sources raise events
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8).cqSize(32))) {
                EventClient c = new EventClient(ring, fd, 1, 8, EventDevice.EVENT_SIZE);
                out.println("ring: 8 SQEs, 32 CQEs; buffer group 1: 8 provided buffers of " + EventDevice.EVENT_SIZE + " bytes");

                out.println();
                out.println("1. three sources raise 12 events; EVENTS_FETCH armed once (user_data 1); the client reads but does not recycle");
                raised += raise(dev, 4);
                c.arm(1, false);
                arms++;
                EventClient.End end = drain(c, out, seen, dup, false, -1);
                endings.add(end.reason());
                out.println("   still queued in the device, not lost: " + seqs(dev.undelivered()));

                out.println();
                out.println("2. replenish (recycle all 8 buffers) and re-arm (user_data 2): the queued events come first, in order");
                for (int bid = 0; bid < c.entries(); bid++) if (!c.isInRing(bid)) c.recycle(bid);
                c.arm(2, false);
                arms++;
                drainDeliveries(c, out, seen, dup, 4);
                out.println("   the stream stays armed; the sources raise 6 more, the client recycles each buffer after reading it");
                raised += raise(dev, 2);
                drainDeliveries(c, out, seen, dup, 6);

                out.println();
                out.println("3. ASYNC_CANCEL of user_data 2");
                c.cancel(99);
                end = drain(c, out, seen, dup, true, 99);
                endings.add(end.reason());

                out.println();
                out.println("4. batch mode, in the style of ublk's FETCH_IO_CMDS: EVENTS_FETCH_BATCH on group 2, 2 buffers of 32 bytes (16 u16 tags each)");
                EventClient b = new EventClient(ring, fd, 2, 2, 32);
                raised += raise(dev, 20 / SOURCES.length) + raiseRest(dev, 20 % SOURCES.length);
                b.arm(3, true);
                arms++;
                for (int n = 0; n < 2; n++) {
                    EventClient.Item it = b.next(WAIT);
                    if (!(it instanceof EventClient.Delivery d)) throw new IllegalStateException("expected a batch, got " + it);
                    out.println("   " + d.cqe() + "  -> " + d.tags().length + " tags " + java.util.Arrays.toString(d.tags()));
                    for (int t : d.tags()) if (!seen.add(t)) dup[0]++;
                    b.recycle(d.bid());
                }
                b.cancel(98);
                end = drain(b, out, seen, dup, true, 98);
                endings.add(end.reason());
            }
            long delivered = seen.size();
            out.println();
            out.println("summary: " + raised + " events raised, " + delivered + " delivered, " + dup[0] + " twice, "
                    + arms + " fetches armed; endings: " + endings);
            out.print(host.fdinfo(fd).indent(3));
            host.close(fd);
            return new Result(raised, delivered, dup[0], arms, endings);
        }
    }

    /** Each source thread raises {@code perSource} events; returns how many. */
    private static int raise(EventDevice.Events dev, int perSource) {
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < SOURCES.length; s++) {
            int source = s;
            threads.add(Thread.ofPlatform().name(SOURCES[s]).start(() -> {
                for (int i = 0; i < perSource; i++) dev.raise(source, 1000L * source + i);
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return perSource * SOURCES.length;
    }

    private static int raiseRest(EventDevice.Events dev, int n) {
        for (int i = 0; i < n; i++) dev.raise(i, 9000 + i);
        return n;
    }

    /** Reads deliveries (recycling if asked) until the fetch ends; prints each; returns the end. */
    private static EventClient.End drain(EventClient c, PrintStream out, Set<Integer> seen, int[] dup, boolean recycle, long otherUd) {
        boolean otherSeen = false;
        while (true) {
            EventClient.Item it = c.next(WAIT);
            switch (it) {
                case null -> throw new IllegalStateException("no CQE within " + WAIT);
                case EventClient.Delivery d -> {
                    print(out, d, seen, dup);
                    if (recycle) c.recycle(d.bid());
                }
                case EventClient.End e -> {
                    out.println("   " + e.cqe() + "  -> ended: " + e.reason());
                    for (int bid : e.lostBuffers()) c.recycle(bid);
                    if (otherUd >= 0 && !otherSeen) {
                        EventClient.Item own = c.next(WAIT);
                        if (own instanceof EventClient.Other o) out.println("   " + o.cqe() + "  (the ASYNC_CANCEL itself)");
                    }
                    return e;
                }
                case EventClient.Other o -> {
                    out.println("   " + o.cqe() + "  (the ASYNC_CANCEL itself)");
                    otherSeen = true;
                }
            }
        }
    }

    /** Reads {@code n} deliveries, recycling each. */
    private static void drainDeliveries(EventClient c, PrintStream out, Set<Integer> seen, int[] dup, int n) {
        for (int got = 0; got < n; ) {
            EventClient.Item it = c.next(WAIT);
            if (!(it instanceof EventClient.Delivery d)) throw new IllegalStateException("expected an event, got " + it);
            print(out, d, seen, dup);
            c.recycle(d.bid());
            got++;
        }
    }

    private static void print(PrintStream out, EventClient.Delivery d, Set<Integer> seen, int[] dup) {
        EventDevice.Event e = d.events().get(0);
        if (!seen.add(e.tag())) dup[0]++;
        CqeRecord r = d.cqe();
        out.println("   " + r + "  -> event seq " + e.seq() + " from " + SOURCES[e.source()] + ", value " + e.value());
    }

    private static String seqs(List<EventDevice.Event> events) {
        StringBuilder b = new StringBuilder("[");
        for (EventDevice.Event e : events) b.append(b.length() > 1 ? ", " : "").append("seq ").append(e.seq());
        return b.append(']').toString();
    }
}

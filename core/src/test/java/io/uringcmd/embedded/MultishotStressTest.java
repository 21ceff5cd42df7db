package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import io.uringcmd.samples.EventClient;
import io.uringcmd.samples.EventDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: stress of multishot uring_cmd on the embedded host — many source threads, a small buffer ring, a CQ
 * smaller than the ring, random recycling delays and random cancels: every event raised is delivered exactly once
 * or reported as not delivered, and every buffer comes back. Bounded (a deadline, a JUnit timeout); prints its
 * figures. The seed is printed; rerun one with -Dstress.seed=N.
 */
class MultishotStressTest {
    private static final int SOURCES = 8, EVENTS_PER_SOURCE = 2500;
    private static final Duration DEADLINE = Duration.ofSeconds(40);

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void streamMode() throws Exception {
        run(false, 8, EventDevice.EVENT_SIZE, 8);
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void batchMode() throws Exception {
        run(true, 4, 8, 4); // 4 tags per buffer
    }

    private void run(boolean batch, int entries, int bufSize, int cqSize) throws Exception {
        long seed = Long.getLong("stress.seed", System.nanoTime());
        Random rnd = new Random(seed);
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        try (Host host = new Host()) {
            EventDevice device = new EventDevice();
            host.register("events", device);
            int fd = host.open("/dev/events");
            EventDevice.Events events = device.openFiles().getLast();
            // A CQ no larger than the buffer ring: posts fail on a full CQ now and then.
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(4).cqSize(cqSize))) {
                Engine engine = (Engine) ring.backend();
                EventClient client = new EventClient(ring, fd, 1, entries, bufSize);

                AtomicInteger sourcesLeft = new AtomicInteger(SOURCES);
                List<Thread> sources = new ArrayList<>();
                for (int s = 0; s < SOURCES; s++) {
                    int source = s;
                    long sourceSeed = rnd.nextLong();
                    sources.add(Thread.ofPlatform().name("source-" + s).start(() -> {
                        Random r = new Random(sourceSeed);
                        for (int i = 0; i < EVENTS_PER_SOURCE; ) {
                            // Storms (the FIFO fills faster than the client reads) and quiet spells (it drains, the
                            // fetch stays armed and idle).
                            boolean storm = r.nextInt(4) == 0;
                            for (int burst = 1 + r.nextInt(storm ? 32 : 4); burst > 0 && i < EVENTS_PER_SOURCE; burst--) events.raise(source, i++);
                            if (!storm) LockSupport.parkNanos(r.nextInt(6_000_000));
                        }
                        sourcesLeft.decrementAndGet();
                    }));
                }

                BitSet delivered = new BitSet();
                ArrayDeque<int[]> held = new ArrayDeque<>(); // {bid, iterations left}
                long userData = 1, cancelUd = 1L << 40;
                int cancels = 0, cancelHits = 0, cancelMisses = 0, noBuffer = 0, cqFull = 0, canceled = 0, maxHeld = 0, lostBack = 0;
                int cancelsOutstanding = 0;
                client.arm(userData, batch);
                boolean finalCancelSent = false;
                while (true) {
                    if (System.nanoTime() > deadline) {
                        fail("stress did not finish within " + DEADLINE + " (seed " + seed + "): raised " + events.raised()
                                + ", delivered " + delivered.cardinality() + ", armed " + client.isArmed() + ", held " + held.size());
                    }
                    boolean sourcesDone = sourcesLeft.get() == 0;
                    if (sourcesDone && !client.isArmed() && finalCancelSent && cancelsOutstanding == 0) break;
                    int left = sourcesDone ? (int) (events.raised() - delivered.cardinality()) : -1;
                    if (client.isArmed() && !finalCancelSent && (left == 0 || (left > 0 && left <= 8 && rnd.nextInt(4) == 0))) {
                        // The end: stop the stream; what the device still holds is reported as not delivered.
                        client.cancel(cancelUd++);
                        cancels++;
                        cancelsOutstanding++;
                        finalCancelSent = true;
                    }
                    if (client.isArmed() && cancelsOutstanding == 0 && !finalCancelSent && rnd.nextInt(200) == 0) {
                        client.cancel(cancelUd++); // a random cancel; the fetch may have ended already (-ENOENT)
                        cancels++;
                        cancelsOutstanding++;
                    }
                    EventClient.Item it = client.next(Duration.ofMillis(20));
                    // Random recycling delays: each held buffer goes back after a few iterations.
                    for (int n = held.size(); n > 0; n--) {
                        int[] h = held.pollFirst();
                        if (--h[1] <= 0) client.recycle(h[0]);
                        else held.addLast(h);
                    }
                    switch (it) {
                        case null -> {
                            if (!client.isArmed() && !finalCancelSent) {
                                client.arm(++userData, batch, rnd.nextInt(4) == 0); // a quarter of the fetches start in a worker
                            }
                        }
                        case EventClient.Delivery d -> {
                            for (EventDevice.Event e : d.events()) {
                                int seq = e.seq(); // batch mode: the tag, seq & 0xffff (fewer than 65536 events here)
                                assertFalse(delivered.get(seq), "event " + seq + " delivered twice (seed " + seed + ")");
                                delivered.set(seq);
                                if (!batch) {
                                    assertTrue(e.source() < SOURCES && e.value() >= 0 && e.value() < EVENTS_PER_SOURCE, "payload of " + e);
                                }
                            }
                            held.addLast(new int[] {d.bid(), rnd.nextInt(4)});
                            maxHeld = Math.max(maxHeld, held.size());
                        }
                        case EventClient.End e -> {
                            int res = e.cqe().res();
                            if (res == -Errno.ECANCELED.value()) canceled++;
                            else if (!e.lostBuffers().isEmpty()) cqFull++;
                            else if (res == -Errno.ENOBUFS.value()) noBuffer++;
                            else fail("unexpected end " + e + " (seed " + seed + ")");
                            lostBack += e.lostBuffers().size();
                            for (int bid : e.lostBuffers()) held.addLast(new int[] {bid, rnd.nextInt(2)});
                            if (res == -Errno.ENOBUFS.value() && e.lostBuffers().isEmpty()) {
                                // Out of buffers: give them all back before re-arming, else the next fetch ends at once.
                                while (!held.isEmpty()) client.recycle(held.pollFirst()[0]);
                            }
                            if (!finalCancelSent) client.arm(++userData, batch, rnd.nextInt(4) == 0); // a quarter of the fetches start in a worker
                        }
                        case EventClient.Other o -> {
                            // An ASYNC_CANCEL's own CQE: 0 when it found the fetch, -ENOENT when the fetch had ended,
                            // -EALREADY when its first issue was still running in a worker (the io-wq rule).
                            int res = o.cqe().res();
                            assertTrue(res == 0 || res == -Errno.ENOENT.value() || res == -Errno.EALREADY.value(),
                                    "cancel result " + o + " (seed " + seed + ")");
                            if (res == 0) cancelHits++;
                            else cancelMisses++;
                            cancelsOutstanding--;
                        }
                    }
                }
                for (Thread t : sources) t.join(TimeUnit.SECONDS.toMillis(10));

                // Every event: delivered exactly once (checked above) or reported as not delivered.
                List<EventDevice.Event> notDelivered = events.undelivered();
                BitSet all = (BitSet) delivered.clone();
                for (EventDevice.Event e : notDelivered) {
                    assertFalse(all.get(e.seq()), "event " + e.seq() + " both delivered and reported undelivered");
                    all.set(e.seq());
                }
                int raised = SOURCES * EVENTS_PER_SOURCE;
                assertEquals(raised, events.raised());
                assertEquals(raised, all.cardinality(), "events neither delivered nor reported (seed " + seed + ")");
                assertEquals(raised - 1, all.length() - 1);
                assertEquals(delivered.cardinality(), events.delivered(), "the device's count of delivered events");

                // Every buffer comes back: in the ring or held by the client, each once.
                while (!held.isEmpty()) client.recycle(held.pollFirst()[0]);
                assertEquals(entries, client.inRing(), "buffers in the ring after recycling everything held (seed " + seed + ")");
                for (int bid = 0; bid < entries; bid++) assertTrue(client.isInRing(bid), "buffer " + bid);
                assertEquals(lostBack, events.endedCqFull(), "one buffer consumed per failed post");
                assertEquals(engine.multishotStats().auxFailed(), events.endedCqFull());
                assertEquals(engine.multishotStats().auxCqes(), events.posts());
                assertEquals(0, engine.multishotStats().buffersLost(), "the device posts every buffer it selects");
                assertEquals(0, engine.stats().deviceErrors());

                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("multishot stress (%s, seed %d): %d sources, %d events raised, %d delivered in %d CQEs, %d reported "
                                + "not delivered; buffer ring %d x %d B, CQ %d; re-arms %d (no buffer %d, CQ full %d, canceled %d); "
                                + "cancels sent %d (%d found the fetch, %d found it ended or busy in a worker); events put back after failed posts %d; buffers back after failed "
                                + "posts %d; buffers held at most %d; all %d buffers back; %.2f s%n",
                        batch ? "batch" : "stream", seed, SOURCES, raised, delivered.cardinality(), events.posts(), notDelivered.size(),
                        entries, bufSize, cqSize, client.arms() - 1, noBuffer, cqFull, canceled, cancels, cancelHits, cancelMisses, events.putBack(),
                        lostBack, maxHeld, entries, secs);
                assertEquals(cancels, cancelHits + cancelMisses, "every ASYNC_CANCEL answered");
                assertEquals(cancelHits, canceled, "each cancel that found the fetch ended it with -ECANCELED");
                assertTrue(noBuffer + cqFull > 0, "the run never re-armed: not a stress");
            }
        }
    }
}

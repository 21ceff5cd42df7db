package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: while device threads complete queued commands (done(), completeInTask), mark them cancelable and the
 * ring thread sends ASYNC_CANCELs, inline and worker-issued, the ring closes: every consumed SQE ends exactly once
 * (Stats), every handle is completed by exactly one side (device or host), no CQE is reaped twice, nothing stays
 * pending, the device file is released once, and no exception escapes any thread.
 */
class ConcurrentCompleteCancelCloseTest {
    private static final int ROUNDS = 25, COMMANDS = 96, COMPLETERS = 4;

    /** Over all rounds: commands the host completed at close, cancel calls, worker-issued commands (the test must race). */
    private long atClose, cancels, reapedTotal;

    @Test
    @Timeout(60)
    void everySqeEndsExactlyOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) round(round);
        assertTrue(atClose > 0, "no command was left for the host at close: the test did not race close");
        assertTrue(cancels > 0, "the device never got a cancel call");
        assertTrue(reapedTotal > 0, "no CQE was reaped before close");
    }

    private void round(int round) throws Exception {
        Set<QueuedCmd> claimed = ConcurrentHashMap.newKeySet();
        Map<QueuedCmd, Boolean> deviceDone = new ConcurrentHashMap<>();
        List<QueuedCmd> handles = new ArrayList<>();
        LinkedBlockingQueue<QueuedCmd> work = new LinkedBlockingQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger cancelCalls = new AtomicInteger();

        LambdaDevice dev = new LambdaDevice((cmd, f) -> {
            if (f.cancel()) {
                cancelCalls.incrementAndGet();
                QueuedCmd q = cmd.pending();
                if (claimed.add(q)) deviceDone.put(q, q.done(-Errno.ECANCELED.value()));
                return q.queued();
            }
            if (cmd.sqe().cmdOp() % 3 == 0) cmd.markCancelable();
            QueuedCmd q = cmd.queue();
            synchronized (handles) { handles.add(q); }
            work.add(q);
            return q.queued();
        });
        Host host = new Host();
        host.register("dev", dev);
        int fd = host.open("/dev/dev");
        IoUring<Sqe64> ring = host.setup(RingSetup.entries(32).cqSize(64));
        Engine engine = (Engine) ring.backend();

        List<Thread> completers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        for (int t = 0; t < COMPLETERS; t++) {
            completers.add(Thread.ofPlatform().name("completer-" + t).start(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                try {
                    while (!stop.get()) {
                        QueuedCmd q = work.poll(1, TimeUnit.MILLISECONDS);
                        if (q == null) continue;
                        switch (rnd.nextInt(5)) {
                            case 0, 1 -> { if (claimed.add(q)) deviceDone.put(q, q.done(rnd.nextInt(100))); }
                            case 2 -> q.completeInTask((c, tf) -> {
                                if (claimed.add(c)) deviceDone.put(c, c.done(tf.taskDead() ? -Errno.ECANCELED.value() : 1, 7));
                            });
                            case 3 -> { q.markCancelable(); work.add(q); }
                            default -> work.add(q); // later
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }

        Set<Long> reaped = new HashSet<>();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int submitted = 0;
        long ud = 1;
        try {
            int closeAfter = COMMANDS / 2 + rnd.nextInt(COMMANDS / 2);
            while (submitted < closeAfter) {
                for (int i = 0; i < 8 && submitted < closeAfter; i++, submitted++) {
                    var sqe = ring.sqe().prepUringCmd(fd, (int) ud).userData(ud);
                    if (rnd.nextInt(4) == 0) sqe.async();
                    ud++;
                }
                if (rnd.nextBoolean()) {
                    ring.sqe().prepAsyncCancel(1 + rnd.nextLong(ud)).userData(-ud);
                    submitted++;
                }
                ring.submit();
                for (Cqe c = ring.peekCqe(); c != null; c = ring.peekCqe()) {
                    assertTrue(reaped.add(c.userData()), "user_data " + c.userData() + " completed twice");
                    ring.cqeSeen();
                }
            }
        } finally {
            ring.close(); // races with the completers
        }
        stop.set(true);
        for (Thread t : completers) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(t.isAlive(), "a completer thread did not stop");
        }

        assertTrue(errors.isEmpty(), () -> "exceptions escaped: " + errors);
        Engine.Stats s = engine.stats();
        assertEquals(submitted, s.consumed(), "round " + round);
        assertAllEnded(s);
        assertEquals(s.cqesPosted(), s.terminalCqes());
        assertEquals(0, engine.pendingRequests());
        assertEquals(0, s.deviceErrors());
        synchronized (handles) {
            for (QueuedCmd q : handles) {
                assertTrue(q.isDone(), "a handle was left pending");
                boolean byDevice = deviceDone.getOrDefault(q, false);
                assertNotEquals(byDevice, q.completedByHost(), "completed by both sides, or by neither");
            }
        }
        assertTrue(handles.size() <= submitted);
        host.close();
        assertEquals(1, dev.releases);
        atClose += s.completedAtClose();
        cancels += cancelCalls.get();
        reapedTotal += reaped.size();
    }
}

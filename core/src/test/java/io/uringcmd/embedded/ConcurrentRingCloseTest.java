package io.uringcmd.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a ring closed from two threads at once (e.g. the client's close and Host.close) is closed once; the
 * second close returns only after the first has ended every SQE, also while the first waits for a worker.
 */
class ConcurrentRingCloseTest {
    @Test
    @Timeout(20)
    void secondCloseWaitsForTheFirst() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        try (var fx = fixture((cmd, f) -> {
            entered.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < until) Thread.onSpinWait(); // ignores the interrupt for a while
            return cmd.complete(0);
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1).async();
            fx.ring.submit();
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            AtomicLong seenBySecond = new AtomicLong(-1);
            Thread first = Thread.ofPlatform().start(() -> fx.ring.close());
            Thread second = Thread.ofPlatform().start(() -> {
                fx.host.close();
                seenBySecond.set(fx.stats().inFlight());
            });
            first.join(10_000);
            second.join(10_000);
            assertFalse(first.isAlive() || second.isAlive());
            assertEquals(0, seenBySecond.get(), "Host.close returned before the ring had ended its SQEs");
            assertAllEnded(fx.stats());
            assertEquals(1, fx.stats().terminalCqes());
        }
    }
}

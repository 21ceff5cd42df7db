package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: ring close interrupts a device blocked in a worker (io-wq's cancel of running work) and waits for its
 * answer, so the command ends before close returns.
 */
class RingCloseInterruptsWorkerTest {
    @Test
    @Timeout(20)
    void blockedWorkerIsInterrupted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        try (var fx = fixture((cmd, f) -> {
            entered.countDown();
            try {
                Thread.sleep(60_000);
                return cmd.complete(0);
            } catch (InterruptedException e) {
                interrupted.set(true);
                return cmd.fail(Errno.EINTR);
            }
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1).async();
            fx.ring.submit();
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            fx.ring.close();
            assertTrue(interrupted.get());
            assertEquals(1, fx.stats().terminalCqes());
            assertAllEnded(fx.stats());
        }
    }
}

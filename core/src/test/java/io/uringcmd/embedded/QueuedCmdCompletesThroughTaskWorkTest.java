package io.uringcmd.embedded;

import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a queued command completed from another thread is delivered through task work on the ring's issuing
 * thread (kernel-uring-cmd.md §2.7): completeInTask's work runs there with COMPLETE_DEFER and without NONBLOCK,
 * and its done(res, res2) gives the CQE.
 */
class QueuedCmdCompletesThroughTaskWorkTest {
    @Test
    void taskWorkRunsOnTheRingThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicInteger bits = new AtomicInteger();
        try (var fx = new Fixture<>(RingSetup.entries(4).cqe32(), (cmd, f) -> {
            QueuedCmd q = cmd.queue();
            Thread t = Thread.ofPlatform().start(() -> q.completeInTask((c, tf) -> {
                ranOn.set(Thread.currentThread());
                bits.set(tf.raw());
                assertSame(q, c);
                c.done(9, 99);
            }));
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.submit();
            assertEquals(java.util.List.of(new CqeRecord(1, 9, 0, 99, 0)), reap(fx.ring, 1));
            assertSame(Thread.currentThread(), ranOn.get());
            assertEquals(IssueFlags.IO_URING_F_COMPLETE_DEFER | IssueFlags.IO_URING_F_CQE32, bits.get());
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a command queued from a worker whose done() (or completeInTask work) from another thread arrives
 * before the worker's answer is applied still ends with exactly one CQE: the early completion waits for the answer.
 */
class WorkerQueuedEarlyCompletionTest {
    @Test
    void doneBeforeTheWorkerReturns() {
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            Thread t = Thread.ofPlatform().start(() -> {
                if (cmd.sqe().cmdOp() == 1) q.done(8);
                else q.completeInTask((c, tf) -> c.done(9));
            });
            try {
                t.join(); // the completion is on its way before this worker returns QUEUED
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(1).async();
            fx.ring.sqe().prepUringCmd(fx.fd, 2).userData(2).async();
            fx.ring.submit();
            var got = reap(fx.ring, 2);
            assertEquals(java.util.Set.of(new CqeRecord(1, 8, 0), new CqeRecord(2, 9, 0)), java.util.Set.copyOf(got));
            assertNoCqe(fx.ring);
            assertEquals(0, fx.stats().inFlight());
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a TaskWork that throws an Error other than a VM error (an AssertionError in a device) completes its
 * command with -EIO and counts in Stats.deviceErrors, as a throwing uringCmd does (docs/DRIVER.md), instead of
 * escaping from the client's enter and leaving the command pending.
 */
class TaskWorkErrorGivesEioTest {
    @Test
    void errorInTaskWorkIsEio() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(7);
            fx.ring.submit();
            handle.get().completeInTask((c, f) -> { throw new AssertionError("device assertion in task work"); });
            assertEquals(java.util.List.of(new CqeRecord(7, -5, 0)), reap(fx.ring, 1));
            assertEquals(1, fx.stats().deviceErrors());
            assertTrue(handle.get().completedByHost());
            fx.ring.close();
            assertAllEnded(fx.stats());
        }
    }

    @Test
    void errorInTaskWorkDuringCloseLetsCloseFinish() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(7);
            fx.ring.submit();
            handle.get().completeInTask((c, f) -> { throw new AssertionError("device assertion in task work"); });
            fx.ring.close(); // must not throw, and must finish: a second close returns at once
            fx.ring.close();
            assertEquals(1, fx.stats().deviceErrors());
            assertTrue(handle.get().completedByHost());
            assertAllEnded(fx.stats());
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/** Description: a queued command completes exactly once: the handle's first done() posts the CQE, a second throws. */
class QueuedDoneTwiceThrowsTest {
    @Test
    void secondDoneThrowsAndPostsNothing() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(5);
            assertEquals(1, fx.ring.submit());
            assertNoCqe(fx.ring);
            assertTrue(handle.get().done(3));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> handle.get().done(4));
            assertTrue(e.getMessage().contains("exactly once"), e.getMessage());
            assertEquals(java.util.List.of(new CqeRecord(5, 3, 0)), reap(fx.ring, 1));
            assertNoCqe(fx.ring);
            assertTrue(handle.get().isDone());
            assertFalse(handle.get().completedByHost());
            assertEquals(0, fx.stats().inFlight());
        }
    }
}

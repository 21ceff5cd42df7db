package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a queued command the device leaves pending is completed -ECANCELED by the host when the ring closes;
 * the device's later done() returns false (and does not throw), and the command ended exactly once.
 */
class QueuedDoneAfterRingCloseReturnsFalseTest {
    @Test
    void doneAfterCloseIsFalse() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(5);
            assertEquals(1, fx.ring.submit());
            assertFalse(handle.get().isDone());
            fx.ring.close();
            assertTrue(handle.get().completedByHost());
            assertFalse(handle.get().done(3));
            assertFalse(handle.get().done(4), "done() after the host completed it stays false");
            assertThrows(IllegalStateException.class, () -> handle.get().cmd());
            assertEquals(1, fx.stats().completedAtClose());
            assertAllEnded(fx.stats());
        }
    }
}

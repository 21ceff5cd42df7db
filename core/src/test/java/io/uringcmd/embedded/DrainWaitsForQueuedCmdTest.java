package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IOSQE_IO_DRAIN waits for every request submitted before it, including a queued uring_cmd still in
 * flight; requests after the drained one wait too. The drained NOP completes only after the command's done().
 */
class DrainWaitsForQueuedCmdTest {
    @Test
    void drainedRequestWaitsForTheQueuedCommand() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.sqe().prepNop().userData(2).drain();
            fx.ring.sqe().prepNop().userData(3);
            assertEquals(3, fx.ring.submit());
            assertNoCqe(fx.ring);
            assertTrue(handle.get().done(5));
            assertEquals(java.util.List.of(new CqeRecord(1, 5, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0)),
                    reap(fx.ring, 3));
            assertNoCqe(fx.ring);
        }
    }
}

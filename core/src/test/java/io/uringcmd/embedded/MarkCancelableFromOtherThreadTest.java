package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: QueuedCmd.markCancelable called from another thread takes effect through task work: a later
 * ASYNC_CANCEL finds the command and calls the device with the CANCEL flag.
 */
class MarkCancelableFromOtherThreadTest {
    @Test
    void markedLaterIsFound() throws Exception {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            if (f.cancel()) {
                cmd.pending().done(-Errno.ECANCELED.value());
                return cmd.pending().queued();
            }
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.submit();
            fx.ring.sqe().prepAsyncCancel(1).userData(2);
            assertEquals(new CqeRecord(2, -2, 0), submitOne(fx.ring));
            Thread t = Thread.ofPlatform().start(() -> handle.get().markCancelable());
            t.join();
            fx.ring.sqe().prepAsyncCancel(1).userData(3);
            assertEquals(java.util.List.of(new CqeRecord(3, 0, 0), new CqeRecord(1, -125, 0)), submitAndReap(fx.ring, 2));
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a device may call done() on its handle before uringCmd returns; that result stands and there is one
 * CQE, also when the device then throws (the throw is counted as a device error but posts nothing more).
 */
class QueuedDoneInsideIssueTest {
    @Test
    void doneBeforeReturnGivesOneCqe() {
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            assertTrue(q.done(5));
            if (cmd.sqe().cmdOp() == 1) throw new IllegalStateException("device bug after done");
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(2);
            assertEquals(java.util.List.of(new CqeRecord(1, 5, 0), new CqeRecord(2, 5, 0)), submitAndReap(fx.ring, 2));
            assertEquals(1, fx.stats().deviceErrors());
            assertEquals(0, fx.stats().inFlight());
        }
    }
}

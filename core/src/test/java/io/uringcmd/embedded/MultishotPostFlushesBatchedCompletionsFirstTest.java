package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: an event posted during submission comes after the completions batched before it in the same
 * io_uring_enter ("deferred completions are flushed first to keep order", kernel-uring-cmd.md §3.4.2).
 */
class MultishotPostFlushesBatchedCompletionsFirstTest {
    @Test
    void aNopSubmittedEarlierCompletesFirst() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing.full(fx.ring, 1, 4, 8);
            fx.dev.onIssue = (cmd, f) -> {
                BufferSelection sel = f.bufferSelect(cmd, cmd.sqe().bufGroup(), 0);
                assertFalse(f.postCqe(cmd, sel, 6));
                var q = cmd.queue();
                fx.dev.last.set(q);
                return q.queued();
            };
            fx.ring.sqe().prepNop().userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 1).multishot(1).userData(2);
            fx.ring.sqe().prepNop().userData(3);
            assertEquals(3, fx.ring.submit());
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 6, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                    new CqeRecord(3, 0, 0)), fx.reap());
            fx.dev.last.get().done(0);
            assertEquals(new CqeRecord(2, 0, 0), fx.next());
        }
    }
}

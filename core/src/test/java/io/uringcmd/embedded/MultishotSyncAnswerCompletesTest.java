package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: deliberate deviation (docs/DEVIATIONS.md): a device answering a MULTISHOT command synchronously with
 * res >= 0 gets a final CQE with that res and flags 0, where 6.18.44 posts nothing and leaks the request (rule 2.3.6,
 * kernel-uring-cmd.md §3.6); a negative answer completes as on the kernel.
 */
class MultishotSyncAnswerCompletesTest {
    @Test
    void aSynchronousNonNegativeAnswerCompletes() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            fx.dev.onIssue = (cmd, f) -> {
                if (cmd.sqe().cmdOp() == 2) return cmd.complete(-95);
                BufferSelection sel = f.bufferSelect(cmd, 1, 0);
                assertFalse(f.postCqe(cmd, sel, 4));
                return cmd.complete(5);
            };
            fx.ring.sqe().prepUringCmd(fx.fd, 1).multishot(1).userData(21);
            fx.ring.sqe().prepUringCmd(fx.fd, 2).multishot(1).userData(22);
            assertEquals(2, fx.ring.submit());
            assertEquals(List.of(new CqeRecord(21, 4, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                    new CqeRecord(21, 5, 0), new CqeRecord(22, -95, 0)), fx.reap());
            assertEquals(1, bufs.head());
        }
    }
}

package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/** Description: -EAGAIN again from the worker ends the command with res -EAGAIN on a non-IOPOLL ring (kernel-uring-cmd.md §2.9.4). */
class ReissueAgainFromWorkerEagainTest {
    @Test
    void secondEagainIsFinal() {
        AtomicInteger calls = new AtomicInteger();
        try (var fx = fixture((cmd, f) -> {
            calls.incrementAndGet();
            return cmd.reissue();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(6);
            assertEquals(new CqeRecord(6, -11, 0), submitOne(fx.ring));
            assertEquals(2, calls.get());
        }
    }
}

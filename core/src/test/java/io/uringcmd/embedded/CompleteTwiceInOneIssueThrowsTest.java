package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a command is answered once per issue: complete() twice, or queue() after complete(), throws
 * IllegalStateException; the escaping exception ends the command with one -EIO CQE and the ring keeps serving.
 */
class CompleteTwiceInOneIssueThrowsTest {
    @Test
    void secondAnswerInOneIssueThrows() {
        AtomicReference<Throwable> second = new AtomicReference<>(), queueAfter = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            switch (cmd.sqe().cmdOp()) {
                case 1 -> {
                    cmd.complete(1);
                    try {
                        return cmd.complete(2);
                    } catch (IllegalStateException e) {
                        second.set(e);
                        throw e;
                    }
                }
                case 2 -> {
                    cmd.complete(1);
                    try {
                        return cmd.queue().queued();
                    } catch (IllegalStateException e) {
                        queueAfter.set(e);
                        throw e;
                    }
                }
                default -> { return cmd.complete(7); }
            }
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(10);
            assertEquals(new CqeRecord(10, -5, 0), submitOne(fx.ring));
            fx.ring.sqe().prepUringCmd(fx.fd, 2).userData(11);
            assertEquals(new CqeRecord(11, -5, 0), submitOne(fx.ring));
            fx.ring.sqe().prepUringCmd(fx.fd, 3).userData(12);
            assertEquals(new CqeRecord(12, 7, 0), submitOne(fx.ring));
            assertTrue(second.get().getMessage().contains("already called"), second.get().getMessage());
            assertTrue(queueAfter.get().getMessage().contains("already called"), queueAfter.get().getMessage());
            assertEquals(2, fx.stats().deviceErrors());
        }
    }
}

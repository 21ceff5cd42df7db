package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.QueuedCmd;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: ring close calls the device with IO_URING_F_CANCEL for each cancelable command (kernel-uring-cmd.md
 * §2.8.2); what the device leaves pending — a cancelable command it ignores, a command not marked cancelable — is
 * completed -ECANCELED by the host (6.18 would wait forever, §2.8.4: a deliberate deviation).
 */
class RingCloseCancelsPendingTest {
    @Test
    void closeEndsEverything() {
        List<Long> cancelCalls = Collections.synchronizedList(new ArrayList<>());
        List<QueuedCmd> handles = Collections.synchronizedList(new ArrayList<>());
        try (var fx = fixture((cmd, f) -> {
            if (f.cancel()) {
                cancelCalls.add(cmd.sqe().userData());
                QueuedCmd q = cmd.pending();
                if (cmd.sqe().cmdOp() == 1) q.done(-Errno.ECANCELED.value());
                return q.queued();
            }
            if (cmd.sqe().cmdOp() != 3) cmd.markCancelable();
            QueuedCmd q = cmd.queue();
            handles.add(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(1); // cancelable, the device cancels it
            fx.ring.sqe().prepUringCmd(fx.fd, 2).userData(2); // cancelable, the device ignores the cancel
            fx.ring.sqe().prepUringCmd(fx.fd, 3).userData(3); // not cancelable
            assertEquals(3, fx.ring.submit());
            assertNoCqe(fx.ring);
            fx.ring.close();
            assertEquals(List.of(1L, 2L), cancelCalls);
            assertFalse(handles.get(0).completedByHost());
            assertTrue(handles.get(1).completedByHost());
            assertTrue(handles.get(2).completedByHost());
            assertEquals(2, fx.stats().completedAtClose());
            assertEquals(3, fx.stats().terminalCqes());
            assertAllEnded(fx.stats());
        }
    }
}

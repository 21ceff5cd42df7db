package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.QueuedCmd;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: task work still pending when the ring closes runs with IO_URING_F_TASK_DEAD (kernel-uring-cmd.md
 * §2.7), so the device can fail the command without touching user memory; its done() is the command's one end.
 */
class TaskWorkAtCloseTaskDeadTest {
    @Test
    void pendingTaskWorkSeesTaskDead() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        AtomicBoolean taskDead = new AtomicBoolean(), doneResult = new AtomicBoolean();
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.submit();
            handle.get().completeInTask((c, f) -> {
                taskDead.set(f.taskDead());
                doneResult.set(c.done(f.taskDead() ? -Errno.ECANCELED.value() : 0));
            });
            fx.ring.close();
            assertTrue(taskDead.get());
            assertTrue(doneResult.get());
            assertFalse(handle.get().completedByHost());
            assertEquals(0, fx.stats().completedAtClose());
            assertAllEnded(fx.stats());
        }
    }
}

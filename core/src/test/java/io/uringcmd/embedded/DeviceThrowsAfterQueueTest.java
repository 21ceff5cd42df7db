package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a device that queues a command and then throws gets its error in the one CQE; the handle it kept is
 * completed by the host, so its later done() returns false and posts nothing.
 */
class DeviceThrowsAfterQueueTest {
    @Test
    void errorWinsAndHandleIsDead() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            handle.set(cmd.queue());
            throw new DeviceException(Errno.EBUSY);
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(8);
            assertEquals(new CqeRecord(8, -16, 0), submitOne(fx.ring));
            assertTrue(handle.get().completedByHost());
            assertFalse(handle.get().done(0));
            assertNoCqe(fx.ring);
            assertEquals(0, fx.stats().inFlight());
        }
    }
}

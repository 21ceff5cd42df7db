package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: ASYNC_CANCEL (by user_data, ALL, or ANY) does not find a queued uring_cmd that is not marked
 * cancelable: -ENOENT, or 0 found, as the kernel (kernel-uring-cmd.md §2.8.3); the device is not called.
 */
class NonCancelableAsyncCancelEnoentTest {
    @Test
    void notFound() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        try (var fx = fixture((cmd, f) -> {
            calls.incrementAndGet();
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.submit();
            fx.ring.sqe().prepAsyncCancel(1).userData(2);
            fx.ring.sqe().prepAsyncCancelAll(1).userData(3);
            fx.ring.sqe().prepAsyncCancelAny().userData(4);
            assertEquals(java.util.List.of(new CqeRecord(2, -2, 0), new CqeRecord(3, 0, 0), new CqeRecord(4, 0, 0)),
                    submitAndReap(fx.ring, 3));
            assertEquals(1, calls.get());
            assertTrue(handle.get().done(0));
            assertEquals(java.util.List.of(new CqeRecord(1, 0, 0)), reap(fx.ring, 1));
        }
    }
}

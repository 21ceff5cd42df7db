package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: ASYNC_CANCEL of a uring_cmd running in a worker (io-wq) gives -EALREADY, as the kernel's io-wq cancel of
 * running work (cancel.c io_async_cancel_one); the command then ends with the device's answer.
 */
class AsyncCancelRunningWorkerEalreadyTest {
    @Test
    @Timeout(20)
    void runningWorkIsAlready() throws Exception {
        CountDownLatch entered = new CountDownLatch(1), release = new CountDownLatch(1);
        try (var fx = fixture((cmd, f) -> {
            entered.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return cmd.complete(3);
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1).async();
            fx.ring.submit();
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            fx.ring.sqe().prepAsyncCancel(1).userData(2);
            assertEquals(new CqeRecord(2, -114, 0), submitOne(fx.ring));
            release.countDown();
            assertEquals(java.util.List.of(new CqeRecord(1, 3, 0)), reap(fx.ring, 1));
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Description: waitCqe(Duration) on a ring with nothing in flight returns null when the timeout passes
 * (IORING_ENTER_EXT_ARG with a timespec gives -ETIME, shared/kernel-uring-cmd.md §1.10), and the ring stays usable.
 */
class WaitCqeTimeoutTest {
    @Test
    void emptyRingTimesOutWithNull() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            assertNull(ring.waitCqe(Duration.ofMillis(20)));
            assertNull(ring.waitCqe(Duration.ZERO));
            ring.sqe().prepNop().userData(5);
            assertEquals(new CqeRecord(5, 0, 0), RingTests.submitOne(ring));
        }
    }
}

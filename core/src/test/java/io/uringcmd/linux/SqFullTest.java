package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: with sq_entries SQEs claimed and not submitted, nextSqe() returns null and sqe() throws an
 * IllegalStateException that says to submit; after submit the kernel has consumed them and every slot can be claimed
 * again (SQ head/tail, shared/kernel-uring-cmd.md §1.8).
 */
class SqFullTest {
    @Test
    void claimingBeyondSqEntriesSignalsFullUntilSubmit() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            assertEquals(4, ring.sqEntries());
            for (int i = 0; i < 4; i++) {
                Sqe64 s = ring.nextSqe();
                assertNotNull(s, "slot " + i);
                s.prepNop().userData(i);
            }
            assertEquals(0, ring.sqSpaceLeft());
            assertNull(ring.nextSqe());
            IllegalStateException e = assertThrows(IllegalStateException.class, ring::sqe);
            assertTrue(e.getMessage().contains("submission queue full") && e.getMessage().contains("submit()"), e.getMessage());
            assertEquals(4, ring.sqReady(), "a refused claim must not change what is queued");

            assertEquals(4, ring.submit());
            assertEquals(4, ring.sqSpaceLeft());
            for (int i = 0; i < 4; i++) ring.sqe().prepNop().userData(10 + i);
            assertNull(ring.nextSqe());
            assertEquals(4, ring.submit());

            List<CqeRecord> want = new ArrayList<>();
            for (int i = 0; i < 4; i++) want.add(new CqeRecord(i, 0, 0));
            for (int i = 0; i < 4; i++) want.add(new CqeRecord(10 + i, 0, 0));
            assertEquals(want, RingTests.reap(ring, 8));
            RingTests.assertNoCqe(ring);
        }
    }
}

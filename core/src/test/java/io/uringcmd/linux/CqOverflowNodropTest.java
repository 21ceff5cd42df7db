package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_FEAT_NODROP;
import static io.uringcmd.abi.Uapi.IORING_SQ_CQ_OVERFLOW;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: more completions than CQ slots go to the kernel's overflow list (FEAT_NODROP): IORING_SQ_CQ_OVERFLOW
 * is set, nothing is dropped (cq.overflow stays 0), reaping returns every CQE in submission order, and the flag clears
 * once the list is flushed (shared/kernel-uring-cmd.md §6.1, §6.2, §6.4, §6.5).
 */
class CqOverflowNodropTest {
    @Test
    void overflowedCqesArriveInOrderAndTheFlagClears() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2).cqSize(2))) {
            assertEquals(2, ring.cqEntries());
            assertTrue(ring.params().hasFeature(IORING_FEAT_NODROP));
            // Six NOPs, two per submit (the SQ has two slots): the CQ holds two, four overflow.
            for (int batch = 0; batch < 3; batch++) {
                ring.sqe().prepNop().userData(100 + 2 * batch);
                ring.sqe().prepNop().userData(101 + 2 * batch);
                assertEquals(2, ring.submit());
            }
            assertEquals(2, ring.cqReady(), "the CQ ring itself holds only its 2 entries");
            assertEquals(IORING_SQ_CQ_OVERFLOW, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            assertEquals(0, ring.cqOverflow(), "nothing may be dropped");

            List<CqeRecord> want = new ArrayList<>();
            for (int i = 0; i < 6; i++) want.add(new CqeRecord(100 + i, 0, 0));
            assertEquals(want, RingTests.reap(ring, 6));
            RingTests.assertNoCqe(ring);
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW, "the flag clears when the overflow list is empty");
            assertEquals(0, ring.cqOverflow());
        }
    }
}

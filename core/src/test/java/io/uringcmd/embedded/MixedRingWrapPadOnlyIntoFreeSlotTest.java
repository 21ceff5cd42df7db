package io.uringcmd.embedded;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: on a CQE_MIXED ring of 4 whose 32-byte CQE meets the wrap while the ring fills up, the embedded host
 * writes the F_SKIP pad only into a free slot and overflows the rest in order: five NOPs give exactly five CQEs, none
 * twice (docs/DEVIATIONS.md "mixed-ring-wrap-pad"; 6.18.44 writes the pad over an unread CQE, §6.7).
 */
class MixedRingWrapPadOnlyIntoFreeSlotTest {
    @Test
    void fiveNopsGiveFiveCqesInOrder() {
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(4).cqSize(4).cqeMixed())) {
            int[] big = {0, 1, 1, 0, 1};
            for (int i = 0; i < big.length; i++) {
                var sqe = ring.sqe().prepNop().userData(i + 1);
                if (big[i] == 1) sqe.nopFlags(IORING_NOP_CQE32).off(1000L * (i + 1)).addr(i + 1);
                assertEquals(1, ring.submit());
            }
            // 1 (one slot) + 2 (two slots) + pad in slot 3: the ring is full, 3, 4 and 5 wait on the overflow list.
            assertEquals(IORING_SQ_CQ_OVERFLOW, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            assertEquals(4, ring.cqReady());
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, IORING_CQE_F_32, 2000, 2),
                    new CqeRecord(3, 0, IORING_CQE_F_32, 3000, 3), new CqeRecord(4, 0, 0),
                    new CqeRecord(5, 0, IORING_CQE_F_32, 5000, 5)), RingTests.reap(ring, 5));
            RingTests.assertNoCqe(ring);
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            assertEquals(0, ring.cqOverflow());
        }
    }
}

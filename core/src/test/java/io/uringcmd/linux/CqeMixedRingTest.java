package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: an IORING_SETUP_CQE_MIXED ring (6.18) holds 16-byte CQEs and 32-byte ones flagged IORING_CQE_F_32
 * that take two slots; a uring_cmd completed by the issue path is a plain 16-byte CQE; a 32-byte CQE that would not
 * fit before the wrap is preceded by a padding CQE with IORING_CQE_F_SKIP, which the ring skips
 * (shared/kernel-uring-cmd.md §1.3, §2.6 rule 5, §6.7).
 */
class CqeMixedRingTest {
    @Test
    void sixteenAndThirtyTwoByteCqesShareTheRing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4).cqeMixed())) {
            assertEquals(IORING_SETUP_CQE_MIXED, ring.params().flags() & IORING_SETUP_CQE_MIXED);
            int devNull = KernelTests.openDevNull();
            try {
                ring.sqe().prepNop().userData(1);
                ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).off(11).addr(22).userData(2);
                ring.sqe().prepUringCmd(devNull, 0).userData(3);
                ring.submit();
                // 1 + 2 + 1 slots.
                ring.waitCqe();
                assertEquals(4, ring.cqReady());
                Cqe c = ring.peekCqe();
                assertFalse(c.is32());
                assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, IORING_CQE_F_32, 11, 22), new CqeRecord(3, 0, 0)),
                        RingTests.reap(ring, 3));
                RingTests.assertNoCqe(ring);
                assertEquals(0, ring.cqReady());
            } finally {
                Fds.close(devNull);
            }
        }
    }

    @Test
    void bigCqeAtTheWrapIsPrecededBySkipPadding() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4).cqSize(8).cqeMixed())) {
            assertEquals(8, ring.cqEntries());
            // Move head and tail to slot 7: the last slot before the wrap.
            for (int i = 0; i < 4; i++) ring.sqe().prepNop().userData(i);
            RingTests.submitAndReap(ring, 4);
            for (int i = 0; i < 3; i++) ring.sqe().prepNop().userData(4 + i);
            RingTests.submitAndReap(ring, 3);
            // A 32-byte CQE cannot take slot 7 alone: padding in 7, the CQE in slots 0 and 1.
            ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).off(5).addr(6).userData(7);
            ring.submit(); // a NOP completes inline, during the enter
            assertEquals(3, ring.cqReady(), "one padding slot and two for the 32-byte CQE");
            assertEquals(List.of(new CqeRecord(7, 0, IORING_CQE_F_32, 5, 6)), RingTests.reap(ring, 1));
            assertEquals(0, ring.cqReady());
            RingTests.assertNoCqe(ring);
        }
    }
}

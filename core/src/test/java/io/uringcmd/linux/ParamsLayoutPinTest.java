package io.uringcmd.linux;

import io.uringcmd.abi.ParamsLayout;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingParams;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: io_uring_params (120 B) and the two offset structs (40 B) match 6.18, and what the kernel writes back
 * into sq_off/cq_off is the fixed struct io_rings layout with sq_off.array = ALIGN((64 + 16*cq) << cqe32, 64)
 * (shared/kernel-uring-cmd.md §1.8, §1.11).
 */
class ParamsLayoutPinTest {
    @Test
    void structOffsets() {
        assertEquals(120, ParamsLayout.SIZE);
        assertEquals(40, ParamsLayout.SQ_OFFSETS.byteSize());
        assertEquals(40, ParamsLayout.CQ_OFFSETS.byteSize());
        assertEquals(0, ParamsLayout.SQ_ENTRIES);
        assertEquals(4, ParamsLayout.CQ_ENTRIES);
        assertEquals(8, ParamsLayout.FLAGS);
        assertEquals(12, ParamsLayout.SQ_THREAD_CPU);
        assertEquals(16, ParamsLayout.SQ_THREAD_IDLE);
        assertEquals(20, ParamsLayout.FEATURES);
        assertEquals(24, ParamsLayout.WQ_FD);
        assertEquals(28, ParamsLayout.RESV);
        assertEquals(40, ParamsLayout.SQ_OFF);
        assertEquals(80, ParamsLayout.CQ_OFF);
        long[] sq = {ParamsLayout.SQO_HEAD, ParamsLayout.SQO_TAIL, ParamsLayout.SQO_RING_MASK, ParamsLayout.SQO_RING_ENTRIES,
                ParamsLayout.SQO_FLAGS, ParamsLayout.SQO_DROPPED, ParamsLayout.SQO_ARRAY};
        long[] cq = {ParamsLayout.CQO_HEAD, ParamsLayout.CQO_TAIL, ParamsLayout.CQO_RING_MASK, ParamsLayout.CQO_RING_ENTRIES,
                ParamsLayout.CQO_OVERFLOW, ParamsLayout.CQO_CQES, ParamsLayout.CQO_FLAGS};
        for (int i = 0; i < sq.length; i++) {
            assertEquals(4L * i, sq[i]);
            assertEquals(4L * i, cq[i]);
        }
        assertEquals(32, ParamsLayout.SQO_USER_ADDR);
        assertEquals(32, ParamsLayout.CQO_USER_ADDR);
    }

    @Test
    void sqArrayFormula() {
        assertEquals(320, ParamsLayout.sqArrayOffset(16, false));
        assertEquals(640, ParamsLayout.sqArrayOffset(16, true));
        assertEquals(128, ParamsLayout.sqArrayOffset(2, false));
        assertEquals(192, ParamsLayout.sqArrayOffset(8, false));
        assertEquals(131136, ParamsLayout.sqArrayOffset(8192, false));
    }

    @Test
    void kernelWritesTheFixedRingOffsets() {
        int[][] cases = {{8, 0, 320}, {8, IORING_SETUP_CQE32, 640}, {1, 0, 128}, {4, 0, 192}, {4096, 0, 131136}};
        for (int[] c : cases) {
            try (IoUring<Sqe> ring = Linux.setup(RingSetup.raw(c[0], c[1], 0))) {
                RingParams p = ring.params();
                assertEquals(c[0], p.sqEntries());
                assertEquals(2 * c[0], p.cqEntries());
                assertEquals(IORING_FEAT_ALL_6_18, p.features(), "6.18 sets all 18 feature bits");
                assertEquals(c[2], p.sqArray(), "sq_off.array for sq=" + c[0]);
                assertEquals(ParamsLayout.RINGS_SQ_HEAD, p.sqHead());
                assertEquals(ParamsLayout.RINGS_SQ_TAIL, p.sqTail());
                assertEquals(ParamsLayout.RINGS_SQ_RING_MASK, p.sqRingMask());
                assertEquals(ParamsLayout.RINGS_SQ_RING_ENTRIES, p.sqRingEntries());
                assertEquals(ParamsLayout.RINGS_SQ_DROPPED, p.sqDropped());
                assertEquals(ParamsLayout.RINGS_SQ_FLAGS, p.sqFlags());
                assertEquals(ParamsLayout.RINGS_CQ_HEAD, p.cqHead());
                assertEquals(ParamsLayout.RINGS_CQ_TAIL, p.cqTail());
                assertEquals(ParamsLayout.RINGS_CQ_RING_MASK, p.cqRingMask());
                assertEquals(ParamsLayout.RINGS_CQ_RING_ENTRIES, p.cqRingEntries());
                assertEquals(ParamsLayout.RINGS_CQ_OVERFLOW, p.cqOverflow());
                assertEquals(ParamsLayout.RINGS_CQ_FLAGS, p.cqFlags());
                assertEquals(ParamsLayout.RINGS_CQES, p.cqes());
            }
        }
        try (IoUring<Sqe> ring = Linux.setup(RingSetup.raw(8, IORING_SETUP_NO_SQARRAY, 0))) {
            assertEquals(0, ring.params().sqArray(), "no SQ array with NO_SQARRAY");
        }
    }
}

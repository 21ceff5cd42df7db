package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_NOP_INJECT_RESULT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: a NOP with IORING_NOP_INJECT_RESULT completes with res = sqe->len read as s32, negative values
 * included, flags 0; without the flag len is ignored and res is 0 (shared/kernel-uring-cmd.md §1.6, nop.c).
 */
class NopInjectResultTest {
    @Test
    void injectedResultsComeBackAsResIncludingNegative() {
        int[] results = {0, 1, 4096, Integer.MAX_VALUE, -1, -22, -4095, Integer.MIN_VALUE};
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(16))) {
            for (int i = 0; i < results.length; i++) ring.sqe().prepNopInject(results[i]).userData(100 + i);
            // len without INJECT_RESULT: ignored.
            ring.sqe().prepNop().len(-5).userData(200);
            List<CqeRecord> got = RingTests.submitAndReap(ring, results.length + 1);
            for (int i = 0; i < results.length; i++) assertEquals(new CqeRecord(100 + i, results[i], 0), got.get(i));
            assertEquals(new CqeRecord(200, 0, 0), got.get(results.length));
        }
    }

    @Test
    void unknownNopFlagIsEinval() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            ring.sqe().prepNop().nopFlags(IORING_NOP_INJECT_RESULT | (1 << 6)).len(7).userData(1);
            assertEquals(new CqeRecord(1, -22, 0), RingTests.submitOne(ring));
        }
    }
}

package io.uringcmd.linux;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.IORING_SETUP_CLAMP;
import static io.uringcmd.abi.Uapi.IORING_SETUP_CQSIZE;
import static io.uringcmd.linux.SetupEntriesValidationTest.assertEinval;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: IORING_SETUP_CQSIZE rules: cq_entries 0, more than 65536 (without CLAMP) and fewer than the SQ give
 * EINVAL; CLAMP clamps to 65536; the size rounds up to a power of two (shared/kernel-uring-cmd.md §1.7 rule 10).
 */
class SetupCqSizeValidationTest {
    @Test
    void zeroCqEntriesIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_CQSIZE, 0));
    }

    @Test
    void moreThan65536IsEinvalWithoutClamp() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_CQSIZE, 65537));
    }

    @Test
    void clampClampsTo65536() {
        try (IoUring<Sqe> ring = Linux.setup(RingSetup.raw(4, IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP, 65537))) {
            assertEquals(65536, ring.cqEntries());
        }
    }

    @Test
    void cqSmallerThanSqIsEinval() {
        assertEinval(RingSetup.raw(8, IORING_SETUP_CQSIZE, 4));
    }

    @Test
    void cqRoundsUpToAPowerOfTwo() {
        try (IoUring<Sqe> ring = Linux.setup(RingSetup.raw(4, IORING_SETUP_CQSIZE, 5))) {
            assertEquals(4, ring.sqEntries());
            assertEquals(8, ring.cqEntries());
        }
    }
}

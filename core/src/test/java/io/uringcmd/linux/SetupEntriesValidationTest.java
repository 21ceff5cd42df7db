package io.uringcmd.linux;

import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.IORING_SETUP_CLAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Description: io_uring_setup's entries rule: 0 and more than 32768 give EINVAL, CLAMP clamps to 32768, other values
 * round up to a power of two and the CQ is twice the SQ (shared/kernel-uring-cmd.md §1.7 rule 9).
 */
class SetupEntriesValidationTest {
    @Test
    void zeroEntriesIsEinval() {
        assertEinval(RingSetup.raw(0, 0, 0));
    }

    @Test
    void moreThan32768IsEinvalWithoutClamp() {
        assertEinval(RingSetup.raw(32769, 0, 0));
        assertEinval(RingSetup.raw(1 << 20, 0, 0));
    }

    @Test
    void clampClampsTo32768() {
        try (IoUring<Sqe> ring = Linux.setup(RingSetup.raw(32769, IORING_SETUP_CLAMP, 0))) {
            assertEquals(32768, ring.sqEntries());
            assertEquals(65536, ring.cqEntries());
        }
    }

    @Test
    void entriesRoundUpToAPowerOfTwo() {
        try (IoUring<Sqe> ring = Linux.setup(RingSetup.raw(3, 0, 0))) {
            assertEquals(4, ring.sqEntries());
            assertEquals(8, ring.cqEntries());
        }
    }

    static void assertEinval(RingSetup<?> setup) {
        ErrnoException e = assertThrows(ErrnoException.class, () -> Linux.setup(setup).close(), setup.toString());
        assertEquals(22, e.errno(), e.getMessage());
        assertEquals("io_uring_setup(" + setup + ")", e.call());
    }
}

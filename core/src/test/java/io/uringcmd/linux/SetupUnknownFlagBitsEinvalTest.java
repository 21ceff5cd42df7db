package io.uringcmd.linux;

import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.uringcmd.linux.SetupEntriesValidationTest.assertEinval;

/**
 * Description: a setup flag bit 6.18 does not know (1<<19 SQE_MIXED and 1<<20 SQ_REWIND of later kernels, 1<<21,
 * 1<<31) gives EINVAL, as does a non-zero params.resv word (shared/kernel-uring-cmd.md §1.7 rules 1-2).
 */
class SetupUnknownFlagBitsEinvalTest {
    @ParameterizedTest
    @ValueSource(ints = {1 << 19, 1 << 20, 1 << 21, 1 << 31})
    void unknownBitIsEinval(int bit) {
        assertEinval(RingSetup.raw(4, bit, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void nonZeroResvIsEinval(int word) {
        assertEinval(RingSetup.entries(4).resv(word, 1));
    }
}

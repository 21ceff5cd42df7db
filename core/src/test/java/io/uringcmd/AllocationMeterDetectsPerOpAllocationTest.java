package io.uringcmd;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: AllocationMeter fails an operation that allocates on every run (its retries absorb a late JIT
 * compile, not a real per-operation allocation), and passes one that allocates nothing.
 */
class AllocationMeterDetectsPerOpAllocationTest {
    private static Object sink;

    @Test
    void perOpAllocationFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> AllocationMeter.assertAllocationFree("allocating op", () -> sink = new long[2]));
        assertTrue(e.getMessage().contains("the hot path must not allocate"), e.getMessage());
    }

    @Test
    void allocationFreeOpPasses() {
        long[] counter = new long[1];
        AllocationMeter.assertAllocationFree("counter", () -> counter[0]++);
    }
}

package io.uringcmd;

import org.junit.jupiter.api.Assumptions;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Counts what a hot path allocates on the calling thread (ThreadMXBean.getThreadAllocatedBytes): after warm-up,
 * N round trips must allocate less than 0.1 byte per operation on average (the slack absorbs a stray allocation by
 * the JIT or the JDK, not one per operation).
 *
 * <p>Why up to {@value #MEASUREMENTS} measurements: code that is not yet C2-compiled allocates on paths C2's escape
 * analysis makes allocation-free (each downcall with {@code captureCallState} slices its capture segment in
 * {@code SharedUtils.checkCaptureSegment}: 40 bytes per syscall in the interpreter and C1). A quiet warm-up round
 * does not prove the measured code is C2 code: it can come from an on-stack-replacement compile of the warm-up loop
 * while the standalone compile of the operation, which the measurement calls, still waits in a compile queue slowed
 * by other processes (seen at 17-40 bytes/op on a loaded 2-core machine). A real per-operation allocation shows in
 * every measurement, so passing on any one of them does not weaken the check.
 */
public final class AllocationMeter {
    private AllocationMeter() {}

    public interface Op { void run(); }

    public static final int N = 100_000;

    private static final int WARMUP_ROUND = 10_000;

    /** Measurements of {@link #N} round trips; the check passes if one of them is quiet. */
    private static final int MEASUREMENTS = 3;

    public static void assertAllocationFree(String what, Op op) {
        // Through method handles: the test sources compile inside module io.uringcmd, which does not read
        // java.management / jdk.management; at run time the tests are on the class path and can.
        MethodHandle allocatedBytes;
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
            Assumptions.assumeTrue(sunBean.isInstance(bean), "skipped: this JVM has no com.sun.management.ThreadMXBean");
            boolean supported = (boolean) sunBean.getMethod("isThreadAllocatedMemorySupported").invoke(bean);
            Assumptions.assumeTrue(supported, "skipped: thread allocation counting is not supported");
            sunBean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            allocatedBytes = MethodHandles.publicLookup()
                    .findVirtual(sunBean, "getThreadAllocatedBytes", MethodType.methodType(long.class, long.class))
                    .bindTo(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot reach ThreadMXBean", e);
        }
        long tid = Thread.currentThread().threadId();
        try {
            // Warm up until the JIT has compiled the path: interpreted and C1 code allocate; C2 code must not.
            // Stop at the first quiet round, at most 40 rounds (400,000 round trips).
            for (int round = 0; round < 40; round++) {
                if (allocatedOver(allocatedBytes, tid, op, WARMUP_ROUND) < 1024) break;
            }
            long[] measured = new long[MEASUREMENTS];
            for (int m = 0; m < MEASUREMENTS; m++) {
                long allocated = measured[m] = allocatedOver(allocatedBytes, tid, op, N);
                System.out.println(what + ": " + allocated + " bytes allocated over " + N + " round trips");
                if (allocated < N / 10) return;
            }
            fail(what + ": " + java.util.Arrays.toString(measured) + " bytes in " + MEASUREMENTS + " measurements of "
                    + N + " round trips (at best " + (double) java.util.Arrays.stream(measured).min().getAsLong() / N
                    + " bytes/op); the hot path must not allocate");
        } catch (Throwable t) {
            if (t instanceof Error e) throw e;
            throw new AssertionError(t);
        }
    }

    /** Bytes the thread allocated over {@code n} runs of {@code op}: one loop for warm-up and measurement alike. */
    private static long allocatedOver(MethodHandle allocatedBytes, long tid, Op op, int n) throws Throwable {
        long before = (long) allocatedBytes.invoke(tid);
        for (int i = 0; i < n; i++) op.run();
        return (long) allocatedBytes.invoke(tid) - before;
    }
}

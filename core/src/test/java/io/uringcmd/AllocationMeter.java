package io.uringcmd;

import org.junit.jupiter.api.Assumptions;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts what a hot path allocates on the calling thread (ThreadMXBean.getThreadAllocatedBytes): after warm-up,
 * N round trips must allocate less than 0.1 byte per operation on average (the slack absorbs a stray allocation by
 * the JIT or the JDK, not one per operation).
 */
public final class AllocationMeter {
    private AllocationMeter() {}

    public interface Op { void run(); }

    public static final int N = 100_000;

    private static final int WARMUP_ROUND = 10_000;

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
            // Warm up until the JIT has compiled the path: interpreted and C1 code allocate (boxing in method handle
            // adapters); C2 code must not. Stop at the first quiet round, at most 40 rounds (400,000 round trips).
            for (int round = 0; round < 40; round++) {
                long start = (long) allocatedBytes.invoke(tid);
                for (int i = 0; i < WARMUP_ROUND; i++) op.run();
                if ((long) allocatedBytes.invoke(tid) - start < 1024) break;
            }
            long before = (long) allocatedBytes.invoke(tid);
            for (int i = 0; i < N; i++) op.run();
            long allocated = (long) allocatedBytes.invoke(tid) - before;
            System.out.println(what + ": " + allocated + " bytes allocated over " + N + " round trips");
            assertTrue(allocated < N / 10, what + ": " + allocated + " bytes over " + N + " round trips ("
                    + (double) allocated / N + " bytes/op); the hot path must not allocate");
        } catch (Throwable t) {
            if (t instanceof Error e) throw e;
            throw new AssertionError(t);
        }
    }
}

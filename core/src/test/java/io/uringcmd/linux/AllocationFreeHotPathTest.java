package io.uringcmd.linux;

import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: the hot path (claim an SQE, prep, submitAndWait, peekCqe, cqeSeen) allocates nothing per operation on
 * the kernel ring, for a NOP and for a socket SIOCINQ uring_cmd: after warm-up, 100,000 round trips allocate less than
 * 0.1 byte per operation on average (measured with ThreadMXBean.getThreadAllocatedBytes; the slack absorbs a stray
 * allocation by the JIT or the JDK, not one per operation).
 */
class AllocationFreeHotPathTest {
    private static final int N = 100_000;

    interface Op { void run(); }

    @Test
    void nopRoundTripAllocatesNothing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8))) {
            long[] sink = new long[1];
            assertAllocationFree("NOP", () -> {
                ring.sqe().prepNop().userData(42);
                ring.submitAndWait(1);
                Cqe c = ring.peekCqe();
                if (c.userData() != 42 || c.res() != 0) sink[0]++;
                ring.cqeSeen();
            });
            assertEquals(0, sink[0], "CQEs other than {42, 0}");
        }
    }

    @Test
    void siocinqRoundTripAllocatesNothing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8)); FdPair tcp = Fds.tcpPair()) {
            Fds.write(tcp.first(), new byte[5]);
            KernelTests.awaitIoctl(tcp.second(), Fds.SIOCINQ, 5);
            int fd = tcp.second();
            long[] sink = new long[1];
            assertAllocationFree("SIOCINQ", () -> {
                ring.sqe().prepSiocinq(fd).userData(7);
                ring.submitAndWait(1);
                Cqe c = ring.peekCqe();
                if (c.userData() != 7 || c.res() != 5) sink[0]++;
                ring.cqeSeen();
            });
            assertEquals(0, sink[0], "CQEs other than {7, 5}");
        }
    }

    private static final int WARMUP_ROUND = 10_000;

    private static void assertAllocationFree(String what, Op op) {
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

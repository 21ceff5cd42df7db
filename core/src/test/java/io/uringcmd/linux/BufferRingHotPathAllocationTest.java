package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static io.uringcmd.linux.Pbuf.buffer;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Description: the buffer ring's hot path (take a CQE's buffer, recycle it: add + release-store of the tail) and
 * PBUF_STATUS allocate nothing per operation: under one byte per operation over 200 000 operations after warm-up,
 * by the thread's allocated-bytes counter.
 */
class BufferRingHotPathAllocationTest {
    @Test
    void takeAndRecycleAllocateNothing() throws ReflectiveOperationException {
        // Reflection: the tests compile inside module io.uringcmd, which does not read java.management.
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> mx = Class.forName("com.sun.management.ThreadMXBean");
        assumeTrue(mx.isInstance(threads) && (boolean) mx.getMethod("isThreadAllocatedMemorySupported").invoke(threads),
                "this JVM cannot count allocated bytes per thread");
        mx.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(threads, true);
        Method allocatedBytes = mx.getMethod("getThreadAllocatedBytes", long.class);
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2));
             BufferRing bufs = BufferRing.register(ring, 1, 8, 64)) {
            for (int bid = 0; bid < 8; bid++) bufs.take(buffer(bid, 0), 64); // all held by the app
            run(bufs, 50_000); // warm-up: let the JIT compile the loop
            long tid = Thread.currentThread().threadId();
            long before = (long) allocatedBytes.invoke(threads, tid);
            run(bufs, 200_000);
            long allocated = (long) allocatedBytes.invoke(threads, tid) - before;
            // One allocation per operation would be >= 16 bytes x 200 000; what remains is the JIT's and the counter's
            // own (a few KiB), so the bar is under one byte per operation.
            assertTrue(allocated < 200_000, allocated + " bytes allocated over 200000 recycle/take operations");
        }
    }

    private static void run(BufferRing bufs, int n) {
        for (int i = 0; i < n; i++) {
            int bid = i & 7;
            bufs.recycle(bid);
            bufs.take(buffer(bid, 0), i & 63);
            if ((i & 1023) == 0) bufs.head();
        }
    }
}

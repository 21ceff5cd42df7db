package io.uringcmd.jmh;

import io.uringcmd.linux.Linux;
import io.uringcmd.linux.LinuxBackend;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingMemory;
import io.uringcmd.ring.RingParams;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.openjdk.jmh.annotations.*;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.*;

/**
 * A reference point, not a product path: NOP on a kernel ring driven by the leanest FFM loop, straight on the ring's
 * memory (one hoisted segment for the SQE array, eight stores per SQE, one {@code io_uring_enter} through libc
 * {@code syscall} with errno capture, one CQ tail load and one head store per batch; no views, no checks beyond
 * the memory API's). It shows what FFM itself costs against liburing; the gap between it and
 * {@link KernelNopBench} is the cost of the IoUring API's views and safety checks (docs/BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LeanFfmNopBench {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static final long NR_IO_URING_ENTER = 426, IORING_ENTER_GETEVENTS = 1;

    private IoUring<Sqe64> ring;
    private MemorySegment sq, cq, sqes, capture;
    private long sqTailOff, cqHeadOff, cqTailOff, cqesOff, fd;
    private int sqMask, cqMask, sqTail, cqHead;

    @Setup
    public void setup() {
        ring = Linux.setup(RingSetup.entries(128));
        RingMemory m = ring.backend().memory();
        RingParams p = m.params();
        sq = m.sqRing();
        cq = m.cqRing();
        sqes = m.sqes();
        sqTailOff = p.sqTail();
        cqHeadOff = p.cqHead();
        cqTailOff = p.cqTail();
        cqesOff = p.cqes();
        sqMask = sq.get(JAVA_INT, p.sqRingMask());
        cqMask = cq.get(JAVA_INT, p.cqRingMask());
        sqTail = sq.get(JAVA_INT, sqTailOff);
        cqHead = cq.get(JAVA_INT, cqHeadOff);
        fd = ((LinuxBackend) ring.backend()).ringFd();
        capture = Arena.ofAuto().allocate(Linker.Option.captureStateLayout());
    }

    @TearDown
    public void tearDown() { ring.close(); }

    private void batch(int b) throws Throwable {
        MemorySegment s = sqes;
        int tail = sqTail;
        for (int i = 0; i < b; i++) {
            long o = (long) ((tail + i) & sqMask) << 6;
            s.set(JAVA_LONG_UNALIGNED, o, 0L);
            s.set(JAVA_LONG_UNALIGNED, o + 8, 0L);
            s.set(JAVA_LONG_UNALIGNED, o + 16, 0L);
            s.set(JAVA_LONG_UNALIGNED, o + 24, 0L);
            s.set(JAVA_LONG_UNALIGNED, o + 32, (long) i);
            s.set(JAVA_LONG_UNALIGNED, o + 40, 0L);
            s.set(JAVA_LONG_UNALIGNED, o + 48, 0L);
            s.set(JAVA_LONG_UNALIGNED, o + 56, 0L);
        }
        sqTail = tail + b;
        INT.setRelease(sq, sqTailOff, sqTail);
        long r = (long) SYSCALL.invokeExact(capture, NR_IO_URING_ENTER, fd, (long) b, (long) b, IORING_ENTER_GETEVENTS, 0L, 0L);
        if (r != b) throw new IllegalStateException("io_uring_enter: " + r);
        int head = cqHead;
        if ((int) INT.getAcquire(cq, cqTailOff) - head < b) throw new IllegalStateException("CQEs missing");
        for (int i = 0; i < b; i++) {
            long o = cqesOff + ((long) ((head + i) & cqMask) << 4);
            if (cq.get(JAVA_INT_UNALIGNED, o + 8) != 0) throw new IllegalStateException("NOP res != 0");
        }
        cqHead = head + b;
        INT.setRelease(cq, cqHeadOff, cqHead);
    }

    @Benchmark @OperationsPerInvocation(1) public void batch1() throws Throwable { batch(1); }
    @Benchmark @OperationsPerInvocation(32) public void batch32() throws Throwable { batch(32); }
}

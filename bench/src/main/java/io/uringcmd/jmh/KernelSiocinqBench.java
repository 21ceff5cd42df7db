package io.uringcmd.jmh;

import io.uringcmd.bench.BenchCase;
import io.uringcmd.bench.KernelSiocinq;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * {@code SOCKET_URING_OP_SIOCINQ} uring_cmd on a loopback TCP socket holding 9 unread bytes, per operation, at
 * batch 1 and 32 ({@link KernelSiocinq#runBatch()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class KernelSiocinqBench {
    private final CaseState state = new CaseState();
    private BenchCase b1, b32;

    @Setup
    public void setup() {
        b1 = state.open(new KernelSiocinq(1));
        b32 = state.open(new KernelSiocinq(32));
    }

    @TearDown
    public void tearDown() { state.close(); }

    @Benchmark @OperationsPerInvocation(1) public void batch1() { b1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void batch32() { b32.runBatch(); }
}

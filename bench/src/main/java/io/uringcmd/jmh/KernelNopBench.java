package io.uringcmd.jmh;

import io.uringcmd.bench.BenchCase;
import io.uringcmd.bench.KernelNop;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * NOP on a kernel ring, per operation, at batch 1, 8, 32 and 128: claim the batch, submitAndWait(batch), reap it
 * ({@link KernelNop#runBatch()}, the loop {@code bin/uringcmd bench} and the liburing baseline also run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class KernelNopBench {
    private final CaseState state = new CaseState();
    private BenchCase b1, b8, b32, b128;

    @Setup
    public void setup() {
        b1 = state.open(new KernelNop(1));
        b8 = state.open(new KernelNop(8));
        b32 = state.open(new KernelNop(32));
        b128 = state.open(new KernelNop(128));
    }

    @TearDown
    public void tearDown() { state.close(); }

    @Benchmark @OperationsPerInvocation(1) public void batch1() { b1.runBatch(); }
    @Benchmark @OperationsPerInvocation(8) public void batch8() { b8.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void batch32() { b32.runBatch(); }
    @Benchmark @OperationsPerInvocation(128) public void batch128() { b128.runBatch(); }
}

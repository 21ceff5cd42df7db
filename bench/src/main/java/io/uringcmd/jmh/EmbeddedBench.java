package io.uringcmd.jmh;

import io.uringcmd.bench.BenchCase;
import io.uringcmd.bench.EmbeddedCase;
import io.uringcmd.bench.EmbeddedCase.Kind;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * The embedded host, per operation ({@link EmbeddedCase#runBatch()}): NOP and a uring_cmd that a trivial device
 * answers at once, at batch 1 and 32; and a queued uring_cmd completed from another thread (round trip, batch 1).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EmbeddedBench {
    private final CaseState state = new CaseState();
    private BenchCase nop1, nop32, cmd1, cmd32, queued1;

    @Setup
    public void setup() {
        nop1 = state.open(new EmbeddedCase(Kind.NOP, 1));
        nop32 = state.open(new EmbeddedCase(Kind.NOP, 32));
        cmd1 = state.open(new EmbeddedCase(Kind.CMD, 1));
        cmd32 = state.open(new EmbeddedCase(Kind.CMD, 32));
        queued1 = state.open(new EmbeddedCase(Kind.QUEUED, 1));
    }

    @TearDown
    public void tearDown() { state.close(); }

    @Benchmark @OperationsPerInvocation(1) public void nopBatch1() { nop1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void nopBatch32() { nop32.runBatch(); }
    @Benchmark @OperationsPerInvocation(1) public void cmdBatch1() { cmd1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void cmdBatch32() { cmd32.runBatch(); }
    @Benchmark @OperationsPerInvocation(1) public void queuedRoundTrip() { queued1.runBatch(); }
}

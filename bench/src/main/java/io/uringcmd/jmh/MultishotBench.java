package io.uringcmd.jmh;

import io.uringcmd.bench.BenchCase;
import io.uringcmd.bench.MultishotCase;
import io.uringcmd.bench.MultishotCase.Kind;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Event delivery on the embedded host, per event ({@link MultishotCase#runBatch()}): one multishot uring_cmd with
 * provided buffers against single-shot re-arm, at batch 1 and 32. Setup fails, saying why, on an engine build
 * without provided buffer rings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MultishotBench {
    private final CaseState state = new CaseState();
    private BenchCase rearm1, rearm32, multishot1, multishot32;

    @Setup
    public void setup() {
        rearm1 = state.open(new MultishotCase(Kind.REARM, 1));
        rearm32 = state.open(new MultishotCase(Kind.REARM, 32));
        multishot1 = state.open(new MultishotCase(Kind.MULTISHOT, 1));
        multishot32 = state.open(new MultishotCase(Kind.MULTISHOT, 32));
    }

    @TearDown
    public void tearDown() { state.close(); }

    @Benchmark @OperationsPerInvocation(1) public void rearmBatch1() { rearm1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void rearmBatch32() { rearm32.runBatch(); }
    @Benchmark @OperationsPerInvocation(1) public void multishotBatch1() { multishot1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void multishotBatch32() { multishot32.runBatch(); }
}

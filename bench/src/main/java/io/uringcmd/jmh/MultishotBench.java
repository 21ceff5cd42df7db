package io.uringcmd.jmh;

import io.uringcmd.bench.BenchCase;
import io.uringcmd.bench.MultishotCase;
import io.uringcmd.bench.MultishotCase.Kind;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Event delivery on the embedded host, per event ({@link MultishotCase#runBatch()}): one multishot uring_cmd with
 * provided buffers against single-shot re-arm, at batch 1 and 32. The multishot benchmarks fail at setup, saying
 * why, on an engine build without provided buffer rings; the re-arm ones still run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MultishotBench {
    @State(Scope.Thread)
    public static class Rearm {
        private final CaseState state = new CaseState();
        BenchCase b1, b32;

        @Setup
        public void setup() {
            b1 = state.open(new MultishotCase(Kind.REARM, 1));
            b32 = state.open(new MultishotCase(Kind.REARM, 32));
        }

        @TearDown
        public void tearDown() { state.close(); }
    }

    @State(Scope.Thread)
    public static class Multishot {
        private final CaseState state = new CaseState();
        BenchCase b1, b32;

        @Setup
        public void setup() {
            b1 = state.open(new MultishotCase(Kind.MULTISHOT, 1));
            b32 = state.open(new MultishotCase(Kind.MULTISHOT, 32));
        }

        @TearDown
        public void tearDown() { state.close(); }
    }

    @Benchmark @OperationsPerInvocation(1) public void rearmBatch1(Rearm s) { s.b1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void rearmBatch32(Rearm s) { s.b32.runBatch(); }
    @Benchmark @OperationsPerInvocation(1) public void multishotBatch1(Multishot s) { s.b1.runBatch(); }
    @Benchmark @OperationsPerInvocation(32) public void multishotBatch32(Multishot s) { s.b32.runBatch(); }
}

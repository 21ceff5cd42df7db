package io.uringcmd.bench;

import io.uringcmd.linux.Linux;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;

/** {@code IORING_OP_NOP} on a kernel ring: the cost of the ring itself (one io_uring_enter per batch). */
public final class KernelNop implements BenchCase {
    /** Both sides use a 128-entry ring (the largest batch). */
    public static final int RING_ENTRIES = 128;

    private final IoUring<Sqe64> ring;
    private final int batch;

    public KernelNop(int batch) {
        if (batch < 1 || batch > RING_ENTRIES) throw new IllegalArgumentException("batch " + batch + " outside 1.." + RING_ENTRIES);
        this.batch = batch;
        this.ring = Linux.setup(RingSetup.entries(RING_ENTRIES));
    }

    @Override public String name() { return "nop"; }
    @Override public String backend() { return "kernel"; }
    @Override public int batch() { return batch; }
    @Override public String baseline() { return "nop"; }

    @Override
    public void runBatch() {
        IoUring<Sqe64> r = ring;
        int b = batch;
        for (int i = 0; i < b; i++) r.sqe().prepNop().userData(i);
        Checks.submitAndReap(this, r, b, 0);
    }

    @Override public void close() { ring.close(); }
}

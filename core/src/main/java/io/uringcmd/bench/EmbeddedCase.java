package io.uringcmd.bench;

import io.uringcmd.embedded.Host;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;

/**
 * The embedded host's cases: the same loop and the same ring client as the kernel cases, over
 * {@code io.uringcmd.embedded.Host} with {@link BenchDevice} as {@code /dev/bench}.
 * <ul>
 *   <li>{@code nop}: IORING_OP_NOP, against the kernel's NOP;</li>
 *   <li>{@code cmd}: a uring_cmd the device answers at once with 9, against the kernel's SIOCINQ uring_cmd;</li>
 *   <li>{@code queued}: a uring_cmd the device queues and another thread completes; one round trip per op.</li>
 * </ul>
 */
public final class EmbeddedCase implements BenchCase {
    public enum Kind { NOP, CMD, QUEUED }

    private final Kind kind;
    private final int batch;
    private final Host host;
    private final BenchDevice device;
    private final IoUring<Sqe64> ring;
    private final int fd;

    public EmbeddedCase(Kind kind, int batch) {
        if (batch < 1 || batch > KernelNop.RING_ENTRIES) throw new IllegalArgumentException("batch " + batch + " outside 1.." + KernelNop.RING_ENTRIES);
        if (kind == Kind.QUEUED && batch != 1) throw new IllegalArgumentException("the queued case is a round trip: batch 1");
        this.kind = kind;
        this.batch = batch;
        this.host = new Host();
        this.device = new BenchDevice();
        try {
            host.register("bench", device);
            this.fd = host.open("/dev/bench");
            this.ring = host.setup(RingSetup.entries(KernelNop.RING_ENTRIES));
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        if (kind == Kind.QUEUED) device.startCompleter();
    }

    @Override public String name() { return kind.name().toLowerCase(java.util.Locale.ROOT); }
    @Override public String backend() { return "embedded"; }
    @Override public int batch() { return batch; }

    @Override
    public void runBatch() {
        switch (kind) {
            case NOP -> nop();
            case CMD -> cmd(BenchDevice.CMD_INQ, BenchDevice.INQ_RES);
            case QUEUED -> cmd(BenchDevice.CMD_QUEUED, BenchDevice.QUEUED_RES);
        }
    }

    private void nop() {
        IoUring<Sqe64> r = ring;
        int b = batch;
        for (int i = 0; i < b; i++) r.sqe().prepNop().userData(i);
        Checks.submitAndReap(this, r, b, 0);
    }

    private void cmd(int cmdOp, int want) {
        IoUring<Sqe64> r = ring;
        int b = batch;
        for (int i = 0; i < b; i++) r.sqe().prepUringCmd(fd, cmdOp).userData(i);
        Checks.submitAndReap(this, r, b, want);
    }

    @Override
    public void close() {
        try {
            ring.close();
        } finally {
            device.close();
            host.close();
        }
    }
}

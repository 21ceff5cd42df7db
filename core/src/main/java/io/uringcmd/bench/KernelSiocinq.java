package io.uringcmd.bench;

import io.uringcmd.linux.Linux;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;

/**
 * {@code IORING_OP_URING_CMD} with {@code SOCKET_URING_OP_SIOCINQ} on a loopback TCP socket holding 9 unread
 * bytes: each CQE must say res 9. The kernel completes it inline, so this is the ring plus the socket's ioctl path.
 */
public final class KernelSiocinq implements BenchCase {
    private final IoUring<Sqe64> ring;
    private final LoopbackTcp tcp;
    private final int fd;
    private final int batch;

    public KernelSiocinq(int batch) {
        if (batch < 1 || batch > KernelNop.RING_ENTRIES) throw new IllegalArgumentException("batch " + batch + " outside 1.." + KernelNop.RING_ENTRIES);
        this.batch = batch;
        this.tcp = new LoopbackTcp();
        this.fd = tcp.rx();
        try {
            this.ring = Linux.setup(RingSetup.entries(KernelNop.RING_ENTRIES));
        } catch (RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    @Override public String name() { return "siocinq"; }
    @Override public String backend() { return "kernel"; }
    @Override public int batch() { return batch; }
    @Override public String baseline() { return "siocinq"; }

    @Override
    public void runBatch() {
        IoUring<Sqe64> r = ring;
        int b = batch;
        for (int i = 0; i < b; i++) r.sqe().prepSiocinq(fd).userData(i);
        Checks.submitAndReap(this, r, b, LoopbackTcp.PAYLOAD);
    }

    @Override
    public void close() {
        try {
            ring.close();
        } finally {
            tcp.close();
        }
    }
}

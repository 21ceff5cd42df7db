package io.uringcmd.bench;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.embedded.Host;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * Event delivery on the embedded host, in events per second ({@link EventDevice}): one armed multishot uring_cmd
 * whose events arrive as CQEs with {@code IORING_CQE_F_MORE}, each in a provided buffer that the reader gives back;
 * against single-shot re-arm, where every event costs an SQE. Same loop shape: per batch, {@code batch} events
 * happen, the reader enters once waiting for {@code batch} CQEs (submitting {@code batch} re-arm SQEs in the
 * single-shot case), and reaps them.
 */
public final class MultishotCase implements BenchCase {
    public enum Kind { MULTISHOT, REARM }

    private static final int BGID = 7, BUFS = 256, BUF_SIZE = 16;
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();

    private final Kind kind;
    private final int batch;
    private final Host host;
    private final EventDevice device;
    private final IoUring<Sqe64> ring;
    private final int fd;
    private final MemorySegment bufRing, bufs;
    private int bufTail;

    public MultishotCase(Kind kind, int batch) {
        if (batch < 1 || batch > KernelNop.RING_ENTRIES) throw new IllegalArgumentException("batch " + batch + " outside 1.." + KernelNop.RING_ENTRIES);
        this.kind = kind;
        this.batch = batch;
        this.host = new Host();
        this.device = new EventDevice(BGID);
        try {
            host.register("events", device);
            fd = host.open("/dev/events");
            ring = host.setup(RingSetup.entries(KernelNop.RING_ENTRIES));
            bufRing = ring.allocatePages(BufRingLayout.BUF_SIZE * BUFS);
            bufs = ring.allocate((long) BUF_SIZE * BUFS);
            if (kind == Kind.MULTISHOT) {
                MemorySegment reg = ring.allocate(BufRingLayout.REG_SIZE);
                reg.set(JAVA_LONG, BufRingLayout.REG_RING_ADDR, bufRing.address());
                reg.set(JAVA_INT, BufRingLayout.REG_RING_ENTRIES, BUFS);
                reg.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) BGID);
                int r = ring.register(IORING_REGISTER_PBUF_RING, reg, 1);
                if (r < 0) throw new Unsupported("IORING_REGISTER_PBUF_RING on the embedded host gave " + io.uringcmd.abi.Errno.describe(r));
                for (int i = 0; i < BUFS; i++) giveBack(i);
                publishBuffers();
                ring.sqe().prepUringCmd(fd, EventDevice.CMD_STREAM).multishot(BGID).userData(1);
                ring.submit();
                // One event as a probe: an engine without buffer selection ends the stream (-ENOBUFS) instead.
                device.fire(1);
                ring.submitAndWait(1);
                Cqe c = ring.peekCqe();
                if (c == null || c.res() != EventDevice.EVENT_BYTES || !c.hasMore()) {
                    throw new Unsupported("multishot delivery on this engine build: the first event came back as "
                            + (c == null ? "no CQE" : c.copy().toString()));
                }
                giveBack(c.bufferId());
                ring.cqeSeen();
                publishBuffers();
            }
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    @Override public String name() { return kind == Kind.MULTISHOT ? "multishot" : "rearm"; }
    @Override public String backend() { return "embedded"; }
    @Override public int batch() { return batch; }

    @Override
    public void runBatch() {
        IoUring<Sqe64> r = ring;
        int b = batch;
        device.fire(b);
        if (kind == Kind.REARM) {
            for (int i = 0; i < b; i++) r.sqe().prepUringCmd(fd, EventDevice.CMD_READ).userData(i);
            int n = r.submitAndWait(b);
            if (n != b) throw Checks.submitted(this, n);
            for (int i = 0; i < b; i++) {
                Cqe c = r.peekCqe();
                if (c == null || c.res() != EventDevice.EVENT_BYTES) throw Checks.cqe(this, i, c, EventDevice.EVENT_BYTES);
                r.cqeSeen();
            }
        } else {
            r.submitAndWait(b);
            for (int i = 0; i < b; i++) {
                Cqe c = r.peekCqe();
                if (c == null || c.res() != EventDevice.EVENT_BYTES || (c.flags() & (IORING_CQE_F_MORE | IORING_CQE_F_BUFFER))
                        != (IORING_CQE_F_MORE | IORING_CQE_F_BUFFER)) {
                    throw Checks.cqe(this, i, c, EventDevice.EVENT_BYTES);
                }
                giveBack(c.bufferId());
                r.cqeSeen();
            }
            publishBuffers();
        }
    }

    /** {@code io_uring_buf_ring_add}: buffer {@code bid} goes back at the tail (published by {@link #publishBuffers}). */
    private void giveBack(int bid) {
        long e = BufRingLayout.BUF_SIZE * (bufTail & (BUFS - 1));
        bufRing.set(JAVA_LONG, e + BufRingLayout.BUF_ADDR, bufs.address() + (long) bid * BUF_SIZE);
        bufRing.set(JAVA_INT, e + BufRingLayout.BUF_LEN, BUF_SIZE);
        bufRing.set(JAVA_SHORT, e + BufRingLayout.BUF_BID, (short) bid);
        bufTail++;
    }

    /** {@code io_uring_buf_ring_advance}: release-store the tail so the host sees the entries written before it. */
    private void publishBuffers() {
        SHORT.setRelease(bufRing, BufRingLayout.RING_TAIL, (short) bufTail);
    }

    @Override
    public void close() {
        try {
            ring.close();
        } finally {
            host.close();
        }
    }
}
